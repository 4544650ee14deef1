from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """ "Mis je hier iets?": one optional question and a free answer on newcomer pages and
    search results in every language, stored at once, reported to that language's editors."""

    name = "home.feedback"
    label = "feedback"
    verbose_name = "Feedback"
    default_auto_field = "django.db.models.BigAutoField"
