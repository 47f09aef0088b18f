"""Ending a partner membership closes the person's open requests at once (the directory hides
their profile by itself: it lists only current partners). Bulk updates are caught by the
send_reminders hook."""


def membership_saved(sender, instance, raw=False, **kwargs):
    if raw or instance.ended is None:
        return
    from mentoring.services import close_for_former_partners

    close_for_former_partners()
