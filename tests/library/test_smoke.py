import pytest

from tests.factories import make_case_study, make_file, make_toolkit

pytestmark = pytest.mark.django_db


def test_every_public_page_answers(client):
    toolkit = make_toolkit(themes=["electoral-processes"], countries=["KE"], tags=["election observation"])
    make_file(toolkit)
    case = make_case_study()
    for url in [
        "/",
        "/library/",
        "/toolkits/",
        "/guides/",
        "/case-studies/",
        "/themes/",
        "/themes/electoral-processes/",
        "/tags/election-observation/",
        toolkit.get_absolute_url(),
        case.get_absolute_url(),
        "/fr/library/",
        "/ar/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
