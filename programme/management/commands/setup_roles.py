"""Create or update the editorial groups, their permissions and the review workflow."""

from django.core.management.base import BaseCommand

from programme.roles import setup_roles


class Command(BaseCommand):
    help = "Create the editorial groups (editors, moderators, per municipality and language) and workflow."

    def handle(self, *args, **options):
        groups = setup_roles()
        for name in groups:
            self.stdout.write(f"Group ready: {name}")
