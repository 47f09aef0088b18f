"""A new gunicorn worker's warm-up (portal.warmup): the facet index, the templates and the
country names are ready before the first request, and what it holds is frozen out of the
garbage collector's full collections."""

import gc

import pytest
from django.template import engines

from library import facet_index
from portal.warmup import template_names, warm_up
from tests.factories import make_resource


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()


@pytest.mark.django_db(transaction=True)
def test_warming_up_builds_the_index_compiles_the_templates_and_freezes_what_it_holds(unfrozen):
    resource = make_resource(title="Ready before the first request")
    facet_index.forget()
    loader = engines["django"].engine.template_loaders[0]
    loader.reset()
    assert gc.get_freeze_count() == 0

    warm_up()

    assert facet_index._current is not None and facet_index._current.holds(resource.pk)
    assert set(template_names()) <= set(loader.get_template_cache)
    assert "library/resource_list.html" in template_names()
    assert gc.get_freeze_count() > 10_000
