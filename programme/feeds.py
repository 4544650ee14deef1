"""An Atom feed of the stories in one language."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed


class StoryFeed(Feed):
    """Valid Atom (RFC 4287): every entry has its `updated` (the story's last publication,
    else its date), and the feed names its author, which each entry then shares."""

    feed_type = Atom1Feed
    author_name = "Pharos"
    author_link = "https://www.pharos.nl/"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        # Django reads the feed language as a plain attribute.
        self.language = index_page.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index_page.title} · Aan de Slag"

    def link(self):
        return self.index_page.get_url(self.request)

    def subtitle(self):
        return self.index_page.intro

    def items(self):
        return self.index_page.stories()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)
