"""Cookie and embedded-media consent, stored in one first-party cookie.

Nothing from another host (video players, analytics) is requested before the visitor
agrees here. Works without JavaScript: the banner and the video placeholders post a form.
"""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

COOKIE = "consent"
PURPOSES = ("media", "analytics")
MAX_AGE = 180 * 24 * 60 * 60


def read_consent(request) -> dict[str, bool]:
    raw = request.COOKIES.get(COOKIE)
    granted = set(raw.split(",")) if raw else set()
    return {"given": raw is not None, **{purpose: purpose in granted for purpose in PURPOSES}}


@require_POST
def consent(request):
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
