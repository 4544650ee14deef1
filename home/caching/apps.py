from django.apps import AppConfig


class CachingConfig(AppConfig):
    """State every app server shares (the content version, memos, restricted paths), the
    page and fragment caches, and what a publish invalidates."""

    name = "home.caching"
    label = "caching"
    verbose_name = "Caching"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.caching import signal_handlers, state

        state.install()
        signal_handlers.connect()
