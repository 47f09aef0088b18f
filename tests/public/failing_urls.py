"""The portal's URLs plus one view that fails, to see the 500 page as a reader would."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from portal.urls import handler500  # noqa: F401 - handler500 is read from here
from portal.urls import urlpatterns as portal_urlpatterns


class SecretFailure(Exception):
    pass


def fail(request):
    raise SecretFailure("database password is hunter2")


urlpatterns = [*portal_urlpatterns, *i18n_patterns(path("fail/", fail), prefix_default_language=False)]
