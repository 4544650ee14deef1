"""A guard in front of wagtail-localize's PO upload for outside translators.

wagtail-localize answers a missing file, a GET or a PO file without its translation id
with a server error. Here every bad upload gets a clear message and a 400, and nothing is
imported; a good one goes on to wagtail-localize unchanged.
"""

import os
import tempfile

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

import polib

MAX_PO_BYTES = 2 * 1024 * 1024


def safe_next(request) -> str:
    """The `next` address when it points into this site, else "": never `javascript:`
    or another host."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


def _problem(request, translation, message, status=400):
    return render(
        request,
        "home/admin/po_upload_error.html",
        {"message": message, "translation": translation, "next": safe_next(request)},
        status=status,
    )


def user_may_edit(user, translation) -> bool:
    """Whether `user` may edit what this translation writes to: the target page or snippet."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_edit()
    meta = target._meta
    return user.has_perm(f"{meta.app_label}.change_{meta.model_name}")


def _parse(upload) -> polib.POFile | None:
    # polib.pofile() would take a string as a file name, so the upload goes through a file.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        return polib.pofile(handle.name, encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    finally:
        os.unlink(handle.name)


def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    # Rights first: a user who may not edit the target learns nothing from parsing.
    if not user_may_edit(request.user, translation):
        raise PermissionDenied
    if request.method != "POST":
        return _problem(
            request, translation, _("Upload a PO file with the form on the translation page."), 405
        )
    upload = request.FILES.get("file")
    if upload is None:
        return _problem(request, translation, _("Choose a PO file to upload."))
    if upload.size > MAX_PO_BYTES:
        return _problem(request, translation, _("This file is too large for a PO file (2 MB at most)."))
    po = _parse(upload)
    if po is None or not len(po):
        return _problem(request, translation, _("This is not a valid PO file. Nothing was imported."))
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        return _problem(
            request,
            translation,
            _("This PO file belongs to another translation, or was not exported here. Nothing was imported."),
        )
    upload.seek(0)
    return edit_translation.upload_pofile(request, translation_id)
