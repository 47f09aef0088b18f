"""Demo step (registered into library.demo.steps from this app's AppConfig): three collections and
two programmes (one in French) built from the demo resources, published, so a person trying the
portal can take a programme from enrolment to certificate. Idempotent: keyed by slug, whatever
exists is left as it is. Resources that are not public (the demo's drafts) are left out."""

from django.db import transaction
from django.utils import timezone

from events.models import Event
from library.demo.outcome import Outcome
from library.models import Resource, Theme
from library.models.resources import Status
from programmes.models import Choice, Collection, CollectionItem, Module, Programme, Question, Step, StepKind

COLLECTIONS = [
    {
        "slug": "election-observation-first-readings",
        "title": "Election observation: where to start",
        "language": "en",
        "summary": "What a newcomer to citizen election observation should read first, in order.",
        "introduction": (
            "New to election observation? Start here. The toolkit sets out what observers do; the guide "
            "shows how to recruit and train them; the case studies show what it looked like in Kenya, "
            "Honduras and Fiji.\n\nRead them in this order: each one builds on the one before."
        ),
        "themes": ["electoral-processes"],
        "items": [
            ("citizen-election-observation-toolkit", "Start with the checklists in section 2."),
            (
                "how-to-recruit-train-and-deploy-citizen-election-observers",
                "Read the training plan before you recruit.",
            ),
            ("ten-thousand-eyes-on-the-ballot-citizen-observers-in-kenyas-general-election", ""),
            ("auditing-polling-stations-for-accessibility", "Observers can audit access on the same visit."),
            ("accessible-polling-stations-in-fiji", ""),
            ("honduras-jovenes-observadores-electorales", "In Spanish: young observers in Honduras."),
            ("election-fact-checking-toolkit-for-newsrooms", "For the days around the vote."),
        ],
    },
    {
        "slug": "following-public-money",
        "title": "Following public money",
        "language": "en",
        "summary": "Budgets, procurement and information requests: how citizens and reporters follow the money.",
        "introduction": (
            "Public money leaves a paper trail. These resources show how to read a budget, ask for the "
            "documents behind it and report on what you find."
        ),
        "themes": ["civil-society-and-government", "media-and-freedom-of-information"],
        "items": [
            (
                "reading-a-public-budget-a-guide-for-community-monitors",
                "Read this first: the words of a budget.",
            ),
            ("village-budget-tracking-toolkit", ""),
            ("using-information-requests-to-follow-public-money", ""),
            ("right-to-information-request-toolkit", "The request templates are in the files."),
            ("following-the-money-in-public-procurement", ""),
            ("regional-newsrooms-investigate-procurement-in-moldova", ""),
        ],
    },
    {
        "slug": "observer-les-elections-premiers-pas",
        "title": "Observer les élections : premiers pas",
        "language": "fr",
        "summary": "Les lectures en français pour commencer à observer des élections locales.",
        "introduction": (
            "Une sélection en français pour les équipes qui préparent une mission d'observation "
            "citoyenne d'élections locales."
        ),
        "themes": ["electoral-processes"],
        "items": [
            ("observer-les-elections-locales-boite-a-outils", "Commencez par la liste de contrôle."),
            ("recruter-former-deployer-observateurs-electoraux-citoyens", ""),
            (
                "tunisie-conseils-de-jeunes-budgets-municipaux",
                "Pour aller plus loin : les jeunes et les budgets.",
            ),
        ],
    },
]

PROGRAMMES = [
    {
        "slug": "citizen-election-observation-programme",
        "title": "Citizen election observation: a first programme",
        "language": "en",
        "level": "introductory",
        "hours": 6,
        "summary": "Three modules from what observers do to putting a team in the field.",
        "goals": "- Explain what citizen observers watch for on election day\n- Plan the recruitment and training of a team\n- Learn from observers in Kenya and Fiji",
        "modules": [
            {
                "title": "What observers do",
                "text": "Observers watch, count and report; they do not intervene. Read the toolkit first.",
                "steps": [("citizen-election-observation-toolkit", "Read sections 1 and 2.")],
                "questions": [
                    (
                        "What does a citizen observer do at a polling station?",
                        [
                            ("Watch and report what happens", True),
                            ("Help voters fill in their ballot", False),
                            ("Decide disputes between parties", False),
                        ],
                    ),
                    (
                        "Whom do observers report to?",
                        [("Their own observation network", True), ("The candidate they support", False)],
                    ),
                ],
            },
            {
                "title": "Building a team",
                "text": "How to recruit, train and deploy observers so that every station is covered.",
                "steps": [
                    ("how-to-recruit-train-and-deploy-citizen-election-observers", ""),
                    ("auditing-polling-stations-for-accessibility", "An extra task for the same visit."),
                ],
                # an "attend this event" step, on a demo event (events/demo.py); skipped if absent
                "events": [
                    (
                        "forum-on-citizen-election-observation",
                        "Register, and meet observer networks that recruited and trained their teams.",
                    )
                ],
                "questions": [
                    (
                        "Why train observers before deploying them?",
                        [
                            ("So that every report uses the same checklist", True),
                            ("Training is not needed", False),
                        ],
                    ),
                ],
            },
            {
                "title": "Learning from the field",
                "text": "Two case studies: a national network in Kenya and an accessibility audit in Fiji.",
                "steps": [
                    ("ten-thousand-eyes-on-the-ballot-citizen-observers-in-kenyas-general-election", ""),
                    ("accessible-polling-stations-in-fiji", ""),
                ],
                "questions": [],
            },
        ],
    },
    {
        "slug": "observer-les-elections-locales-programme",
        "title": "Observer les élections locales",
        "language": "fr",
        "level": "introductory",
        "hours": 3,
        "summary": "Un parcours en deux modules pour préparer une mission d'observation citoyenne.",
        "goals": "- Connaître le rôle d'un observateur\n- Préparer le recrutement et la formation d'une équipe",
        "modules": [
            {
                "title": "Le rôle de l'observateur",
                "text": "Ce que l'observateur regarde, note et signale le jour du vote.",
                "steps": [("observer-les-elections-locales-boite-a-outils", "Lisez la liste de contrôle.")],
                "questions": [
                    (
                        "Que fait un observateur citoyen ?",
                        [
                            ("Il observe et signale ce qu'il voit", True),
                            ("Il aide les électeurs à voter", False),
                            ("Il proclame les résultats", False),
                        ],
                    ),
                ],
            },
            {
                "title": "Former une équipe",
                "text": "Recruter, former et déployer les observateurs.",
                "steps": [("recruter-former-deployer-observateurs-electoraux-citoyens", "")],
                "questions": [
                    (
                        "Pourquoi former les observateurs ?",
                        [("Pour que tous utilisent la même grille", True), ("Ce n'est pas utile", False)],
                    ),
                ],
            },
        ],
    },
]


def _public(slugs):
    return {r.slug: r for r in Resource.objects.published().filter(slug__in=slugs)}


def seed_collections_and_programmes(options=None):
    outcome = Outcome("demo collections and programmes")
    now = timezone.now()
    with transaction.atomic():
        for entry in COLLECTIONS:
            if Collection.objects.filter(slug=entry["slug"]).exists():
                outcome.existing += 1
                continue
            resources = _public([slug for slug, _note in entry["items"]])
            collection = Collection.objects.create(
                slug=entry["slug"],
                title=entry["title"],
                language=entry["language"],
                summary=entry["summary"],
                introduction=entry["introduction"],
                status=Status.PUBLISHED,
                published_at=now,
            )
            collection.themes.set(Theme.objects.filter(slug__in=entry["themes"]))
            CollectionItem.objects.bulk_create(
                [
                    CollectionItem(
                        collection=collection, resource=resources[slug], position=position, note=note
                    )
                    for position, (slug, note) in enumerate(entry["items"])
                    if slug in resources
                ]
            )
            outcome.created += 1
        for entry in PROGRAMMES:
            if Programme.objects.filter(slug=entry["slug"]).exists():
                outcome.existing += 1
                continue
            _programme(entry, now)
            outcome.created += 1
    return outcome


def _programme(entry, now):
    programme = Programme.objects.create(
        slug=entry["slug"],
        title=entry["title"],
        language=entry["language"],
        level=entry["level"],
        estimated_hours=entry["hours"],
        summary=entry["summary"],
        learning_goals=entry["goals"],
        status=Status.PUBLISHED,
        published_at=now,
    )
    resources = _public([slug for module in entry["modules"] for slug, _note in module["steps"]])
    for position, spec in enumerate(entry["modules"]):
        module = Module.objects.create(
            programme=programme, position=position, title=spec["title"], text=spec["text"]
        )
        steps = [
            Step(module=module, position=number, resource=resources[slug], note=note)
            for number, (slug, note) in enumerate(spec["steps"])
            if slug in resources
        ]
        public_events = {
            event.slug: event
            for event in Event.objects.public().filter(
                slug__in=[slug for slug, _note in spec.get("events", ())]
            )
        }
        steps += [
            Step(
                module=module,
                position=len(spec["steps"]) + number,
                kind=StepKind.EVENT,
                event=public_events[slug],
                note=note,
            )
            for number, (slug, note) in enumerate(spec.get("events", ()))
            if slug in public_events
        ]
        Step.objects.bulk_create(steps)
        for number, (text, choices) in enumerate(spec["questions"]):
            question = Question.objects.create(module=module, position=number, text=text)
            Choice.objects.bulk_create(
                [
                    Choice(question=question, position=index, text=answer, correct=correct)
                    for index, (answer, correct) in enumerate(choices)
                ]
            )
    return programme
