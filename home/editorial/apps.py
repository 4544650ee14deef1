from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Tools for editors and translators: translation status, PO upload, stale pages, the
    admin in Dutch."""

    name = "home.editorial"
    label = "editorial"
    verbose_name = "Editorial tools"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_language

        admin_language.install()
