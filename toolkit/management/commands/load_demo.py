"""Load the demo content. Idempotent: `make run` calls it on every start."""

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import ensure_home


class Command(BaseCommand):
    help = "Create the demo site (home, programme, factors, municipalities, guides, stories)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = ensure_home(
            title="Aan de Slag",
            mission=(
                "Bewoners van azc's en statushouders doen vrijwilligerswerk in hun nieuwe "
                "woonplaats: goed voor hen, voor organisaties en voor de buurt."
            ),
        )
        self.stdout.write(f"Demo content ready: {home.url_path}")
