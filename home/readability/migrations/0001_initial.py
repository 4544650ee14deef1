# PageReadability moved here from the home app: the state only, the table
# (home_pagereadability, made by home.0006) stays.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_follows(app_label, model):
    """The model's content type (and so its permissions) moves with it, where one exists."""

    def forwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label="home", model=model).update(app_label=app_label)

    def backwards(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=app_label, model=model).update(app_label="home")

    return migrations.RunPython(forwards, backwards)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0006_page_readability"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PageReadability",
                    fields=[
                        (
                            "page",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                primary_key=True,
                                related_name="readability",
                                serialize=False,
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                        ("sentences", models.PositiveIntegerField(default=0, verbose_name="sentences")),
                        ("words", models.PositiveIntegerField(default=0, verbose_name="words")),
                        ("long_words", models.PositiveIntegerField(default=0, verbose_name="long words")),
                        ("hardest", models.JSONField(blank=True, default=list, verbose_name="hardest sentences")),
                        ("assessed_at", models.DateTimeField(auto_now=True, verbose_name="assessed at")),
                    ],
                    options={
                        "verbose_name": "readability",
                        "verbose_name_plural": "readability",
                        "db_table": "home_pagereadability",
                    },
                ),
            ],
        ),
        content_type_follows("readability", "pagereadability"),
    ]
