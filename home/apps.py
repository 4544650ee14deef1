from django.apps import AppConfig
from django.conf import locale, settings

from wagtail.users.apps import WagtailUsersAppConfig


class HomeConfig(AppConfig):
    # This module holds a second config (UsersConfig), so Django must be told which is home's.
    default = True
    name = "home"
    verbose_name = "Home and shared parts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django has no language info for Tigrinya and Somali. Registering it here makes
        # get_language_info("ti") return the real name and script direction, so neither
        # language has to pose as another code.
        for code, info in settings.EXTRA_LANG_INFO.items():
            locale.LANG_INFO.setdefault(code, info)
        from . import caching, invalidation, readability

        caching.install()
        invalidation.connect()
        readability.connect()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with the guards of `home.users` (listed instead of wagtail.users)."""

    user_viewset = "home.users.UserViewSet"
