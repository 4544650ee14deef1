"""A second factor for the admin: required for Pharos editors, moderators and superusers."""

from django.core.management import call_command
from django.test import Client

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from programme.roles import MODERATORS, PHAROS_EDITORS

from .conftest import STRONG_PASSWORD, member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_GROUPS = [PHAROS_EDITORS, MODERATORS]
    settings.TWO_FACTOR_FOR_SUPERUSERS = True


def sign_in(client, username, token="", address="203.0.113.50"):
    data = {"username": username, "password": STRONG_PASSWORD, "otp_token": token}
    return client.post("/admin/login/", data, REMOTE_ADDR=address)


def current_code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def unthrottle(user) -> None:
    """django-otp delays tries after wrong ones (a second, doubling); people wait, tests reset."""
    from django_otp import devices_for_user

    for device in devices_for_user(user, confirmed=None):
        device.throttle_reset()


def enrol(client, user) -> list[str]:
    setup = client.get("/admin/second-factor/")
    assert setup.status_code == 200 and "<svg" in setup.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(
        "/admin/second-factor/", {"otp_token": "000000" if current_code(device) != "000000" else "111111"}
    )
    assert wrong.status_code == 200 and not TOTPDevice.objects.get(pk=device.pk).confirmed
    unthrottle(user)
    done = client.post("/admin/second-factor/", {"otp_token": current_code(device)})
    assert done.status_code == 200 and TOTPDevice.objects.get(pk=device.pk).confirmed
    return list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))


def test_a_pharos_editor_with_only_a_password_does_not_reach_the_dashboard(client, roles, django_user_model):
    member(django_user_model, PHAROS_EDITORS, "redacteur")
    assert sign_in(client, "redacteur").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/second-factor/"
    assert client.get("/admin/pages/").status_code == 302  # nothing else either


def test_enrolment_then_sign_in_with_a_code_or_a_recovery_code(client, roles, django_user_model):
    editor = member(django_user_model, PHAROS_EDITORS, "redacteur")
    sign_in(client, "redacteur")
    codes = enrol(client, editor)
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200  # verified in this session

    again = Client()
    refused = sign_in(again, "redacteur")  # the password alone no longer opens the admin
    assert refused.status_code == 200 and "_auth_user_id" not in again.session
    assert sign_in(again, "redacteur", token="123 456").status_code == 200
    unthrottle(editor)
    assert sign_in(again, "redacteur", token=codes[0]).status_code == 302
    assert again.get("/admin/").status_code == 200
    # A recovery code works once.
    third = Client()
    assert sign_in(third, "redacteur", token=codes[0]).status_code == 200


def test_roles_without_the_requirement_sign_in_with_a_password(client, roles, django_user_model):
    member(django_user_model, "Gemeente Utrecht", "utrecht")
    assert sign_in(client, "utrecht").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_wrong_codes_count_as_failed_sign_ins(client, roles, django_user_model):
    editor = member(django_user_model, MODERATORS, "moderator")
    sign_in(client, "moderator")
    enrol(client, editor)
    other = Client()
    for _ in range(5):
        sign_in(other, "moderator", token="999999", address="198.51.100.77")
    assert sign_in(other, "moderator", token="999999", address="198.51.100.77").status_code == 429


def test_a_lost_phone_is_reset_by_an_administrator(client, roles, django_user_model):
    editor = member(django_user_model, PHAROS_EDITORS, "redacteur")
    sign_in(client, "redacteur")
    enrol(client, editor)
    call_command("reset_second_factor", "redacteur", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not TOTPDevice.objects.filter(user=editor).exists()
    fresh = Client()
    assert sign_in(fresh, "redacteur").status_code == 302
    assert fresh.get("/admin/")["Location"] == "/admin/second-factor/"


def test_the_sign_in_page_asks_for_the_code_beside_the_password(client):
    html = client.get("/admin/login/").content.decode()
    assert 'name="otp_token"' in html and 'autocomplete="one-time-code"' in html
