#!/usr/bin/env python3
"""Time `import_resources` on generated records, into SQLite and into PostgreSQL.

    python benchmarks/import_bench.py [--count 100000] [--backends sqlite,postgres]

Generates the records with ../shared/data/gen_resources.py (the same bytes every time), makes a
fresh database per backend (SQLite in a temporary folder; PostgreSQL database
`portal_bench_import`, created and dropped here), then imports the file twice in a fresh process
each time: the first run creates every record, the second finds every record unchanged. Prints
records per second and the importing process's peak resident memory (getrusage ru_maxrss).
Goal: over 1,000 records per second and under 300 MB on both databases.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = Path(os.environ.get("GEN_RESOURCES", ROOT.parent / "shared" / "data" / "gen_resources.py"))
POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES_SERVER", "postgres://postgres@127.0.0.1:5432")
POSTGRES_DATABASE = "portal_bench_import"
GOAL_RATE, GOAL_MEGABYTES = 1000, 300


def child(path):
    """Runs in its own process, so that ru_maxrss is this import's peak alone."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    from library.importing import Importer

    started = time.perf_counter()
    with open(path, "rb") as stream:
        report = Importer().run(stream, name=path)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures = {
        "counts": dict(report.counts),
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
    }
    print(json.dumps(figures))


def environment(database_url):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only",
        "ALLOWED_HOSTS": "localhost",
        "LOG_LEVEL": "WARNING",
    }


def measure(label, database_url, path, count):
    env = environment(database_url)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    for run in ("first run (creates)", "second run (unchanged)"):
        result = subprocess.run(  # noqa: S603 -- this script, run again as the measured child
            [sys.executable, __file__, "--child", str(path)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        rate = count / figures["seconds"]
        verdict = "ok" if rate > GOAL_RATE and figures["peak_mb"] < GOAL_MEGABYTES else "BELOW GOAL"
        cpu = figures.get("cpu_seconds", 0.0)
        print(
            f"import {count:,} into {label:<10} {run:<24} {figures['seconds']:7.1f} s "
            f"{rate:8,.0f} records/s  peak {figures['peak_mb']:6.1f} MB  (importer CPU {cpu:.1f} s, "
            f"load average {os.getloadavg()[0]:.1f})  {figures['counts']}  {verdict}",
            flush=True,
        )


def postgres(path, count):
    import psycopg

    try:
        admin = psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True)
    except psycopg.OperationalError as error:
        print(f"import into PostgreSQL skipped: {error}".strip())
        return
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}"')
        admin.execute(f'CREATE DATABASE "{POSTGRES_DATABASE}"')
        try:
            measure("PostgreSQL", f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}", path, count)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}" WITH (FORCE)')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--child", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    with tempfile.TemporaryDirectory(prefix="import-bench-") as folder:
        path = Path(folder) / "resources.jsonl"
        with open(path, "wb") as out:
            subprocess.run(  # noqa: S603 -- the shared generator
                [sys.executable, str(GENERATOR), "--count", str(args.count)], stdout=out, check=True
            )
        print(
            f"{args.count:,} generated records, {path.stat().st_size / 1e6:,.0f} MB of JSON Lines", flush=True
        )
        backends = args.backends.split(",")
        if "sqlite" in backends:
            measure("SQLite", f"sqlite:///{folder}/bench.sqlite3", path, args.count)
        if "postgres" in backends:
            postgres(path, args.count)


if __name__ == "__main__":
    main()
