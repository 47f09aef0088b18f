"""A fixed-window counter in the cache: how often one client may do something.

    if not rate_limits.allow("event-registration", client_ip(request), limit=10, per_seconds=3600):
        ...answer 429

The cache must be shared between processes in production (REDIS_URL), or each process counts
on its own. A cache that fails lets the request through: a limit is a brake, not a gate.
"""

import hashlib
import time

from django.core.cache import cache


def _cache_key(scope, key, window):
    digest = hashlib.sha256(str(key).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"rate:{scope}:{window}:{digest}"


def allow(scope, key, *, limit, per_seconds):
    window = int(time.time() // per_seconds)
    cache_key = _cache_key(scope, key, window)
    try:
        if cache.add(cache_key, 1, per_seconds):
            return True
        return cache.incr(cache_key) <= limit
    except ValueError:  # the entry expired between add and incr
        return True
    except Exception:  # noqa: BLE001 - Redis away: let the request through rather than fail it
        return True


def retry_after(per_seconds):
    """Seconds until the current window ends, for a Retry-After header."""
    return int(per_seconds - time.time() % per_seconds) + 1
