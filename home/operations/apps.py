from django.apps import AppConfig

from wagtail.users.apps import WagtailUsersAppConfig


class OperationsConfig(AppConfig):
    """Security headers and input checks, request logging, the health check, media storage,
    the guards on user management and the admin accounts command."""

    # This module holds a second config (UsersConfig), so Django must be told which is ours.
    default = True
    name = "home.operations"
    label = "operations"
    verbose_name = "Security and operations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import spreadsheets

        spreadsheets.install()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with the guards of `home.operations.users` (listed instead of
    wagtail.users)."""

    user_viewset = "home.operations.users.UserViewSet"
