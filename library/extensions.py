"""Places on the library's and the portal's pages where the apps built on the library add a part
of their own, without the library knowing them (events, programmes and others register here
from their AppConfig.ready()).

    from library import extensions

    def events_of(resource):
        events = ...
        return {"template": "events/includes/resource_events.html", "events": events} if events else None

    extensions.resource_sections.register(events_of)

A section function returns None (nothing to show) or a dict with the template to include and its
context; the page includes each in registration order. Sections on public pages (a resource's, a
theme's) are not given the request: they show only public data, the same for every reader, since
those pages are cached and their sections read once per public state and language
(library.views.public_sections). So a section's data must bump the public version when it
changes (library.cache.bump_public_version) and register its publication times when it goes
public on a schedule (library.models.versions.publishes_on_schedule).
"""


class Sections:
    def __init__(self, name):
        self.name = name
        self._functions = []

    def register(self, function):
        if function not in self._functions:
            self._functions.append(function)
        return function

    def unregister(self, function):
        self._functions.remove(function)

    def render_for(self, *args):
        """The non-empty sections for these arguments, each a dict with a "template" key."""
        shown = []
        for function in self._functions:
            section = function(*args)
            if section:
                shown.append(section)
        return shown


# fn(resource) on a public resource page (and its staff preview)
resource_sections = Sections("resource")
# fn(request) on the signed-in person's /accounts/ page
account_sections = Sections("account")
# fn(theme) on a theme's page (public and cached, like resource pages)
theme_sections = Sections("theme")
# fn(request, resource) on a resource's page in the admin (staff only: may show what staff see)
admin_resource_sections = Sections("admin-resource")
