"""Reading figures: how often each page was read, per language and day. Counts only: no
address, cookie, user or anything else about the reader is stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageViewCount(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8)
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        db_table = "home_pageviewcount"  # made by the home app, which held this model first
        verbose_name = _("page views")
        verbose_name_plural = _("page views")
        constraints = [
            models.UniqueConstraint(fields=["page", "language", "day"], name="one_count_per_page_day")
        ]
        indexes = [models.Index(fields=["day", "language"], name="home_pagevi_day_7b8a66_idx")]

    def __str__(self):
        return f"{self.page_id} {self.language} {self.day}: {self.views}"
