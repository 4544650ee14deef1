"""The last readability measure of each Dutch or English page (home.readability.measure), kept so
the admin's page listing can show it without reading every page's text."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from home.readability.measure import Readability


class PageReadability(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="readability"
    )
    sentences = models.PositiveIntegerField(_("sentences"), default=0)
    words = models.PositiveIntegerField(_("words"), default=0)
    long_words = models.PositiveIntegerField(_("long words"), default=0)
    hardest = models.JSONField(_("hardest sentences"), default=list, blank=True)
    assessed_at = models.DateTimeField(_("assessed at"), auto_now=True)

    class Meta:
        db_table = "home_pagereadability"  # made by the home app, which held this model first
        verbose_name = _("readability")
        verbose_name_plural = _("readability")

    def __str__(self):
        return f"{self.page_id}: {self.words} words in {self.sentences} sentences"

    def result(self) -> Readability:
        return Readability(self.sentences, self.words, self.long_words, list(self.hardest))
