"""gunicorn settings, read from the environment: `gunicorn portal.wsgi` picks this file up.

WEB_CONCURRENCY     worker processes (default: 2 x CPU cores + 1)
GUNICORN_THREADS    threads per worker (default 4; each thread keeps its own database connection
                    for CONN_MAX_AGE seconds, so PostgreSQL sees workers x threads connections)
GUNICORN_TIMEOUT    seconds before a silent worker is killed and restarted (default 30)
GUNICORN_BIND       address to listen on (default 127.0.0.1:8000; 0.0.0.0:8000 in a container)
GUNICORN_KEEPALIVE  seconds a connection is kept open for its next request (default 0: closed
                    after each response, so connections spread over the workers; see below)
GUNICORN_MAX_REQUESTS  recycle a worker after this many requests (default 10000, with jitter)
GUNICORN_PRELOAD    1 (default): the app is imported once, before the workers are forked, so a
                    recycled worker starts in milliseconds; code changes then need a restart,
                    not a HUP. Each new worker warms up (portal/warmup.py) before it accepts.
FORWARDED_ALLOW_IPS the proxies whose X-Forwarded-* headers gunicorn believes (default 127.0.0.1)

Access and error logs go to stdout as JSON lines (see portal/access_log.py, portal/observability.py).
"""

import multiprocessing
import os

# gunicorn puts its working directory (the project) on sys.path before it reads this file
from portal.env import env_bool, env_int

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = env_int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = env_int("GUNICORN_THREADS", 4)
worker_class = "gthread"
timeout = env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Each response closes its connection (0): a kept connection stays with the worker that accepted
# it, so when a worker was replaced after max_requests the others kept every connection the proxy
# had open and the new one idled (half the throughput until the next replacement). Behind the
# proxy a new connection costs a loopback or LAN handshake; the readers' own keep the proxy's.
keepalive = env_int("GUNICORN_KEEPALIVE", 0)
# Without kept connections a worker takes one only when a thread of its own is free: a request
# waits in the kernel's queue, for whichever worker frees up first (as sync workers do), not in a
# busy worker's own queue while another worker idles. (gthread's default, 1000, let one worker
# take most of them: at 2 workers of one thread, p99 up to 10x p50 and a third less throughput.)
worker_connections = threads if keepalive == 0 else 1000
# A recycled worker used to cost a Django import, a facet index build and template compilation
# on the first requests it took (every 13 s per worker at 150 requests a second): preloaded and
# warmed up before it accepts, it costs the index build alone, done before its first request.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 10000)
max_requests_jitter = max_requests // 10
preload_app = env_bool("GUNICORN_PRELOAD", True)


def when_ready(server):
    """The master, once the app is preloaded and before it forks: every worker it forks from now
    on starts warm, a recycled one too (portal/warmup.py)."""
    if server.cfg.preload_app:
        from portal.warmup import warm_up

        warm_up()


def post_worker_init(worker):
    from portal.warmup import warm_up

    warm_up()


forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# no control socket in $HOME: the container runs one server and is managed from outside
control_socket_disable = True
# requests larger than this never reach Django (uploads go through the admin, well below it)
limit_request_line = 8190
limit_request_fields = 100

accesslog = "-"
logger_class = "portal.access_log.AccessLogger"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "access": {
            "()": "portal.access_log.AccessLogJsonFormatter",
            "fmt": "%(asctime)s %(name)s",
            "rename_fields": {"asctime": "time", "name": "logger"},
        },
    },
    "handlers": {
        "error": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"},
        "access": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "access"},
    },
    "root": {"handlers": ["error"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["error"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}
