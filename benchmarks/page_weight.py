"""Page weight: every page type's HTML + CSS, compressed, in every language, against a 60 KB budget.

    make bench            (or: .venv/bin/python benchmarks/page_weight.py [--resources N])

Builds a throw-away test database with the sample library plus N generated resources (so lists are
full pages), fetches each page with Django's test client, and gzips the HTML (as a web server would)
and each stylesheet the page links (as WhiteNoise serves them). Images are left out: they load lazily
in sizes that fit. Exits 1 when a page is over budget.
"""

import argparse
import gzip
import os
import re
import sys
from pathlib import Path

BUDGET_BYTES = 60 * 1024
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def compressed(data):
    return len(gzip.compress(data, compresslevel=6))


def stylesheet_bytes(html):
    """The stylesheets a page links, read from the static folders: {address: bytes}."""
    from django.conf import settings
    from django.contrib.staticfiles import finders

    sheets = {}
    for href in STYLESHEET.findall(html):
        path = finders.find(href.removeprefix(settings.STATIC_URL).removeprefix("/" + settings.STATIC_URL))
        sheets[href] = Path(path).read_bytes()
    return sheets


def page_weight(html):
    """(HTML compressed, CSS compressed) in bytes for one page."""
    css = stylesheet_bytes(html)
    return compressed(html.encode()), sum(compressed(data) for data in css.values())


def generate_resources(count):
    from library.models import Resource

    Resource.objects.bulk_create(
        Resource(
            kind=("toolkit", "guide", "case-study")[number % 3],
            title=f"Generated resource {number} on civic participation and accountable local government",
            slug=f"generated-{number}",
            summary="What a group of citizens did to follow their council's budget, and what others can "
            "learn from it: the methods, the obstacles and the results, in a few sentences." * 2,
            language="en",
            status="published",
            published_at="2021-06-01T00:00:00Z",
        )
        for number in range(count)
    )


def measure(resources):
    from django.test import Client

    from tests.public.pages import LANGUAGE_PREFIXES, fetch_all, make_people, make_sample_library

    sample = make_sample_library()
    generate_resources(resources)
    people = make_people()
    rows = []
    for language, prefix in LANGUAGE_PREFIXES.items():
        for name, (status, html) in fetch_all(Client(), sample, people, prefix).items():
            html_gz, css_gz = page_weight(html)
            rows.append((name, language, status, len(html.encode()), html_gz, css_gz))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=200, help="generated resources besides the sample")
    args = parser.parse_args()

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        rows = measure(args.resources)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"{'page':44} {'lang':4} {'status':>6} {'HTML':>8} {'HTML gz':>8} {'CSS gz':>7} {'total gz':>9}")
    over = []
    for name, language, status, html_raw, html_gz, css_gz in rows:
        total = html_gz + css_gz
        flag = "  OVER BUDGET" if total > BUDGET_BYTES else ""
        print(
            f"{name[:44]:44} {language:4} {status:>6} {html_raw:>8} {html_gz:>8} {css_gz:>7} {total:>9}{flag}"
        )
        if flag:
            over.append(name)
    heaviest = max(rows, key=lambda row: row[4] + row[5])
    print(
        f"\nheaviest: {heaviest[0]} ({heaviest[1]}) {(heaviest[4] + heaviest[5]) / 1024:.1f} KB compressed;"
        f" budget {BUDGET_BYTES // 1024} KB"
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
