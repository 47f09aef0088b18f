"""What a new gunicorn worker does before it takes its first request (gunicorn.conf.py,
post_worker_init): build the facet index, compile the templates and read the country names of
each language. Without it the first requests a worker answers wait for all three, which is the
slow tail (p99) of every page whenever a worker starts or is recycled after max_requests.

Then what it holds (Django, the app, the compiled templates: ~200,000 objects that live as long as
the worker) is frozen out of the garbage collector's full collections, each of which stopped a
request for ~100 ms to scan them all; what is allocated later is collected as before."""

import gc
import logging

from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.utils import translation

logger = logging.getLogger(__name__)


def template_names():
    """Every template of the project's own folders (the cached loader keeps each once compiled)."""
    folders = [*settings.TEMPLATES[0]["DIRS"]]
    return sorted(
        str(path.relative_to(folder))
        for folder in folders
        for path in folder.rglob("*.html")
        if path.is_file()
    )


def warm_up():
    from library.facet_index import current_index
    from library.geography import country_names

    try:
        current_index()
        for name in template_names():
            get_template(name)
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                country_names()
    except Exception:
        # the first requests will do it instead; a worker must start even when the database is away
        logger.exception("Warming up the worker failed")
    finally:
        # the requests run in threads of their own, each with its own connection
        connections.close_all()
        gc.collect()
        gc.freeze()
