from django.contrib.auth.models import Group
from django.db import connection, transaction

from wagtail.models import Page

import pytest

from home.models import HomePage

STRONG_PASSWORD = "een-lang-en-sterk-wachtwoord"


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """Each worker's test database is a copy of the prepared demo (built once per
    fingerprint of the code and data: toolkit.demo.prepared), not migrated and loaded
    anew; every test runs in a transaction on top of it."""
    from toolkit.demo import prepared

    with django_db_blocker.unblock():
        old_name = prepared.create_test_database()
    yield
    with django_db_blocker.unblock():
        connection.creation.destroy_test_db(old_name, verbosity=0)


def shared_content(build):
    """A class-scoped fixture: the content `build` adds is made once and shared by the
    tests of a class, which only read it. Each test still runs in its own savepoint inside
    the transaction that holds it; the transaction is rolled back after the class, so
    tests outside it never see the content."""

    @pytest.fixture(scope="class")
    def shared(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            build()
            yield
            transaction.set_rollback(True)

    return shared


@pytest.fixture(autouse=True)
def fresh_content_version():
    """Each test starts with nothing kept: the database is rolled back between tests,
    which takes the content version back with it, so pages kept by an earlier test would
    be served again."""
    from home.caching.state import forget

    forget()


@pytest.fixture
def home_page(db) -> HomePage:
    return HomePage.objects.get(locale__language_code="nl")


@pytest.fixture
def demo_page(db):
    """Look up a demo page by its URL path below the Dutch home page."""

    def find(path: str) -> Page:
        return Page.objects.get(url_path=f"/home/{path.strip('/')}/").specific

    return find


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def roles(db):
    """The groups, permissions and workflow of the roles, as `setup_roles` made them when
    the prepared demo was built (running it again per test cost 0.4 s each; test_roles
    checks that a second run changes nothing)."""
    return {group.name: group for group in Group.objects.all()}


def member(django_user_model, group_name: str, username: str):
    """A user in the named group, with a password that passes the validators."""
    user = django_user_model.objects.create_user(username, f"{username}@example.org", STRONG_PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user
