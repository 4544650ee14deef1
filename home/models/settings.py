"""Site-wide settings that editors manage in the admin."""

import copy

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from home.caching.state import memo


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact e-mail"), default="aandeslag@pharos.nl")
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("privacy statement"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("accessibility statement"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Dutch public bodies must publish one, in the model of digitoegankelijk.nl."),
    )  # fmt: skip
    cookie_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("cookie statement"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    matomo_url = models.URLField(
        _("Matomo address"),
        blank=True,
        help_text=_("Analytics load only for visitors who allow cookies. Leave empty for no analytics."),
    )
    matomo_site_id = models.PositiveIntegerField(_("Matomo site id"), null=True, blank=True)
    data_licence = models.CharField(
        _("licence of the open data"),
        max_length=60,
        default="CC BY 4.0",
        help_text=_("Named with the national figures and in their CSV and JSON downloads."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_page")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page"), FieldPanel("cookie_page")],
            heading=_("Statements, linked from every footer"),
        ),
        MultiFieldPanel([FieldPanel("matomo_url"), FieldPanel("matomo_site_id")], heading=_("Analytics")),
        FieldPanel("data_licence"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """Read once per process and content version (saving settings bumps it) instead of
        on every public page; each request gets its own copy, which Wagtail marks with the
        request. The admin, where settings are edited, and previews read them afresh."""
        name = cls.get_cache_attr_name()
        if hasattr(request, name):
            return getattr(request, name)
        if request.path_info.startswith("/admin/") or getattr(request, "is_preview", False):
            return super().for_request(request)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = copy.copy(memo(("site-settings", site.pk), lambda: cls.for_site(site)))
        site_settings._request = request
        setattr(request, name, site_settings)
        return site_settings
