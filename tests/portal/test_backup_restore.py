"""`manage.py backup` then `manage.py restore` into an empty database brings back every resource,
every file (byte for byte) and every download record."""

import sqlite3
import uuid
from contextlib import closing

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from portal.backup import Database
from tests.factories import make_case_study, make_file, make_resource, make_toolkit

pytestmark = pytest.mark.django_db(transaction=True)

RESOURCES = "SELECT slug, title, status, published_at FROM library_resource ORDER BY slug"
FILES = "SELECT uuid, file, sha256, access FROM library_resourcefile ORDER BY uuid"
CASE_STUDIES = "SELECT project_code FROM casestudies_casestudy ORDER BY project_code"
DOWNLOADS = "SELECT file_id, resource_id, user_id, organisation_id, time, in_bundle FROM library_downloadlog ORDER BY id"
MEMBERSHIPS = "SELECT user_id, organisation_id, started FROM library_membership ORDER BY id"


@pytest.fixture
def library_with_files(client, partner):
    toolkit = make_toolkit(
        title="Election observation kit", themes=["electoral-processes"], tags=["observers"]
    )
    files = [
        make_file(toolkit, content=b"%PDF-1.4\n" + bytes(range(256)) * 40, name="observers.pdf"),
        make_file(toolkit, content=b"%PDF-1.4\npartner only\n", name="contacts.pdf", access="partners"),
    ]
    make_case_study(title="Youth vote in Kenya", project_code="UDF-KE-19-001")
    make_resource(title="A draft", status="draft")
    for resource_file in files[:1]:  # anonymous download of the public file
        b"".join(client.get(resource_file.get_absolute_url()).streaming_content)
    client.force_login(partner)
    for resource_file in files:  # the partner downloads both
        b"".join(client.get(resource_file.get_absolute_url()).streaming_content)
    return files


@pytest.fixture
def empty_database(tmp_path):
    """A new, empty database of the same engine as the test database; dropped afterwards."""
    here = connection.settings_dict
    if connection.vendor == "sqlite":
        yield Database(engine=here["ENGINE"], name=str(tmp_path / "restored.sqlite3"))
        return
    name = f"{here['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    target = Database.from_settings({**here, "NAME": name})
    with closing(Database.from_settings({**here, "NAME": "postgres"}).connect()) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield target
    with closing(Database.from_settings({**here, "NAME": "postgres"}).connect()) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def url_of(database):
    if database.engine.endswith("sqlite3"):
        return f"sqlite:///{database.name}"
    return (
        f"postgres://{database.user}@{database.host or 'localhost'}:{database.port or 5432}/{database.name}"
    )


def plain(row):
    """Values as text, so both connections' types compare (SQLite hands back booleans as 0/1)."""
    return tuple(str(int(value)) if isinstance(value, bool) else str(value) for value in row)


def rows(database, query):
    if database.engine.endswith("sqlite3"):
        with closing(sqlite3.connect(database.name)) as db:
            return [plain(row) for row in db.execute(query).fetchall()]
    with closing(database.connect()) as db:
        return [plain(row) for row in db.execute(query).fetchall()]


def current_rows(query):
    with connection.cursor() as cursor:
        cursor.execute(query)
        return [plain(row) for row in cursor.fetchall()]


def test_a_restored_backup_has_every_resource_file_and_byte(
    library_with_files, empty_database, tmp_path, media_root
):
    call_command("backup", output=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    assert {part.name for part in folder.iterdir()} >= {"manifest.json", "media.tar.gz"}

    restored_media = tmp_path / "restored-media"
    call_command("restore", str(folder), database_url=url_of(empty_database), media_root=str(restored_media))

    for query in (RESOURCES, FILES, CASE_STUDIES, DOWNLOADS, MEMBERSHIPS):
        assert rows(empty_database, query) == current_rows(query)
    assert len(rows(empty_database, RESOURCES)) == 3
    assert len(rows(empty_database, DOWNLOADS)) == 3
    for resource_file in library_with_files:
        original = (media_root / resource_file.file.name).read_bytes()
        assert (restored_media / resource_file.file.name).read_bytes() == original


def test_it_refuses_to_restore_over_a_database_with_tables(library_with_files, tmp_path):
    call_command("backup", output=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    with pytest.raises(CommandError, match="already has tables"):
        call_command("restore", str(folder), media_root=str(tmp_path / "elsewhere"))
    assert len(current_rows(RESOURCES)) == 3


def test_it_refuses_a_damaged_backup_before_touching_anything(library_with_files, empty_database, tmp_path):
    call_command("backup", output=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    with open(folder / "media.tar.gz", "ab") as archive:
        archive.write(b"garbage")
    restored_media = tmp_path / "restored-media"
    with pytest.raises(CommandError, match="checksum"):
        call_command(
            "restore", str(folder), database_url=url_of(empty_database), media_root=str(restored_media)
        )
    assert not restored_media.exists()
    with pytest.raises((sqlite3.OperationalError, psycopg.errors.UndefinedTable)):
        rows(empty_database, RESOURCES)


def test_it_says_so_when_a_folder_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="is not a backup"):
        call_command("restore", str(tmp_path))


@pytest.mark.parametrize("manifest", ["[]", '{"parts": ["database.sqlite3"]}'])
def test_it_says_so_when_the_manifest_is_not_one(tmp_path, manifest):
    (tmp_path / "manifest.json").write_text(manifest)
    with pytest.raises(CommandError, match="is not a backup manifest"):
        call_command("restore", str(tmp_path))
