"""A new gunicorn worker's warm-up (portal.warmup): the facet index, the templates, the country
names, the URL reverse tables of each language and the Markdown extensions are ready before the
first request, and what it holds is frozen out of the garbage collector's full collections.
gunicorn's master warms up before it forks, so a worker that replaces another starts warm."""

import gc
import sys

import pytest
from django.conf import settings
from django.template import engines
from django.urls import clear_url_caches, get_resolver

from library import facet_index
from library.templatetags.library_tags import _markdown_html
from portal.warmup import template_names, warm_up
from tests.factories import make_resource
from tests.portal.production import production_env, run, serve_with_gunicorn


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


@pytest.mark.django_db
def test_warming_up_builds_the_url_reverse_tables_of_every_language(unfrozen):
    clear_url_caches()  # a new resolver, as in a new process: nothing built yet
    resolver = get_resolver()
    assert resolver._reverse_dict == {}

    warm_up()

    assert get_resolver() is resolver
    assert set(resolver._reverse_dict) == {code for code, _name in settings.LANGUAGES}


@pytest.mark.django_db
def test_warming_up_loads_the_markdown_extensions(unfrozen, monkeypatch):
    for name in [name for name in sys.modules if name.startswith("markdown.extensions.")]:
        monkeypatch.delitem(sys.modules, name)  # put back after the test
    _markdown_html.cache_clear()

    warm_up()

    assert {"markdown.extensions.extra", "markdown.extensions.tables"} <= set(sys.modules)


def test_gunicorn_s_master_warms_up_so_a_recycled_worker_builds_no_index(tmp_path):
    env = production_env(
        tmp_path,
        LOG_LEVEL="INFO",
        LOG_FORMAT="text",
        WEB_CONCURRENCY=1,
        GUNICORN_THREADS=1,
        GUNICORN_MAX_REQUESTS=3,  # and no jitter: the worker is replaced after every third request
    )
    migrated = run(["manage.py", "migrate", "--noinput", "--verbosity", "0"], env)
    assert migrated.returncode == 0, migrated.stderr

    answered, output = serve_with_gunicorn(env, ["/healthz"] * 9)

    assert answered == [200] * 9, output
    warm_ups = [line for line in output.splitlines() if "Warmed up in" in line]
    assert len(warm_ups) >= 4, output  # the master, then the first worker and two that replaced it
    assert "the facet index was built" in warm_ups[0], "the master builds it, before any fork"
    assert all("the facet index was there already" in line for line in warm_ups[1:]), output
