"""The groups of the roles, their permissions and the review workflow. Idempotent.

- Pharos editors edit and publish everything and manage settings, snippets and users.
- Moderators approve or reject what others submit.
- One group per municipality edits that municipality's page and its case studies;
  publishing goes through the moderators' review.
- One group per language edits the pages of that language only.
"""

import logging

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.i18n import language_name

from .models import MunicipalityPage, MunicipalityRole

PHAROS_EDITORS = "Pharos-redacteuren"
MODERATORS = "Moderatoren"
WORKFLOW = "Beoordeling door Pharos"
ALL_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
EDIT_ONLY = ["add", "change"]
MEDIA = ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"]
MUNICIPAL_MEDIA = MEDIA  # granted on the municipality's own collection only
SNIPPET_MODELS = ["organisation", "person", "activitytype"]
SHARED_COLLECTION = "Gedeeld"

logger = logging.getLogger(__name__)


def municipality_group_name(page) -> str:
    return f"Gemeente {page.title}"


def translator_group_name(code: str) -> str:
    return f"Vertalers {language_name(code)} ({code})"


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_perms(group: Group, page: Page, kinds: list[str]) -> None:
    for kind in kinds:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_perm("wagtailcore", f"{kind}_page")
        )


def _media_perms(group: Group, codenames: list[str], collection: Collection | None = None) -> None:
    root = collection or Collection.get_first_root_node()
    for codename in codenames:
        app = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_perm(app, codename)
        )


def _group(name: str, permissions: list[tuple[str, str]]) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(_perm("wagtailadmin", "access_admin"), *(_perm(a, c) for a, c in permissions))
    return group


@transaction.atomic
def setup_roles() -> dict[str, Group]:
    root = Page.get_first_root_node()
    homes = {
        page.locale.language_code: page for page in Page.objects.filter(depth=2).select_related("locale")
    }

    editor_perms = [
        ("programme", f"{action}_{model}")
        for model in SNIPPET_MODELS
        for action in ("add", "change", "delete")
    ]
    editor_perms += [("programme", "view_province")]  # a fixed list: read-only
    editor_perms += [("axes", "view_accessattempt"), ("axes", "delete_accessattempt")]  # lock-outs
    editor_perms += [("home", "change_sitesettings"), ("wagtail_localize", "submit_translation")]
    editor_perms += [("auth", f"{action}_user") for action in ("add", "change", "delete")]
    editor_perms += [("wagtailcore", "add_workflow"), ("wagtailcore", "change_workflow")]
    editor_perms += [("reading", "view_pageviewcount")]  # the reading report
    editors = _group(PHAROS_EDITORS, editor_perms)
    _page_perms(editors, root, ALL_PAGE_PERMISSIONS)
    _media_perms(editors, MEDIA)

    # Moderators approve or reject what is submitted, and nothing else: no page rights of
    # their own. The review task (below) opens a submitted page's editor to them and
    # publishes what they approve; they cannot edit, publish, unpublish, move, delete or
    # restrict anything outside it. Rights an earlier release gave them are taken back.
    moderators = _group(MODERATORS, [])
    GroupPagePermission.objects.filter(group=moderators).delete()
    _media_perms(moderators, ["choose_image", "choose_document"])

    groups = {PHAROS_EDITORS: editors, MODERATORS: moderators}
    shared_collection()
    dutch_municipalities = MunicipalityPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    for municipality in dutch_municipalities:
        group = sync_municipality_group(municipality)
        groups[group.name] = group
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        group = sync_translator_group(locale)
        groups[group.name] = group

    # Changes by municipal editors and translators wait for a moderator's approval.
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task, _created = GroupApprovalTask.objects.get_or_create(name="Goedkeuring door moderatoren")
    task.groups.add(moderators, editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes.values():
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return groups


def shared_collection() -> Collection:
    """Images and documents every group may choose: logos, pictograms, shared photos."""
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    existing = root.get_children().filter(name=SHARED_COLLECTION).first()
    return existing or root.add_child(name=SHARED_COLLECTION)


@transaction.atomic
def sync_municipality_group(page: MunicipalityPage) -> Group:
    """The group and collection of a municipality, keyed by its CBS code, named after it.

    Called when a municipality page is published: a new municipality gets its group and
    collection, a renamed one renames them. The group edits the municipality's page in
    every language (not publish: that goes through review) and uses its own collection.
    """
    source = (
        MunicipalityPage.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or page
    )
    name = municipality_group_name(source)
    link = (
        MunicipalityRole.objects.filter(cbs_code=page.cbs_code).select_related("group", "collection").first()
    )
    if link is None:
        # A CBS code corrected on the page: the role that already serves this municipality
        # (its group edits the page) follows the new code, rather than a second role being
        # made for the same group.
        link = (
            MunicipalityRole.objects.filter(
                Q(group__page_permissions__page__translation_key=page.translation_key) | Q(group__name=name)
            )
            .select_related("group", "collection")
            .first()
        )
        if link is not None:
            link.cbs_code = page.cbs_code
            link.save(update_fields=["cbs_code"])
    if link is None:
        group, _created = Group.objects.get_or_create(name=name)
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
        link = MunicipalityRole.objects.create(cbs_code=page.cbs_code, group=group, collection=collection)
    elif link.group.name != name and Group.objects.filter(name=name).exists():
        # Group names are unique: never take (or delete) another group's name.
        logger.warning("Group %r exists; the group of %s keeps its name", name, page.cbs_code)
    elif link.group.name != name:
        # A page renamed: group and collection follow.
        link.group.name = name
        link.group.save(update_fields=["name"])
        link.collection.name = name
        link.collection.save(update_fields=["name"])
    group = link.group
    group.permissions.add(_perm("wagtailadmin", "access_admin"))
    for translation in MunicipalityPage.objects.filter(translation_key=page.translation_key):
        _page_perms(group, translation, EDIT_ONLY)
    shared = shared_collection()
    # Only its own collection and the shared one: never the root, so never others' uploads.
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection__in=[link.collection, shared]
    ).delete()
    _media_perms(group, MUNICIPAL_MEDIA, link.collection)
    _media_perms(group, ["choose_image", "choose_document"], shared)
    return group


def sync_translator_group(locale: Locale) -> Group:
    """The translators of one language: they edit that language's pages, nothing else."""
    group = _group(translator_group_name(locale.language_code), [])
    home = Page.objects.filter(depth=2, locale=locale).first()
    if home is not None:
        _page_perms(group, home, EDIT_ONLY)
    _media_perms(group, ["choose_image", "choose_document"], shared_collection())
    return group
