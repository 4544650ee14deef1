from django.core.management import call_command

from wagtail.models import Page, Site

import pytest

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_loader_creates_the_dutch_home_page_as_the_default_site_root(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "nl"
    response = client.get("/nl/")
    assert response.status_code == 200
    assert b"Aan de Slag" in response.content


def test_loader_run_twice_duplicates_nothing():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Page.objects.count(), Site.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), Site.objects.count()) == counts


def test_ensure_admin_prints_the_same_login_twice(tmp_path, settings, capsys):
    settings.BASE_DIR = tmp_path
    call_command("ensure_admin")
    first = capsys.readouterr().out
    call_command("ensure_admin")
    second = capsys.readouterr().out
    assert "user: admin" in first
    assert first == second
    from django.contrib.auth import get_user_model

    password = first.rsplit("password: ", 1)[1].strip()
    assert get_user_model().objects.get(username="admin").check_password(password)
