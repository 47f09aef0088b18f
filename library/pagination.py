"""A list's page from the `page` parameter, for every list of the portal: a page number that is no
whole number answers 400 and one past the end 404, each with links to the first and last pages,
never a copy of another page under this address."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render


def page_or_answer(request, object_list, per_page, params):
    """(the page, None), or (None, the 400/404 answer to send). `params`: the list's query without
    `page`, for the links to its first and last pages."""
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(request.GET.get("page") or 1), None
    except (PageNotAnInteger, EmptyPage) as error:
        return None, no_such_page(
            request, paginator, params, not_a_number=isinstance(error, PageNotAnInteger)
        )


def no_such_page(request, paginator, params, *, not_a_number):
    def address(number):
        query = params.copy()
        if number > 1:
            query["page"] = str(number)
        return f"{request.path}?{query.urlencode()}" if query else request.path

    return render(
        request,
        "library/no_such_page.html",
        {
            "asked": request.GET.get("page", ""),
            "not_a_number": not_a_number,
            "num_pages": paginator.num_pages,
            "total": paginator.count,
            "first_url": address(1),
            "last_url": address(paginator.num_pages),
        },
        status=400 if not_a_number else 404,
    )
