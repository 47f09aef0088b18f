"""Where events join the rest of the portal without the library knowing them: sections on
resource pages and on /accounts/, the public cache version, history, and the demo step."""

import reversion
from django.db.models.signals import m2m_changed, post_delete, post_save

from library.cache import bump_public_version
from library.models.versions import publishes_on_schedule


def events_of_resource(resource):
    """“From the events”: the public events this resource came out of (public data only, since
    resource pages are cached for every reader)."""
    from events.models import Event

    events = list(
        Event.objects.public().filter(outcomes=resource).select_related("country").order_by("-starts_at")
    )
    if not events:
        return None
    return {"template": "events/includes/resource_events.html", "events": events}


def registrations_of_person(request):
    from events import links
    from events.models import Registration

    if not request.user.is_authenticated:
        return None
    entries = list(
        Registration.objects.filter(user=request.user, anonymised_at__isnull=True)
        .select_related("event", "event__country")
        .order_by("-event__starts_at")[:50]
    )
    for entry in entries:
        entry.manage_path = links.path_for(entry, links.MANAGE)
    return {"template": "events/includes/account_registrations.html", "registrations": entries}


def keep_revision(sender, instance, raw=False, **kwargs):
    """Every save of an event outside the admin and the workflow keeps a revision too."""
    if raw or reversion.is_active() or not reversion.is_registered(type(instance)):
        return
    with reversion.create_revision():
        reversion.add_to_revision(instance)


def _bump(sender, raw=False, **kwargs):
    if not raw:
        bump_public_version()


def _bump_on_links(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        bump_public_version()


def event_times():
    from events.models import PUBLIC_STATUSES, Event

    return Event.objects.filter(status__in=PUBLIC_STATUSES).values("published_at")


def connect_signals():
    from events.models import Event, Speaker

    # an event scheduled to go public shows on the home page and resource pages when its time comes
    publishes_on_schedule(event_times)

    if not reversion.is_registered(Event):
        reversion.register(Event, follow=["speakers"])
        reversion.register(Speaker)
    post_save.connect(keep_revision, sender=Event, dispatch_uid="events-revision")
    # the home page and resource pages (cached under the public version) show events
    post_save.connect(_bump, sender=Event, dispatch_uid="events-bump-save")
    post_delete.connect(_bump, sender=Event, dispatch_uid="events-bump-delete")
    m2m_changed.connect(_bump_on_links, sender=Event.outcomes.through, dispatch_uid="events-bump-outcomes")
    m2m_changed.connect(_bump_on_links, sender=Event.themes.through, dispatch_uid="events-bump-themes")


def add_demo_step():
    """seed_demo's steps are a list in library.demo.steps; the events step joins it from here so
    the library never imports events."""
    from events.demo import seed_demo_events
    from library.demo import steps

    if seed_demo_events not in steps.STEPS:
        steps.STEPS.append(seed_demo_events)
