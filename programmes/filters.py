"""The query parameters of /collections/ and /programmes/: validated, a bad value answers 400."""

import django_filters
from django.utils.translation import gettext_lazy as _

from library.languages import CONTENT_LANGUAGES
from library.models import Theme
from programmes.models import Collection, Level, Programme


class CollectionFilter(django_filters.FilterSet):
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        to_field_name="slug",
        queryset=Theme.objects.all(),
        empty_label=_("Any theme"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=CONTENT_LANGUAGES, empty_label=_("Any language")
    )

    class Meta:
        model = Collection
        fields = ["theme", "language"]


class ProgrammeFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Level.choices, empty_label=_("Any level"))
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=CONTENT_LANGUAGES, empty_label=_("Any language")
    )

    class Meta:
        model = Programme
        fields = ["level", "language"]


def problems(filterset):
    return "; ".join(f"{name}: {' '.join(errors)}" for name, errors in filterset.form.errors.items())
