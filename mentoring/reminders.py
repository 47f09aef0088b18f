"""The mentoring notices of `manage.py send_reminders`.

- An active mentorship with no session note for MENTORING_REMINDER_WEEKS weeks: both people
  are reminded, once per such span (the key holds the span's number, so a rerun sends nothing).
- Requests of people who are no longer partners are closed (an ended membership that was set
  with a bulk update, or one ending in the future, is caught here).
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Max

from mentoring import mail
from mentoring.models import Mentorship
from mentoring.services import close_for_former_partners


def reminder_weeks():
    return max(1, int(getattr(settings, "MENTORING_REMINDER_WEEKS", 3)))


def quiet_mentorship_reminders(now):
    weeks = reminder_weeks()
    span = timedelta(weeks=weeks)
    queued = 0
    quiet = (
        Mentorship.objects.quiet_since(now - span)
        .select_related("mentee", "mentor__user", "theme")
        .annotate(last_note=Max("notes__created_at"))
    )
    for mentorship in quiet:
        last = max(filter(None, [mentorship.last_note, mentorship.started_at]))
        spans = int((now - last) / span)  # 1 after the first quiet span, 2 after the second, ...
        key = f"mentoring-reminder:{mentorship.pk}:{last.isoformat()}:{spans}"
        for role, send in (("mentor", mail.to_mentor), ("mentee", mail.to_mentee)):
            if send(mentorship, "reminder", f"{key}:{role}", weeks=weeks):
                queued += 1
    return queued


def mentoring_notices(now):
    close_for_former_partners(now)
    return quiet_mentorship_reminders(now)
