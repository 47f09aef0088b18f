"""What a test client's response rendered."""


def templates_rendered(response) -> list[str]:
    """The names of the templates rendered for this response, in order (a template kept from an
    earlier request, or a fragment given as HTML, is not among them)."""
    return [template.name for template in response.templates]
