from django.apps import AppConfig


class ServingConfig(AppConfig):
    """Page serving per language: routing, the page view, the language choice, sitemaps."""

    name = "home.serving"
    label = "serving"
    verbose_name = "Serving"
    default_auto_field = "django.db.models.BigAutoField"
