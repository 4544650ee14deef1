"""Create the local admin account once and print its login on every run.

The password is random and kept in .local/admin-password (ignored by git), so a second
`make run` prints the same login instead of creating or resetting anything.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create a local superuser 'admin' if missing and print its login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", default="http://127.0.0.1:8000/admin/", help="Where the admin is served."
        )

    def handle(self, *args, **options):
        password_file = settings.BASE_DIR / ".local" / "admin-password"
        user_model = get_user_model()
        user = user_model.objects.filter(username=USERNAME).first()
        password = password_file.read_text().strip() if password_file.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            if user is None:
                user = user_model.objects.create_superuser(USERNAME, "admin@example.org", password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            password_file.parent.mkdir(exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(f"Admin login: {options['url']}  user: {USERNAME}  password: {password}")
        )
