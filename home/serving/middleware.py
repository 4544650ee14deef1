"""Remember the language a visitor reads in, so that "/" brings them back to it."""

from django.conf import settings
from django.middleware import locale
from django.utils.translation import get_language_from_path

from home.serving.views import remember_language


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 under /api/ or /admin/ stays a 404.

    Django redirects any 404 without a language prefix to the same path under /nl/,
    which would turn an API client's error into an HTML page, and an editor's missing
    admin page (or the admin's JSON endpoints) into a public "not found" page.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(("/api/", "/admin/")):
            return response
        return super().process_response(request, response)


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
