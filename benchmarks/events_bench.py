#!/usr/bin/env python3
"""`make bench-events`: the events list with 5,000 events and 200,000 registrations on PostgreSQL
(p50/p95 and query count, at two page sizes, in-process and through gunicorn + wrk), registrations per second with 50 concurrent clients
(and a check that no event is overbooked), and the size of one confirmation e-mail.

    .venv/bin/python benchmarks/events_bench.py [--events 5000] [--registrations 200000] [--repeat 30]

Writes only to the database named by EVENTS_BENCH_DATABASE_URL (default portal_events_bench on
127.0.0.1), created when absent; its events and registrations are replaced on every run.
"""

import argparse
import os
import random
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/portal_events_bench"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--registrations", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="of concurrent registrations")
    parser.add_argument("--server-seconds", type=int, default=5, help="of wrk on each page")
    parser.add_argument(
        "--server-connections",
        type=int,
        default=2,
        help="wrk's; one per worker measures latency without queueing",
    )
    return parser.parse_args()


def configure():
    url = os.environ.get("EVENTS_BENCH_DATABASE_URL", DEFAULT_URL)
    import psycopg

    name = url.rstrip("/").rsplit("/", 1)[-1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        SECRET_KEY=os.environ.get("SECRET_KEY", "benchmark-only-secret-key"),
        DEBUG="0",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="WARNING",
        PUBLIC_BASE_URL="https://library.example.org",
        EMAIL_URL="console:",
    )
    sys.path.insert(0, str(ROOT))


def load(count, registrations):
    from django.db import connection
    from django.utils import timezone

    from events.models import Event, Registration
    from library.models import Country, Theme
    from library.themes import THEMES

    random.seed(12)
    generated = Event.objects.filter(slug__startswith="generated-forum-")
    Event.objects.exclude(slug__startswith="generated-forum-").delete()  # earlier runs' busy forums
    if (
        generated.count() == count
        and Registration.objects.filter(event__in=generated).count() == registrations
    ):
        from library.cache import bump_public_version

        bump_public_version()
        return count, registrations  # reused: the same data as last time
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE events_registration, events_speaker, events_event_themes, events_event CASCADE"
        )
    countries = list(Country.objects.values_list("code", flat=True))
    themes = {slug: pk for slug, pk in Theme.objects.values_list("slug", "id")}
    zones = ["Africa/Nairobi", "Europe/Brussels", "America/Lima", "Asia/Kathmandu", "Asia/Amman", "UTC"]
    now = timezone.now()
    events = []
    for number in range(count):
        starts_at = now + timedelta(days=random.randint(-200, 400), hours=random.randint(0, 23))
        fmt = random.choice(["online", "in-person", "hybrid"])
        events.append(
            Event(
                title=f"Generated forum {number}",
                slug=f"generated-forum-{number}",
                summary="People from different projects learn from each other.",
                format=fmt,
                status="published",
                published_at=now - timedelta(days=300),
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=3),
                time_zone=random.choice(zones),
                city="" if fmt == "online" else "City",
                country_id=None if fmt == "online" else random.choice(countries),
                languages=random.sample(["en", "fr", "es", "ar", "pt", "ru"], random.randint(1, 2)),
                interpretation_languages=random.sample(["en", "fr", "es", "ar"], random.randint(0, 2)),
                capacity=60,
            )
        )
    Event.objects.bulk_create(events, batch_size=1000)
    ids = list(Event.objects.values_list("id", flat=True))
    Through = Event.themes.through
    Through.objects.bulk_create(
        [
            Through(event_id=pk, theme_id=themes[slug])
            for pk in ids
            for slug in random.sample([slug for slug, _label in THEMES], random.randint(1, 3))
        ],
        batch_size=5000,
    )
    per_event = registrations // len(ids)
    batch = []
    for pk in ids:
        for n in range(per_event):
            batch.append(
                Registration(
                    event_id=pk,
                    name=f"Person {n}",
                    email=f"person{n}@example.org",
                    status="confirmed" if n < 50 else "waiting",
                    email_verified=True,
                    consented_at=now,
                )
            )
        if len(batch) >= 10_000:
            Registration.objects.bulk_create(batch)
            batch = []
    Registration.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    from library.cache import bump_public_version

    bump_public_version()  # bulk_create sends no signals: the lists' index must see the new events
    return Event.objects.count(), Registration.objects.count()


def concurrent_registrations(clients, seconds):
    """`clients` threads, each with its own connection, registering new addresses for 20 events
    of 100 places as fast as they can; then every event's places are counted."""
    from django.db import connections
    from django.utils import timezone

    from events.models import Event, Registration
    from events.registration import Applicant, register

    now = timezone.now()
    targets = []
    for number in range(20):
        starts_at = now + timedelta(days=30)
        targets.append(
            Event.objects.create(
                title=f"Busy forum {number}", slug=f"busy-forum-{number}-{int(now.timestamp())}",
                summary="s", status="published", published_at=now - timedelta(days=1), format="online",
                starts_at=starts_at, ends_at=starts_at + timedelta(hours=2), languages=["en"], capacity=100,
            )
        )  # fmt: skip
    counts = [0] * clients
    errors = []
    barrier = threading.Barrier(clients)
    deadline = [0.0]

    def run(index):
        try:
            barrier.wait()
            if index == 0:
                deadline[0] = time.perf_counter() + seconds
            while not deadline[0]:
                time.sleep(0.001)
            n = 0
            while time.perf_counter() < deadline[0]:
                event = targets[(index + n) % len(targets)]
                register(event, Applicant(name="Bench", email=f"c{index}-{n}@example.org"))
                n += 1
                counts[index] += 1
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = sum(counts)
    overbooked = [
        event.slug
        for event in targets
        if Registration.objects.filter(event=event).holding_place().count() > event.capacity
    ]
    held = sum(Registration.objects.filter(event=event).holding_place().count() for event in targets)
    return total / seconds, total, held, overbooked, errors


def confirmation_size():
    from django.utils import timezone

    from events.models import Event
    from events.registration import Applicant, register
    from notifications.models import OutgoingMail
    from notifications.sending import as_email

    now = timezone.now()
    event = Event.objects.create(
        title="Regional forum on citizen election observation", slug=f"size-forum-{int(now.timestamp())}",
        summary="Observer networks compare how they recruited, trained and protected volunteers.",
        status="published", published_at=now, format="hybrid", city="Nairobi", country_id="KE",
        venue="Kenya National Library, Upper Hill", time_zone="Africa/Nairobi",
        starts_at=now + timedelta(days=20), ends_at=now + timedelta(days=20, hours=7),
        languages=["en"], interpretation_languages=["fr", "sw"], capacity=40,
        joining_url="https://meet.example.org/observer-forum",
    )  # fmt: skip
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="bench-size", defaults={"email": "ana@example.org"}
    )
    register(event, Applicant(name="Ana Wanjiru", email="ana@example.org", language="fr"), user=user)
    mail = OutgoingMail.objects.filter(to="ana@example.org").latest("id")
    return len(as_email(mail).message().as_bytes()), mail.subject


def through_a_real_server(pages, args):
    """The same lists through gunicorn and wrk (benchmarks/real_server.py), page cache off, at 20
    and at 100 a page: what a reader gets, around the view as well as in it."""
    from types import SimpleNamespace

    from benchmarks import real_server

    if not real_server.wrk_found():
        return
    options = SimpleNamespace(
        workers=2,
        port=real_server.PORT,
        seconds=args.server_seconds,
        connections=args.server_connections,
        only="",
    )
    url = os.environ["DATABASE_URL"]
    real_server.measure(url, pages, options, cached=False)
    os.environ["EVENTS_PAGE_SIZE"] = "100"
    try:
        real_server.measure(url, [("/events/, 100 a page", "/events/")], options, cached=False)
    finally:
        del os.environ["EVENTS_PAGE_SIZE"]


def main():
    args = arguments()
    configure()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    events, registrations = load(args.events, args.registrations)
    print(
        f"Loaded {events:,} events and {registrations:,} registrations in {time.perf_counter() - started:.0f} s"
    )
    from events.models import Event

    upcoming = Event.objects.public().active().upcoming().count()
    print(
        f"\n{connection.vendor} ({connection.settings_dict['NAME']}), {upcoming:,} upcoming, {args.repeat} runs a page\n"
    )
    print(f"| {'page':<44} | {'p50 ms':>7} | {'p95 ms':>7} | {'queries':>7} |")
    print(f"|{'-' * 46}|{'-' * 9}|{'-' * 9}|{'-' * 9}|")
    pages = [
        ("/events/, no filter", "/events/"),
        ("/events/?theme=youth-engagement&format=online", "/events/?theme=youth-engagement&format=online"),
        ("/events/?region=africa&language=fr", "/events/?region=africa&language=fr"),
        (
            "/events/?month=<next month>",
            f"/events/?month={(django.utils.timezone.now() + timedelta(days=31)):%Y-%m}",
        ),
        ("/events/past/", "/events/past/"),
        ("/events/calendar.ics?theme=electoral-processes", "/events/calendar.ics?theme=electoral-processes"),
    ]
    from benchmarks.run import measure

    for label, url in pages:
        p50, p95, queries = measure(url, args.repeat)
        print(f"| {label:<44} | {p50:7.1f} | {p95:7.1f} | {queries:7d} |", flush=True)
    settings.EVENTS_PAGE_SIZE = 100
    p50, p95, queries = measure("/events/", args.repeat)
    print(f"| {'/events/, 100 a page':<44} | {p50:7.1f} | {p95:7.1f} | {queries:7d} |")
    settings.EVENTS_PAGE_SIZE = 20
    through_a_real_server(pages[:-1], args)

    rate, total, held, overbooked, errors = concurrent_registrations(args.clients, args.seconds)
    print(
        f"\n{args.clients} concurrent clients for {args.seconds:.0f} s: {total:,} registrations, "
        f"{rate:.0f} a second; places held {held} of {20 * 100}; overbooked events: {overbooked or 'none'}; "
        f"errors: {len(errors)} {errors[:3]}"
    )
    size, subject = confirmation_size()
    print(f"one confirmation e-mail ({subject!r}, with its .ics): {size:,} bytes")


if __name__ == "__main__":
    main()
