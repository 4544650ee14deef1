"""A sitemap of every language's pages, each with its hreflang alternates and x-default.

Served as a sitemap index (/sitemap.xml) pointing at pages of at most 1,000 addresses
(/sitemap-pages.xml?p=2): a national site has more pages than one file should hold, and
each file costs the same two queries whatever the size of the site.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.utils.html import escape

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from .routing import home_url_paths


class LocalizedSitemap(Sitemap):
    limit = 1000
    # Rows, not Page objects: building a thousand Page instances costs more than the rest.
    fields = ("pk", "url_path", "translation_key", "locale_id", "locale__language_code", "last_published_at")

    def items(self):
        # Every locale's tree, not only the default site's Dutch one; aliases are no translations.
        return (
            Page.objects.live()
            .public()
            .filter(depth__gt=1, alias_of__isnull=True)
            .order_by("path")
            .values(*self.fields)
        )

    def lastmod(self, obj):
        return obj["last_published_at"]

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        # The translations of this file's pages only, in one query.
        groups = defaultdict(list)
        for translation in self.items().filter(
            translation_key__in={item["translation_key"] for item in items}
        ):
            groups[translation["translation_key"]].append(translation)
        urls = []
        site = Site.find_for_request(self.request)
        homes = home_url_paths(site) if site else {}
        for item in items:
            translations = groups[item["translation_key"]] or [item]
            locations = {t["pk"]: self._location(t, site, homes) for t in translations}
            alternates = [
                {"lang_code": t["locale__language_code"], "location": locations[t["pk"]]}
                for t in translations
            ]
            default = next(
                (t for t in translations if t["locale__language_code"] == settings.LANGUAGE_CODE), item
            )
            alternates.append({"lang_code": "x-default", "location": locations.get(default["pk"], "")})
            urls.append(
                {
                    "item": item,
                    "location": locations.get(item["pk"]) or self._location(item, site, homes),
                    "lastmod": item["last_published_at"],
                    "alternates": alternates,
                }
            )
        return urls

    def _location(self, row, site, homes) -> str:
        """The page's address, as Wagtail's get_full_url gives it, without its per-page
        reverse(): a page's URL is its url_path below its language's home, under /<code>/."""
        home = homes.get(row["locale_id"])
        if site is None or home is None or not row["url_path"].startswith(home):
            return Page.objects.get(pk=row["pk"]).get_full_url(self.request)
        return f"{site.root_url}/{row['locale__language_code']}/{row['url_path'][len(home) :]}"


def sitemap_file(request, section: str, sitemaps: dict) -> HttpResponse:
    """One file of the sitemap, ?p=N, written as XML directly.

    Django's sitemap template renders a thousand addresses with their alternates in about a
    hundred milliseconds; the same XML joined from strings takes a few. A page number out
    of range or not a number answers 404, as Django's view does.
    """
    if section not in sitemaps:
        raise Http404("No such sitemap.")
    sitemap = sitemaps[section](request)
    try:
        number = int(request.GET.get("p", "1"))
        urls = sitemap.get_urls(page=number, site=RequestSite(request), protocol=request.scheme)
    except (ValueError, EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such sitemap page.") from error
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url in urls:
        lines.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url["lastmod"]:
            lines.append(f"<lastmod>{url['lastmod'].date().isoformat()}</lastmod>")
        for alt in url["alternates"]:
            code, location = escape(alt["lang_code"]), escape(alt["location"])
            lines.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{location}"/>')
        lines.append("</url>")
    lines.append("</urlset>")
    return HttpResponse("\n".join(lines), content_type="application/xml; charset=utf-8")
