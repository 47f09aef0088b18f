"""The public version, kept in the database: one row whose token (the time of the last public
change, in nanoseconds) is replaced by every change to public content, in the same transaction
as the change. Cached pages and each process's facet index are keyed by it (library.cache), so
every process sees a change the moment it commits and never before; a rolled-back change rolls
the token back with it.

Content can also become public with no save at all, when its publication time comes. The
resources' times are read with the token; other apps register theirs (`publishes_on_schedule`:
events, collections, programmes), so that what is public everywhere on the portal follows from
the state alone."""

import time
from datetime import UTC, datetime
from typing import NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, models
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _

ROW = 1


def publishes_on_schedule(times):
    """Register `times()`: a queryset of the `published_at` (`.values("published_at")`) of
    content that becomes public when that time comes (published, not yet due). Call it from an
    AppConfig.ready()."""
    if times not in _schedules:
        _schedules.append(times)


def _resource_times():
    from library.models.resources import Resource, Status

    return Resource.objects.filter(status=Status.PUBLISHED).values("published_at")


_schedules = [_resource_times]


class State(NamedTuple):
    token: int
    latest_due: datetime | None  # the newest publication time that has come
    next_due: datetime | None  # the next one still to come

    def holds_at(self, now) -> bool:
        """Whether these times, read at another moment with the same token, are the times at
        `now` too: no publication time lies between the one that came last and `now`. Every
        change to a schedule's content replaces the token, so with the same token the times
        themselves are the same."""
        return (self.latest_due is None or self.latest_due <= now) and (
            self.next_due is None or now < self.next_due
        )


class PublicVersionQuerySet(models.QuerySet):
    def current(self, now) -> State:
        """The token and the publication times around `now`. Every request asks, so the token
        is read alone (a primary-key read) and the times are read with it again (two index
        probes for each schedule, which cost the server ten times as much) only when the
        token has changed or a time has come since they were read."""
        key = (self.db, len(_schedules))
        known = _known.get(key)
        if known is not None and known.holds_at(now) and self._token() == known.token:
            return known
        found = self._read(now)
        if found is None:  # the row is gone (a flushed test database): a new version begins
            self.replace()
            found = self._read(now)
        token, *moments = found
        come = [moment for moment in moments[0::2] if moment is not None]
        coming = [moment for moment in moments[1::2] if moment is not None]
        state = _known[key] = State(token, max(come, default=None), min(coming, default=None))
        return state

    def _token(self):
        sql, params = _token_sql.get(self.db) or _token_sql.setdefault(
            self.db, self.filter(id=ROW).values_list("token")[:1].query.sql_with_params()
        )
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchone()
        return found and found[0]

    def _row(self, now):
        columns = []
        for times in _schedules:
            columns.append(Subquery(times().filter(published_at__lte=now).order_by("-published_at")[:1]))
            columns.append(Subquery(times().filter(published_at__gt=now).order_by("published_at")[:1]))
        return self.filter(id=ROW).values_list("token", *columns)

    def _read(self, now):
        """Every request asks this, and building the query took the ORM twice as long as the
        database took to answer it: its SQL is compiled once per process and database, and each
        request puts its own time in the parameters that are the time (`_compile`)."""
        connection = connections[self.db]
        key = (self.db, len(_schedules))
        compiled = _compiled.get(key)
        if compiled is None:
            compiled = _compiled[key] = self._compile()
        sql, is_time, params = compiled
        now = connection.ops.adapt_datetimefield_value(now)
        with connection.cursor() as cursor:
            cursor.execute(
                sql, [now if timed else param for timed, param in zip(is_time, params, strict=True)]
            )
            found = cursor.fetchone()
        return found and (found[0], *(_aware(moment) for moment in found[1:]))

    def _compile(self):
        """(SQL, which parameters are the time, the parameters): the query compiled for two
        different times, whose parameters differ exactly where the time goes, two per schedule."""
        (sql, params), (same_sql, other_params) = (
            self._row(moment)[:1].query.sql_with_params() for moment in _TWO_TIMES
        )
        is_time = [param != other for param, other in zip(params, other_params, strict=True)]
        if same_sql != sql or sum(is_time) != 2 * len(_schedules):
            raise ImproperlyConfigured(
                "A publishes_on_schedule() queryset must not depend on the time it is asked at."
            )
        return sql, is_time, list(params)

    def replace(self):
        # an upsert: one statement on both databases, and it recreates a missing row
        self.bulk_create(
            [PublicVersion(id=ROW, token=time.time_ns())],
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=["token"],
        )


_TWO_TIMES = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2001, 2, 3, 4, 5, 6, 789, tzinfo=UTC))
_compiled = {}  # (database alias, schedules) -> (SQL, which parameters are the time, the parameters)
_token_sql = {}  # database alias -> (SQL, parameters) of the token's read
_known = {}  # (database alias, schedules) -> the State last read with its times


def _aware(value):
    """A time as read off the cursor (SQLite gives text in UTC) as an aware datetime, or None."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


class PublicVersion(models.Model):
    token = models.BigIntegerField(_("token"))

    objects = PublicVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("public version")
        verbose_name_plural = _("public version")

    def __str__(self):
        return str(self.token)
