"""Response headers that a public-sector site owes its visitors, and refusal of malformed input.

- Content-Security-Policy from django-csp: strict on the public site (no inline script or
  style, no frames, no plugins); Wagtail's admin needs inline styles and scripts, so
  paths under /admin/ get ADMIN_CONTENT_SECURITY_POLICY instead. A video block the
  visitor has allowed adds its player's host to `frame-src` on that response only.
- Permissions-Policy turns off the browser features the site never uses.
- A NUL byte or invalid UTF-8 in the path or query string answers 400 before any view
  runs: views and databases must never see it.
"""

from urllib.parse import unquote_to_bytes, urlsplit

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.middleware.gzip import GZipMiddleware

from csp.middleware import CSPMiddleware

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
        "interest-cohort", "magnetometer", "microphone", "midi", "payment", "usb",
    )
)  # fmt: skip


def allow_frame(request, url: str) -> None:
    """Let this response frame `url`'s host (a video the visitor agreed to load)."""
    parts = urlsplit(url or "")
    if parts.scheme == "https" and parts.netloc:
        request._csp_frame_hosts = {*getattr(request, "_csp_frame_hosts", set()), f"https://{parts.netloc}"}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        hosts = getattr(request, "_csp_frame_hosts", None)
        if hosts:
            parts.replace = {**(parts.replace or {}), "frame-src": sorted(hosts)}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class CompressionMiddleware(GZipMiddleware):
    """gzip for pages when nothing in front compresses them (COMPRESS_RESPONSES).

    BREACH recovers a secret from the size of compressed responses that also reflect the
    attacker's input. Public pages carry no secret (no CSRF token, no session data) and
    Django pads each gzip stream with random bytes; the admin and logged-in responses,
    which do carry tokens, are sent uncompressed.
    """

    def process_response(self, request, response):
        if not settings.COMPRESS_RESPONSES:
            return response
        if request.path_info.startswith("/admin/") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return response
        return super().process_response(request, response)


class RejectMalformedInputMiddleware:
    """400 for a NUL byte or bytes that are not UTF-8 in the path or query string."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw_path = request.META.get("PATH_INFO", "")
        query = request.META.get("QUERY_STRING", "")
        if not _clean(raw_path, decoded=True) or not _clean(query, decoded=False):
            return HttpResponseBadRequest(
                "Bad request: the address contains characters that are not allowed.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _clean(value: str, *, decoded: bool) -> bool:
    # WSGI hands the path over decoded as latin-1 (Django re-percents bytes that are not
    # UTF-8, so the path is percent-decoded once more); the query string comes encoded.
    try:
        raw = value.encode("latin-1") if decoded else value.replace("+", " ").encode("latin-1")
        text = unquote_to_bytes(raw).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False
    return "\x00" not in text


def growing_cool_off(request=None):
    """django-axes' lock time: LOGIN_COOLOFF_MINUTES for the first round of failures of this
    account from this address, twice as long for each further round, at most a day. A
    slow guesser who waits out each lock gets fewer guesses per day each time."""
    import datetime

    from axes.helpers import get_client_ip_address
    from axes.models import AccessAttempt

    base = datetime.timedelta(minutes=settings.LOGIN_COOLOFF_MINUTES)
    if request is None:
        return base
    username = request.POST.get("username", "") if request.method == "POST" else ""
    address = get_client_ip_address(request)
    failures = (
        AccessAttempt.objects.filter(username=username, ip_address=address)
        .values_list("failures_since_start", flat=True)
        .first()
        or 0
    )
    rounds = max(failures // settings.AXES_FAILURE_LIMIT - 1, 0)
    return min(base * (2 ** min(rounds, 20)), datetime.timedelta(days=1))
