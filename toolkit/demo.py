"""Demo content for the toolkit: six guides with checklists, and the newcomer section."""

import hashlib

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

from home.demo import ensure_child, list_items, paragraph
from home.pdf import text_pdf
from programme.demo import p, ul

from .models import GuideDownload, GuideIndexPage, GuidePage, NewcomerIndexPage, NewcomerPage

# slug, title, phase, audience, summary, factor slugs, steps [(title, body, tips, checklist)]
GUIDES = [
    ("projectteam-opzetten", "Een lokaal projectteam opzetten", "prepare", "municipality",
     "Na deze handreiking weet je wie er in het projectteam hoort en welke afspraken je vooraf maakt.",
     ["bestaande-structuren", "bewoners-centraal"],
     [("Breng de partijen bij elkaar", "Nodig de gemeente, de vrijwilligerscentrale, het azc (COA) en een welzijnsorganisatie uit.",
       ["Vraag ook één of twee azc-bewoners."], ["Gemeente aan tafel", "Vrijwilligerscentrale aan tafel", "COA aan tafel", "Azc-bewoners uitgenodigd"]),
      ("Verdeel de rollen", "Spreek af wie coördineert, wie contact houdt met het azc en wie organisaties benadert.",
       ["Leg de coördinatie bij een organisatie die blijft bestaan."], ["Coördinator gekozen", "Contactpersoon azc gekozen"]),
      ("Maak een plan voor een jaar", "Schrijf op wat je wilt bereiken, met hoeveel deelnemers en met welk budget.",
       [], ["Doel beschreven", "Budget rond", "Evaluatiemoment gepland"])]),
    ("aanbod-in-kaart", "Het aanbod aan vrijwilligerswerk in kaart brengen", "prepare", "volunteer_centre",
     "Zo verzamel je vrijwilligerswerk dat praktisch is en geen Nederlandse taal vraagt.",
     ["divers-aanbod", "laagdrempelig"],
     [("Inventariseer de vraag", "Vraag organisaties welke klussen blijven liggen: groen, zorg, sport, evenementen.",
       ["Begin bij organisaties die al met de vrijwilligerscentrale werken."], ["Lijst met organisaties", "Per organisatie de klussen"]),
      ("Kies praktische klussen", "Kies werk dat je kunt voordoen, zodat taal geen drempel is.",
       ["Vermijd werk met veel telefoon- of schrijfwerk."], ["Klussen gekozen", "Vaste begeleider per klus"]),
      ("Houd het aanbod actueel", "Werk de lijst elk kwartaal bij met de organisaties.",
       [], ["Datum volgende update"])]),
    ("werven-met-ambassadeurs", "Bewoners werven met ambassadeurs", "recruit", "project_team",
     "Zo zet je statushouders in die azc-bewoners enthousiast maken en de eerste keren meegaan.",
     ["nieuwkomers-als-wervers", "bewoners-centraal"],
     [("Vind ambassadeurs", "Zoek statushouders die zelf vrijwilligerswerk doen en de talen van het azc spreken.",
       ["Vraag VluchtelingenWerk en de vrijwilligerscentrale om namen."], ["Twee of meer ambassadeurs", "Talen van het azc gedekt"]),
      ("Organiseer een informatiemoment", "Houd op het azc een bijeenkomst met beelden en voorbeelden, in de eigen talen.",
       ["Neem een vrijwilliger mee die vertelt wat hij doet."], ["Datum en zaal met COA geregeld", "Flyer met pictogrammen"]),
      ("Schrijf bewoners in", "Noteer naam, taal en interesse; meer is niet nodig.",
       [], ["Inschrijflijst", "Afspraak voor de eerste keer"])]),
    ("matchen", "Bewoners en vrijwilligerswerk matchen", "match", "volunteer_centre",
     "Zo koppel je groepjes bewoners aan een passende activiteit.",
     ["samen-in-groepjes", "divers-aanbod"],
     [("Vorm groepjes", "Maak groepjes van drie tot vijf bewoners met dezelfde interesse.", ["Houd vrienden bij elkaar."], ["Groepjes gevormd"]),
      ("Kies de activiteit", "Zoek per groepje een activiteit in de buurt van het azc.", ["Regel vervoer als het ver is."], ["Activiteit per groepje", "Vervoer geregeld"]),
      ("Stel voor aan de organisatie", "Laat de vaste begeleider het groepje persoonlijk ontvangen.", [], ["Kennismaking gepland"])]),
    ("begeleiden-in-groepjes", "Begeleiden tijdens het vrijwilligerswerk", "guide", "organisation",
     "Wat vaste vrijwilligers en begeleiders doen zodat nieuwkomers zich welkom voelen.",
     ["samen-in-groepjes", "laagdrempelig"],
     [("Ontvang persoonlijk", "Eén vaste vrijwilliger ontvangt het groepje en blijft het aanspreekpunt.", [], ["Vast aanspreekpunt"]),
      ("Doe voor, doe samen", "Leg taken uit door ze voor te doen; werk daarna samen.", ["Gebruik foto's van de taak."], ["Taken voorgedaan"]),
      ("Sta stil bij wat goed gaat", "Bespreek na een paar weken wat goed gaat en wat anders kan.", [], ["Evaluatie met het groepje"])]),
    ("voortzetten", "Aan de Slag voortzetten na de projectperiode", "sustain", "municipality",
     "Zo blijft Aan de Slag bestaan als het project is afgelopen.",
     ["bestaande-structuren"],
     [("Beleg het in de organisatie", "Maak Aan de Slag onderdeel van het gewone werk van de vrijwilligerscentrale.", [], ["Taak in jaarplan"]),
      ("Borg de financiering", "Neem de kosten op in de begroting van de gemeente of zoek een fonds.", [], ["Financiering na projectjaar"]),
      ("Deel de resultaten", "Vertel de gemeenteraad en de partners wat het heeft opgeleverd.", [], ["Cijfers verzameld", "Verhaal gedeeld"])]),
]  # fmt: skip


def ensure_checklist_document(title: str, items: list[str]) -> Document:
    document_title = f"Checklist: {title}"
    document = Document.objects.filter(title=document_title).first()
    if document is None:
        content = text_pdf(document_title, items)
        slug = hashlib.sha1(document_title.encode(), usedforsecurity=False).hexdigest()[:10]
        document = Document(title=document_title, file_size=len(content))
        document.file.save(f"checklist-{slug}.pdf", ContentFile(content), save=False)
        document.file_hash = hashlib.sha1(content, usedforsecurity=False).hexdigest()
        document.save()
    return document


def ensure_guides(home, factors) -> list[GuidePage]:
    index = ensure_child(
        home,
        GuideIndexPage,
        "handreikingen",
        title="Handreikingen",
        show_in_menus=True,
        listing_summary="Stap voor stap van voorbereiden tot voortzetten, met checklists om te downloaden.",
        intro=p(
            "Handreikingen voor lokale projectteams, per fase van het werk: voorbereiden, werven, matchen, begeleiden en voortzetten."
        ),
    )
    guides = []
    for slug, title, phase, audience, summary, factor_slugs, steps in GUIDES:
        existing = index.get_children().filter(slug=slug).exists()
        guide = ensure_child(
            index,
            GuidePage,
            slug,
            title=title,
            phase=phase,
            audience=audience,
            summary=summary,
            listing_summary=summary,
            body=[
                {
                    "type": "steps",
                    "value": list_items(
                        {
                            "title": t,
                            "body": p(body),
                            "tips": list_items(tips),
                            "checklist": list_items(checklist),
                        }
                        for t, body, tips, checklist in steps
                    ),
                },
            ],
        )
        if not existing:
            items = [item for _t, _b, _tips, checklist in steps for item in checklist]
            GuideDownload.objects.create(
                page=guide, document=ensure_checklist_document(title, items), sort_order=0
            )
            guide.success_factors.set([factors[s] for s in factor_slugs])
            guide.save_revision().publish()
        guides.append(guide)
    return guides


NEWCOMER_PAGES = [
    ("wat-is-vrijwilligerswerk", "Wat is vrijwilligerswerk?", "care", False,
     "Vrijwilligerswerk is werk dat je doet zonder loon. Je helpt anderen en je leert zelf veel.",
     [p("Je helpt mee in een tuin, bij een sportclub, in de zorg of op een feest.", "Je ontmoet Nederlanders. Je oefent de taal. Je leert de stad kennen."),
      ul("Je krijgt geen loon.", "Je kiest zelf wat je doet.", "Je werkt samen met andere vrijwilligers.")]),
    ("mag-ik-meedoen", "Mag ik vrijwilligerswerk doen?", "other", True,
     "Ook als je nog wacht op een besluit over je asielaanvraag, kun je vaak vrijwilligerswerk doen.",
     [p("Er gelden regels. Die regels kunnen veranderen.", "Vraag het altijd eerst bij het COA op je azc. Zij weten wat voor jou geldt.")]),
    ("soorten-vrijwilligerswerk", "Wat kun je doen?", "nature", False,
     "Er zijn veel soorten vrijwilligerswerk. Je hoeft geen Nederlands te spreken.",
     [ul("Natuur: tuinen en bossen onderhouden.", "Zorg: wandelen, koken en eten met anderen.", "Sport: helpen bij de sportclub.", "Feesten: helpen bij festivals en Koningsdag.")]),
]  # fmt: skip

HOW_TO_JOIN = "<ol><li>Ga naar de receptie van het azc.</li><li>Zeg dat je vrijwilligerswerk wilt doen.</li><li>Je krijgt de naam van een contactpersoon.</li><li>Samen kies je wat je gaat doen.</li></ol>"
WHO_TO_ASK = "De medewerkers van het COA op je azc.\nEen ambassadeur van Aan de Slag: een nieuwkomer die zelf al vrijwilligerswerk doet."


def ensure_newcomer_section(home, municipalities) -> list[NewcomerPage]:
    index = ensure_child(
        home,
        NewcomerIndexPage,
        "nieuwkomers",
        title="Voor nieuwkomers",
        show_in_menus=True,
        listing_summary="Vrijwilligerswerk: wat het is, wat je kunt doen en hoe je meedoet.",
        intro="Woon je in een azc? Hier lees je wat vrijwilligerswerk is en hoe je meedoet.",
    )
    pages = []
    for slug, title, pictogram, needs_check, intro, body in NEWCOMER_PAGES:
        pages.append(
            ensure_child(
                index,
                NewcomerPage,
                slug,
                title=title,
                pictogram=pictogram,
                needs_check=needs_check,
                intro=intro,
                body=[paragraph(html) for html in body],
                how_to_join=HOW_TO_JOIN,
                who_to_ask=WHO_TO_ASK,
                show_kinds_of_volunteering=slug == "soorten-vrijwilligerswerk",
            )
        )
    for municipality in municipalities.values():
        pages.append(
            ensure_child(
                index,
                NewcomerPage,
                f"in-{municipality.slug}",
                title=f"Vrijwilligerswerk in {municipality.title}",
                pictogram="events",
                is_example=municipality.is_example,
                intro=f"Dit kun je doen in {municipality.title}. Zo vind je de mensen die je helpen.",
                how_to_join=HOW_TO_JOIN,
                who_to_ask=WHO_TO_ASK,
                municipality=municipality,
            )
        )
    return pages
