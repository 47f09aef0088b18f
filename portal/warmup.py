"""What a new gunicorn worker does before it takes its first request (gunicorn.conf.py,
post_worker_init): build the facet index, compile the templates, import the URLconf with its
views, and for each language read the country names and build the URL reverse tables (Django
makes them on first use, per language: ~150 ms of a worker's first request), and load the
Markdown extensions. Without it the first requests a worker answers wait for all of it, which is
the slow tail (p99) of every page whenever a worker starts or is recycled after max_requests.

With the app preloaded, gunicorn's master warms up too, before it forks a worker (when_ready): a
worker it forks then starts with the master's index, templates and names, and builds nothing
while the public state is the one the master read. A worker recycled after max_requests used to
build the index again (a second at 20,000 resources on a small machine), while the other workers
took all the requests.

Then what it holds (Django, the app, the compiled templates: ~200,000 objects that live as long as
the worker) is frozen out of the garbage collector's full collections, each of which stopped a
request for ~100 ms to scan them all; what is allocated later is collected as before."""

import gc
import logging
import time

from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.urls import reverse
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
    from library import facet_index
    from library.geography import country_names
    from library.templatetags.library_tags import markdown

    started = time.perf_counter()
    held = facet_index._current
    try:
        # what needs no database first: a worker must start warm even while the database is away
        for name in template_names():
            get_template(name)
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                country_names()
                reverse("home")  # imports the URLconf, builds this language's reverse tables
        markdown("Loads the *extensions*:\n\n| a table |\n|---|\n| cell |")
        built = facet_index.current_index() is not held
        logger.info(
            "Warmed up in %d ms; the facet index was %s",
            (time.perf_counter() - started) * 1000,
            "built" if built else "there already",
        )
    except Exception:
        # the first requests will do it instead; a worker must start even when the database is away
        logger.exception("Warming up the worker failed")
    finally:
        # the requests run in threads of their own, each with its own connection
        connections.close_all()
        gc.collect()
        gc.freeze()
