"""What /collections/ and /programmes/ share: the filtered list, its page, its filter panel."""

from django.shortcuts import render

from library.pagination import page_or_answer
from programmes.list_facets import panel_facets


def filtered_list(request, filterset, *, shown, per_page, template, facets):
    """The page of the filtered list (`shown` readies its items for the cards) beside its panel;
    400 when a filter is not understood (the list and the panel keep the valid ones), and the
    page-number answers of library.pagination."""
    valid = filterset.is_valid()
    params = request.GET.copy()
    params.pop("page", None)
    page, answer = page_or_answer(request, shown(filterset.qs), per_page, params)
    if answer:
        return answer
    return render(
        request,
        template,
        {
            "filterset": filterset,
            "page_obj": page,
            "facets": panel_facets(filterset, facets),
            "query_without_page": params.urlencode(),
        },
        status=200 if valid else 400,
    )
