"""Groups that follow the content: a municipality's group when its page is published, a
translators' group when a language is added or gets its home page."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Locale
from wagtail.signals import page_published

from .models import MunicipalityPage
from .roles import sync_municipality_group, sync_translator_group


@receiver(page_published)
def municipality_published(sender, instance, **kwargs):
    if isinstance(instance, MunicipalityPage):
        sync_municipality_group(instance)
    elif instance.depth == 2 and instance.locale.language_code != settings.LANGUAGE_CODE:
        sync_translator_group(instance.locale)


@receiver(post_save, sender=Locale)
def locale_added(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.language_code != settings.LANGUAGE_CODE:
        sync_translator_group(instance)
