"""Create the local admin account (and, in development, one account per role) once, and
print their logins on every run.

Passwords are random and kept in .local/<user>-password (ignored by git), so a second
`make run` prints the same logins instead of creating or resetting anything. The role
accounts let a new person try the site as a Pharos editor, a moderator, a municipal
editor and a translator; they are refused outside development and tests.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
# username -> the group whose part of the site the account shows
DEMO_ACCOUNTS = {
    "redacteur": "Pharos-redacteuren",
    "moderator": "Moderatoren",
    "utrecht": "Gemeente Utrecht",
    "vertaler-ti": "Vertalers ትግርኛ (ti)",
}


class Command(BaseCommand):
    help = (
        "Create a local superuser 'admin' (and with --demo-accounts one user per role) and print the logins."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000/admin/", help="Where the admin is served."
        )
        parser.add_argument(
            "--demo-accounts", action="store_true", help="Also one account per role (development only)."
        )

    def handle(self, *args, **options):
        logins = [(USERNAME, self.ensure_user(USERNAME, superuser=True))]
        if options["demo_accounts"]:
            if not getattr(settings, "DEMO_ACCOUNTS_ALLOWED", False):
                raise CommandError("Demo accounts are for development only (config.settings.dev).")
            for username, group_name in DEMO_ACCOUNTS.items():
                group = Group.objects.filter(name=group_name).first()
                if group is None:
                    raise CommandError(f"The group {group_name!r} is missing: run setup_roles first.")
                logins.append((f"{username} ({group_name})", self.ensure_user(username, group=group)))
        for who, password in logins:
            self.stdout.write(
                self.style.SUCCESS(f"Login: {options['url']}  user: {who.split()[0]}  password: {password}")
                if who == USERNAME
                else f"  {who}: user {who.split()[0]}  password: {password}"
            )

    def ensure_user(self, username: str, *, superuser: bool = False, group=None) -> str:
        password_file = settings.BASE_DIR / ".local" / f"{username}-password"
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        password = password_file.read_text().strip() if password_file.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            if user is None:
                email = f"{username}@example.org"
                create = user_model.objects.create_superuser if superuser else user_model.objects.create_user
                user = create(username, email, password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            password_file.parent.mkdir(exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        if group is not None:
            user.groups.add(group)
        return password
