"""The project's own checks, in the suite's process instead of a Django start each."""

import io

from django.core.management import call_command

import pytest


def test_the_system_checks_find_no_warning():
    # What `manage.py check --fail-level WARNING` does: raises SystemCheckError otherwise.
    call_command("check", fail_level="WARNING", stdout=io.StringIO())


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit:
        pytest.fail("A model change has no migration:\n" + out.getvalue())
