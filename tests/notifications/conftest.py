from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def test_mail_templates(settings):
    """Mail templates that exist only for these tests."""
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [*settings.TEMPLATES[0]["DIRS"], Path(__file__).parent / "templates"],
        }
    ]
