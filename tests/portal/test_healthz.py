"""/healthz: 200 when the database (and Redis, when configured) answer, 503 with JSON when not."""

import json

import pytest

from tests.portal.production import production_env, run

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/15"
NOBODY_LISTENS = "redis://127.0.0.1:9/0"


def redis_cache(location):
    return {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location,
                        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}}  # fmt: skip


def test_it_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_it_checks_redis_when_redis_is_configured(client, settings):
    settings.REDIS_URL = REDIS
    settings.CACHES = redis_cache(REDIS)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_it_answers_503_when_redis_is_down(client, settings):
    settings.REDIS_URL = NOBODY_LISTENS
    settings.CACHES = redis_cache(NOBODY_LISTENS)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "error", "database": "ok", "cache": "ConnectionError"}


def test_pages_still_render_without_the_cache_when_redis_is_down(client, settings):
    from tests.factories import make_resource

    resource = make_resource(title="Observer training")
    settings.REDIS_URL = NOBODY_LISTENS
    settings.CACHES = redis_cache(NOBODY_LISTENS)
    for url in ("/library/", "/library/?q=observer", resource.get_absolute_url(), "/themes/", "/"):
        assert client.get(url).status_code == 200, url


def test_it_is_never_cached(client):
    assert "no-store" in client.get("/healthz")["Cache-Control"]


CALL_HEALTHZ = """
import json, django
django.setup()
from django.test import Client
response = Client(HTTP_HOST="library.example.org").get("/healthz", secure=True)
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def test_it_answers_503_when_the_database_is_down(tmp_path):
    env = production_env(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:9/nothing-listens-here")
    finished = run(["-c", CALL_HEALTHZ], env)
    assert finished.returncode == 0, finished.stderr
    answer = json.loads(finished.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "body": {"status": "error", "database": "OperationalError"}}


def test_load_balancers_may_probe_it_over_plain_http(tmp_path):
    code = CALL_HEALTHZ.replace(", secure=True", "")
    finished = run(["-c", code], production_env(tmp_path))
    assert json.loads(finished.stdout.strip().splitlines()[-1])["status"] == 200


def test_healthz_answers_200_with_json_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response["Cache-Control"].startswith("max-age=0")
