"""A URL configuration with one view that fails, for the tests of what a 500 shows and logs."""

from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns


class SecretFailure(Exception):
    pass


def fail(request):
    raise SecretFailure("database password is hunter2")


urlpatterns = [path("fail/", fail), *portal_urlpatterns]
