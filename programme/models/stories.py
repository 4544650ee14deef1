"""News and stories, with a feed per language."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home import structured_data
from home.blocks import BodyBlock
from home.caching.state import kept_for_page
from home.models import BasePage
from home.pagination import page_of
from home.panels import page_tabs


class StoryIndexPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "programme.ProgrammePage"]
    subpage_types = ["programme.StoryPage"]
    max_count_per_parent = 1
    template = "programme/story_index_page.html"

    class Meta:
        verbose_name = _("story index")

    def stories(self):
        return StoryPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    per_page = 12

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The order of the stories is kept per content version; each page reads only its own.
        order = kept_for_page(
            request, self, "order", lambda: list(self.stories().values_list("pk", flat=True))
        )
        context["stories"] = page_of(request, order, StoryPage.objects.all(), self.per_page)
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from programme.feeds import StoryFeed

        return StoryFeed(self)(request)


class StoryPage(BasePage):
    date = models.DateField(
        _("date"),
        help_text=_(
            "The day it happened or is announced. A date in the future needs a go-live "
            "date on or after it (Status, Set schedule): the story then appears on its day."
        ),
    )
    intro = models.TextField(
        _("introduction"), max_length=500, help_text=_("The lead: what happened, in short.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("press_links", label=_("press link"), heading=_("In the press")),
    ]
    edit_handler = page_tabs(content_panels)
    search_fields = [*BasePage.search_fields, index.SearchField("intro", boost=2), index.SearchField("body")]

    api_fields = [APIField("date"), APIField("intro"), APIField("body")]

    parent_page_types = ["programme.StoryIndexPage"]
    subpage_types: list[str] = []
    template = "programme/story_page.html"

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def clean(self):
        super().clean()
        # A story dated ahead is fine when it goes live on (or after) its own date; one
        # published now with a date ahead would sit atop the list pretending to be news.
        if self.date and self.date > timezone.localdate():
            go_live = timezone.localtime(self.go_live_at).date() if self.go_live_at else None
            if go_live is None or go_live < self.date:
                raise ValidationError(
                    {
                        "date": _(
                            "This date is in the future: set a go-live date on or after it "
                            "(Status, Set schedule), or choose an earlier date."
                        )
                    }
                )

    def structured_data(self, request):
        return structured_data.article(self, request, published=self.date, body=self.intro)


class PressLink(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="press_links")
    title = models.CharField(_("title"), max_length=200)
    source = models.CharField(_("source"), max_length=120, help_text=_("The newspaper, broadcaster or site."))
    url = models.URLField(_("address"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)

    panels = [FieldPanel("title"), FieldPanel("source"), FieldPanel("url"), FieldPanel("date")]
