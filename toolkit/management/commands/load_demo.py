"""Load the demo content. Idempotent: `make run` calls it on every start."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.demo import ensure_contact_page, ensure_home
from programme.demo import CONTACT_EMAIL, ensure_programme, p
from toolkit.demo import ensure_guides, ensure_newcomer_section
from toolkit.demo_i18n import ensure_translations


class Command(BaseCommand):
    help = "Create the demo site (home, programme, factors, municipalities, guides, stories)."

    def handle(self, *args, **options):
        with transaction.atomic():
            home, contact, newcomer_index = self.load_dutch()
        # Not inside the transaction above: wagtail-localize publishes each translation when
        # its own transaction commits, and the next translation builds on the published one.
        missing = ensure_translations(home, newcomer_index)
        untranslated = [f"  {code}: {text}" for code, strings in missing.items() for text in strings]
        if untranslated:
            # A missing string would leave Dutch text under another language's label.
            raise CommandError("The demo translations lack these strings:\n" + "\n".join(untranslated))
        self.stdout.write(f"Demo content ready: {home.url_path} and {contact.url_path}")

    def load_dutch(self):
        home = ensure_home(
            title="Aan de Slag",
            mission=(
                "Bewoners van azc's doen vrijwilligerswerk in hun gemeente: "
                "goed voor henzelf, voor organisaties en voor de buurt."
            ),
            intro=p(
                "Aan de Slag is een beproefde methode van Pharos en partners om bewoners van asielzoekerscentra "
                "te betrekken bij vrijwilligerswerk. Hier vind je de succesfactoren, handreikingen en voorbeelden uit gemeenten."
            ),
        )
        programme = ensure_programme(home)
        ensure_guides(home, programme["factors"])
        newcomers = ensure_newcomer_section(home, programme["municipalities"])
        contact = ensure_contact_page(
            home,
            email=CONTACT_EMAIL,
            people=[f"{person.name}, {person.role}" for person in programme["people"]],
        )
        if not home.doors:
            home.doors = [
                {"type": "door", "value": {"title": "Voor gemeenten", "text": "Succesfactoren, handreikingen en voorbeelden.", "page": programme["factors"]["bewoners-centraal"].get_parent().id}},
                {"type": "door", "value": {"title": "Voor organisaties", "text": "Zo zetten jullie nieuwkomers in als vrijwilliger.", "page": programme["programme"].id}},
                {"type": "door", "value": {"title": "Voor nieuwkomers", "text": "Wat is vrijwilligerswerk en hoe doe je mee?", "page": newcomers[0].get_parent().id}},
            ]  # fmt: skip
            home.key_figures = [
                {"type": "figure", "value": {"figure": "27", "label": "gemeenten met een projectteam"}},
                {"type": "figure", "value": {"figure": "6", "label": "succesfactoren"}},
                {"type": "figure", "value": {"figure": "4", "label": "soorten vrijwilligerswerk"}},
            ]
            home.save_revision().publish()
        return home, contact, newcomers[0].get_parent()
