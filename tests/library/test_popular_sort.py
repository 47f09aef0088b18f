"""?sort=popular orders resources by the downloads the download view counted."""

import pytest

from tests.factories import make_file, make_toolkit
from tests.library.cards_shown import card_titles

pytestmark = pytest.mark.django_db


def download(client, resource_file, times):
    for _ in range(times):
        response = client.get(resource_file.get_absolute_url())
        b"".join(response.streaming_content)


def test_the_most_downloaded_resources_come_first(client):
    quiet = make_toolkit(title="Quiet kit")
    busy = make_toolkit(title="Busy kit")
    middling = make_toolkit(title="Middling kit")
    download(client, make_file(busy), 3)
    download(client, make_file(middling), 2)
    download(client, make_file(quiet), 0)
    response = client.get("/library/", {"sort": "popular"})
    assert card_titles(response) == ["Busy kit", "Middling kit", "Quiet kit"]


def test_downloads_of_several_files_add_up_on_their_resource(client):
    two_files = make_toolkit(title="Two files")
    one_file = make_toolkit(title="One file")
    download(client, make_file(two_files), 1)
    download(client, make_file(two_files), 1)
    download(client, make_file(one_file), 1)
    response = client.get("/toolkits/", {"sort": "popular"})
    assert card_titles(response) == ["Two files", "One file"]
