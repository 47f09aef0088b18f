"""A bulk action in any admin list whose posted selection holds something that is no id is
answered 400. Django's admin filters the list by the raw values and fails with a 500; this
checks them first for every ModelAdmin (ours, Django's users and groups, axes, django-otp)."""

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import BadRequest, ValidationError


class AdminSelectionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # ModelAdmin.get_urls marks each of its views with the ModelAdmin they belong to
        model_admin = getattr(view_func, "model_admin", None)
        if model_admin is None or request.method != "POST":
            return None
        pk = model_admin.model._meta.pk
        try:
            for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
                pk.to_python(value)
        except ValidationError:
            raise BadRequest("The selection names something that is not an id.") from None
        return None
