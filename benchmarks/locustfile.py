"""The load test's visitors: readers browsing, readers searching, partners downloading.

Run through `make loadtest` (benchmarks/loadtest.py), which starts gunicorn and PostgreSQL-backed
data first. Loopback only: the test refuses any other host.
"""

import json
import os
import random
from pathlib import Path
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

DATA = Path(os.environ.get("LOADTEST_DATA", Path(__file__).resolve().parent / ".loadtest"))
THEMES = [
    "community-activism", "rule-of-law-and-human-rights", "tools-for-knowledge", "womens-empowerment",
    "youth-engagement", "media-and-freedom-of-information", "civil-society-and-government",
    "electoral-processes",
]  # fmt: skip
WORDS = [
    "election", "observation", "youth", "radio", "budget", "women", "council", "media", "rights", "petition",
    "\"community radio\"", "voter education", "journalism -radio", "accountability or transparency",
]  # fmt: skip
COUNTRIES = ["KE", "NG", "UA", "IN", "CO", "HT", "TN", "NP"]
PASSWORD = "loadtest-password-not-secret"  # noqa: S105 - a throwaway account on loopback
# The server trusts X-Forwarded-Proto (TRUST_X_FORWARDED_PROTO=1), as behind the TLS proxy.
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip, br"}


@events.test_start.add_listener
def only_loopback(environment, **kwargs):
    host = urlsplit(environment.host or "").hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"The load test runs against loopback only, not {host!r}.")


def detail_addresses():
    return (DATA / "slugs.txt").read_text().split()


def file_addresses():
    return json.loads((DATA / "files.json").read_text())


class Reader(HttpUser):
    """Home, lists, pages of lists, themes and resource pages."""

    weight = 6
    wait_time = between(0.5, 2)

    def on_start(self):
        self.details = detail_addresses()
        self.client.headers.update(HEADERS)

    @task(4)
    def resource(self):
        self.client.get(random.choice(self.details), name="/<kind>/<slug>/")

    @task(2)
    def library(self):
        page = random.randint(1, 50)
        self.client.get(f"/library/?page={page}", name="/library/?page=N")

    @task(1)
    def home(self):
        self.client.get("/")

    @task(1)
    def kind_list(self):
        self.client.get(random.choice(["/toolkits/", "/guides/", "/case-studies/"]), name="/<kind>/")

    @task(1)
    def theme(self):
        self.client.get(f"/themes/{random.choice(THEMES)}/", name="/themes/<slug>/")

    @task(1)
    def in_french(self):
        self.client.get(random.choice(["/fr/library/", "/fr/", "/ar/themes/"]), name="/<lang>/...")


class Searcher(HttpUser):
    """Full-text queries with filters and sorting, as typed in the search box."""

    weight = 3
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers.update(HEADERS)

    @task(3)
    def search(self):
        self.client.get("/library/", params={"q": random.choice(WORDS)}, name="/library/?q=")

    @task(2)
    def search_with_filters(self):
        params = {
            "q": random.choice(WORDS),
            "theme": random.choice(THEMES),
            "country": random.choice(COUNTRIES),
            "sort": random.choice(["relevance", "newest", "title"]),
        }
        self.client.get("/library/", params=params, name="/library/?q=&filters")

    @task(1)
    def filters_only(self):
        params = {
            "kind": random.choice(["toolkit", "guide", "case-study"]),
            "year_from": random.randint(2000, 2020),
        }
        self.client.get("/library/", params=params, name="/library/?filters")


class Partner(HttpUser):
    """Signs in, downloads public and partner-only toolkit files, looks at their account."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers.update(HEADERS)
        self.files = file_addresses()
        form = self.client.get("/accounts/login/", name="/accounts/login/")
        token = self.client.cookies.get("csrftoken", "")
        if form.status_code == 200 and token:
            self.client.post(
                "/accounts/login/",
                {
                    "username": "partner",
                    "password": PASSWORD,
                    "csrfmiddlewaretoken": token,
                    "next": "/accounts/",
                },
                headers={"Referer": f"https://{urlsplit(self.host).netloc}/accounts/login/"},
                name="/accounts/login/ (POST)",
            )

    @task(3)
    def partner_file(self):
        if self.files["partners"]:
            self.client.get(random.choice(self.files["partners"]), name="/downloads/<uuid>/ (partner)")

    @task(2)
    def public_file(self):
        if self.files["public"]:
            self.client.get(random.choice(self.files["public"]), name="/downloads/<uuid>/ (public)")

    @task(1)
    def account(self):
        self.client.get("/accounts/", name="/accounts/")
