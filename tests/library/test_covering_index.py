import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_postgresql_has_the_covering_index_for_the_publication_test():
    if connection.vendor != "postgresql":
        pytest.skip("covering indexes exist on PostgreSQL only; SQLite has none by design")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'library_resource_public_cover_idx'"
        )
        (definition,) = cursor.fetchone()
    assert "INCLUDE (status, published_at, kind, language)" in definition
