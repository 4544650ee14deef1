from django.apps import AppConfig
from django.conf import locale, settings


class HomeConfig(AppConfig):
    """The page foundation: the base page, the home and content pages, blocks, site
    settings, languages and the template tags every page uses. The features beside it
    (home.caching, home.serving, home.search, home.editorial, home.readability,
    home.reading, home.operations) are apps of their own."""

    name = "home"
    verbose_name = "Home and shared parts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django has no language info for Tigrinya and Somali. Registering it here makes
        # get_language_info("ti") return the real name and script direction, so neither
        # language has to pose as another code.
        for code, info in settings.EXTRA_LANG_INFO.items():
            locale.LANG_INFO.setdefault(code, info)
