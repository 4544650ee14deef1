"""The abstract page every page type builds on: SEO, social sharing, listings, examples."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod
from wagtail_localize.fields import SynchronizedField

from home import structured_data
from home.analysis import analysed
from home.caching.state import is_restricted
from home.forms import LocalizedPageForm
from home.i18n import localize_relations
from home.panels import PROMOTE_PANELS, SETTINGS_PANELS, page_tabs


class BasePage(Page):
    base_form_class = LocalizedPageForm

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        max_length=300,
        help_text=_("One or two sentences shown on cards and in search results. Plain text."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared. Landscape, at least 1200 × 630 pixels."),
    )
    social_text = models.CharField(
        _("social text"),
        max_length=255,
        blank=True,
        help_text=_("Text for social media previews; the listing summary is used if empty."),
    )
    is_example = models.BooleanField(
        _("example content"),
        default=False,
        help_text=_(
            "Tick when this page holds invented example content. The site then shows a "
            "'voorbeeld' label so nobody takes it for fact."
        ),
    )

    promote_panels = PROMOTE_PANELS
    settings_panels = SETTINGS_PANELS
    # A translation keeps its source's slug (/ti/nieuwkomers/... as /nl/nieuwkomers/...):
    # translators are not asked for it on a tab they do not see, and publishing never
    # stops at a "missing" slug. Subclasses add their own synchronised fields to this list.
    override_translatable_fields = [SynchronizedField("slug")]
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    @classmethod
    def get_search_fields(cls):
        # Indexed as the terms of the page's language, as queries are read (home.analysis).
        return analysed(super().get_search_fields())

    @cached_classmethod
    def get_edit_handler(cls):
        # Page types without tabs of their own get the shared ones (home.panels), so every
        # page type shows the readability of its text while it is edited.
        handler = getattr(cls, "edit_handler", None) or page_tabs(
            cls.content_panels, promote_panels=cls.promote_panels, settings_panels=cls.settings_panels
        )
        return handler.bind_to_model(cls)

    def save(self, *args, **kwargs):
        localize_relations(self)
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # Revisions of a translation may hold the source's targets (wagtail-localize copies
        # them); the editor, previews and publishing see the ones in this page's language.
        page = super().with_content_json(content)
        localize_relations(page)
        return page

    def get_admin_display_title(self):
        # Editors see in every admin listing which pages are made-up examples.
        title = super().get_admin_display_title()
        return f"{title} [voorbeeld]" if self.is_example else title

    def get_view_restrictions(self):
        # Wagtail checks restrictions on every page served, with two queries; the paths of
        # restricted pages are known per content version, so an unrestricted page needs none.
        if self.alias_of_id is None and not is_restricted(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def structured_data(self, request) -> dict | None:
        """schema.org data for search engines (home.structured_data); page types say more."""
        return structured_data.base(self, request, "WebPage")

    @property
    def meta_description(self) -> str:
        """The editor's search description, else the listing summary, else the page's own
        lead (summary, introduction or mission) as plain text."""
        if self.search_description or self.listing_summary:
            return self.search_description or self.listing_summary
        for name in ("summary", "intro", "mission"):
            text = structured_data.plain(str(getattr(self, name, "") or ""), 300)
            if text:
                return text
        return ""


class IndexPage(BasePage):
    """A section's landing page: an introduction above the list of its children."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    # One list per section: a second index under the same parent would split it.
    max_count_per_parent = 1

    class Meta:
        abstract = True
