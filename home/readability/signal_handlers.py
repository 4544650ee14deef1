"""Every Dutch or English page is measured when it is published, with or without the
editor (the demo loader, scheduled publishing, wagtail-localize's translations), and the
figures are kept for the admin's page listing."""

from home.readability.measure import Readability, assess, measured, page_text
from home.readability.models import PageReadability


def record(page) -> Readability | None:
    """Measure a Dutch or English page and keep the figures for the admin's page listing.

    Publishing from the editor records twice (the `page_published` signal, then the
    editor's hook): a measure taken since the page's latest revision is reused."""
    if not measured(page):
        return None
    if page.latest_revision_created_at is not None:
        kept = PageReadability.objects.filter(
            page_id=page.pk, assessed_at__gte=page.latest_revision_created_at
        ).first()
        if kept is not None:
            return kept.result()
    result = assess(page_text(page), page.locale.language_code)
    PageReadability.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "sentences": result.sentences,
            "words": result.words,
            "long_words": result.long_words,
            "hardest": result.hardest,
        },
    )
    return result


def _published(instance, **kwargs) -> None:
    record(instance)


def connect() -> None:
    """Pages published without the editor (the demo loader, scheduled publishing,
    wagtail-localize's translations) are measured as well."""
    from wagtail.signals import page_published

    page_published.connect(_published, dispatch_uid="aandeslag-readability")
