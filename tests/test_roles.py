"""Roles: municipal editors keep their own page, translators their own language, review in between."""

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Page, WorkflowPage

import pytest

from programme.roles import (
    MODERATORS,
    PHAROS_EDITORS,
    municipality_group_name,
    setup_roles,
    translator_group_name,
)

pytestmark = pytest.mark.django_db


from .conftest import member as user_in  # noqa: E402


def test_setup_roles_twice_creates_nothing_new(roles):
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    setup_roles()
    assert (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
    ) == counts


def test_municipal_editor_edits_only_their_own_municipality_and_cannot_publish(
    client, roles, demo_page, django_user_model
):
    nijmegen, utrecht = demo_page("gemeenten/nijmegen"), demo_page("gemeenten/utrecht")
    case_study = demo_page("gemeenten/nijmegen/samen-in-het-groen-nijmegen")
    editor = user_in(django_user_model, municipality_group_name(nijmegen), "nijmegen")
    client.force_login(editor)
    assert client.get(f"/admin/pages/{nijmegen.id}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{case_study.id}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{utrecht.id}/edit/").status_code in (302, 403)
    assert not nijmegen.permissions_for_user(editor).can_publish()
    assert nijmegen.permissions_for_user(editor).can_edit()


def test_municipal_changes_go_to_the_moderators(client, roles, demo_page, django_user_model):
    nijmegen = demo_page("gemeenten/nijmegen")
    assert nijmegen.get_workflow().name == "Beoordeling door Pharos"
    task = nijmegen.get_workflow().tasks.first()
    assert task.specific.groups.filter(name=MODERATORS).exists()


def test_translator_edits_only_their_own_language(client, roles, django_user_model):
    translator = user_in(django_user_model, translator_group_name("ti"), "ti-vertaler")
    tigrinya = Page.objects.get(
        url_path__endswith="/nieuwkomers/wat-is-vrijwilligerswerk/", locale__language_code="ti"
    )
    dutch = Page.objects.get(url_path="/home/nieuwkomers/wat-is-vrijwilligerswerk/")
    assert tigrinya.permissions_for_user(translator).can_edit()
    assert not dutch.permissions_for_user(translator).can_edit()
    assert not tigrinya.permissions_for_user(translator).can_publish()


@pytest.mark.parametrize("group_name", [PHAROS_EDITORS])
@pytest.mark.parametrize("code", ["nl", "en", "ti"])
def test_pharos_editors_may_publish_in_every_language(roles, django_user_model, group_name, code):
    user = user_in(django_user_model, group_name, f"user-{code}")
    for page in Page.objects.filter(locale__language_code=code, depth__gte=2)[:5]:
        permissions = page.permissions_for_user(user)
        assert permissions.can_edit() and permissions.can_publish(), (group_name, page.url_path)


# The permission matrix: what each role may do to a live page outside review ------------

ACTIONS = ["edit", "publish", "unpublish", "delete", "move", "set_view_restrictions", "lock"]
MATRIX = {
    # role: (page, actions allowed on it)
    PHAROS_EDITORS: ("/home/succesfactoren/laagdrempelig/", set(ACTIONS)),
    MODERATORS: ("/home/succesfactoren/laagdrempelig/", set()),
    "Gemeente Utrecht": ("/home/gemeenten/utrecht/", {"edit"}),
    "Vertalers ትግርኛ (ti)": ("ti:/nieuwkomers/wat-is-vrijwilligerswerk/", {"edit"}),
}


def _tester_can(permissions, action) -> bool:
    if action == "move":
        return permissions.can_move()
    return getattr(permissions, f"can_{action}")()


@pytest.mark.parametrize("role", list(MATRIX))
def test_each_role_may_do_exactly_its_actions_on_a_live_page(roles, django_user_model, role):
    where, allowed = MATRIX[role]
    if where.startswith("ti:"):
        page = Page.objects.get(url_path__endswith=where[3:], locale__language_code="ti")
    else:
        page = Page.objects.get(url_path=where)
    user = user_in(django_user_model, role, "rol")
    permissions = page.permissions_for_user(user)
    done = {action for action in ACTIONS if _tester_can(permissions, action)}
    assert done == allowed, (role, done ^ allowed)


def test_a_moderator_cannot_reach_a_page_outside_review_through_the_admin(client, roles, django_user_model):
    from django.urls import reverse

    page = Page.objects.get(url_path="/home/succesfactoren/laagdrempelig/")
    client.force_login(user_in(django_user_model, MODERATORS, "moderator"))
    for name in ("edit", "delete", "unpublish", "move"):
        response = client.post(reverse(f"wagtailadmin_pages:{name}", args=[page.pk]))
        assert response.status_code in (302, 403), name
        assert response.status_code == 403 or response["Location"] == "/admin/", name
    api = client.post(f"/admin/api/main/pages/{page.pk}/action/delete/", content_type="application/json")
    assert api.status_code in (403, 404)
    page.refresh_from_db()
    assert page.live and Page.objects.filter(pk=page.pk).exists()
