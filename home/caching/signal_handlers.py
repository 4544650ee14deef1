"""When what public pages show changes, make every kept copy stale.

A change bumps the content version (home.caching.state), which invalidates the page cache, the
page furniture and the per-process memos on every app server at once: one mechanism,
so no list of "pages that show this snippet" can fall out of date. A bump is cheap; what
it costs is a cold cache, which only publishing and saving shared content causes, never
saving a draft.

When a frontend cache is configured (WAGTAILFRONTENDCACHE: the cluster's Varnish, a CDN),
the changed page in every language, its parent and the home page of every language are
purged there too (each language has its own URLs, so no WAGTAILFRONTENDCACHE_LANGUAGES
expansion is needed); so are a moved page's old addresses, a deleted page, and a page
given or freed from a view restriction with all below it. Other pages wait at most their
`s-maxage`. Wagtail sends the purges through the task framework: the worker sends them.
"""

import logging
from functools import cache

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from home.caching.state import bump_content_version

logger = logging.getLogger(__name__)


def _page_changed(instance, **kwargs) -> None:
    bump_content_version()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        # Its translations list it in their language switcher; its parent lists it.
        purge_from_cdn([*instance.get_translations(inclusive=True).live(), instance.get_parent()])


def _page_moved(instance, url_path_before="", url_path_after="", **kwargs) -> None:
    _page_changed(instance)
    _purge_old_addresses(instance, url_path_before, url_path_after)


def _slug_changed(instance, instance_before, **kwargs) -> None:
    # Sent after the publish that changed the slug commits (which bumped the version).
    _purge_old_addresses(instance, instance_before.url_path, instance.url_path)


def _purge_old_addresses(instance, url_path_before: str, url_path_after: str) -> None:
    """A move or a new slug changes the addresses of the page and all below it: the new
    ones are purged with the page, the old ones here, so none is served from before."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or url_path_before == url_path_after:
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    site = instance.get_site()  # the page and all below it are on one site
    site_root = site.root_page.url_path if site else ""
    old_urls = []
    for page in instance.get_descendants(inclusive=True).live().specific(defer=True):
        url = page.get_full_url()
        new_part = page.url_path.removeprefix(site_root)
        old_part = (url_path_before + page.url_path.removeprefix(url_path_after)).removeprefix(site_root)
        if url and url.endswith(new_part):
            old_urls.append(url.removesuffix(new_part) + old_part)
    _purge_safely(purge_urls_from_cache, old_urls)


def _saved_or_deleted(sender, instance=None, raw=False, **kwargs) -> None:
    from wagtail.models import Page

    if raw:  # fixtures
        return
    # A shared model (menus, settings, snippets) changes every page; so does a live page
    # deleted without being unpublished first.
    deleted_live_page = isinstance(instance, Page) and kwargs.get("signal") is post_delete and instance.live
    if sender in _shared_models() or deleted_live_page:
        bump_content_version()
        purge_from_cdn(_pages_shown_differently(instance, deleted_live_page))


def _pages_shown_differently(instance, deleted_live_page: bool) -> list:
    """The pages a frontend cache must drop at once, beyond the home pages: a deleted page,
    and a page given (or freed from) a view restriction with everything below it."""
    from wagtail.models import PageViewRestriction

    if deleted_live_page:
        return [instance]
    if isinstance(instance, PageViewRestriction) and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        try:
            page = instance.page
        except Exception:  # noqa: BLE001 - the page went with the restriction: nothing to purge
            return []
        return list(page.get_descendants(inclusive=True).specific(defer=True))
    return []


def purge_from_cdn(pages) -> None:
    """Purge pages and every language's home page from the CDN, if one is configured."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
    from wagtail.models import Page

    homes = Page.objects.filter(depth=2).live()
    _purge_safely(
        purge_pages_from_cache, [page for page in [*pages, *homes] if page is not None and page.depth > 1]
    )


def _purge_safely(purge, items) -> None:
    try:
        purge(items)
    except Exception:  # a CDN outage must not stop an editor from publishing
        logger.exception("Could not purge the CDN")


@cache
def _shared_models() -> frozenset[type]:
    # Read on first use: snippets are registered by wagtail_hooks after apps are ready.
    return frozenset(shared_models())


def shared_models() -> list[type]:
    """Models whose rows appear on pages other than their own: snippets, settings,
    images, documents, locales, sites and view restrictions."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    settings_models = [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting | BaseGenericSetting) and not model._meta.abstract
    ]
    return [
        *get_snippet_models(),
        *settings_models,
        get_image_model(),
        get_document_model(),
        Locale,
        Site,
        PageViewRestriction,
    ]


INDEX_TASK = "modelsearch.tasks.insert_or_update_object_task"


def _index_updated(sender, task_result, **kwargs) -> None:
    """Search results are pages too: when the worker indexes a change after it committed,
    results kept under the version that change raised may predate it, so raise it again.
    (The immediate backend indexes inside the change's own transaction: nothing to do.)"""
    from wagtail.models import Page

    from django_tasks.backends.immediate import ImmediateBackend

    if task_result.task.module_path != INDEX_TASK or issubclass(sender, ImmediateBackend):
        return
    app_label, model_name, pk = task_result.args[:3]
    model = apps.get_model(app_label, model_name)
    if issubclass(model, Page) and not Page.objects.filter(pk=pk, live=True).exists():
        return  # a draft's index entry shows in no result
    bump_content_version()


def connect() -> None:
    from django_tasks.signals import task_finished

    task_finished.connect(_index_updated, dispatch_uid="aandeslag-index-updated")
    page_published.connect(_page_changed, dispatch_uid="aandeslag-published")
    page_unpublished.connect(_page_changed, dispatch_uid="aandeslag-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="aandeslag-moved")
    page_slug_changed.connect(_slug_changed, dispatch_uid="aandeslag-slug-changed")
    post_save.connect(_saved_or_deleted, dispatch_uid="aandeslag-saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="aandeslag-deleted")
