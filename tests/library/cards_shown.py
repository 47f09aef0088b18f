"""What a list page shows, read off its HTML: the titles of its cards, in order. (A page's
object list is rendered cards, library.cards.Card.)"""

import re
from html import unescape

CARD_TITLE = re.compile(r'<h3 class="card__title"[^>]*><a href="[^"]*">(.*?)</a></h3>', re.S)


def card_titles(response) -> list[str]:
    return [unescape(title) for title in CARD_TITLE.findall(response.content.decode())]
