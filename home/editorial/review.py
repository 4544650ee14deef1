"""Translations go live through review, as every other change by someone who may not publish.

wagtail-localize's translation editor saves each string as it is typed and offers only
*Publish* to go live, which translators may not do; it has no way to submit for review.
Here a translator (anyone who may edit the translated page but not publish it) submits
it: the strings are applied to a new draft revision, and the page's workflow (every
language's home page carries *Beoordeling door Pharos*) starts on it, so a moderator or
Pharos editor approves it live. The draft is made here, not by wagtail-localize's
`save_target(publish=False)`: that also saves the translated fields onto the live page
row, which would put unreviewed text live.

The same editor also offers *Stop synchronised translation* and *Convert to alias*, and
Wagtail offers delete and move: each of those changes the tree or its ties for every
language, so they are for those who may publish the page, not for translators.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import MissingRelatedObjectError, MissingTranslationError, Translation
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.views import convert, edit_translation


def may_submit(user, page) -> bool:
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and page.get_workflow() is not None


@require_POST
def submit_translation(request, translation_id: int):
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.get_target_instance()
    if not isinstance(page, Page) or not may_submit(request.user, page):
        raise PermissionDenied
    try:
        with transaction.atomic():
            page = draft_revision(translation, request.user)
            _start_review(request, page)
    except (MissingTranslationError, MissingRelatedObjectError):
        messages.error(
            request, _("Some texts are not translated yet. Translate them all, then submit again.")
        )
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be saved: %(errors)s") % {"errors": "; ".join(error.messages)},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


def draft_revision(translation, user):
    """The strings in translation memory applied to a new revision of the translated page,
    as wagtail-localize's create_or_update_translation does, but without saving the live
    row: only the revision holds the new text until the review approves it."""
    source = translation.source
    original = source.as_instance()
    page = source.get_translated_instance(translation.target_locale)
    copy_synchronised_fields(original, page)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=False)
    ingest_segments(original, page, source.locale, translation.target_locale, segments)
    page.save_revision(user=user)
    return Page.objects.get(pk=page.pk).specific


def _start_review(request, page) -> None:
    if page.workflow_in_progress:
        # The running review now sees the newer revision; nothing to start.
        messages.success(request, _("Your changes were added to the review in progress."))
    else:
        page.get_workflow().start(page, request.user)
        messages.success(
            request, _("Submitted for review: a moderator or Pharos editor will check it and publish it.")
        )


def _may_publish(user, page) -> bool:
    return page.permissions_for_user(user).can_publish()


def stop_translation(request, translation_id: int):
    translation = get_object_or_404(Translation, pk=translation_id)
    page = translation.get_target_instance()
    if isinstance(page, Page) and not _may_publish(request.user, page):
        raise PermissionDenied
    return edit_translation.stop_translation(request, translation_id)


def convert_to_alias(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id)
    if not _may_publish(request.user, page):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def refuse_unless_publisher(request, page, *args, **kwargs):
    """`before_delete_page` and `before_move_page`: only who may publish the page."""
    if not _may_publish(request.user, page):
        return HttpResponseForbidden(_("Only editors who may publish this page may delete or move it."))
    return None
