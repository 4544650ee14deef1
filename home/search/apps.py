from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search: the backend that reads every language alike (home.analysis), the
    vocabulary that forgives typing errors, and the search page."""

    name = "home.search"
    label = "sitesearch"  # "search" would read as Wagtail's own app in the admin and migrations
    verbose_name = "Site search"
    default_auto_field = "django.db.models.BigAutoField"
