"""Backups of the database and the uploaded files, and restoring them.

A backup is one timestamped folder:

    backups/20261124-083000/
        database.dump      PostgreSQL: pg_dump custom format (or database.sqlite3 for SQLite)
        media.tar.gz       every file under MEDIA_ROOT
        manifest.json      when, from which engine, and the SHA-256 of each part

Restoring checks every part against the manifest before it touches anything, and by default
refuses to write into a database that already has tables or a media folder that has files.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import dj_database_url
import psycopg
from psycopg import sql

POSTGRESQL = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"
MANIFEST = "manifest.json"
DUMP_NAMES = {POSTGRESQL: "database.dump", SQLITE: "database.sqlite3"}
ENGINES_OF_THE_SAME_DATABASE = {"portal.postgresql": POSTGRESQL}  # Django's, with another health check


class BackupError(Exception):
    """Something an operator must fix; the message says what."""


@dataclass(frozen=True)
class Database:
    engine: str
    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""

    @classmethod
    def from_settings(cls, settings_dict):
        engine = ENGINES_OF_THE_SAME_DATABASE.get(settings_dict["ENGINE"], settings_dict["ENGINE"])
        if engine not in DUMP_NAMES:
            raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")
        return cls(
            engine=engine,
            name=str(settings_dict["NAME"]),
            user=settings_dict.get("USER") or "",
            password=settings_dict.get("PASSWORD") or "",
            host=settings_dict.get("HOST") or "",
            port=str(settings_dict.get("PORT") or ""),
        )

    @classmethod
    def from_url(cls, url):
        return cls.from_settings(dj_database_url.parse(url))

    @property
    def client_args(self):
        args = []
        if self.host:
            args += ["--host", self.host]
        if self.port:
            args += ["--port", self.port]
        if self.user:
            args += ["--username", self.user]
        return args

    @property
    def client_env(self):
        env = {**os.environ}
        if self.password:
            env["PGPASSWORD"] = self.password
        return env

    def connect(self):
        return psycopg.connect(
            dbname=self.name, user=self.user or None, password=self.password or None,
            host=self.host or None, port=self.port or None, autocommit=True,
        )  # fmt: skip


def make_backup(database: Database, media_root: Path, backup_root: Path, *, now=None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    folder = Path(backup_root) / stamp
    if folder.exists():
        raise BackupError(f"{folder} already exists; wait a second and run the backup again.")
    folder.mkdir(parents=True)
    try:
        dump = folder / DUMP_NAMES[database.engine]
        if database.engine == POSTGRESQL:
            options = ["--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"]
            _run(["pg_dump", *options, *database.client_args, database.name], database.client_env)
        else:
            _copy_sqlite(database.name, dump)
        with tarfile.open(folder / MEDIA_ARCHIVE, "w:gz") as archive:
            media_root = Path(media_root)
            if media_root.is_dir():
                for child in sorted(media_root.iterdir()):
                    archive.add(child, arcname=child.name)
        manifest = {
            "created_at": datetime.now(UTC).isoformat(),
            "engine": database.engine,
            "parts": {part.name: _sha256(part) for part in (dump, folder / MEDIA_ARCHIVE)},
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def restore_backup(folder: Path, database: Database, media_root: Path, *, replace=False) -> None:
    folder = Path(folder)
    manifest = _checked_manifest(folder)
    if manifest["engine"] != database.engine:
        raise BackupError(
            f"This backup is of {manifest['engine']}; the target database is {database.engine}."
        )
    media_root = Path(media_root)
    if not replace:
        if _has_tables(database):
            raise BackupError(f"The database {database.name} already has tables. Restore into an empty "
                              "database, or pass --replace to overwrite it.")  # fmt: skip
        if media_root.is_dir() and any(media_root.iterdir()):
            raise BackupError(f"{media_root} is not empty. Restore into an empty folder, or pass --replace.")
    dump = folder / DUMP_NAMES[database.engine]
    if database.engine == POSTGRESQL:
        clean = ["--clean", "--if-exists"] if replace else []
        options = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", *clean]
        target = [f"--dbname={database.name}", *database.client_args]
        _run(["pg_restore", *options, *target, str(dump)], database.client_env)
    else:
        _copy_sqlite(dump, database.name)
    _restore_media(folder / MEDIA_ARCHIVE, media_root)


def _restore_media(archive_path, media_root):
    """Unpack next to the target first, then swap, so a broken archive leaves the old files be."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    incoming = media_root.with_name(media_root.name + ".restoring")
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir()
    with tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(incoming, filter="data")
    if media_root.exists():
        shutil.rmtree(media_root)
    incoming.rename(media_root)


def _checked_manifest(folder):
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{folder} is not a backup: it has no {MANIFEST}.") from None
    except ValueError:
        raise BackupError(f"{folder / MANIFEST} is not valid JSON.") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("parts", {}), dict):
        raise BackupError(f"{folder / MANIFEST} is not a backup manifest.")
    for name, digest in manifest.get("parts", {}).items():
        part = folder / name
        if not part.is_file():
            raise BackupError(f"{part} is missing.")
        if _sha256(part) != digest:
            raise BackupError(f"{part} does not match its checksum in the manifest: the backup is damaged.")
    if manifest.get("engine") not in DUMP_NAMES or DUMP_NAMES[manifest["engine"]] not in manifest.get(
        "parts", {}
    ):
        raise BackupError(f"{folder / MANIFEST} names no database dump.")
    return manifest


def _has_tables(database):
    if database.engine == SQLITE:
        if not database.name.startswith("file:") and not Path(database.name).exists():
            return False
        with _sqlite(database.name) as connection:
            return (
                connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
                > 0
            )
    with database.connect() as connection:
        query = sql.SQL("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        return connection.execute(query).fetchone()[0] > 0


def _copy_sqlite(source, target):
    with _sqlite(source) as origin, _sqlite(target) as destination:
        origin.backup(destination)


class _sqlite:
    """sqlite3's connection context manager commits but never closes; this one closes."""

    def __init__(self, path):
        # the test runner's in-memory database is named by a URI ("file:...?mode=memory")
        self.connection = sqlite3.connect(path, uri=str(path).startswith("file:"))

    def __enter__(self):
        return self.connection

    def __exit__(self, *exc):
        self.connection.close()


def _run(command, env):
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)."
        ) from None
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from None


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
