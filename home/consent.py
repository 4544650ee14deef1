"""Cookie and embedded-media consent, stored in one first-party cookie.

Nothing from another host (video players, analytics) is requested before the visitor
agrees here. Works without JavaScript: the banner and the video placeholders post a form.
"""

from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

COOKIE = "consent"
PURPOSES = ("media", "analytics")
MAX_AGE = 180 * 24 * 60 * 60


def read_consent(request) -> dict[str, bool]:
    raw = request.COOKIES.get(COOKIE)
    granted = set(raw.split(",")) if raw else set()
    return {"given": raw is not None, **{purpose: purpose in granted for purpose in PURPOSES}}


def consent_state(request) -> str:
    """What a cached page depends on: no answer yet, or the purposes allowed."""
    consent = read_consent(request)
    return "unset" if not consent["given"] else ",".join(k for k, v in consent.items() if v and k != "given")


def same_site_request(request) -> bool:
    """Whether the browser says the form was sent from one of this site's own pages.

    The consent forms carry no CSRF token: a token would set a cookie on every page and
    make pages uncacheable. What a forged post could do is change this visitor's own
    consent cookie; browsers send `Sec-Fetch-Site` (and `Origin`) on every form post, so a
    post from another site is refused. A client sending neither is no browser attacked
    through another site, and may set its own cookie.
    """
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None:
        return True
    scheme = "https" if request.is_secure() else "http"
    return origin == f"{scheme}://{request.get_host()}"


@csrf_exempt
@require_POST
def consent(request):
    if not same_site_request(request):
        return HttpResponseForbidden(
            "Forbidden: cookie choices can only be made on this site's own pages.",
            content_type="text/plain; charset=utf-8",
        )
    choice = request.POST.get("choice")
    current = read_consent(request)
    if choice == "all":
        granted = set(PURPOSES)
    elif choice == "none":
        granted = set()
    else:
        # A single purpose, e.g. from a video placeholder; others stay as they were.
        granted = {p for p in PURPOSES if current[p] or request.POST.get(p) == "yes"}
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        COOKIE,
        ",".join(sorted(granted)) or "none",
        max_age=MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


def context_processor(request):
    return {"consent": read_consent(request)}
