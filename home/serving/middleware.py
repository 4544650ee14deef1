"""Remember the language a visitor reads in, so that "/" brings them back to it."""

from django.conf import settings
from django.middleware import locale
from django.utils.translation import get_language_from_path
from django.utils.translation.trans_real import parse_accept_lang_header

from home.serving.views import remember_language


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 under /api/ or /admin/ stays a 404.

    Django redirects any 404 without a language prefix to the same path under /nl/,
    which would turn an API client's error into an HTML page, and an editor's missing
    admin page (or the admin's JSON endpoints) into a public "not found" page.
    """

    def process_request(self, request):
        header = request.META.get("HTTP_ACCEPT_LANGUAGE")
        if header:
            request.META["HTTP_ACCEPT_LANGUAGE"] = with_language_aliases(header)
        return super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(("/api/", "/admin/")):
            return response
        return super().process_response(request, response)


def with_language_aliases(header: str) -> str:
    """Accept-Language with each tag that names one of the site's languages another way
    (Dari `prs` for Persian, three-letter codes) given as the site's own code.

    Django matches `fa-AF` to `fa` but knows `prs` as a language of its own, so a Dari
    reader landed on Dutch. The reader's order of preference is kept.
    """
    aliases = settings.LANGUAGE_ALIASES
    try:
        tags = parse_accept_lang_header(header[:500])
    except ValueError:
        return header
    if not any(tag.split("-")[0] in aliases for tag, _q in tags):
        return header
    return ",".join(f"{aliases.get(tag.split('-')[0], tag)};q={q}" for tag, q in tags)


class RememberLanguageMiddleware:
    """ "/" sends the reader to a language (the remembered one, else Accept-Language): the
    language it picked is remembered, so the next visit to "/" goes straight there."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info == "/" and response.status_code in (301, 302):
            language = get_language_from_path(response.get("Location", ""))
            if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
                remember_language(request, response, language)
        return response
