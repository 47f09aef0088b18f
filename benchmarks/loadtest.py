"""`make loadtest`: a bounded load test of gunicorn + PostgreSQL with the benchmark library.

1. creates the database if needed, migrates, loads LOADTEST_RESOURCES generated resources (default
   100,000; idempotent), collects static files;
2. starts gunicorn (gunicorn.conf.py, production settings) on 127.0.0.1 only;
3. runs Locust headless: LOADTEST_USERS concurrent clients (default 50, at most 200) started at
   LOADTEST_SPAWN_RATE a second, for LOADTEST_RUN_TIME (default 60s, at most 10m), mixing readers
   (browsing), searchers and signed-in partners downloading files;
4. stops gunicorn and prints throughput, p50/p95/p99 and errors (and 5xx counted in the access log).

Settings: LOADTEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/portal_loadtest),
LOADTEST_REDIS_URL (default redis://127.0.0.1:6379/3; empty to run with the per-process cache),
LOADTEST_PORT (8765), LOADTEST_USER_CLASSES (e.g. "Reader Partner" to leave out searching; default
all three), WEB_CONCURRENCY and GUNICORN_THREADS (see gunicorn.conf.py).
"""

import csv
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dj_database_url
import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "benchmarks" / ".loadtest"
PYTHON = sys.executable
BIN = Path(PYTHON).parent
MAX_USERS = 200
MAX_SECONDS = 600


def seconds(run_time):
    match = re.fullmatch(r"(\d+)([smh]?)", run_time.strip())
    if not match:
        raise SystemExit(f"LOADTEST_RUN_TIME must look like 60s, 5m or 1h; got {run_time!r}")
    return int(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


def main():
    users = int(os.environ.get("LOADTEST_USERS", "50"))
    spawn_rate = float(os.environ.get("LOADTEST_SPAWN_RATE", "10"))
    run_time = os.environ.get("LOADTEST_RUN_TIME", "60s")
    count = int(os.environ.get("LOADTEST_RESOURCES", "100000"))
    port = int(os.environ.get("LOADTEST_PORT", "8765"))
    if not 1 <= users <= MAX_USERS or not 0 < seconds(run_time) <= MAX_SECONDS:
        raise SystemExit(f"The load stays bounded: 1-{MAX_USERS} users, at most {MAX_SECONDS} seconds.")
    database_url = os.environ.get(
        "LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_loadtest"
    )
    DATA.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.loadtest_settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("LOADTEST_REDIS_URL", "redis://127.0.0.1:6379/3"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "0",
        "TRUST_X_FORWARDED_PROTO": "1",
        "MEDIA_ROOT": str(DATA / "media"),
        "LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "PYTHONPATH": str(REPO),
    }
    ensure_database(database_url)
    step("migrate", [PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    step(
        f"load {count} resources",
        [PYTHON, "benchmarks/load_benchmark_data.py", "--count", str(count),
         "--slugs", str(DATA / "slugs.txt"), "--files", str(DATA / "files.json")],
        env,
    )  # fmt: skip
    analyze(database_url)
    step("collectstatic", [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    log_path = DATA / "gunicorn.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "portal.wsgi"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", server)
        warm_up(f"http://127.0.0.1:{port}")
        print(
            f"== locust: {users} users, spawn {spawn_rate}/s, {run_time}, gunicorn at 127.0.0.1:{port}",
            flush=True,
        )
        subprocess.run(  # noqa: S603
            [str(BIN / "locust"), "-f", "benchmarks/locustfile.py", "--headless", "--only-summary",
             "-u", str(users), "-r", str(spawn_rate), "-t", run_time, "--stop-timeout", "10",
             "--host", f"http://127.0.0.1:{port}", "--csv", str(DATA / "stats"), "--exit-code-on-error", "0",
             *os.environ.get("LOADTEST_USER_CLASSES", "").split()],
            cwd=REPO, env={**env, "LOADTEST_DATA": str(DATA)}, check=True,
        )  # fmt: skip
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report(users, log_path)


def ensure_database(url):
    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit(
            "The load test runs against PostgreSQL: set LOADTEST_DATABASE_URL to a postgres:// URL."
        )
    params = {"user": config["USER"] or None, "password": config["PASSWORD"] or None,
              "host": config["HOST"] or None, "port": config["PORT"] or None}  # fmt: skip
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
        if not exists:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))


def analyze(url):
    """Fresh planner statistics after bulk loading, as autovacuum would give them a little later."""
    config = dj_database_url.parse(url)
    print("== ANALYZE", flush=True)
    with psycopg.connect(
        dbname=config["NAME"], user=config["USER"] or None, password=config["PASSWORD"] or None,
        host=config["HOST"] or None, port=config["PORT"] or None, autocommit=True,
    ) as connection:  # fmt: skip
        connection.execute("ANALYZE")


def step(title, command, env):
    print(f"== {title}", flush=True)
    started = time.monotonic()
    subprocess.run(command, cwd=REPO, env=env, check=True)  # noqa: S603
    print(f"   done in {time.monotonic() - started:.0f} s", flush=True)


def wait_until_up(url, server):
    for _ in range(60):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped; see benchmarks/.loadtest/gunicorn.log")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz within 30 seconds")


WARM_UP = [
    "/", "/library/", "/toolkits/", "/guides/", "/case-studies/", "/themes/", "/fr/", "/fr/library/", "/ar/themes/",
    *(f"/library/?page={page}" for page in range(1, 51)),
    *(f"/themes/{slug}/" for slug in (
        "community-activism", "rule-of-law-and-human-rights", "tools-for-knowledge", "womens-empowerment",
        "youth-engagement", "media-and-freedom-of-information", "civil-society-and-government", "electoral-processes",
    )),
]  # fmt: skip


def warm_up(origin):
    """After a deploy the lists fill the cache within seconds of real traffic; fill it once before
    measuring, so the figures are the steady state. Resource pages and searches stay cold."""
    print(f"== warm-up: {len(WARM_UP)} list pages (not measured)", flush=True)
    for path in WARM_UP:
        request = urllib.request.Request(origin + path, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
            response.read()


def report(users, log_path):
    with open(DATA / "stats_stats.csv", newline="") as stats:
        rows = list(csv.DictReader(stats))
    total = next(row for row in rows if row["Name"] == "Aggregated")
    server_errors = 0
    with open(log_path) as log:
        for line in log:
            if line.startswith("{") and '"gunicorn.access"' in line:
                server_errors += str(json.loads(line).get("status", "")).startswith("5")
    p95 = float(total["95%"])
    print()
    print("== load test result")
    print(f"   clients            {users}")
    print(f"   requests           {total['Request Count']}")
    print(f"   throughput         {float(total['Requests/s']):.1f} requests/s")
    print(f"   latency p50/95/99  {total['50%']} / {total['95%']} / {total['99%']} ms")
    print(f"   failed requests    {total['Failure Count']}")
    print(f"   server errors 5xx  {server_errors} (gunicorn access log)")
    print(f"   goal (0 5xx, p95 < 300 ms): {'met' if server_errors == 0 and p95 < 300 else 'NOT met'}")
    print()
    print("   per request type (p50 / p95 ms, count):")
    for row in rows:
        if row["Name"] != "Aggregated":
            name, count = f"{row['Type']} {row['Name']}", row["Request Count"]
            print(f"   {name:42} {row['50%']:>6} / {row['95%']:>6}  {count:>6}")


if __name__ == "__main__":
    main()
