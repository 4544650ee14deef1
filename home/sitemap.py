"""A sitemap of every language's pages, each with its hreflang alternates and x-default.

Served as a sitemap index (/sitemap.xml) pointing at pages of at most 1,000 addresses
(/sitemap-pages.xml?p=2): a national site has more pages than one file should hold, and
each file costs the same two queries whatever the size of the site.
"""

from collections import defaultdict

from django.conf import settings

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    limit = 1000

    def items(self):
        # Every locale's tree, not only the default site's Dutch one; aliases are no translations.
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, alias_of__isnull=True)
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "translation_key", "locale", "last_published_at")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        # The translations of this file's pages only, in one query.
        groups = defaultdict(list)
        for translation in self.items().filter(translation_key__in={item.translation_key for item in items}):
            groups[translation.translation_key].append(translation)
        urls = []
        for item in items:
            translations = groups[item.translation_key] or [item]
            locations = {t.pk: t.get_full_url(self.request) for t in translations}
            alternates = [
                {"lang_code": t.locale.language_code, "location": locations[t.pk]} for t in translations
            ]
            default = next(
                (t for t in translations if t.locale.language_code == settings.LANGUAGE_CODE), item
            )
            alternates.append({"lang_code": "x-default", "location": locations.get(default.pk, "")})
            urls.append(
                {
                    "item": item,
                    "location": locations.get(item.pk) or item.get_full_url(self.request),
                    "lastmod": item.last_published_at,
                    "alternates": alternates,
                }
            )
        return urls
