import os

import pytest

from tests.backends import check_database_server, fail_missing_backend_when_required
from tests.factories import make_user

pytest_plugins = ["pytester"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes uploads to its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache outlives the database rollback between tests; start each test with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language: a test client request to /ar/ leaves Arabic
    active in this thread, and reverse() and get_absolute_url() would then give /ar/ addresses."""
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def visitor(db):
    """Signed in, but in no partner organisation."""
    return make_user("visitor")


@pytest.fixture
def staff(db):
    return make_user("staffer", is_staff=True)


@pytest.fixture(scope="session")
def database_server():
    """Skip (or fail in CI) every database test when the PostgreSQL server asked for does not answer."""
    from django.db import connection

    check_database_server(connection)


@pytest.fixture(scope="session")
def django_db_setup(database_server, django_db_setup):
    """pytest-django's own test database (the fixture this overrides), once its server answers."""
    return django_db_setup


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser tests last: Playwright's event loop runs in this thread from the first one to the end."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    fail_missing_backend_when_required(outcome.get_result())


def pytest_report_header(config):
    from django.conf import settings

    required = os.environ.get("REQUIRE_ALL_BACKENDS", "")
    return f"database: {settings.DATABASES['default']['ENGINE']} (REQUIRE_ALL_BACKENDS={required})"


@pytest.fixture
def organisation(db):
    from tests.factories import make_organisation

    return make_organisation("Civic Futures Network")


@pytest.fixture
def partner(organisation):
    """A current member of an active partner organisation."""
    from tests.factories import make_partner

    return make_partner("partner", organisation=organisation)


@pytest.fixture
def run_worker(db, monkeypatch):
    """Run the task worker (django-tasks-db's own Worker loop, as `manage.py db_worker --batch`)
    until no task is ready (or `max_tasks` have run); returns how many tasks it ran. Inside a test's transaction the worker
    must not recycle the database connection (that would end the transaction), so only that
    call is skipped there; transactional tests run the loop whole."""
    from django.db import connection
    from django_tasks_db.management.commands import db_worker

    def run(max_tasks=None):
        if connection.in_atomic_block:
            monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
        worker = db_worker.Worker(
            queue_names=["*"],
            excluded_queue_names=[],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id="test-worker",
        )
        worker.run()
        return worker._run_tasks

    return run


@pytest.fixture
def unused_tcp_port():
    """A loopback port that nothing listens on (bound once by the OS, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(unused_tcp_port):
    """A real SMTP server on loopback (aiosmtpd): (controller, inbox); inbox.messages are the
    email.message.Message objects it received."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    class Inbox(Message):
        def __init__(self):
            super().__init__()
            self.messages = []

        def handle_message(self, message):
            self.messages.append(message)

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=unused_tcp_port)
    controller.start()
    yield controller, inbox
    controller.stop()
