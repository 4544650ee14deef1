"""A sitemap of every language's pages, each with its hreflang alternates and x-default.

Served as a sitemap index (/sitemap.xml) pointing at pages of at most 1,000 addresses
(/sitemap-pages.xml?p=2): a national site has more pages than one file should hold, and
each file costs the same two queries whatever the size of the site.
"""

from collections import defaultdict
from html import escape  # the standard library's: Django's lazy wrapper costs more than escaping

from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import CharField, Max
from django.db.models.functions import Cast
from django.http import Http404, HttpResponse

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from home.serving.routing import home_url_paths


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
        object_list = self.paginator.page(page).object_list
        site = Site.find_for_request(self.request)
        homes = home_url_paths(site) if site else {}
        # The translations of this file's pages only, in one query, as plain rows with the
        # translation key as text (a thousand addresses are a few thousand rows, and making
        # a UUID object of each key would cost more than the query).
        key = Cast("translation_key", output_field=CharField())
        translations = (
            Page.objects.live()
            .public()
            .filter(alias_of__isnull=True, translation_key__in=object_list.values("translation_key"))
            .order_by("path")
            .values_list("pk", "url_path", "locale_id", "locale__language_code", key)
        )
        groups = defaultdict(list)  # translation key -> [(language code, address)]
        locations = {}  # page id -> address
        for row in translations:
            locations[row[0]] = location = self._location(row, site, homes)
            groups[row[4]].append((row[3], location))
        urls = []
        for item in object_list.values("pk", "last_published_at", key=key):
            location = locations.get(item["pk"]) or Page.objects.get(pk=item["pk"]).get_full_url(self.request)
            group = groups[item["key"]]
            alternates = [{"lang_code": code, "location": address} for code, address in group]
            default = next((address for code, address in group if code == settings.LANGUAGE_CODE), location)
            alternates.append({"lang_code": "x-default", "location": default})
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item["last_published_at"],
                    "alternates": alternates,
                }
            )
        return urls

    def _location(self, row, site, homes) -> str:
        """The page's address, as Wagtail's get_full_url gives it, without its per-page
        reverse(): a page's URL is its url_path below its language's home, under /<code>/."""
        pk, url_path, locale_id, code = row[:4]
        home = homes.get(locale_id)
        if site is None or home is None or not url_path.startswith(home):
            return Page.objects.get(pk=pk).get_full_url(self.request)
        return f"{site.root_url}/{code}/{url_path[len(home) :]}"


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
    escaped = {}  # each address appears once per translation of its page: escaped once

    def esc(text: str) -> str:
        if text not in escaped:
            escaped[text] = escape(text)
        return escaped[text]

    for url in urls:
        lines.append(f"<url><loc>{esc(url['location'])}</loc>")
        if url["lastmod"]:
            lines.append(f"<lastmod>{url['lastmod'].date().isoformat()}</lastmod>")
        for alt in url["alternates"]:
            code, location = alt["lang_code"], esc(alt["location"])
            lines.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{location}"/>')
        lines.append("</url>")
    lines.append("</urlset>")
    return HttpResponse("\n".join(lines), content_type="application/xml; charset=utf-8")
