# The models moved to home.readability and home.reading; their tables stay as they are.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_page_readability"),
        ("readability", "0001_initial"),
        ("reading", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="PageReadability"),
                migrations.DeleteModel(name="PageViewCount"),
            ],
        ),
    ]
