"""The worker's side of upkeep (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

# news batches go before single deliveries, so a worker stopped midway has queued what it could
NOTICE_PRIORITY = 10


@task(priority=NOTICE_PRIORITY)
def send_change_notice_batch(notice_id: int) -> int:
    from upkeep import notices

    return notices.send_batch(notice_id)


@task()
def check_links() -> dict:
    """The link check as a task: the same run as `manage.py check_links`, with its lock."""
    from upkeep import linkcheck

    summary = linkcheck.run()
    return summary.as_dict()
