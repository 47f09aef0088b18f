"""Full-text search over resources.

Foundation version: a case-insensitive match of every word on title, summary and body, and
relevance approximated by newest-first. The ranked, language-aware search (issue #3) replaces
the two functions below behind this same interface.
"""

from django.db.models import Q


def matching(queryset, query: str):
    for word in query.split()[:20]:
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
    return queryset


def by_relevance(queryset, query: str):
    return queryset.order_by("-published_at", "-id")


def refresh_index(resource_ids):
    """Bring the search index up to date for these resources after bulk writes that skip model
    signals (the importer calls it after each batch). The foundation has no stored index yet."""
    return None
