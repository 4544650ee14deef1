"""Remember the language a visitor reads in, so that "/" brings them back to it."""

from django.conf import settings
from django.middleware import locale
from django.utils.translation import get_language_from_path

from .views import healthz


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, except that a 404 under /api/ stays a JSON 404.

    Django redirects any 404 without a language prefix to the same path under /nl/,
    which would turn an API client's error into an HTML page.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)


class RememberLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        # Only successful pages: a 404 in another language is not a choice.
        if (
            language
            and response.status_code == 200
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            # A functional preference, not tracking: it needs no consent.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=request.is_secure(),
                httponly=True,
            )
        return response


class HealthCheckMiddleware:
    """Answer /healthz before host validation and HTTPS redirects.

    Load balancers call instances by their internal address, which is not in
    ALLOWED_HOSTS and does not speak TLS; the health check must answer them anyway.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)
