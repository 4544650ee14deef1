"""The answer to "Mis je hier iets?", sent from a newcomer page or search results."""

from urllib.parse import urlsplit

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Locale, Page

from home.caching.limits import over_limit

from .forms import HONEYPOT, FeedbackForm
from .models import Feedback

ANSWERS_PER_HOUR = 10


def _cross_site(request) -> bool:
    """A post from another site's page. The form carries no CSRF token: the pages it is on
    are kept whole for every reader and set no cookie. Browsers name the sending origin."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and origin != "null" and urlsplit(origin).netloc != request.get_host()


@csrf_exempt
@require_POST
def submit(request):
    form = FeedbackForm(request.POST)
    context = {"form": form, "back": None}

    def answer(message, status):
        context["refusal"] = message
        return render(request, "home/feedback/sent.html", context, status=status)

    if request.POST.get(HONEYPOT):
        return answer(_("This form seems to have been filled in automatically. Nothing was sent."), 400)
    if _cross_site(request):
        return answer(_("This answer was sent from another website. Nothing was sent."), 403)
    if not form.is_valid():
        return render(request, "home/feedback/sent.html", context, status=400)
    locale = Locale.get_active()
    page = Page.objects.live().public().filter(pk=form.cleaned_data["page"], locale=locale).first()
    if page is None:
        return answer(_("This page is not known. Nothing was sent."), 400)
    context["back"] = page
    limited = over_limit(request, "feedback", ANSWERS_PER_HOUR)
    if limited is None:
        return answer(_("Answers cannot be accepted at the moment. Please try again in a few minutes."), 503)
    if limited:
        return answer(_("Many answers came from your address this hour. Please try again later."), 429)
    Feedback.objects.create(
        page=page,
        locale=locale,
        section=form.cleaned_data["section"],
        missing=form.cleaned_data["missing"],
        answer=form.cleaned_data["answer"],
        path=page.url_path[:255],
    )
    context["sent"] = True
    return render(request, "home/feedback/sent.html", context)
