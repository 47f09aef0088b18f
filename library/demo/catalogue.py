"""The demo library as a list of resource specifications, composed from the hand-written data.

Each topic of `topics.py` gives a toolkit, a guide and a case study whose Markdown bodies are
built from the topic's own steps, checklists, pitfalls and story; `translated.py` adds complete
resources in French, Spanish and Arabic, a few of them translations of composed ones. `WORKFLOW`
puts a few items in every publishing state so staff can see drafts, reviews, scheduled and
archived items.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.text import slugify

from library.demo.topics import TOPICS
from library.demo.translated import TRANSLATED


@dataclass(frozen=True)
class DemoFile:
    title: str
    language: str
    access: str  # a library.models.files.Access value
    text: str  # Markdown shown in the PDF
    # the PDF's cover shows the resource's title and summary unless the file has its own
    cover_title: str = ""
    cover_summary: str = ""

    @property
    def file_name(self):
        return f"{slugify(self.title.replace('(PDF)', ''))[:80] or 'file'}.pdf"


@dataclass(frozen=True)
class DemoResource:
    key: str  # "topic/kind" for composed resources, the slug for translated ones
    kind: str
    slug: str
    title: str
    summary: str
    body: str
    language: str
    published: date
    themes: tuple[str, ...]
    countries: tuple[str, ...]
    tags: tuple[str, ...]
    state: str = "published"  # draft, review, published, scheduled or archived
    featured: bool = False
    related: tuple[str, ...] = ()  # keys of other demo resources
    translation_of: str = ""  # key of the demo resource this one is a language version of
    extra: dict = field(default_factory=dict)  # the subtype's own fields, by name
    files: tuple[DemoFile, ...] = ()


# key -> publishing state other than "published" (scheduled: published, with a future time)
WORKFLOW = {
    "online-civic-campaigns/toolkit": "draft",
    "investigative-journalism/guide": "draft",
    "customary-land-mapping/case-study": "draft",
    "online-civic-campaigns/guide": "review",
    "disability-inclusion/toolkit": "review",
    "honduras-jovenes-observadores-electorales": "review",
    "investigative-journalism/case-study": "scheduled",
    "online-civic-campaigns/case-study": "scheduled",
    "rural-women-leadership/guide": "archived",
    "access-to-information/toolkit": "archived",
}

FEATURED = {
    "election-observation/toolkit",
    "women-candidates/case-study",
    "community-scorecards/guide",
    "fact-checking/case-study",
    "observer-les-elections-locales-boite-a-outils",
    "colombia-defensoras-comunitarias-cauca",
}

# links between a translated resource and a composed one (a topic's three kinds are always linked)
CROSS_LINKS = [
    ("observer-les-elections-locales-boite-a-outils", "election-observation/toolkit"),
    ("guide-radios-communautaires-acces-information", "community-radio/guide"),
    ("tunisie-conseils-de-jeunes-budgets-municipaux", "youth-councils/case-study"),
    ("haiti-comites-de-quartier-violences-faites-aux-femmes", "gbv-referral/case-study"),
    ("caja-de-herramientas-monitoreo-presupuesto-municipal", "budget-tracking/toolkit"),
    ("guia-participacion-politica-mujeres-indigenas", "women-candidates/guide"),
    ("colombia-defensoras-comunitarias-cauca", "human-rights-defenders/case-study"),
    ("honduras-jovenes-observadores-electorales", "election-observation/case-study"),
    ("dalil-alraqaba-almadaniya-ala-alintikhabat-albaladiya", "election-observation/guide"),
    ("alyaman-shabakat-nisaiya-lilwasata-almujtamaiya", "peace-dialogue/case-study"),
    ("haqiba-tadribiya-haqq-alhusul-ala-almaalumat", "access-to-information/guide"),
    (
        "recruter-former-deployer-observateurs-electoraux-citoyens",
        "observer-les-elections-locales-boite-a-outils",
    ),
    (
        "circuits-orientation-survivantes-est-du-congo",
        "haiti-comites-de-quartier-violences-faites-aux-femmes",
    ),
    (
        "redes-de-proteccion-para-defensores-de-la-tierra-en-guatemala",
        "colombia-defensoras-comunitarias-cauca",
    ),
    ("istikhdam-talabat-almaalumat-litatabbu-almal-alaam", "haqiba-tadribiya-haqq-alhusul-ala-almaalumat"),
    ("fact-checking/guide", "investigative-journalism/toolkit"),
    ("budget-tracking/case-study", "participatory-budgeting/case-study"),
]

# a topic's toolkit and guide are dated in these months of the topic's year; its case study
# appears a few months after the project ended
MONTH_OF_KIND = {"toolkit": 3, "guide": 6}
KINDS = ("toolkit", "guide", "case-study")


def bullets(items):
    return "\n".join(f"- {item}" for item in items)


def numbered(items):
    return "\n".join(f"{number}. {item}" for number, item in enumerate(items, start=1))


def toolkit_body(topic, has_notes):
    parts = [
        "## About this toolkit",
        topic["why"],
        "## What is inside",
        f"The toolkit has {len(topic['steps'])} modules. Each comes with a session plan, handouts and "
        "an exercise drawn from the fund's projects:",
        numbered(topic["steps"]),
        "## Checklist before you start",
        bullets(topic["checklist"]),
        "## Watch out for",
        bullets(topic["pitfalls"]),
    ]
    if has_notes:
        parts += [
            "## Files",
            "The toolkit is free to download. Partner organisations can also download the facilitator's "
            "notes, with session timings and exercises.",
        ]
    return "\n\n".join(parts) + "\n"


def guide_body(topic):
    return (
        "\n\n".join(
            [
                "## Why it matters",
                topic["why"],
                "## Step by step",
                numbered(topic["steps"]),
                "### Before you start",
                bullets(topic["checklist"]),
                "## Common pitfalls",
                bullets(topic["pitfalls"]),
                "## Further reading",
                f"The toolkit *{topic['toolkit'][0]}* has session plans for each step, and the case study "
                f"*{topic['case']['title']}* shows the approach at work.",
            ]
        )
        + "\n"
    )


def case_study_body(topic):
    case = topic["case"]
    start, end = (date.fromisoformat(text) for text in case["period"])
    return (
        "\n\n".join(
            [
                "## Overview",
                f"{case['summary']} The project ran from {start:%B %Y} to {end:%B %Y} and was implemented "
                f"by {case['organisation']}.",
                "## Why it matters",
                topic["why"],
            ]
        )
        + "\n"
    )


def facilitator_notes(topic):
    sessions = [f"Session {number}: {step}" for number, step in enumerate(topic["steps"], start=1)]
    return (
        "\n\n".join(
            [
                "## Preparing the sessions",
                bullets(topic["checklist"]),
                "## Running the sessions",
                "Plan about two hours for each session, with a short exercise and a discussion.",
                numbered(sessions),
                "## Points to discuss with participants",
                bullets(topic["pitfalls"]),
            ]
        )
        + "\n"
    )


def composed(topic, position):
    """The toolkit, guide and case study of one topic."""
    key = topic["key"]
    year = topic["year"]
    day = 1 + position % 27
    keys = {kind: f"{key}/{kind}" for kind in KINDS}
    has_notes = position % 2 == 0
    toolkit_title, toolkit_summary = topic["toolkit"]
    guide_title, guide_summary = topic["guide"]
    case = topic["case"]
    shared = {"themes": tuple(topic["themes"]), "tags": tuple(topic["tags"]), "language": "en"}

    def published(kind):
        return date(year, MONTH_OF_KIND[kind], day)

    def others(kind):
        return tuple(other for other_kind, other in keys.items() if other_kind != kind)

    toolkit_text = toolkit_body(topic, has_notes)
    files = [DemoFile(f"{toolkit_title} (PDF)", "en", "public", toolkit_text)]
    if has_notes:
        notes_title = f"Facilitator's notes: {toolkit_title}"
        files.append(DemoFile(notes_title, "en", "partners", facilitator_notes(topic)))
    period_start, period_end = (date.fromisoformat(text) for text in case["period"])
    return [
        DemoResource(
            key=keys["toolkit"],
            kind="toolkit",
            slug=slugify(toolkit_title),
            title=toolkit_title,
            summary=toolkit_summary,
            body=toolkit_text,
            published=published("toolkit"),
            countries=tuple(topic["countries"]),
            related=others("toolkit"),
            files=tuple(files),
            **shared,
        ),
        DemoResource(
            key=keys["guide"],
            kind="guide",
            slug=slugify(guide_title),
            title=guide_title,
            summary=guide_summary,
            body=guide_body(topic),
            published=published("guide"),
            countries=tuple(topic["countries"][:2]),
            related=others("guide"),
            **shared,
        ),
        DemoResource(
            key=keys["case-study"],
            kind="case-study",
            slug=slugify(case["title"]),
            title=case["title"],
            summary=case["summary"],
            body=case_study_body(topic),
            published=period_end + timedelta(days=90 + position),
            countries=(case["country"],),
            related=others("case-study"),
            **shared,
            extra={
                "organisation": case["organisation"],
                "project_code": case["code"],
                "period_start": period_start,
                "period_end": period_end,
                "context": topic["context"],
                "approach": bullets(topic["approach"]),
                "results": bullets(topic["results"]),
                "lessons_learned": bullets(topic["lessons"]),
            },
        ),
    ]


def translated(entry):
    extra = dict(entry.get("extra", {}))
    for name in ("period_start", "period_end"):
        if name in extra:
            extra[name] = date.fromisoformat(extra[name])
    files = tuple(
        DemoFile(
            item["title"],
            item["language"],
            item["access"],
            item.get("text", entry["body"]),
            cover_title=item.get("cover_title", ""),
            cover_summary=item.get("cover_summary", ""),
        )
        for item in entry.get("files", ())
    )
    return DemoResource(
        key=entry["slug"],
        kind=entry["kind"],
        slug=entry["slug"],
        title=entry["title"],
        summary=entry["summary"],
        body=entry["body"],
        language=entry["language"],
        published=date.fromisoformat(entry["date"]),
        themes=tuple(entry["themes"]),
        countries=tuple(entry["countries"]),
        tags=tuple(entry["tags"]),
        extra=extra,
        files=files,
        translation_of=entry.get("translation_of", ""),
    )


def with_workflow(resource, links):
    return DemoResource(
        **{
            **resource.__dict__,
            "state": WORKFLOW.get(resource.key, "published"),
            "featured": resource.key in FEATURED,
            "related": tuple(dict.fromkeys(resource.related + tuple(links.get(resource.key, ())))),
        }
    )


def demo_resources():
    """Every hand-written demo resource, in a fixed order."""
    resources = [item for position, topic in enumerate(TOPICS) for item in composed(topic, position)]
    resources += [translated(entry) for entry in TRANSLATED]
    links = {}
    for one, other in CROSS_LINKS:
        links.setdefault(one, []).append(other)
        links.setdefault(other, []).append(one)
    return [with_workflow(resource, links) for resource in resources]
