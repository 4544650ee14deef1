from django.apps import AppConfig


class ReadingConfig(AppConfig):
    """How often each page is read, per language and day, and the editors' report of it."""

    name = "home.reading"
    label = "reading"
    verbose_name = "Reading figures"
    default_auto_field = "django.db.models.BigAutoField"
