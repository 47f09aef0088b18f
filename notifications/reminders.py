"""Due notices that `manage.py send_reminders` sends: each app registers its own hook.

    from notifications.reminders import register

    @register
    def event_reminders(now):      # called with the current time
        ...                        # queue mail with queue_mail(key=...) so a rerun sends nothing
        return queued_count

Hooks run in registration order, each in its own transaction; one that fails is reported and
the others still run.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)

_hooks = []


def register(hook):
    if hook not in _hooks:
        _hooks.append(hook)
    return hook


def hooks():
    return list(_hooks)


def hook_name(hook):
    return f"{hook.__module__}.{hook.__qualname__}"


def run_all(now):
    """[(hook name, count or None when it failed, error or None)]"""
    results = []
    for hook in hooks():
        try:
            with transaction.atomic():
                results.append((hook_name(hook), hook(now), None))
        except Exception as error:
            logger.exception("Due-notice hook %s failed", hook_name(hook))
            results.append((hook_name(hook), None, error))
    return results
