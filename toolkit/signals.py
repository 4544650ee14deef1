"""Newcomer pages are found by their municipality's opportunities (NewcomerPage.
opportunity_text): when the municipality publishes, its newcomer pages are indexed again."""

from wagtail.search import index
from wagtail.signals import page_published

from programme.models import MunicipalityPage

from .models import NewcomerPage


def municipality_published(sender, instance, **kwargs):
    if not isinstance(instance, MunicipalityPage):
        return
    pages = NewcomerPage.objects.filter(municipality__translation_key=instance.translation_key)
    for page in pages.select_related("municipality"):
        index.insert_or_update_object(page)


def connect() -> None:
    page_published.connect(municipality_published, dispatch_uid="toolkit_newcomer_search")
