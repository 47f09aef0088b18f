"""Every public page type, by name and address, for the validity, accessibility and weight checks."""

from django.utils import translation

from library.models import ResourceFile
from tests.factories import make_case_study, make_file, make_resource, make_toolkit
from tests.public.images import give_cover

LANGUAGE_PREFIXES = {"en": "", "fr": "/fr", "es": "/es", "ar": "/ar"}


def make_sample_library():
    """Published content of every kind, in several languages, with files (one partner-only)."""
    toolkit = make_toolkit(
        title="Election observation toolkit",
        slug="election-observation-toolkit",
        summary="Checklists and forms for citizen observers on election day.",
        body="## Before election day\n\nRecruit and train observers.\n\n- Checklist\n- [Forms](https://example.org/forms)",
        themes=["electoral-processes"],
        countries=["KE", "UG"],
        tags=["election observation"],
        featured=True,
    )
    make_file(toolkit, title="Observer checklist")
    make_file(toolkit, title="Partner training deck", name="deck.pdf", access="partners")
    guide = make_resource(
        title="Running a youth assembly",
        slug="running-a-youth-assembly",
        summary="How to convene young people and carry their proposals to the council.",
        themes=["youth-engagement"],
        countries=["BR"],
        tags=["assemblies"],
    )
    give_cover(guide)
    make_resource(
        title="Organiser une assemblée de jeunes",
        slug="organiser-une-assemblee-de-jeunes",
        summary="Comment réunir les jeunes et porter leurs propositions au conseil.",
        language="fr",
        translation_of=guide,
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
    case_study = make_case_study(
        title="Community radio for local accountability",
        slug="community-radio-for-local-accountability",
        summary="A network of radio stations that broadcast council meetings.",
        context="Councils met behind closed doors.",
        results="Attendance **doubled**.",
        themes=["media-and-freedom-of-information"],
        countries=["NP"],
        tags=["radio"],
    )
    make_resource(title="An unpublished draft", slug="an-unpublished-draft", status="draft")
    return {"toolkit": toolkit, "guide": guide, "case_study": case_study}


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
