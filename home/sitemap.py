"""A sitemap of every language's pages, each with its hreflang alternates and x-default."""

from collections import defaultdict

from django.conf import settings

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    def items(self):
        # Every locale's tree, not only the default site's Dutch one; aliases are no translations.
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def _urls(self, page, protocol, domain):
        groups = defaultdict(list)
        for item in self.items():
            groups[item.translation_key].append(item)
        locations = {item.pk: item.get_full_url(self.request) for items in groups.values() for item in items}
        urls = []
        for item in self.paginator.page(page).object_list:
            translations = groups[item.translation_key]
            alternates = [
                {"lang_code": t.locale.language_code, "location": locations[t.pk]} for t in translations
            ]
            default = next(
                (t for t in translations if t.locale.language_code == settings.LANGUAGE_CODE), item
            )
            alternates.append({"lang_code": "x-default", "location": locations[default.pk]})
            urls.append(
                {
                    "item": item,
                    "location": locations[item.pk],
                    "lastmod": item.last_published_at,
                    "alternates": alternates,
                }
            )
        return urls
