"""Counters that only the database raises.

Download counts go up with `F("download_count") + 1` in one UPDATE. A model saved from an
older copy (an admin form, an import, a publishing step) would otherwise write its stale count
back over the real one; this mixin leaves the counter columns out of every ordinary update.
"""


class DatabaseCountersMixin:
    counter_fields = ("download_count",)

    def save(self, *args, **kwargs):
        if (
            not args
            and not self._state.adding
            and kwargs.get("update_fields") is None
            and not kwargs.get("force_insert")
        ):
            deferred = self.get_deferred_fields()  # Django saves only the loaded fields of a deferred copy
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key
                and field.name not in self.counter_fields
                and field.attname not in deferred
            ]
        super().save(*args, **kwargs)


def only_counters_saved(instance, update_fields) -> bool:
    """Whether a save wrote nothing but counters: nothing a page says changed, so no new
    revision, index entry or public version is due."""
    counters = set(getattr(instance, "counter_fields", ()))
    return bool(update_fields) and set(update_fields) <= counters
