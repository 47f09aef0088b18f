"""The new pages are valid HTML by the Nu HTML checker, in English and in Arabic."""

import pytest

from library.models.files import Access
from tests.factories import make_file, make_resource, make_user
from tests.programmes.builders import complete, make_collection, make_programme
from tests.public.vnu import html_errors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_new_pages_are_valid_html(client, prefix):
    toolkit = make_resource(kind="toolkit", themes=["electoral-processes"])
    make_file(toolkit, access=Access.PARTNERS)
    collection = make_collection(
        [toolkit, make_resource()], themes=["electoral-processes"], notes={toolkit.pk: "First"}
    )
    programme = make_programme(modules=2, steps=1, questions=2)
    module = programme.modules.first()
    paths = {
        "collections": "/collections/",
        "collection": collection.get_absolute_url(),
        "programmes": "/programmes/",
        "programme (anonymous)": programme.get_absolute_url(),
        "theme": "/themes/electoral-processes/",
        "resource": toolkit.get_absolute_url(),
        "certificate lookup": "/certificates/",
    }
    pages = {name: client.get(prefix + path).content.decode() for name, path in paths.items()}
    client.force_login(make_user("learner"))
    client.post(f"{programme.get_absolute_url()}enrol/")
    pages["programme (enrolled)"] = client.get(prefix + programme.get_absolute_url()).content.decode()
    pages["self-check"] = client.get(
        f"{prefix}/programmes/{programme.slug}/modules/{module.pk}/self-check/"
    ).content.decode()
    pages["self-check refused"] = client.post(
        f"{prefix}/programmes/{programme.slug}/modules/{module.pk}/self-check/", {}
    ).content.decode()
    complete(client, programme)
    pages["programme (completed)"] = client.get(prefix + programme.get_absolute_url()).content.decode()
    pages["account"] = client.get(prefix + "/accounts/").content.decode()
    code = programme.enrolments.get().certificate.code
    pages["certificate"] = client.get(f"{prefix}/certificates/{code}/").content.decode()
    errors = html_errors(pages)
    assert not errors, "\n".join(f"{name}:\n  " + "\n  ".join(messages) for name, messages in errors.items())
