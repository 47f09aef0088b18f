"""A small hand-written library for search tests: each resource is there to prove one rule."""

from library.models.files import Access
from library.models.resources import Status
from tests.factories import make_case_study, make_file, make_resource, make_toolkit
from tests.pdfs import pdf_with_text


def build_corpus():
    made = {
        "title": make_toolkit(
            title="Election observation handbook",
            summary="How citizen groups watch the vote from opening to count.",
            body="Checklists and forms.",
            countries=["KE"],
            themes=["electoral-processes"],
        ),
        "summary": make_resource(
            title="Radio for democracy",
            summary="Community radio stations covered the election observation missions.",
            body="Producers, schedules and listeners.",
            countries=["KE"],
            themes=["media-and-freedom-of-information"],
        ),
        "body": make_resource(
            title="Budget monitoring at the council",
            summary="Citizens follow the money.",
            body="The observers of the last election wrote reports on spending.",
            countries=["UG"],
            themes=["civil-society-and-government"],
        ),
        "spanish": make_resource(
            title="Participación ciudadana en elecciones",
            summary="Guía de participación de las mujeres en la vida pública.",
            body="Las organizaciones organizaron foros.",
            language="es",
            countries=["PE"],
            themes=["womens-empowerment"],
        ),
        "french": make_resource(
            title="Observation électorale au Sénégal",
            summary="Les observateurs ont suivi le scrutin dans tout le pays.",
            body="Rapports et formations.",
            language="fr",
            countries=["SN"],
            themes=["electoral-processes"],
        ),
        "case": make_case_study(
            title="Youth councils in Nepal",
            summary="Young people advise the municipality.",
            body="Monthly meetings.",
            lessons_learned="Mentoring by former councillors kept members engaged.",
            countries=["NP"],
            themes=["youth-engagement"],
            tags=["youth councils"],
        ),
        "tagged": make_resource(
            title="Public hearings",
            summary="Hearings where officials answer residents.",
            body="Agenda templates.",
            tags=["social accountability"],
            countries=["GH"],
            themes=["civil-society-and-government"],
        ),
        "draft": make_resource(
            title="Election observation secrets",
            summary="A draft about election observation.",
            status=Status.DRAFT,
        ),
    }
    partner = make_toolkit(
        title="Coalition toolkit",
        summary="Templates for partners.",
        body="Agreements.",
        countries=["GH"],
        themes=["community-activism"],
    )
    make_file(partner, content=pdf_with_text("Confidential donor strategy xylophone"), access=Access.PARTNERS)
    made["partner_file"] = partner
    public = make_toolkit(
        title="Training pack",
        summary="Sessions for trainers.",
        body="Agendas.",
        countries=["GH"],
        themes=["community-activism"],
    )
    make_file(public, content=pdf_with_text("Icebreakers with a marimba rhythm"), access=Access.PUBLIC)
    made["public_file"] = public
    return made
