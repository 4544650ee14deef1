"""What a publish sets off for the toolkit's pages, in the background worker.

- Newcomer pages are found by their municipality's opportunities (NewcomerPage.
  opportunity_text): when the municipality publishes, its newcomer pages are indexed again
  and their posters, which list the opportunities, are built again.
- A published guide or newcomer page has its PDF built for the new content version, so
  the first reader after the publish is served a kept file (toolkit.pdf).
"""

from django.db import transaction

from wagtail.signals import page_published

from modelsearch.tasks import insert_or_update_object_task

from programme.models import MunicipalityPage

from .models import NewcomerPage


def municipality_published(sender, instance, **kwargs):
    if not isinstance(instance, MunicipalityPage):
        return
    pages = NewcomerPage.objects.filter(municipality__translation_key=instance.translation_key)
    for page_id in pages.values_list("pk", flat=True):
        insert_or_update_object_task.enqueue("toolkit", "newcomerpage", page_id)
        _build_pdfs(page_id)


def page_with_pdfs_published(sender, instance, **kwargs):
    if getattr(instance, "pdf_kinds", None):
        _build_pdfs(instance.pk)


def _build_pdfs(page_id: int) -> None:
    from django_tasks.backends.immediate import ImmediateBackend

    from .tasks import build_page_pdfs

    # Without a worker (the immediate backend) the editor's publish is not made to wait
    # for PDFs: the first reader's request builds them.
    if isinstance(build_page_pdfs.get_backend(), ImmediateBackend):
        return
    # After the commit: the worker must read the version the publish raised.
    transaction.on_commit(lambda: build_page_pdfs.enqueue(page_id))


def connect() -> None:
    page_published.connect(municipality_published, dispatch_uid="toolkit_newcomer_search")
    page_published.connect(page_with_pdfs_published, dispatch_uid="toolkit_page_pdfs")
