"""The French, Spanish and Arabic catalogues: complete, nothing fuzzy, placeholders kept, compiled."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
# the project's catalogue, and one per app that keeps its own (events/locale/, ...)
CATALOGUE_FOLDERS = [
    LOCALE,
    *sorted(path for path in ROOT.glob("*/locale") if (path.parent / "apps.py").exists()),
]
LANGUAGES = ["fr", "es", "ar"]
CATALOGUES = [(folder, language) for folder in CATALOGUE_FOLDERS for language in LANGUAGES]
CATALOGUE_IDS = [
    f"{folder.parent.name if folder != LOCALE else 'project'}-{language}" for folder, language in CATALOGUES
]
FIELD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$')
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def read_catalogue(language, folder=LOCALE):
    """Entries of a .po file: [{"flags": [...], "msgid": str, "msgstr": [str, ...], ...}], header first."""
    entries = []
    for block in (folder / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8").split("\n\n"):
        entry, field = {"flags": [], "msgstr": []}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] += [flag.strip() for flag in line[2:].split(",")]
            elif match := FIELD.match(line):
                field = match.group(1)
                value = ast.literal_eval(match.group(2))
                if field.startswith("msgstr"):
                    entry["msgstr"].append(value)
                else:
                    entry[field] = value
            elif line.startswith('"') and field:
                value = ast.literal_eval(line)
                if field.startswith("msgstr"):
                    entry["msgstr"][-1] += value
                else:
                    entry[field] += value
        if "msgid" in entry:
            entries.append(entry)
    return entries


@pytest.mark.parametrize(("folder", "language"), CATALOGUES, ids=CATALOGUE_IDS)
def test_every_message_is_translated_and_none_is_fuzzy(folder, language):
    header, *messages = read_catalogue(language, folder)

    assert f"Language: {language}\n" in header["msgstr"][0]
    nplurals = int(re.search(r"nplurals=(\d+)", header["msgstr"][0]).group(1))
    assert messages
    untranslated = [entry["msgid"] for entry in messages if not all(text.strip() for text in entry["msgstr"])]
    fuzzy = [entry["msgid"] for entry in messages if "fuzzy" in entry["flags"]]
    wrong_plurals = [
        entry["msgid"] for entry in messages if "msgid_plural" in entry and len(entry["msgstr"]) != nplurals
    ]
    assert not untranslated, f"{language}: no translation for {untranslated}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy}"
    assert not wrong_plurals, f"{language}: plural forms missing for {wrong_plurals}"


@pytest.mark.parametrize(("folder", "language"), CATALOGUES, ids=CATALOGUE_IDS)
def test_translations_keep_every_placeholder(folder, language):
    broken = []
    for entry in read_catalogue(language, folder)[1:]:
        expected = set(PLACEHOLDER.findall(entry["msgid"] + entry.get("msgid_plural", "")))
        for text in entry["msgstr"]:
            if set(PLACEHOLDER.findall(text)) != expected:
                broken.append((entry["msgid"], text))

    assert not broken


def test_the_project_catalogue_is_the_big_one():
    assert len(read_catalogue("fr")) > 200


@pytest.mark.parametrize(("catalogues", "language"), CATALOGUES, ids=CATALOGUE_IDS)
def test_the_compiled_catalogue_is_up_to_date(catalogues, language):
    folder = catalogues / language / "LC_MESSAGES"
    compiled = folder / "django.mo"

    assert compiled.exists(), "the .mo files are built by `make messages` (part of make install/test/run)"
    assert compiled.stat().st_mtime >= (folder / "django.po").stat().st_mtime, "run `make messages`"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("/fr", "Bibliothèque de ressources sur la démocratie"),
        ("/es", "Biblioteca de recursos sobre democracia"),
        ("/ar", "مكتبة موارد الديمقراطية"),
    ],
)
def test_the_interface_speaks_the_language_of_the_address(client, prefix, title):
    html = client.get(f"{prefix}/").content.decode()

    assert f"<title>{title}</title>" in html
    assert "Skip to main content" not in html


@pytest.mark.django_db
def test_country_names_follow_the_readers_language(client):
    from tests.factories import make_resource

    make_resource(countries=["DE"])

    assert "Allemagne" in client.get("/fr/library/").content.decode()
    assert "Alemania" in client.get("/es/library/").content.decode()
    assert "ألمانيا" in client.get("/ar/library/").content.decode()


def test_every_message_in_the_code_is_in_the_catalogues(tmp_path):
    """What makemessages finds in the code and templates (the README's command) has an entry in
    each catalogue: a message added without one would show in English."""
    import shutil
    import subprocess
    import sys

    from tests.backends import skip_missing_backend

    if shutil.which("xgettext") is None:
        skip_missing_backend("GNU gettext's xgettext is not installed (apt-get install gettext)")
    root = ROOT
    apps = sorted(path.parent.name for path in root.glob("*/apps.py"))
    for folder in [*apps, "templates"]:  # what the README's command reads
        shutil.copytree(
            root / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pdf", "locale")
        )
    shutil.copy(root / "manage.py", tmp_path / "manage.py")
    for catalogue in CATALOGUE_FOLDERS:
        (tmp_path / catalogue.relative_to(root)).mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-location", "-v", "0"],
        cwd=tmp_path,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": str(root)},
    )
    for catalogue in CATALOGUE_FOLDERS:
        extracted_file = tmp_path / catalogue.relative_to(root) / "fr" / "LC_MESSAGES" / "django.po"
        if not extracted_file.exists():
            continue  # an app whose code has no message yet
        found = {entry["msgid"] for entry in _entries(extracted_file.read_text(encoding="utf-8"))} - {""}
        for language in LANGUAGES:
            known = {entry["msgid"] for entry in read_catalogue(language, catalogue)}
            assert not found - known, f"{catalogue}/{language}: not in the catalogue: {sorted(found - known)}"


def _entries(text):
    blocks = []
    for block in text.split("\n\n"):
        msgid, field = None, None
        for line in block.splitlines():
            if line.startswith("msgid "):
                msgid, field = ast.literal_eval(line[6:]), "msgid"
            elif line.startswith("msg"):
                field = None
            elif line.startswith('"') and field == "msgid":
                msgid += ast.literal_eval(line)
        if msgid is not None:
            blocks.append({"msgid": msgid})
    return blocks
