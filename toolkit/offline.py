"""Reading the newcomer section without a connection, and adding it to the home screen.

Per language, served from the site itself under the language's prefix (so each language's
worker keeps only its own section):

- `/<lang>/sw.js`: a service worker that, after one visit, keeps the newcomer section of
  that language (its pages, the stylesheet, the logo) and the offline page. Pages are
  fetched from the network first and the kept copy replaced on every successful fetch,
  so a reader never sees an older copy than the last one fetched; without a connection a
  kept copy is shown with a notice in the page's language, or the offline page. Its
  script changes with the content version, so a publish makes browsers fetch anew.
- `/<lang>/offline/`: that offline page, listing what can be read without a connection.
- `/<lang>/manifest.webmanifest`: the web app manifest, starting at the newcomer section.

Everything works without JavaScript; the worker is an addition (static/js/offline.js).
"""

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.models import Locale

from home.caching.state import content_version, memo

from .models import NewcomerIndexPage, NewcomerPage


def _section(request, locale) -> list[dict]:
    """The newcomer section in `locale`: the index first, then its pages."""

    def build():
        index = NewcomerIndexPage.objects.live().public().filter(locale=locale).first()
        if index is None:
            return []
        pages = [index, *NewcomerPage.objects.child_of(index).live().public().order_by("path")]
        return [{"title": page.title, "url": page.get_url(request)} for page in pages]

    return memo(("newcomer-section", locale.pk, request.get_host()), build)


def _locale() -> Locale:
    try:
        return Locale.objects.get_for_language(translation.get_language())
    except Locale.DoesNotExist as error:
        raise Http404 from error


def service_worker(request) -> HttpResponse:
    locale = _locale()
    code = locale.language_code
    offline_url = f"/{code}/offline/"
    keep = [offline_url, *(page["url"] for page in _section(request, locale))]
    keep += [static(path) for path in ("css/site.css", "img/logo.svg", "img/favicon.svg", "js/offline.js")]
    config = {
        "cache": f"aandeslag-{code}-{content_version()}",
        "prefix": f"aandeslag-{code}-",
        "offline": offline_url,
        "keep": keep,
        "notice": escape(_("You have no internet connection. This is the copy saved on your phone.")),
    }
    script = render(request, "toolkit/sw.js", {"config": json.dumps(config, ensure_ascii=False)})
    response = HttpResponse(script.content, content_type="text/javascript; charset=utf-8")
    # Browsers check a worker for updates themselves; no cache may hold an old one.
    response["Cache-Control"] = "no-cache"
    return response


def offline(request) -> HttpResponse:
    locale = _locale()
    return render(request, "toolkit/offline.html", {"section": _section(request, locale)})


def manifest(request) -> JsonResponse:
    locale = _locale()
    code = locale.language_code
    section = _section(request, locale)
    data = {
        "name": "Aan de Slag",
        "short_name": "Aan de Slag",
        "lang": code,
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
        "start_url": section[0]["url"] if section else f"/{code}/",
        "scope": f"/{code}/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1f4e79",
        "icons": [{"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"}],
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
