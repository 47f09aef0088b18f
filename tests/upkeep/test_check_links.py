"""check_links against HTTP servers this test starts on loopback (never the internet): a page
that works, a chain of redirects, a 404, a server too slow to answer, a TLS failure, a server that
refuses HEAD, and politeness (one request at a time per host)."""

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.utils import timezone

from library.models.files import Access
from tests.factories import make_case_study, make_file, make_resource, make_user
from upkeep import linkcheck
from upkeep.http_check import check_urls
from upkeep.models import BrokenLink, Link, LinkCheckRun, LinkUse

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    active = 0
    most_at_once = 0
    seen = []
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def answer(self, body):
        cls = type(self)
        with cls.lock:
            cls.active += 1
            cls.most_at_once = max(cls.most_at_once, cls.active)
            cls.seen.append((self.command, self.path))
        self.counted = True
        try:
            self.route(body)
        finally:
            self.leave()

    def leave(self):
        """Done with the request, before its answer is written: a client can send its next request
        only once it has the answer, so an overlap counted here is a real one (counted after the
        write, a busy machine could keep this thread from counting down while the next arrived)."""
        if getattr(self, "counted", False):
            self.counted = False
            with type(self).lock:
                type(self).active -= 1

    def route(self, body):
        if self.path == "/ok":
            time.sleep(0.02)
            self.reply(200, body)
        elif self.path == "/moved":
            self.reply(301, body, location="/moved-again")
        elif self.path == "/moved-again":
            self.reply(301, body, location=f"http://127.0.0.1:{self.server.server_port}/ok")
        elif self.path == "/loop":
            self.reply(302, body, location="/loop")
        elif self.path == "/slow":
            time.sleep(1.5)
            self.reply(200, body)
        elif self.path == "/no-head":
            self.reply(405 if self.command == "HEAD" else 200, body)
        else:
            self.reply(404, body)

    def reply(self, status, body, location=None):
        self.leave()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        payload = b"x" * 10 if body else b""
        self.send_header("Content-Length", str(len(b"x" * 10)))
        self.end_headers()
        if payload:
            with contextlib.suppress(OSError):  # the checker closes a GET without reading the body
                self.wfile.write(payload)

    def do_HEAD(self):
        self.answer(body=False)

    def do_GET(self):
        self.answer(body=True)


@pytest.fixture
def server():
    Handler.active = Handler.most_at_once = 0
    Handler.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def quick_checks(settings):
    settings.LINK_CHECK_TIMEOUT = 0.5
    settings.LINK_CHECK_HOST_DELAY = 0
    settings.LINK_CHECK_CONCURRENCY = 4


def test_find_urls_in_markdown_and_text():
    text = (
        "See [the law](https://example.org/law_(2024)) and https://example.org/a.pdf. "
        "Also <http://example.org/x?y=1&z=2>, (https://example.org/in-brackets) and "
        "ftp://example.org/no and https://example.org/a.pdf again."
    )
    assert linkcheck.find_urls(text) == [
        "https://example.org/law_(2024)",
        "https://example.org/a.pdf",
        "http://example.org/x?y=1&z=2",
        "https://example.org/in-brackets",
    ]
    assert linkcheck.find_urls("") == [] and linkcheck.find_urls(None) == []


def test_each_kind_of_answer_is_recorded(server):
    https = server.replace("http://", "https://")
    results = check_urls(
        [
            f"{server}/ok",
            f"{server}/moved",
            f"{server}/missing",
            f"{server}/slow",
            f"{https}/ok",
            f"{server}/no-head",
            f"{server}/loop",
        ],
        timeout=0.5,
        host_delay=0,
        max_redirects=5,
    )
    ok = results[f"{server}/ok"]
    assert (ok.status, ok.status_code, ok.method) == ("ok", 200, "HEAD")
    moved = results[f"{server}/moved"]
    assert (moved.status, moved.status_code, moved.final_url) == ("redirected", 200, f"{server}/ok")
    assert moved.redirects == [
        {"url": f"{server}/moved", "status": 301},
        {"url": f"{server}/moved-again", "status": 301},
    ]
    missing = results[f"{server}/missing"]
    assert (missing.status, missing.status_code, missing.method) == ("broken", 404, "GET")
    slow = results[f"{server}/slow"]
    assert (slow.status, slow.error) == ("error", "timeout")
    tls = results[f"{https}/ok"]
    assert tls.status == "error" and tls.error.startswith("TLS error")
    no_head = results[f"{server}/no-head"]
    assert (no_head.status, no_head.status_code, no_head.method) == ("ok", 200, "GET")
    loop = results[f"{server}/loop"]
    assert loop.status == "error" and loop.error == "more than 5 redirects" and len(loop.redirects) == 6
    assert ("GET", "/ok") not in Handler.seen, "a HEAD that works is enough"


def test_one_request_at_a_time_per_host_with_a_pause(server):
    urls = [f"{server}/ok?n={number}" for number in range(6)]
    started = time.monotonic()
    check_urls(urls, concurrency=6, host_delay=0.1, timeout=2)
    assert Handler.most_at_once == 1
    assert time.monotonic() - started >= 0.5, "five pauses between six requests"


def test_different_hosts_are_checked_side_by_side(server):
    port = server.rsplit(":", 1)[1]
    hosts = [f"http://127.0.0.1:{port}", f"http://localhost:{port}"]
    urls = [f"{host}/slow" for host in hosts]
    started = time.monotonic()
    results = check_urls(urls, concurrency=2, host_delay=0, timeout=3)
    assert time.monotonic() - started < 2.9, "two slow hosts at once, not one after another"
    assert {result.status for result in results.values()} == {"ok"}


@pytest.fixture
def content(server):
    guide = make_resource(
        title="Observer guide",
        body=f"Read [the law]({server}/ok), the [old page]({server}/moved) and [gone]({server}/missing).",
    )
    case_study = make_case_study(title="Radio study", lessons_learned=f"Archive at {server}/slow")
    toolkit = make_resource(kind="toolkit", title="Kit", body="")
    make_file(toolkit, title=f"Forms (online at {server}/missing)")
    make_file(toolkit, title=f"Partner copy {server}/secret", access=Access.PARTNERS)
    make_resource(title="Draft", status="draft", published_at=None, body=f"{server}/draft-only")
    return {"guide": guide, "case_study": case_study, "toolkit": toolkit}


def test_the_command_stores_every_link_with_where_it_is_used(server, content, capsys):
    call_command("check_links")
    assert "4 links checked: 2 broken, 1 redirected." in capsys.readouterr().out

    links = {link.url.removeprefix(server): link for link in Link.objects.all()}
    assert set(links) == {"/ok", "/moved", "/missing", "/slow"}, "no draft, no partner-only file"
    assert links["/ok"].status == Link.Status.OK and links["/ok"].first_broken_at is None
    assert links["/moved"].status == Link.Status.REDIRECTED and len(links["/moved"].redirects) == 2
    assert links["/missing"].status == Link.Status.BROKEN and links["/missing"].first_broken_at is not None
    assert links["/slow"].status == Link.Status.ERROR
    places = set(LinkUse.objects.values_list("resource__title", "place", "link__url"))
    assert ("Radio study", "lessons_learned", f"{server}/slow") in places
    assert ("Kit", f"file: Forms (online at {server}/missing)"[:80], f"{server}/missing") in places
    assert ("Observer guide", "body", f"{server}/missing") in places
    run = LinkCheckRun.objects.get()
    assert run.finished_at and run.lock is None and (run.checked, run.broken) == (4, 2)


def test_broken_since_is_kept_across_runs_and_cleared_when_fixed(server, content):
    call_command("check_links")
    first = Link.objects.get(url=f"{server}/missing").first_broken_at
    call_command("check_links")
    assert Link.objects.get(url=f"{server}/missing").first_broken_at == first
    guide = content["guide"]
    guide.body = f"Only [the law]({server}/ok)."
    guide.save()
    content["toolkit"].files.all().delete()
    call_command("check_links")
    assert not Link.objects.filter(url=f"{server}/missing").exists(), "a link no longer used is gone"
    assert not LinkUse.objects.filter(resource=guide, place="body").exclude(link__url=f"{server}/ok").exists()


def test_a_second_run_beside_a_running_one_does_nothing(server, content, capsys):
    LinkCheckRun.objects.create(started_at=timezone.now(), lock=linkcheck.LOCK)
    call_command("check_links")
    assert "Nothing done: another link check is running." in capsys.readouterr().out
    assert not Link.objects.exists()


def test_a_run_that_died_long_ago_is_taken_over(server, content):
    LinkCheckRun.objects.create(
        started_at=timezone.now() - linkcheck.LOCK_STALE_AFTER * 2, lock=linkcheck.LOCK
    )
    call_command("check_links")
    assert Link.objects.count() == 4
    assert not LinkCheckRun.objects.filter(lock=linkcheck.LOCK).exists()


def test_a_run_that_fails_writes_no_result_and_frees_the_lock(server, content, monkeypatch):
    def broken_network(*args, **kwargs):
        raise RuntimeError("no network")

    monkeypatch.setattr(linkcheck.http_check, "check_urls", broken_network)
    with pytest.raises(RuntimeError):
        call_command("check_links")
    assert not Link.objects.exists()
    assert LinkCheckRun.objects.get().lock is None


@pytest.mark.parametrize("arguments", [["--concurrency", "0"], ["--timeout", "-1"], ["--host-delay", "-2"]])
def test_bad_options_are_refused(arguments):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("check_links", *arguments)


def test_the_worker_runs_it_as_a_task(server, content, run_worker):
    from upkeep.tasks import check_links

    check_links.enqueue()
    assert run_worker() == 1
    assert Link.objects.broken().count() == 2


def test_the_admin_shows_broken_links_by_resource_and_on_the_resource(
    client, server, content, django_assert_max_num_queries
):
    call_command("check_links")
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))

    with django_assert_max_num_queries(15):
        page = client.get("/admin/upkeep/brokenlink/").content.decode()
    assert page.index("Kit") < page.index("Observer guide") < page.index("Radio study")
    assert f"{server}/missing" in page and f"{server}/ok" not in page
    assert BrokenLink.objects.count() == 3

    page = client.get(f"/admin/library/resource/{content['guide'].pk}/change/").content.decode()
    assert "External links (1 broken)" in page
    assert f"{server}/moved" in page and f"→ {server}/ok" in page
    page = client.get(f"/admin/casestudies/casestudy/{content['case_study'].pk}/change/").content.decode()
    assert "External links (1 broken)" in page and "timeout" in page

    assert client.get("/admin/upkeep/link/?broken=yes").status_code == 200


def test_staff_without_the_permission_see_no_links(client, server, content):
    from django.contrib.auth.models import Permission

    call_command("check_links")
    editor = make_user("editor", is_staff=True)
    editor.user_permissions.set(Permission.objects.filter(codename__in=["view_resource", "change_resource"]))
    client.force_login(editor)
    page = client.get(f"/admin/library/resource/{content['guide'].pk}/change/").content.decode()
    assert "External links" not in page
    assert client.get("/admin/upkeep/brokenlink/").status_code == 403


def test_editors_and_publishers_see_the_links_of_their_resources(client, server, content):
    from django.contrib.auth.models import Group

    from library.roles import EDITORS, PUBLISHERS
    from tests.factories import make_staff

    call_command("check_links")
    for role in (EDITORS, PUBLISHERS):
        assert Group.objects.get(name=role).permissions.filter(codename="view_brokenlink").exists()
    client.force_login(make_staff("publisher", PUBLISHERS))
    assert f"{server}/missing" in client.get("/admin/upkeep/brokenlink/").content.decode()
    assert client.get("/admin/upkeep/noticeoptout/").status_code == 403
