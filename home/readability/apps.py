from django.apps import AppConfig


class ReadabilityConfig(AppConfig):
    """How hard a Dutch or English page reads, measured while it is edited and kept per page."""

    name = "home.readability"
    label = "readability"
    verbose_name = "Readability"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.readability import signal_handlers

        signal_handlers.connect()
