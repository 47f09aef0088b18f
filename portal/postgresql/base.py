"""Django's PostgreSQL backend with a health check that costs no round trip.

With CONN_HEALTH_CHECKS, Django sends `SELECT 1` before a request's first query, to find a
persistent connection the server has dropped (a restart, `pg_terminate_backend`, an idle
timeout). That is a round trip to the server on every request. An idle connection in good order
has nothing to read: the server only writes to it when asked, except to say it is closing it
(an error message, then end of file). So the check here asks the socket instead: a connection
that is closed, broken, inside a transaction or has something to read is closed and a new one
opened, as with Django's check. Anything else (after an error, say) still gets Django's `SELECT 1`.
"""

import select

from django.db.backends.postgresql import base
from psycopg.pq import TransactionStatus


class DatabaseWrapper(base.DatabaseWrapper):
    def close_if_health_check_failed(self):
        if self.pool or self.connection is None or not self.health_check_enabled or self.health_check_done:
            return super().close_if_health_check_failed()
        if not self.is_quiet_and_idle():
            self.close()
        self.health_check_done = True

    def is_quiet_and_idle(self) -> bool:
        connection = self.connection
        if connection.closed or connection.broken:
            return False
        if connection.info.transaction_status != TransactionStatus.IDLE:
            return False
        return not _has_something_to_read(connection.fileno())


def _has_something_to_read(descriptor) -> bool:
    poller = select.poll()
    poller.register(descriptor, select.POLLIN | select.POLLERR | select.POLLHUP)
    return bool(poller.poll(0))
