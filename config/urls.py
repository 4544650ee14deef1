from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from home import consent
from home.feedback import views as feedback_views
from home.operations import views as operations_views
from home.reading import views as reading_views
from home.search import views as search_views
from home.serving import views as serving_views
from home.serving.sitemap import LocalizedSitemap, sitemap_file
from toolkit import offline

from .api import api_router

SITEMAPS = {"pages": LocalizedSitemap}

urlpatterns = [
    # Answered by home.operations.middleware.HealthCheckMiddleware first; kept here so it can be reversed.
    path("healthz", operations_views.healthz, name="healthz"),
    path("consent/", consent.consent, name="consent"),
    path("taal/", serving_views.choose_language, name="choose_language"),
    path("teller/<int:page_id>/", reading_views.counter, name="page_counter"),
    path("robots.txt", serving_views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", operations_views.security_txt, name="security_txt"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # Anything else under /api/ answers JSON, not a redirect to an HTML page in some language.
    re_path(r"^api/", serving_views.api_not_found),
    # An index of sitemap files of at most 1,000 addresses each (home.serving.sitemap).
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_file, {"sitemaps": SITEMAPS}, name="sitemap_section"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language in the URL: /nl/..., /ti/...
# "/" is redirected by LocaleMiddleware to the best match for Accept-Language, else Dutch.
urlpatterns += i18n_patterns(
    path("zoeken/", search_views.search, name="search"),
    path("mis-je-iets/", feedback_views.submit, name="feedback"),
    # The newcomer section without a connection and on the home screen (toolkit.offline).
    path("sw.js", offline.service_worker, name="service_worker"),
    path("offline/", offline.offline, name="offline"),
    path("manifest.webmanifest", offline.manifest, name="webmanifest"),
    # Wagtail's password and login forms for private pages (`_util/...`) before the page
    # route, which would take `_util/login/` for a page path and answer 404.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    # Before Wagtail's own: the same pattern and name, so page URLs reverse to it.
    re_path(serve_pattern, serving_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler500 = "home.operations.views.server_error"
