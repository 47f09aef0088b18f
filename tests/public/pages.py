"""Every public page type, by name and address, for the validity, accessibility and weight checks."""

from django.utils import translation

from library.models import ResourceFile
from tests.factories import make_core_library, make_file, make_resource
from tests.public.images import give_cover

LANGUAGE_PREFIXES = {"en": "", "fr": "/fr", "es": "/es", "ar": "/ar"}


def make_sample_library():
    """Published content of every kind, in several languages, with files (one partner-only)."""
    sample = make_core_library(
        toolkit={
            "body": "## Before election day\n\nRecruit and train observers.\n\n- Checklist\n"
            "- [Forms](https://example.org/forms)",
            "countries": ["KE", "UG"],
            "featured": True,
        },
        case_study={"context": "Councils met behind closed doors.", "results": "Attendance **doubled**."},
    )
    make_file(sample["toolkit"], title="Partner training deck", name="deck.pdf", access="partners")
    give_cover(sample["guide"])
    make_resource(
        title="Organiser une assemblée de jeunes",
        slug="organiser-une-assemblee-de-jeunes",
        summary="Comment réunir les jeunes et porter leurs propositions au conseil.",
        language="fr",
        translation_of=sample["guide"],
        themes=["youth-engagement"],
    )
    make_resource(
        title="دليل المراقبة المحلية",
        slug="arabic-guide",
        summary="كيف تراقب المجالس المحلية عملها.",
        language="ar",
        themes=["civil-society-and-government"],
        countries=["TN"],
    )
    sample["events"] = make_sample_events(sample)
    return sample


def make_sample_events(sample):
    """An upcoming event (interpreted, with speakers) and a past one with an outcome resource."""
    from tests.events.helpers import make_event

    upcoming = make_event(
        title="Regional forum on citizen observation",
        slug="sample-forum",
        themes=["electoral-processes"],
        interpretation_languages=["fr", "ar"],
        accessibility="Step-free entrance; **sign language** on request.",
    )
    upcoming.speakers.create(name="Grace Atieno", role="facilitator", affiliation="Election Watch")
    past = make_event(
        title="Workshop on community radio", slug="sample-past-workshop", days=-20, materials="- Notes"
    )
    past.outcomes.set([sample["case_study"]])
    return {"upcoming": upcoming, "past": past}


def public_pages(sample):
    """Name -> address (in English; prefix with LANGUAGE_PREFIXES for the others)."""
    partner_file = ResourceFile.objects.get(title="Partner training deck")
    with translation.override("en"):
        return english_addresses(sample, partner_file)


def english_addresses(sample, partner_file):
    return {
        "home": "/",
        "library": "/library/",
        "library searched and filtered": "/library/?q=observers&kind=toolkit&theme=electoral-processes"
        "&country=KE",
        "library with no results": "/library/?q=nothing-matches-this",
        "library page 2": "/library/?page=2",
        "toolkits": "/toolkits/",
        "guides": "/guides/",
        "case studies": "/case-studies/",
        "toolkit": sample["toolkit"].get_absolute_url(),
        "guide": sample["guide"].get_absolute_url(),
        "case study": sample["case_study"].get_absolute_url(),
        "themes": "/themes/",
        "theme": "/themes/electoral-processes/",
        "tag": "/tags/election-observation/",
        "login": "/accounts/login/",
        "partner-only file (signed in, no partner)": partner_file.get_absolute_url(),
        "events": "/events/",
        "events filtered": "/events/?theme=electoral-processes&format=in-person",
        "past events": "/events/past/",
        "event": sample["events"]["upcoming"].get_absolute_url(),
        "past event": sample["events"]["past"].get_absolute_url(),
        "event registration": sample["events"]["upcoming"].get_absolute_url() + "register/",
        "not found": "/no-such-page/",
    }


# pages seen signed in, and as whom: a registered visitor in no partner organisation, or a partner
SIGNED_IN_PAGES = {
    "partner-only file (signed in, no partner)": "visitor",
    "account": "visitor",
    "partner account": "partner",
}
EXTRA_PAGES = {"account": "/accounts/", "partner account": "/accounts/"}


def make_people():
    from tests.factories import make_partner, make_user

    return {"visitor": make_user("sample-visitor"), "partner": make_partner("sample-partner")}


def fetch_all(client, sample, people, prefix=""):
    """The HTML of every page type at one language prefix: {name: (status, html)}."""
    pages = {**public_pages(sample), **EXTRA_PAGES}
    fetched = {}
    for name, url in pages.items():
        client.logout()
        if name in SIGNED_IN_PAGES:
            client.force_login(people[SIGNED_IN_PAGES[name]])
        response = client.get(prefix + url)
        fetched[name] = (response.status_code, response.content.decode())
    client.logout()
    return fetched
