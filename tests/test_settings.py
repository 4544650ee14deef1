"""Production settings, checked in a subprocess with a clean environment of their own."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env_extra: dict[str, str], drop: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    # The environment of a production server: none of the test run's own switches.
    env = {k: v for k, v in os.environ.items() if k not in drop and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env_extra})
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "test-only-" + "k3Vq9Zr2Lx7Pw4Nt8Hb1Jm6Fd0Sg5Yc" * 2,
    "ALLOWED_HOSTS": "aandeslag.example.org",
    "WAGTAILADMIN_BASE_URL": "https://aandeslag.example.org",
    "EMAIL_URL": "smtp://mailer:geheim@smtp.example.org:587",
    # Never connected to by these checks; production only needs to know where it is.
    "REDIS_URL": "redis://127.0.0.1:6379/13",
}


@pytest.fixture(scope="module")
def production():
    """One start of Django with the production settings for the checks below (each start
    costs seconds): the deploy check's answer and the mail settings."""
    script = (
        "from django.conf import settings as s; from django.core.management import call_command; "
        "call_command('check', '--deploy', '--fail-level', 'WARNING'); "
        "print('MAIL', s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_HOST_USER, s.ADMINS)"
    )
    return run_manage(
        "shell", "-c", script, env_extra={**PRODUCTION_ENV, "ADMINS": "Beheer <beheer@example.org>"}
    )


def test_production_settings_pass_the_deploy_check(production):
    assert production.returncode == 0, production.stdout + production.stderr
    assert "no issues" in production.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL", "EMAIL_URL", "REDIS_URL"]
)
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", env_extra=env, drop=(missing,))
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set" in result.stderr


def test_collectstatic_writes_hashed_compressed_files(tmp_path):
    result = run_manage(
        "collectstatic", "--no-input", env_extra={**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    )
    assert result.returncode == 0, result.stderr
    css = {p.name for p in (tmp_path / "css").iterdir()}
    hashed = [
        name for name in css if name.startswith("site.") and name.endswith(".css") and name != "site.css"
    ]
    assert hashed, css
    assert f"{hashed[0]}.gz" in css
    assert (tmp_path / "staticfiles.json").exists()


def test_production_mails_through_the_configured_server_and_reports_errors(production):
    assert production.returncode == 0, production.stderr
    assert (
        "MAIL django.core.mail.backends.smtp.EmailBackend smtp.example.org 587 True mailer [('Beheer', 'beheer@example.org')]"
        in production.stdout
    )


@pytest.mark.django_db
def test_logs_are_one_json_object_per_line_with_the_request_id(client):
    import json
    import logging

    from home.operations.logging import JSONFormatter, RequestIdFilter

    response = client.get("/healthz", HTTP_X_REQUEST_ID="abcdef123456")
    assert response["X-Request-ID"] == "abcdef123456"
    record = logging.LogRecord("home", logging.ERROR, __file__, 1, "Iets ging mis: %s", ("x",), None)
    RequestIdFilter().filter(record)
    entry = json.loads(JSONFormatter().format(record))
    assert entry["message"] == "Iets ging mis: x" and entry["level"] == "ERROR" and "request_id" in entry


def test_the_500_page_says_we_were_told_only_when_someone_is(settings):
    from django.test import RequestFactory
    from django.utils.html import escape
    from django.utils.translation import gettext, override

    from home.operations.views import server_error

    with override("en"):
        told = escape(gettext("We have been told."))
        settings.ADMINS = []
        settings.SENTRY_DSN = ""
        assert told not in server_error(RequestFactory().get("/")).content.decode()
        settings.ADMINS = [("Beheer", "beheer@example.org")]
        assert told in server_error(RequestFactory().get("/")).content.decode()
