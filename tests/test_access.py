"""Accounts and roles that cannot be abused (issue: no path to superuser, throttled logins,
groups that follow the pages), tried as an attacker with each role's account would."""

from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from axes.models import AccessAttempt

from home.editorial.translation_status import translation_report
from programme.models import MunicipalityPage, MunicipalityRole, Province
from programme.roles import (
    MODERATORS,
    PHAROS_EDITORS,
    municipality_group_name,
    translator_group_name,
)

pytestmark = pytest.mark.django_db
from .conftest import STRONG_PASSWORD as STRONG  # noqa: E402
from .conftest import member  # noqa: E402


@pytest.fixture
def editor_client(client, roles, django_user_model):
    client.force_login(member(django_user_model, PHAROS_EDITORS, "redacteur"))
    return client


# No path to superuser ------------------------------------------------------------------


def test_a_pharos_editor_cannot_open_or_change_a_superuser(editor_client, django_user_model):
    boss = django_user_model.objects.create_superuser("baas", "baas@example.org", STRONG)
    url = reverse("wagtailusers_users:edit", args=[boss.pk])
    assert editor_client.get(url).status_code in (302, 403)
    response = editor_client.post(
        url, {"username": "baas", "email": "aanvaller@example.org", "password1": "gekaapt-wachtwoord-1", "password2": "gekaapt-wachtwoord-1"}
    )  # fmt: skip
    assert response.status_code in (302, 403)
    boss.refresh_from_db()
    assert boss.email == "baas@example.org" and boss.check_password(STRONG)


def test_a_pharos_editor_sees_no_superuser_box_and_cannot_tick_it(editor_client, django_user_model):
    other = django_user_model.objects.create_user("collega", "collega@example.org", STRONG)
    url = reverse("wagtailusers_users:edit", args=[other.pk])
    content = editor_client.get(url).content.decode()
    assert 'name="is_superuser"' not in content
    data = {"username": "collega", "email": "collega@example.org", "first_name": "", "last_name": "",
            "is_active": "on", "is_superuser": "on", "password1": "", "password2": ""}  # fmt: skip
    editor_client.post(url, data)
    other.refresh_from_db()
    assert not other.is_superuser


def test_a_pharos_editor_cannot_create_a_superuser(editor_client, django_user_model):
    data = {"username": "nieuw", "email": "nieuw@example.org", "first_name": "Nieuw", "last_name": "Lid",
            "is_superuser": "on", "password1": STRONG, "password2": STRONG}  # fmt: skip
    assert 'name="is_superuser"' not in editor_client.get(reverse("wagtailusers_users:add")).content.decode()
    editor_client.post(reverse("wagtailusers_users:add"), data)
    created = django_user_model.objects.filter(username="nieuw").first()
    assert created is None or not created.is_superuser


def test_a_pharos_editor_cannot_grant_a_group_with_rights_it_lacks(editor_client, django_user_model):
    mighty = Group.objects.create(name="Groepenbeheer")
    mighty.permissions.add(Permission.objects.get(codename="change_group"))
    other = django_user_model.objects.create_user("collega", "collega@example.org", STRONG)
    url = reverse("wagtailusers_users:edit", args=[other.pk])
    content = editor_client.get(url).content.decode()
    assert f'value="{mighty.pk}"' not in content
    moderators = Group.objects.get(name=MODERATORS)
    assert f'value="{moderators.pk}"' in content
    data = {"username": "collega", "email": "collega@example.org", "first_name": "", "last_name": "",
            "is_active": "on", "groups": [mighty.pk], "password1": "", "password2": ""}  # fmt: skip
    editor_client.post(url, data)
    assert not other.groups.filter(pk=mighty.pk).exists()


def test_a_group_mixing_rights_held_and_lacked_is_not_grantable(roles, django_user_model):
    """One right the editor lacks is enough to refuse a group, however many it holds."""
    from home.operations.users import grantable_groups

    editor = member(django_user_model, PHAROS_EDITORS, "redacteur")
    held = Permission.objects.get(content_type__app_label="auth", codename="change_user")
    lacked = Permission.objects.get(content_type__app_label="auth", codename="change_group")
    assert editor.has_perm("auth.change_user") and not editor.has_perm("auth.change_group")
    mixed = Group.objects.create(name="Half beheer")
    mixed.permissions.add(held, lacked)
    harmless = Group.objects.create(name="Gebruikersbeheer")
    harmless.permissions.add(held)
    grantable = set(grantable_groups(editor))
    assert mixed not in grantable
    assert harmless in grantable and Group.objects.get(name=MODERATORS) in grantable


def test_a_superuser_still_manages_superusers(admin_client, django_user_model):
    other = django_user_model.objects.create_superuser("tweede", "tweede@example.org", STRONG)
    content = admin_client.get(reverse("wagtailusers_users:edit", args=[other.pk])).content.decode()
    assert 'name="is_superuser"' in content


# Logins --------------------------------------------------------------------------------


def login(client, username, password, address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_after_five_wrong_passwords_the_right_one_is_refused_until_the_lock_is_lifted(
    client, roles, django_user_model
):
    member(django_user_model, PHAROS_EDITORS, "redacteur")
    for _ in range(5):
        assert login(client, "redacteur", "fout-wachtwoord").status_code in (200, 429)
    response = login(client, "redacteur", STRONG)
    assert response.status_code == 429
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="redacteur").exists()  # the audit
    # The lock holds for this account from this address: a stranger guessing elsewhere
    # cannot lock the editor out from everywhere.
    other = type(client)()
    assert login(other, "redacteur", STRONG, address="198.51.100.9").status_code == 302
    call_command("axes_reset_username", "redacteur", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert login(client, "redacteur", STRONG).status_code == 302


def test_the_lock_grows_with_each_round_of_failures(rf):
    from home.operations.security import growing_cool_off

    request = rf.post("/admin/login/", {"username": "redacteur"}, REMOTE_ADDR="203.0.113.7")
    first = growing_cool_off(request)
    AccessAttempt.objects.create(username="redacteur", ip_address="203.0.113.7", failures_since_start=10, get_data="", post_data="", http_accept="", path_info="/admin/login/", user_agent="x")  # fmt: skip
    second = growing_cool_off(request)
    AccessAttempt.objects.filter(username="redacteur").update(failures_since_start=400)
    assert first.total_seconds() == 15 * 60 and second > first
    assert growing_cool_off(request).total_seconds() == 24 * 60 * 60  # capped at a day


def test_one_address_trying_many_accounts_is_locked(client, roles, django_user_model):
    for n in range(5):
        login(client, f"gok{n}", "fout-wachtwoord", address="192.0.2.5")
    member(django_user_model, MODERATORS, "moderator")
    assert login(client, "moderator", STRONG, address="192.0.2.5").status_code == 429


@pytest.mark.parametrize(
    "password",
    ["aandeslag2026", "Aan-de-Slag-2026!", "PHAROS.wachtwoord", "ikwooninutrecht99", "zwolle-2026-zomer"],
)
def test_passwords_made_of_the_sites_own_names_are_refused(django_user_model, password):
    user = django_user_model(username="iemand", email="iemand@example.org")
    with pytest.raises(ValidationError, match="name of the site|naam van de site"):
        validate_password(password, user)


def test_a_strong_password_without_the_sites_names_passes(django_user_model):
    validate_password(STRONG, django_user_model(username="iemand", email="iemand@example.org"))


@pytest.mark.parametrize("password", ["editor123", "Nijmegen", "password1234", "redacteur2024!"])
def test_weak_passwords_are_refused(django_user_model, password):
    user = django_user_model(username="redacteur", email="redacteur@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_the_lockout_audit_is_in_the_admin_for_pharos_editors(editor_client):
    AccessAttempt.objects.create(username="iemand", ip_address="192.0.2.1", failures_since_start=5, get_data="", post_data="", http_accept="", path_info="/admin/login/", user_agent="x")  # fmt: skip
    content = editor_client.get("/admin/lockouts/").content.decode()
    assert "iemand" in content and "192.0.2.1" in content


# Groups that follow the content -------------------------------------------------------


def municipality_form(title: str, cbs_code: str) -> dict:
    return {
        **nested_form_data(
            {
                "title": title, "slug": title.lower(), "cbs_code": cbs_code, "comments": inline_formset([]),
                "province": Province.objects.get(code="NH").pk, "status": "participating", "summary": "",
                "azc_locations": inline_formset([]), "team_members": inline_formset([]),
                "yearly_figures": inline_formset([]), "opportunities": inline_formset([]),
            }
        ),
        "action-publish": "publish",
    }  # fmt: skip


def test_publishing_a_new_municipality_creates_its_group_and_collection_and_renaming_renames_them(
    admin_client, roles
):
    index = Page.objects.get(url_path="/home/gemeenten/")
    add = reverse("wagtailadmin_pages:add", args=["programme", "municipalitypage", index.pk])
    response = admin_client.post(add, municipality_form("Haarlem", "GM0392"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = MunicipalityPage.objects.get(cbs_code="GM0392", locale__language_code="nl")
    role = MunicipalityRole.objects.get(cbs_code="GM0392")
    assert role.group.name == "Gemeente Haarlem" and role.collection.name == "Gemeente Haarlem"
    assert page.permissions_for_user(group_user(role.group)).can_edit()

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert admin_client.post(edit, municipality_form("Haarlemmermeer", "GM0392")).status_code == 302
    role.refresh_from_db()
    role.group.refresh_from_db()
    role.collection.refresh_from_db()
    assert role.group.name == "Gemeente Haarlemmermeer" and role.collection.name == "Gemeente Haarlemmermeer"
    assert not Group.objects.filter(name="Gemeente Haarlem").exists()


def test_a_corrected_cbs_code_keeps_the_municipalitys_group_and_later_publishes_work(admin_client, roles):
    index = Page.objects.get(url_path="/home/gemeenten/")
    add = reverse("wagtailadmin_pages:add", args=["programme", "municipalitypage", index.pk])
    assert admin_client.post(add, municipality_form("Haarlem", "GM0393")).status_code == 302
    page = MunicipalityPage.objects.get(cbs_code="GM0393", locale__language_code="nl")
    role = MunicipalityRole.objects.get(cbs_code="GM0393")

    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = admin_client.post(edit, municipality_form("Haarlem", "GM0392"))  # the right code
    assert response.status_code == 302, response.content.decode()[:2000]
    role.refresh_from_db()
    assert role.cbs_code == "GM0392" and role.group.name == "Gemeente Haarlem"
    assert MunicipalityRole.objects.filter(group=role.group).count() == 1
    page.refresh_from_db()
    assert page.cbs_code == "GM0392" and page.permissions_for_user(group_user(role.group)).can_edit()
    # The group keeps following the page: a rename after the correction renames it.
    assert admin_client.post(edit, municipality_form("Haarlemmermeer", "GM0392")).status_code == 302
    role.group.refresh_from_db()
    assert role.group.name == "Gemeente Haarlemmermeer"


def group_user(group, username="lid"):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, f"{username}@example.org", STRONG)
    user.groups.add(group)
    return user


def test_a_new_language_gets_its_translators_group():
    Locale.objects.create(language_code="de")
    assert Group.objects.filter(name=translator_group_name("de")).exists()


def test_wagtails_default_groups_are_gone(roles):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_municipal_groups_use_their_own_collection_and_the_shared_one_only(roles, demo_page):
    utrecht = MunicipalityRole.objects.get(cbs_code=demo_page("gemeenten/utrecht").cbs_code)
    collections = set(
        GroupCollectionPermission.objects.filter(group=utrecht.group).values_list(
            "collection__name", flat=True
        )
    )
    assert collections == {"Gemeente Utrecht", "Gedeeld"}
    assert Collection.get_first_root_node().name not in collections


def test_the_image_chooser_hides_other_municipalities_images(client, roles, demo_page, django_user_model):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    nijmegen = MunicipalityRole.objects.get(cbs_code=demo_page("gemeenten/nijmegen").cbs_code)
    utrecht = MunicipalityRole.objects.get(cbs_code=demo_page("gemeenten/utrecht").cbs_code)
    Image.objects.create(
        title="Foto uit Nijmegen", file=get_test_image_file(), collection=nijmegen.collection
    )
    Image.objects.create(title="Foto uit Utrecht", file=get_test_image_file(), collection=utrecht.collection)
    client.force_login(member(django_user_model, utrecht.group.name, "utrecht"))
    content = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Foto uit Utrecht" in content and "Foto uit Nijmegen" not in content


# Reports, uploads and return addresses ---------------------------------------------------


def test_the_translation_status_lists_only_pages_the_user_may_edit(roles, demo_page, django_user_model):
    utrecht = member(django_user_model, municipality_group_name(demo_page("gemeenten/utrecht")), "utrecht")
    listed = {row["source"].url_path for entry in translation_report(utrecht) for row in entry["pages"]}
    assert listed and all(path.startswith("/home/gemeenten/utrecht/") for path in listed)


def test_the_po_upload_refuses_a_user_who_may_not_edit_the_translation(client, roles, django_user_model):
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(target_locale__language_code="ti").first()
    client.force_login(member(django_user_model, translator_group_name("so"), "so-vertaler"))
    url = f"/admin/localize/translate/{translation.id}/pofile/upload/"
    response = client.post(url, {"next": "/admin/"})
    assert response.status_code in (302, 403)
    assert "PO" not in response.content.decode()


@pytest.mark.parametrize("target", ["javascript:alert(1)", "https://evil.example/", "//evil.example/"])
def test_the_po_upload_never_renders_a_foreign_return_address(admin_client, target):
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(target_locale__language_code="so").first()
    response = admin_client.post(
        f"/admin/localize/translate/{translation.id}/pofile/upload/", {"next": target}
    )
    assert response.status_code == 400
    assert target not in response.content.decode()


# Each role sees its part ---------------------------------------------------------------


def pages(code: str, path: str):
    return Page.objects.get(locale__language_code=code, url_path__endswith=path)


def test_the_demo_accounts_log_in_and_each_sees_exactly_its_part(client, roles, tmp_path, settings):
    settings.BASE_DIR = tmp_path
    out = tmp_path / "out.txt"
    with open(out, "w") as handle:
        call_command("ensure_admin", "--demo-accounts", stdout=handle)
    passwords = {
        line.split("user ")[1].split()[0]: line.rsplit("password: ", 1)[1].strip()
        for line in out.read_text().splitlines()
        if "user " in line and "password: " in line and "Login:" not in line
    }
    assert set(passwords) == {"redacteur", "moderator", "utrecht", "vertaler-ti"}
    nl_utrecht, nl_nijmegen = pages("nl", "/gemeenten/utrecht/"), pages("nl", "/gemeenten/nijmegen/")
    ti_page, nl_page = (
        pages("ti", "/wat-is-vrijwilligerswerk/"),
        pages("nl", "/nieuwkomers/wat-is-vrijwilligerswerk/"),
    )
    expected = {
        # username: {page: (can edit, can publish)}
        "redacteur": {nl_utrecht: (True, True), nl_nijmegen: (True, True), ti_page: (True, True)},
        "moderator": {nl_utrecht: (False, False), ti_page: (False, False)},  # approves in review only
        "utrecht": {nl_utrecht: (True, False), nl_nijmegen: (False, False), ti_page: (False, False)},
        "vertaler-ti": {ti_page: (True, False), nl_page: (False, False), nl_utrecht: (False, False)},
    }  # fmt: skip
    from django.contrib.auth import get_user_model

    for username, password in passwords.items():
        response = login(client, username, password, address=f"192.0.2.{len(username)}")
        assert response.status_code == 302, username
        user = get_user_model().objects.get(username=username)
        for page, (can_edit, can_publish) in expected[username].items():
            permissions = page.permissions_for_user(user)
            assert (permissions.can_edit(), permissions.can_publish()) == (can_edit, can_publish), (
                username,
                page,
            )
        client.logout()


def test_demo_accounts_are_refused_outside_development(settings, tmp_path):
    from django.core.management import CommandError

    settings.BASE_DIR = tmp_path
    settings.DEMO_ACCOUNTS_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("ensure_admin", "--demo-accounts", stdout=open("/dev/null", "w"))  # noqa: SIM115


# Modelled on Wagtail's permission advisories: every way into another municipality's page --


def other_page_urls(page) -> list[tuple[str, str]]:
    """(method, url) for the admin actions on `page` a municipal editor must not reach."""
    revision = page.latest_revision
    index = page.get_parent()
    return [
        ("get", f"/admin/pages/{page.pk}/edit/"),
        ("post", f"/admin/pages/{page.pk}/edit/"),
        ("post", f"/admin/pages/{page.pk}/edit/preview/"),
        ("get", f"/admin/pages/{page.pk}/view_draft/"),
        ("get", f"/admin/pages/{page.pk}/revisions/"),
        ("get", f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/"),
        ("get", f"/admin/pages/{page.pk}/revisions/compare/earliest...{revision.pk}/"),
        ("post", f"/admin/pages/{page.pk}/revisions/{revision.pk}/revert/"),
        ("get", f"/admin/pages/{page.pk}/history/"),
        ("get", f"/admin/pages/{page.pk}/workflow_history/"),
        ("post", f"/admin/pages/{page.pk}/copy/"),
        ("get", f"/admin/pages/{page.pk}/move/"),
        ("post", f"/admin/pages/{page.pk}/move/{index.pk}/confirm/"),
        ("post", f"/admin/pages/{page.pk}/unpublish/"),
        ("post", f"/admin/pages/{page.pk}/delete/"),
        ("post", f"/admin/pages/{page.pk}/lock/"),
        ("post", f"/admin/pages/{page.pk}/privacy/"),
        ("post", f"/admin/pages/{page.pk}/workflow/action/approve/1/"),
        ("get", f"/admin/pages/{page.pk}/add_subpage/"),
    ]


@pytest.mark.parametrize(
    ("group_of", "target"),
    [
        ("utrecht", ("nl", "/gemeenten/nijmegen/")),
        ("utrecht", ("nl", "/gemeenten/nijmegen/samen-in-het-groen-nijmegen/")),
        ("utrecht", ("en", "/gemeenten/nijmegen/")),
        ("ti", ("nl", "/nieuwkomers/wat-is-vrijwilligerswerk/")),
        ("ti", ("ar", "/nieuwkomers/wat-is-vrijwilligerswerk/")),
    ],
)
def test_municipal_editors_and_translators_reach_no_action_on_pages_not_theirs(
    client, roles, demo_page, django_user_model, group_of, target
):
    if group_of == "utrecht":
        group_name = municipality_group_name(demo_page("gemeenten/utrecht"))
    else:
        group_name = translator_group_name(group_of)
    client.force_login(member(django_user_model, group_name, "aanvaller"))
    page = pages(*target).specific
    before = (page.title, page.live, page.locked, page.get_parent().pk, page.latest_revision_id)
    count = Page.objects.count()
    for method, url in other_page_urls(page):
        response = getattr(client, method)(url, {"title": "Overgenomen"} if method == "post" else None)
        assert response.status_code in (302, 403, 404, 405), (method, url, response.status_code)
        if response.status_code == 302:
            assert response["Location"] != url and "/edit/" not in response["Location"], (method, url)
    page.refresh_from_db()
    assert (page.title, page.live, page.locked, page.get_parent().pk, page.latest_revision_id) == before
    assert Page.objects.count() == count


def test_the_document_chooser_hides_other_municipalities_documents(
    client, roles, demo_page, django_user_model
):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    nijmegen = MunicipalityRole.objects.get(cbs_code=demo_page("gemeenten/nijmegen").cbs_code)
    utrecht = MunicipalityRole.objects.get(cbs_code=demo_page("gemeenten/utrecht").cbs_code)
    for role, title in ((nijmegen, "Verslag Nijmegen"), (utrecht, "Verslag Utrecht")):
        document = Document(title=title, collection=role.collection)
        document.file.save(f"{role.cbs_code}.txt", ContentFile(b"tekst"), save=True)
    client.force_login(member(django_user_model, utrecht.group.name, "utrecht"))
    content = client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert "Verslag Utrecht" in content and "Verslag Nijmegen" not in content


@pytest.mark.parametrize(
    ("group", "target", "can_edit", "can_publish"),
    [
        (PHAROS_EDITORS, ("nl", "/gemeenten/nijmegen/"), True, True),
        (PHAROS_EDITORS, ("ti", "/nieuwkomers/"), True, True),
        (MODERATORS, ("en", "/succesfactoren/"), False, False),
        (MODERATORS, ("nl", "/handreikingen/matchen/"), False, False),
        ("utrecht", ("nl", "/gemeenten/utrecht/"), True, False),
        ("utrecht", ("en", "/gemeenten/utrecht/"), True, False),
        ("utrecht", ("nl", "/gemeenten/nijmegen/"), False, False),
        ("utrecht", ("nl", "/succesfactoren/"), False, False),
        ("ti", ("ti", "/nieuwkomers/mag-ik-meedoen/"), True, False),
        ("ti", ("ar", "/nieuwkomers/mag-ik-meedoen/"), False, False),
        ("ti", ("nl", "/nieuwkomers/mag-ik-meedoen/"), False, False),
    ],
)
def test_each_group_edits_and_publishes_where_it_should_and_nowhere_else(
    roles, demo_page, django_user_model, group, target, can_edit, can_publish
):
    if group == "utrecht":
        group = municipality_group_name(demo_page("gemeenten/utrecht"))
    elif group == "ti":
        group = translator_group_name("ti")
    user = member(django_user_model, group, "lid")
    permissions = pages(*target).permissions_for_user(user)
    assert (permissions.can_edit(), permissions.can_publish()) == (can_edit, can_publish)


# Bulk actions on users pass the same guard ---------------------------------------------


def bulk(client, action, ids, data):
    query = "&".join(f"id={pk}" for pk in ids)
    return client.post(f"/admin/bulk/auth/user/{action}/?{query}", data)


def test_a_pharos_editor_cannot_put_themselves_in_a_mightier_group_by_bulk_action(
    editor_client, django_user_model
):
    editor = django_user_model.objects.get(username="redacteur")
    mighty = Group.objects.create(name="Groepsbeheer")
    mighty.permissions.add(Permission.objects.get(content_type__app_label="auth", codename="change_group"))
    response = bulk(editor_client, "assign_role", [editor.pk], {"role": mighty.pk})
    assert response.status_code == 403
    assert not editor.groups.filter(pk=mighty.pk).exists()


def test_a_group_with_page_rights_above_the_managers_own_is_not_grantable(client, roles, django_user_model):
    """Page rights count as rights: who holds them on one municipality cannot hand them
    out on the whole tree, only on that municipality."""
    from home.operations.users import grantable_groups

    nijmegen = MunicipalityPage.objects.get(slug="nijmegen", locale__language_code="nl")
    edit = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    managers = Group.objects.create(name="Accountbeheer Nijmegen")
    managers.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "change_user"]),
    )
    GroupPagePermission.objects.create(group=managers, page=nijmegen, permission=edit)
    manager = member(django_user_model, "Accountbeheer Nijmegen", "beheerder")
    wide = Group.objects.create(name="Alles bewerken")
    GroupPagePermission.objects.create(group=wide, page=Page.get_first_root_node(), permission=edit)
    narrow = Group.objects.create(name="Nijmegen bewerken")
    GroupPagePermission.objects.create(group=narrow, page=nijmegen, permission=edit)
    grantable = set(grantable_groups(manager))
    assert wide not in grantable and narrow in grantable

    other = django_user_model.objects.create_user("nieuw", "nieuw@example.org", STRONG)
    client.force_login(manager)
    assert bulk(client, "assign_role", [other.pk], {"role": wide.pk}).status_code == 403
    assert not other.groups.exists()
    assert bulk(client, "assign_role", [other.pk], {"role": narrow.pk}).status_code == 302
    assert other.groups.filter(pk=narrow.pk).exists()


@pytest.mark.parametrize(
    ("action", "data"), [("set_active_state", {"mark_as_active": "False"}), ("delete", {})]
)
def test_a_pharos_editor_cannot_deactivate_or_delete_a_superuser_by_bulk_action(
    editor_client, django_user_model, action, data
):
    boss = django_user_model.objects.create_superuser("baas", "baas@example.org", STRONG)
    plain = django_user_model.objects.create_user("gewoon", "gewoon@example.org", STRONG)
    response = bulk(editor_client, action, [plain.pk, boss.pk], data)
    assert response.status_code == 403
    assert django_user_model.objects.filter(pk=boss.pk, is_active=True).exists()
    assert django_user_model.objects.filter(pk=plain.pk, is_active=True).exists()  # nothing changed


def test_a_pharos_editor_cannot_delete_a_superuser_through_the_delete_view(editor_client, django_user_model):
    boss = django_user_model.objects.create_superuser("baas", "baas@example.org", STRONG)
    url = reverse("wagtailusers_users:delete", args=[boss.pk])
    for response in (editor_client.get(url), editor_client.post(url)):
        # Wagtail's admin answers a refusal with a redirect to the dashboard and a message.
        assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))
    assert django_user_model.objects.filter(pk=boss.pk).exists()


def test_every_admin_url_that_changes_users_or_groups_refuses_a_superuser_target(
    editor_client, django_user_model
):
    """A sweep over the user and group URLs an editor can reach, with a superuser as target."""
    from django.urls import get_resolver

    boss = django_user_model.objects.create_superuser("baas", "baas@example.org", STRONG)
    names = [
        f"{namespace}:{name}"
        for namespace in ("wagtailusers_users", "wagtailusers_groups")
        for name in get_resolver().namespace_dict[namespace][1].reverse_dict
        if isinstance(name, str)
    ]
    assert "wagtailusers_users:edit" in names and "wagtailusers_users:delete" in names
    for name in names:
        try:
            url = reverse(name, args=[boss.pk])
        except Exception:  # noqa: BLE001, S112 - a URL that takes no account is not about one
            continue
        if name.startswith("wagtailusers_groups:"):
            continue  # groups: editors hold no group rights; their views refuse them all
        response = editor_client.post(url, {"is_active": "", "email": "x@example.org"})
        assert response.status_code in (403, 302, 405), (name, response.status_code)
        boss.refresh_from_db()
        assert boss.is_active and boss.email == "baas@example.org", name
    for action in ("assign_role", "set_active_state", "delete"):
        assert bulk(editor_client, action, [boss.pk], {"mark_as_active": "False"}).status_code in (403, 200)
        boss.refresh_from_db()
        assert boss.is_active and boss.groups.count() == 0
