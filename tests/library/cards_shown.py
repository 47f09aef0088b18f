"""What a list page shows, read off its HTML: the titles of its cards, in order. (The page's
object list may hold kept cards rather than resources, library.cards.)"""

import re
from html import unescape

CARD_TITLE = re.compile(r'<h3 class="card__title"[^>]*><a href="[^"]*">(.*?)</a></h3>', re.S)


def card_titles(response) -> list[str]:
    return [unescape(title) for title in CARD_TITLE.findall(response.content.decode())]
