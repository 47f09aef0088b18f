"""The worker's side of the outbox (django-tasks; `manage.py db_worker` runs it)."""

from django_tasks import task

from notifications import sending


@task()
def deliver(mail_id: int) -> str:
    return sending.deliver(mail_id)
