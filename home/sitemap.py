"""A sitemap of every language's pages, each with its hreflang alternates and x-default.

Served as a sitemap index (/sitemap.xml) pointing at pages of at most 1,000 addresses
(/sitemap-pages.xml?p=2): a national site has more pages than one file should hold, and
each file costs the same two queries whatever the size of the site.
"""

from collections import defaultdict

from django.conf import settings

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from .routing import home_url_paths


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
        site = Site.find_for_request(self.request)
        homes = home_url_paths(site) if site else {}
        for item in items:
            translations = groups[item.translation_key] or [item]
            locations = {t.pk: self._location(t, site, homes) for t in translations}
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

    def _location(self, page, site, homes) -> str:
        """The page's address, as Wagtail's get_full_url gives it, without its per-page
        reverse(): a page's URL is its url_path below its language's home, under /<code>/."""
        home = homes.get(page.locale_id)
        if site is None or home is None or not page.url_path.startswith(home):
            return page.get_full_url(self.request)
        return f"{site.root_url}/{page.locale.language_code}/{page.url_path[len(home) :]}"
