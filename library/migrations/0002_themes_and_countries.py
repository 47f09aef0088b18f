"""Loads the fixed list of themes (CONTRACT.md) and every ISO 3166 country with its UN M49 region."""

from django.db import migrations

THEMES = [
    ("community-activism", "Community activism"),
    ("rule-of-law-and-human-rights", "Rule of law and human rights"),
    ("tools-for-knowledge", "Tools for knowledge"),
    ("womens-empowerment", "Women's empowerment"),
    ("youth-engagement", "Youth engagement"),
    ("media-and-freedom-of-information", "Media and freedom of information"),
    ("civil-society-and-government", "Strengthening civil society interaction with government"),
    ("electoral-processes", "Electoral processes"),
]


def load(apps, schema_editor):
    from library.geography import REGION_OF_COUNTRY, top_region

    Theme = apps.get_model("library", "Theme")
    Country = apps.get_model("library", "Country")
    for position, (slug, name) in enumerate(THEMES):
        Theme.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})
    for code, subregion in REGION_OF_COUNTRY.items():
        Country.objects.update_or_create(
            code=code, defaults={"region": top_region(subregion), "subregion": subregion}
        )


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
