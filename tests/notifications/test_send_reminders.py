import pytest
from django.core.management import CommandError, call_command

from notifications import reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered_hooks():
    added = []

    def add(hook):
        added.append(reminders.register(hook))
        return hook

    yield add
    for hook in added:
        reminders._hooks.remove(hook)


def test_every_hook_runs_and_its_count_is_reported(registered_hooks, capsys):
    seen = []

    def two_notices(now):
        seen.append(now)
        return 2

    registered_hooks(two_notices)

    call_command("send_reminders")

    assert len(seen) == 1
    assert "two_notices: 2" in capsys.readouterr().out


def test_a_failing_hook_is_reported_the_others_still_run_and_the_command_fails(registered_hooks, capsys):
    ran = []

    def broken(now):
        raise ValueError("no such event")

    def after(now):
        ran.append(now)
        return 0

    registered_hooks(broken)
    registered_hooks(after)

    with pytest.raises(CommandError, match="1 due-notice hook"):
        call_command("send_reminders")

    assert ran
    assert "broken: failed: ValueError: no such event" in capsys.readouterr().err
