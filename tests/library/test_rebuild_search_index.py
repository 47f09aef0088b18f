import pytest
from django.core.management import call_command

from library import search
from library.models import Resource
from tests.factories import make_resource

pytestmark = pytest.mark.django_db


def test_it_indexes_rows_written_without_signals(capsys):
    resource = make_resource(title="Workshop")
    Resource.objects.filter(id=resource.id).update(title="Harmonica workshop")
    assert not search.matching(Resource.objects.all(), "harmonica").exists()
    call_command("rebuild_search_index")
    assert list(search.matching(Resource.objects.all(), "harmonica")) == [resource]
    assert capsys.readouterr().out == "Indexed 1 resources.\n"
