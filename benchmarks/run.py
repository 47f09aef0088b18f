#!/usr/bin/env python3
"""`make bench`: load N generated resources into a dedicated benchmark database, then measure the
server-side time (p50, p95) and the SQL query count of the library's pages.

    BENCH_DB=postgresql BENCH_COUNT=100000 make bench     # database portal_bench (default N 100,000)
    BENCH_DB=sqlite make bench                            # benchmarks/bench.sqlite3 (default N 20,000)
    BENCH_SERVER=0 make bench                             # in-process figures only (no gunicorn + wrk)
    .venv/bin/python benchmarks/run.py --db sqlite --count 2000 --repeat 10

The development database (db.sqlite3) is never touched. The data are loaded once and reused
while the count matches; --reload loads them again.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_COUNTS = {"postgresql": 100_000, "sqlite": 20_000}
PG_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
SQLITE_PATH = ROOT / "benchmarks" / "bench.sqlite3"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", choices=["postgresql", "sqlite"], default=os.environ.get("BENCH_DB", "postgresql")
    )
    parser.add_argument("--count", type=int, default=int(os.environ.get("BENCH_COUNT", "0")) or None)
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "20")))
    parser.add_argument("--reload", action="store_true", help="load the resources again")
    parser.add_argument(
        "--only", default=os.environ.get("BENCH_ONLY", ""), help="pages whose label contains this"
    )
    return parser.parse_args()


def configure(db):
    if db == "postgresql":
        url = os.environ.get("BENCH_DATABASE_URL", PG_URL)
        name = url.rstrip("/").rsplit("/", 1)[-1]
        # a database of one's own may be named (BENCH_DATABASE_NAME_OK=<its name>), never by accident
        if name != "portal_bench" and os.environ.get("BENCH_DATABASE_NAME_OK") != name:
            sys.exit("The benchmark only writes to a database named portal_bench.")
        create_postgres_database(url, name)
    else:
        url = f"sqlite:///{SQLITE_PATH}"
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY", "benchmark-only-secret-key"),
        DEBUG="0",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="WARNING",
        # the benchmark is one client asking many times: not what the API's throttling is for
        API_THROTTLE_RATE="10000000/min",
        OAI_THROTTLE_RATE="10000000/min",
    )
    sys.path.insert(0, str(ROOT))


def create_postgres_database(url, name="portal_bench"):
    import psycopg
    from psycopg import sql

    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def prepare(count, reload):
    from django.core.management import call_command

    from benchmarks.loader import load
    from library.models import Resource, SearchWord

    call_command("migrate", verbosity=0)
    if Resource.objects.count() == count and not reload:
        print(f"Reusing {count:,} resources already loaded.")
        analyse()
        return
    print(f"Loading {count:,} generated resources ...")
    started = time.perf_counter()
    Resource.objects.all().delete() if Resource.objects.count() < 5000 else wipe()
    SearchWord.objects.all().delete()
    load(count, progress=lambda line: print(line, flush=True) if line.endswith("000") else None)
    print(f"Loaded and indexed in {time.perf_counter() - started:.0f} s.")
    analyse()


def wipe():
    from django.db import connection

    tables = [
        "taggit_taggeditem",
        "library_taggedresource",
        "library_resource_themes",
        "library_resource_countries",
        "library_resource_related",
        "library_resourcefile",
        "casestudies_casestudy",
        "library_resource",
    ]
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        if connection.vendor == "postgresql":
            cursor.execute("TRUNCATE " + ", ".join(t for t in tables if t in existing) + " CASCADE")
        else:
            for table in tables:
                if table in existing:
                    cursor.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            cursor.execute("DELETE FROM library_resource_fts")


def analyse():
    from django.db import connection

    with connection.cursor() as cursor:
        # after a bulk load: statistics for the planner, and (PostgreSQL) the visibility map that
        # index-only scans need
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO library_resource_fts(library_resource_fts) VALUES ('optimize')")


def pages():
    from library.models import Resource

    detail = Resource.objects.published().order_by("id").first().get_absolute_url()
    return [
        ("list, no filter", "/library/"),
        ("q: election observation", "/library/?q=election+observation"),
        ("q: women, newest, page 3", "/library/?q=women&sort=newest&page=3"),
        ("theme + country", "/library/?theme=electoral-processes&country=KE"),
        ("q: radio, language fr", "/library/?q=radio&language=fr"),
        ("detail page", detail),
        ("worst: q=project (nearly all)", "/library/?q=project"),
        ("worst: prefix-heavy", "/library/?q=pa*+co*+el*"),
        ("worst: q + 3 filters", "/library/?q=election&theme=electoral-processes&language=en&year_from=2015"),
        (
            "worst: q + 3 filters, relevance p50",
            "/library/?q=community&kind=toolkit&country=KE&region=africa",
        ),
        ("misspelt: electon obsevation", "/library/?q=electon+obsevation"),
        ("toolkits list", "/toolkits/"),
        # the open-data API (issue 15): the same filters, JSON, 20 a page
        ("api: list, no filter", "/api/v1/resources/"),
        ("api: q: election observation", "/api/v1/resources/?q=election+observation"),
        ("api: q + facets theme,country", "/api/v1/resources/?q=election+observation&facets=theme,country"),
        (
            "api: theme + country, all facets",
            "/api/v1/resources/?theme=electoral-processes&country=KE"
            "&facets=kind,theme,region,country,language,year",
        ),
        ("api: worst: q=project + facets", "/api/v1/resources/?q=project&facets=theme,country"),
        ("api: sort=title", "/api/v1/resources/?sort=title"),
        ("api: detail", "/api/v1/resources/" + detail.rstrip("/").rsplit("/", 1)[-1] + "/"),
        ("api: themes", "/api/v1/themes/"),
    ]


def measure(url, repeat):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for _ in range(2):  # warm caches (templates, query plans)
        assert client.get(url).status_code == 200, url
    timings, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
        queries = max(queries, len(captured.captured_queries))
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95, queries


def main():
    args = arguments()
    count = args.count or DEFAULT_COUNTS[args.db]
    configure(args.db)
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    prepare(count, args.reload)
    print(
        f"\n{connection.vendor} ({connection.settings_dict['NAME']}), {count:,} resources, "
        f"{args.repeat} runs per page, page size {settings.LIBRARY_PAGE_SIZE}\n"
    )
    print(f"| {'page':<36} | {'p50 ms':>7} | {'p95 ms':>7} | {'queries':>7} |")
    print(f"|{'-' * 38}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
    for label, url in pages():
        if args.only not in label:
            continue
        p50, p95, queries = measure(url, args.repeat)
        print(f"| {label:<36} | {p50:7.1f} | {p95:7.1f} | {queries:7d} |", flush=True)
    if args.only:
        return
    harvest_figures()
    settings.LIBRARY_PAGE_SIZE = 100
    p50, p95, queries = measure("/library/?q=election+observation", max(3, args.repeat // 4))
    print(f"| {'q: election observation, 100 a page':<36} | {p50:7.1f} | {p95:7.1f} | {queries:7d} |")
    settings.LIBRARY_PAGE_SIZE = 20
    if os.environ.get("BENCH_SERVER", "1") != "0":
        # the same pages through gunicorn and wrk on loopback: the figures a reader gets
        from benchmarks import real_server

        connection.close()
        real_server.main(os.environ["DATABASE_URL"], pages())


def harvest_figures():
    """A full OAI-PMH ListRecords harvest, page after page by resumption token: time, pages, and
    the process's resident memory after the first pages and at the end (flat: it streams)."""
    import re
    import resource as rusage

    from django.conf import settings
    from django.test import Client

    def resident_mb():
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    client = Client()
    url = "/oai/?verb=ListRecords&metadataPrefix=oai_dc"
    token = re.compile(rb"<resumptionToken[^>]*>([^<]+)</resumptionToken>")
    pages = records = 0
    early = None
    slowest = 0.0
    started = time.perf_counter()
    while url:
        begun = time.perf_counter()
        response = client.get(url)
        slowest = max(slowest, time.perf_counter() - begun)
        assert response.status_code == 200
        pages += 1
        records += response.content.count(b"<record>")
        if pages == 10:
            early = resident_mb()
        found = token.search(response.content)
        url = f"/oai/?verb=ListRecords&resumptionToken={found.group(1).decode()}" if found else None
    elapsed = time.perf_counter() - started
    peak = rusage.getrusage(rusage.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nOAI-PMH full harvest (ListRecords, oai_dc, {settings.OAI_PAGE_SIZE} a page): {records:,} records "
        f"in {pages} pages, {elapsed:.1f} s ({records / elapsed:,.0f} records/s, slowest page "
        f"{slowest * 1000:.0f} ms); resident memory after 10 pages {early or 0:.0f} MB, at the end "
        f"{resident_mb():.0f} MB, process peak {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
