"""The site's URLs plus the baseline `make bench` compares pages with."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from .urls import urlpatterns as site_urlpatterns


@never_cache
def trivial(request):
    """A Django view doing nothing, through the same middleware as every page."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial", trivial), *site_urlpatterns]
handler500 = "home.operations.views.server_error"
