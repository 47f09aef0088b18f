#!/usr/bin/env python3
"""The real-server half of `make bench`: the pages as a reader gets them, through gunicorn (the
project's gunicorn.conf.py, production settings, 2 workers of one thread unless told) on
loopback, measured with wrk (req/s, p50, p99). The in-process figures of benchmarks/run.py leave
out what a server spends around the view (HTTP parsing, the whole middleware chain, logging,
worker start-up and recycling); these do not.

    .venv/bin/python benchmarks/real_server.py --database-url postgres://.../portal_bench
    BENCH_SERVER_SECONDS=10 BENCH_SERVER_CONNECTIONS=8 make bench

Two runs: the page cache off (what the comparison with other sites uses), then on
(PUBLIC_PAGE_CACHE_SECONDS=600 in each worker's memory), reported separately. The database is
only read. Needs `wrk` (`make bench` installs Debian's package when run as root); without it this
half is skipped with a message.
"""

import argparse
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_SERVER_PORT", "8201"))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", ""))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SERVER_SECONDS", "5")))
    parser.add_argument(
        "--connections", type=int, default=int(os.environ.get("BENCH_SERVER_CONNECTIONS", "8"))
    )
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_SERVER_WORKERS", "2")))
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--only", default=os.environ.get("BENCH_ONLY", ""))
    parser.add_argument(
        "--cache", choices=["both", "off", "on"], default=os.environ.get("BENCH_SERVER_CACHE", "both")
    )
    return parser.parse_known_args()[0]  # run.py's own options pass through


def server_environment(database_url, *, cached):
    env = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "REDIS_URL")}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="portal.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        TRUST_X_FORWARDED_PROTO="1",  # wrk says https through the header, as a proxy would
        LOG_LEVEL="WARNING",
        PUBLIC_PAGE_CACHE_SECONDS="600" if cached else "0",
        # wrk asks from one address far faster than the open data's rate limits allow (as run.py)
        API_THROTTLE_RATE="10000000/min",
        OAI_THROTTLE_RATE="10000000/min",
        STATIC_ROOT=str(ROOT / "benchmarks" / "staticfiles"),
    )
    return env


def start(database_url, workers, port, *, cached):
    env = server_environment(database_url, cached=cached)
    python = str(ROOT / ".venv" / "bin" / "python")
    manage = [python, "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(manage, cwd=ROOT, env=env, check=True)  # noqa: S603 - our own command
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "portal.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        "1",
    ]
    log = open(ROOT / "benchmarks" / "real_server.log", "ab")  # noqa: SIM115 - closed with the server
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
    server.log = log
    for _ in range(120):
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz")
            with urllib.request.urlopen(request, timeout=2):  # noqa: S310 - our loopback server
                return server
        except OSError:
            time.sleep(0.5)
    stop(server)
    sys.exit("gunicorn did not answer on /healthz within a minute (see benchmarks/real_server.log)")


def stop(server):
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
    server.log.close()


def status_of(port, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our loopback server
        return response.status


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(port, path, seconds, connections):
    output = subprocess.run(  # noqa: S603 - wrk on our loopback server
        [
            shutil.which("wrk"),
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "X-Forwarded-Proto: https",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p50, p99, int(errors.group(1)) if errors else 0


def measure(database_url, pages, args, *, cached):
    server = start(database_url, args.workers, args.port, cached=cached)
    try:
        print(
            f"\nReal server, page cache {'ON (600 s, per worker)' if cached else 'off'}: gunicorn "
            f"{args.workers} workers x 1 thread, wrk {args.connections} connections, {args.seconds} s a page\n"
        )
        print(f"| {'page':<36} | {'req/s':>7} | {'p50 ms':>7} | {'p99 ms':>7} | {'p99/p50':>7} |")
        print(f"|{'-' * 38}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
        for label, path in pages:
            if args.only not in label:
                continue
            for _ in range(3):  # warm up: the facet index, templates, query plans
                assert status_of(args.port, path) == 200, path
            rate, p50, p99, errors = wrk(args.port, path, args.seconds, args.connections)
            note = f" ({errors} non-2xx)" if errors else ""
            print(
                f"| {label:<36} | {rate:7.1f} | {p50:7.1f} | {p99:7.1f} | {p99 / p50:7.1f} |{note}",
                flush=True,
            )
    finally:
        stop(server)


def wrk_found() -> bool:
    """Whether wrk is here; if not, says the real-server figures are skipped."""
    if shutil.which("wrk") is None:
        print("\nwrk not found: the real-server figures are skipped (apt-get install wrk).")
        return False
    return True


def main(database_url=None, pages=None):
    args = arguments()
    database_url = database_url or args.database_url
    if not database_url:
        sys.exit("--database-url (or BENCH_DATABASE_URL) names the database to read")
    if not wrk_found():
        return
    if pages is None:
        pages = default_pages(database_url)
    if args.cache in ("both", "off"):
        measure(database_url, pages, args, cached=False)
    if args.cache in ("both", "on"):
        measure(database_url, pages, args, cached=True)


def default_pages(database_url):
    os.environ.update(DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="benchmarks.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from benchmarks.run import pages

    return pages()


if __name__ == "__main__":
    main()
