"""What a list page shows, read off the facet index (library.facet_index): the results of the
request's filters, their number, the facet counts beside them and one page of ids in the chosen
order. The database is asked only for what the index does not hold: the search matches, the
resources with a tag, the scores of relevance ranking and the title and popularity orders.

The same filters in SQL (ResourceFilter.qs) serve feeds, exports and the title and popularity
sorts; the tests hold the two to the same answers.
"""

from collections import Counter
from functools import cached_property

from library import search
from library.facet_index import current_index, mask_of, union
from library.facets import FACETS, region_choices_counted
from library.geography import countries_in_region
from library.models import TaggedResource


class Listing:
    def __init__(self, filterset, *, theme=None, tag=None):
        self.filterset = filterset
        self.index = current_index()
        self.scope = self.index.public
        if filterset.fixed_kind:
            self.scope &= self.index.value_mask("kind", [filterset.fixed_kind])
        if theme is not None:
            self.scope &= self.index.value_mask("theme", [theme.slug])
        if tag is not None:
            self.scope &= self._tagged([tag.slug])

    @cached_property
    def masks(self) -> dict[str, int]:
        """A mask for each active filter, by facet name (plus `q` and `tag`)."""
        active = self.filterset.active_parameters()  # those that are valid, on a 400 page too
        data = getattr(self.filterset.form, "cleaned_data", {})
        masks = {}
        for name in ("kind", "theme", "country", "language"):
            if name in active:
                masks[name] = self.index.value_mask(name, data[name])
        if "region" in active:
            masks["region"] = self.index.value_mask("country", countries_in_region(data["region"]))
        if active & {"year_from", "year_to"}:
            start, end = data.get("year_from"), data.get("year_to")
            masks["year"] = union(
                mask
                for year, mask in self.index.values["year"].items()
                if (start is None or int(year) >= start) and (end is None or int(year) <= end)
            )
        if "tag" in active:
            masks["tag"] = self._tagged(data["tag"])
        if "q" in active:
            masks["q"] = self._matching(self.filterset.parsed_query)
        return masks

    @cached_property
    def results(self) -> int:
        """The mask of the list's results."""
        return self._narrowed(())

    @cached_property
    def total(self) -> int:
        return self.results.bit_count()

    def facet_counts(self) -> dict[str, Counter]:
        """{facet: Counter(value -> results)}: each count is what picking that value would give
        with the other active filters."""
        values = self.index.values
        chosen_region = getattr(self.filterset.form, "cleaned_data", {}).get("region")
        regions = {
            slug: self.index.value_mask("country", countries_in_region(slug))
            for slug in region_choices_counted(chosen_region)
        }
        counts = {}
        for name in FACETS:
            others = self._narrowed((name,))
            choices = regions if name == "region" else values[name]
            counts[name] = Counter({value: (others & mask).bit_count() for value, mask in choices.items()})
        return counts

    def page_ids(self, start, stop) -> list[int]:
        sort = self.filterset.chosen_sort
        if sort == "relevance" and self.filterset.parsed_query.groups:
            return self._ranked(start, stop)
        if sort in ("newest", "oldest", "relevance"):
            return self.index.in_order(self.results, start, stop, oldest_first=sort == "oldest")
        return list(self.filterset.qs.values_list("id", flat=True)[start:stop])

    def _narrowed(self, leaving_out) -> int:
        mask = self.scope
        for name, filter_mask in self.masks.items():
            if name not in leaving_out:
                mask &= filter_mask
        return mask

    def _tagged(self, slugs) -> int:
        tagged = TaggedResource.objects.filter(tag__slug__in=slugs).values_list(
            "content_object_id", flat=True
        )
        return mask_of(tagged)

    def _matching(self, query) -> int:
        if query.groups:
            return self._hits(query)
        if query.excluded:
            return self.index.public & ~self._hits(query.exclusions())
        return self.index.public  # nothing searchable in it: the query narrows nothing

    def _hits(self, query) -> int:
        below = len(self.index.rank)
        return self.index.remembered(("hits", query, below), lambda: search.hit_mask(query, below))

    def _ranked(self, start, stop) -> list[int]:
        """Best first: the matches the search scores, then the rest, newest first."""
        query, within, remembered = self.filterset.parsed_query, self.results, self.index.remembered
        page = list(
            remembered(
                ("page", query, within, start, stop),
                lambda: tuple(search.leading_page(query, within, start, stop, self.index.place)),
            )
        )
        if len(page) < stop - start:
            leading = (
                start + len(page)
                if page
                else remembered(("count", query, within), lambda: search.leading_count(query, within))
            )
            rest_start = max(0, start - leading)
            rest_stop = rest_start + (stop - start - len(page))
            below = len(self.index.rank)
            scored = remembered(("scored", query, below), lambda: search.leading_mask(query, below))
            page += self.index.in_order(within, rest_start, rest_stop, skip=scored)
        return page
