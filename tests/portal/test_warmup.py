"""A new gunicorn worker's warm-up (portal.warmup): the facet index, the templates and the
country names are ready before the first request, and what it holds is frozen out of the
garbage collector's full collections. gunicorn's master warms up before it forks, so a worker
that replaces another starts warm."""

import gc
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.template import engines

from library import facet_index
from portal.warmup import template_names, warm_up
from tests.factories import make_resource
from tests.portal.production import REPO, production_env, run


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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": "library.example.org"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our loopback server
        return response.status


def test_gunicorn_s_master_warms_up_so_a_recycled_worker_builds_no_index(tmp_path):
    port = free_port()
    env = production_env(
        tmp_path,
        LOG_LEVEL="INFO",
        LOG_FORMAT="text",
        WEB_CONCURRENCY=1,
        GUNICORN_THREADS=1,
        GUNICORN_MAX_REQUESTS=3,  # and no jitter: the worker is replaced after every third request
        GUNICORN_BIND=f"127.0.0.1:{port}",
    )
    migrated = run(["manage.py", "migrate", "--noinput", "--verbosity", "0"], env)
    assert migrated.returncode == 0, migrated.stderr
    server = subprocess.Popen(  # noqa: S603 - gunicorn with the project's own gunicorn.conf.py
        [sys.executable, "-m", "gunicorn", "portal.wsgi"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        answered = []
        deadline = time.monotonic() + 60
        while len(answered) < 9 and time.monotonic() < deadline:
            try:
                answered.append(get(port, "/healthz"))
            except OSError:  # not listening yet, or its worker being replaced
                time.sleep(0.2)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)

    assert answered == [200] * 9, output
    warm_ups = [line for line in output.splitlines() if "Warmed up in" in line]
    assert len(warm_ups) >= 4, output  # the master, then the first worker and two that replaced it
    assert "the facet index was built" in warm_ups[0], "the master builds it, before any fork"
    assert all("the facet index was there already" in line for line in warm_ups[1:]), output
