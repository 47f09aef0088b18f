"""The list's FilterSet builds its form class once per set of filters and shares its fixed
choices between forms (library.filters), while each form keeps fields of its own."""

from django.http import QueryDict

from library.filters import ResourceFilter
from library.models import Resource
from library.models.resources import Kind


def filterset(query, **kwargs):
    filters = ResourceFilter(QueryDict(query), queryset=Resource.objects.none(), **kwargs)
    filters.form.is_valid()
    return filters


def test_forms_of_one_class_keep_fields_and_choices_of_their_own():
    one, other = filterset("theme=electoral-processes"), filterset("theme=nope")
    assert type(one.form) is type(other.form)
    assert one.form.fields["theme"] is not other.form.fields["theme"]
    assert one.form.cleaned_data["theme"] == ["electoral-processes"]
    assert "theme" in other.form.errors and "theme" not in one.form.errors
    one.form.fields["sort"].choices = [("newest", "Newest first")]
    assert [value for value, _label in other.form.fields["sort"].choices] == [
        "relevance",
        "newest",
        "oldest",
        "title",
        "popular",
    ]


def test_a_kinds_list_has_a_form_without_the_kind():
    library, toolkits = filterset("kind=guide"), filterset("kind=guide", fixed_kind=Kind.TOOLKIT)
    assert "kind" in library.form.fields and "kind" not in toolkits.form.fields
    assert library.form.cleaned_data["kind"] == ["guide"]
    assert filterset("").form.fields.keys() == library.form.fields.keys()


def test_every_country_code_is_valid_and_nothing_else():
    assert filterset("country=KE&country=UG").form.cleaned_data["country"] == ["KE", "UG"]
    assert "country" in filterset("country=XX").form.errors
    assert "country" in filterset("country=ke").form.errors


def test_the_events_filters_build_their_form_once_too_and_name_each_forms_month():
    from events.filters import EventFilter
    from events.models import Event

    march, april = (
        EventFilter(QueryDict(f"month={month}"), queryset=Event.objects.none())
        for month in ("2027-03", "2027-04")
    )
    assert type(march.form) is type(april.form) is not type(filterset("").form)
    assert [value for value, _label in march.form.fields["month"].choices] == ["", "2027-03"]
    assert [value for value, _label in april.form.fields["month"].choices] == ["", "2027-04"]
