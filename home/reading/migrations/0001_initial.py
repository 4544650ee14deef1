# PageViewCount moved here from the home app: the state only, the table
# (home_pageviewcount, made by home.0005) stays.

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
                    name="PageViewCount",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("language", models.CharField(max_length=8, verbose_name="language")),
                        ("day", models.DateField(verbose_name="day")),
                        ("views", models.PositiveIntegerField(default=0, verbose_name="views")),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "page views",
                        "verbose_name_plural": "page views",
                        "db_table": "home_pageviewcount",
                        "indexes": [models.Index(fields=["day", "language"], name="home_pagevi_day_7b8a66_idx")],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("page", "language", "day"), name="one_count_per_page_day"
                            )
                        ],
                    },
                ),
            ],
        ),
        content_type_follows("reading", "pageviewcount"),
    ]
