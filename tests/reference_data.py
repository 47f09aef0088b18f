"""The rows that data migrations load (the themes and the countries with their regions).

A transactional test (``transactional_db``, ``live_server``, every browser test) ends with a flush
that empties every table, these too, and later transactional tests would start without them.
``restore_reference_data()`` loads them again, through the data migration's own idempotent function.
"""

import pkgutil
from importlib import import_module

import library.migrations

DATA_MIGRATION_SUFFIX = "_themes_and_countries"


def reference_data_migration():
    names = [
        name
        for _finder, name, _package in pkgutil.iter_modules(library.migrations.__path__)
        if name.endswith(DATA_MIGRATION_SUFFIX)
    ]
    assert len(names) == 1, f"expected one library migration named *{DATA_MIGRATION_SUFFIX}, found {names}"
    return import_module(f"library.migrations.{names[0]}")


def restore_reference_data():
    from django.apps import apps

    from library.geography import REGION_OF_COUNTRY
    from library.models import Country, Theme

    migration = reference_data_migration()
    if Theme.objects.count() == len(migration.THEMES) and Country.objects.count() == len(REGION_OF_COUNTRY):
        return
    migration.load(apps, None)
