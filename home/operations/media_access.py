"""Images and documents reach only those who may have them.

Wagtail's admin API (`/admin/api/main/images/`, `/documents/`, used by the editors'
choosers) lists every image and document with its download address, whatever collection
it is in; a municipal editor could list another municipality's uploads. Here it lists
only what the user may choose or change, by the same collection permissions the
choosers apply.

A document's address (`/documents/<id>/<name>`) is served when something public uses it
(a live page without a view restriction, or a snippet or setting, whose texts appear on
public pages) or when the requester may see its collection; a document uploaded but used
nowhere public is not anyone's to download by guessing its number.
"""

from django.http import Http404

from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

ACTIONS = ["choose", "change"]


def image_policy():
    return policy_registry.get_by_type(get_image_model())


def document_policy():
    return policy_registry.get_by_type(get_document_model())


class ScopedImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        allowed = image_policy().instances_user_has_any_permission_for(self.request.user, ACTIONS)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class ScopedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        allowed = document_policy().instances_user_has_any_permission_for(self.request.user, ACTIONS)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


def scope_admin_api(router) -> None:
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)


def used_in_public(document) -> bool:
    for reference in ReferenceIndex.get_references_to(document).select_related("content_type"):
        model = reference.content_type.model_class()
        if model is None:
            continue
        if not issubclass(model, Page):
            return True  # a snippet or setting: shown on public pages by design
        if Page.objects.live().public().filter(pk=reference.object_id).exists():
            return True
    return False


def guard_document(document, request):
    """`before_serve_document`: 404 (not 403: its existence is not told) when neither holds."""
    user = request.user
    if user.is_authenticated and document_policy().user_has_any_permission_for_instance(
        user, ACTIONS, document
    ):
        return None
    if used_in_public(document):
        return None
    raise Http404("No such document.")
