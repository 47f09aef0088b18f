"""Production settings for the benchmark, except static files: served from the source folders so
no collectstatic is needed (static serving is not what is measured)."""

from portal.settings import *  # noqa: F403

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
