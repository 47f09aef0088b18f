"""Small helpers for the open-data tests."""

from urllib.parse import parse_qs, urlsplit


def json_of(response):
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return response.json()


def walk(client, url, **headers):
    """Every page of a list, following `next`: (slugs in order, number of pages)."""
    slugs, pages = [], 0
    while url:
        response = client.get(url, **headers)
        assert response.status_code == 200, response.content
        data = json_of(response)
        slugs += [item["slug"] for item in data["results"]]
        pages += 1
        url = data["next"]
        assert pages < 500, "the cursor never ends"
    return slugs, pages


def cursor_of(next_url):
    return parse_qs(urlsplit(next_url).query)["cursor"][0]
