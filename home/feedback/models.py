from django.db import models
from django.utils.translation import gettext_lazy as _


class Feedback(models.Model):
    """What a reader missed, as they typed it. No name, no address, no cookie: the page it
    was sent from, its language and section, the answer and the time, nothing else."""

    class Section(models.TextChoices):
        NEWCOMERS = "newcomers", _("Newcomer pages")
        SEARCH = "search", _("Search results")

    class Missing(models.TextChoices):
        UNSAID = "", _("(not chosen)")
        INFORMATION = "information", _("Information I was looking for")
        NEARBY = "nearby", _("Volunteering near me")
        JOINING = "joining", _("How to take part")
        LANGUAGE = "language", _("A text in my language")
        OTHER = "other", _("Something else")

    # The page the answer belongs to; for search results, the home page of the language.
    # Editors see the answers of pages they may edit.
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    section = models.CharField(_("section"), max_length=20, choices=Section.choices)
    missing = models.CharField(_("what was missing"), max_length=20, choices=Missing.choices, blank=True)
    answer = models.TextField(_("answer"), max_length=1000)
    path = models.CharField(_("address"), max_length=255, help_text=_("Where it was sent from."))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self):
        return self.answer[:60]
