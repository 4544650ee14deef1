from django.db import migrations

from programme.provinces import ensure_provinces


def add_provinces(apps, schema_editor):
    ensure_provinces(apps.get_model("programme", "Province"))


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]

    operations = [migrations.RunPython(add_provinces, migrations.RunPython.noop)]
