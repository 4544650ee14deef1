"""Remove a user's second-factor devices (a lost phone without recovery codes)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.operations.two_factor import remove_devices


class Command(BaseCommand):
    help = "Remove a user's authenticator and recovery codes; they set up a new one at their next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user named {username}") from None
        self.stdout.write(f"Removed {remove_devices(user)} device(s) of {username}")
