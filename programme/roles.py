"""The groups of the roles, their permissions and the review workflow. Idempotent.

- Pharos editors edit and publish everything and manage settings, snippets and users.
- Moderators approve or reject what others submit.
- One group per municipality edits that municipality's page and its case studies;
  publishing goes through the moderators' review.
- One group per language edits the pages of that language only.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.i18n import language_name

from .models import MunicipalityPage

PHAROS_EDITORS = "Pharos-redacteuren"
MODERATORS = "Moderatoren"
WORKFLOW = "Beoordeling door Pharos"
ALL_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
EDIT_ONLY = ["add", "change"]
MEDIA = ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"]
SNIPPET_MODELS = ["organisation", "person", "activitytype"]


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


def _media_perms(group: Group, codenames: list[str]) -> None:
    root = Collection.get_first_root_node()
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
    editor_perms += [("home", "change_sitesettings"), ("wagtail_localize", "submit_translation")]
    editor_perms += [("auth", f"{action}_user") for action in ("add", "change", "delete")]
    editor_perms += [("wagtailcore", "add_workflow"), ("wagtailcore", "change_workflow")]
    editors = _group(PHAROS_EDITORS, editor_perms)
    _page_perms(editors, root, ALL_PAGE_PERMISSIONS)
    _media_perms(editors, MEDIA)

    moderators = _group(MODERATORS, [])
    _page_perms(moderators, root, ["change", "publish", "lock", "unlock"])
    _media_perms(moderators, ["choose_image", "choose_document"])

    groups = {PHAROS_EDITORS: editors, MODERATORS: moderators}
    dutch_municipalities = MunicipalityPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    for municipality in dutch_municipalities:
        group = _group(municipality_group_name(municipality), [])
        _page_perms(group, municipality, EDIT_ONLY)
        _media_perms(group, ["add_image", "choose_image", "add_document", "choose_document"])
        groups[group.name] = group

    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE or code not in homes:
            continue
        group = _group(translator_group_name(code), [])
        _page_perms(group, homes[code], EDIT_ONLY)
        _media_perms(group, ["choose_image", "choose_document"])
        groups[group.name] = group

    # Changes by municipal editors and translators wait for a moderator's approval.
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    task, _created = GroupApprovalTask.objects.get_or_create(name="Goedkeuring door moderatoren")
    task.groups.add(moderators, editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes.values():
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return groups
