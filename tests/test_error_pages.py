from unittest import mock

from django.db import OperationalError
from django.test import RequestFactory

import pytest

from home.operations.views import server_error


def test_404_is_in_the_site_layout_and_says_what_to_do_next(client, home_page):
    response = client.get("/nl/bestaat-niet/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'class="site-header"' in content
    assert 'href="/nl/"' in content
    assert 'class="skip-link"' in content


@pytest.mark.django_db
def test_500_page_renders_with_the_database_down(django_assert_num_queries):
    request = RequestFactory().get("/nl/kapot/")
    with (
        mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=OperationalError),
        django_assert_num_queries(0),
    ):
        response = server_error(request)
    assert response.status_code == 500
    content = response.content.decode()
    assert 'class="site-header"' in content
    assert "<h1>" in content
    assert 'href="/"' in content


def test_500_page_falls_back_to_plain_html_when_the_template_fails():
    request = RequestFactory().get("/")
    with mock.patch("home.operations.views.loader.get_template", side_effect=RuntimeError):
        response = server_error(request)
    assert response.status_code == 500
    assert b"Er ging iets mis" in response.content
