"""Demo content for the programme: facts from the programme's public page, in our own words.

Where the public page gives no facts (case studies, yearly figures, quotes, a third
municipality), the content is invented and the page is flagged `is_example`, so the site
labels it "voorbeeld".
"""

import datetime
from decimal import Decimal

from wagtail.models import Locale, Page
from wagtail.rich_text import RichText  # noqa: F401  (documents the rich text format used below)

from home.demo import ensure_child, heading, list_items, paragraph

from .models import (
    ActivityType,
    AZCLocation,
    CaseStudyPage,
    MunicipalityIndexPage,
    MunicipalityPage,
    Organisation,
    Person,
    PressLink,
    ProgrammePage,
    ProjectTeamMember,
    Province,
    StoryIndexPage,
    StoryPage,
    SuccessFactorIndexPage,
    SuccessFactorPage,
    YearlyFigure,
)
from .provinces import ensure_provinces


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


ORGANISATIONS = [
    # name, abbreviation, kind, url, description
    (
        "Pharos",
        "",
        "partner",
        "https://www.pharos.nl",
        "Landelijk expertisecentrum gezondheidsverschillen; voert Aan de Slag uit.",
    ),
    (
        "Vereniging Nederlandse Organisaties Vrijwilligerswerk",
        "NOV",
        "partner",
        "https://www.nov.nl",
        "Brancheorganisatie voor vrijwilligerswerk.",
    ),
    (
        "Centraal Orgaan opvang Asielzoekers",
        "COA",
        "partner",
        "https://www.coa.nl",
        "Verzorgt de opvang van asielzoekers in azc's.",
    ),
    (
        "Vereniging Nederlandse Gemeenten",
        "VNG",
        "partner",
        "https://vng.nl",
        "Vereniging van alle Nederlandse gemeenten.",
    ),
    (
        "VluchtelingenWerk Nederland",
        "",
        "partner",
        "https://www.vluchtelingenwerk.nl",
        "Komt op voor de rechten van vluchtelingen en begeleidt hen.",
    ),
    (
        "Ministerie van Sociale Zaken en Werkgelegenheid",
        "SZW",
        "funder",
        "https://www.rijksoverheid.nl/ministeries/ministerie-van-sociale-zaken-en-werkgelegenheid",
        "Steunt het programma financieel.",
    ),
    (
        "Oranje Fonds",
        "",
        "funder",
        "https://www.oranjefonds.nl",
        "Fonds voor sociale initiatieven; steunt het programma.",
    ),
    (
        "Kansfonds",
        "",
        "funder",
        "https://www.kansfonds.nl",
        "Fonds voor mensen in een kwetsbare positie; steunt het programma.",
    ),
]

PEOPLE = [
    ("Marieke Stopel", "programmaleider"),
    ("Ursela van Dijk", "senior adviseur"),
    ("Nancy Rietveld", "senior adviseur"),
    ("Elize Smal", "senior adviseur"),
]
CONTACT_EMAIL = "aandeslag@pharos.nl"

ACTIVITY_TYPES = [
    ("nature", "Natuur en groen", "Onderhoud van buurttuinen, parken en bossen.", "nature"),
    ("care", "Zorg en gezelschap", "Activiteiten begeleiden, mee wandelen, samen koken en eten.", "care"),
    ("sport", "Sport", "Velden onderhouden, helpen bij toernooien en open dagen van sportclubs.", "sport"),
    (
        "events",
        "Evenementen",
        "Meehelpen bij festivals, buurtfeesten, de Vierdaagse en Koningsdag.",
        "events",
    ),
]

SUCCESS_FACTORS = [
    (
        "bewoners-centraal",
        "Bewoners van het azc staan centraal",
        "Azc-bewoners denken mee over de activiteiten en voeren ze mee uit.",
        "Een aanpak die voor bewoners wordt bedacht, sluit vaak niet aan bij wat zij willen en kunnen. "
        "Wie vanaf het begin meepraat, voelt zich eigenaar en haakt minder snel af.",
        [
            "Nodig bewoners uit voor het eerste overleg van het projectteam.",
            "Vraag wat zij vroeger deden: werk, hobby's, vrijwilligerswerk.",
            "Laat bewoners zelf een activiteit kiezen.",
        ],
    ),
    (
        "nieuwkomers-als-wervers",
        "Nieuwkomers werven nieuwkomers",
        "Statushouders die al in de gemeente wonen, enthousiasmeren, werven en begeleiden azc-bewoners.",
        "Iemand die dezelfde taal spreekt en zelf in een azc heeft gewoond, wordt sneller vertrouwd. "
        "Deze ambassadeurs leggen uit wat vrijwilligerswerk is en gaan de eerste keren mee.",
        [
            "Zoek statushouders die zelf al vrijwilligerswerk doen.",
            "Geef ambassadeurs een vaste contactpersoon en een onkostenvergoeding.",
            "Plan samen een informatiemoment op het azc.",
        ],
    ),
    (
        "bestaande-structuren",
        "Aansluiten bij wat er al is",
        "De aanpak bouwt voort op bestaande structuren en voorzieningen in de gemeente; er komt niets nieuws bij.",
        "Vrijwilligerscentrales, verenigingen en welzijnsorganisaties hebben het netwerk en de kennis al. "
        "Door daarop aan te sluiten blijft Aan de Slag bestaan als het project voorbij is.",
        [
            "Breng in kaart welke organisaties al vrijwilligers zoeken.",
            "Leg de coördinatie bij de vrijwilligerscentrale.",
            "Maak afspraken over wie wat doet als de projectperiode eindigt.",
        ],
    ),
    (
        "samen-in-groepjes",
        "In groepjes, samen met Nederlandse vrijwilligers",
        "Bewoners sluiten in kleine groepen aan bij gewone vrijwilligersactiviteiten en werken samen met Nederlandse vrijwilligers.",
        "In een groepje durven mensen meer, en samen met vaste vrijwilligers leren ze de taal en de gewoonten. "
        "Zo zijn de nieuwkomers een versterking van het team, geen apart project.",
        [
            "Begin met groepjes van drie tot vijf bewoners.",
            "Koppel elk groepje aan een vaste vrijwilliger van de organisatie.",
            "Evalueer na een paar weken met het hele team.",
        ],
    ),
    (
        "divers-aanbod",
        "Een divers aanbod",
        "Er is vrijwilligerswerk van veel soorten, zodat er voor iedere bewoner iets passends is.",
        "Bewoners verschillen in leeftijd, ervaring, gezondheid en interesse. "
        "Hoe breder het aanbod, hoe groter de kans dat iemand iets vindt dat bij hem of haar past.",
        [
            "Zorg voor werk in natuur, zorg, sport en evenementen.",
            "Bied zowel eenmalige klussen als vaste taken aan.",
            "Houd rekening met vervoer naar de plek van de activiteit.",
        ],
    ),
    (
        "laagdrempelig",
        "Laagdrempelig en praktisch",
        "Het vrijwilligerswerk is praktisch en vraagt geen kennis van de Nederlandse taal.",
        "Wie net in Nederland is, spreekt de taal nog niet. Praktisch werk, zoals tuinieren of opbouwen, "
        "kan meteen; de taal komt onderweg vanzelf.",
        [
            "Leg taken uit door voor te doen.",
            "Gebruik pictogrammen en foto's in uitnodigingen.",
            "Vraag geen cv of intakegesprek vooraf.",
        ],
    ),
]

BENEFITS = [
    (
        "residents",
        ul(
            "actief bezig zijn en iets zinvols bijdragen",
            "Nederlanders ontmoeten en de taal oefenen",
            "Nederland leren kennen en werken aan de eigen toekomst",
        ),
    ),
    (
        "organisations",
        ul(
            "gemotiveerde vrijwilligers en een groter vrijwilligersbestand",
            "ontmoetingen tussen mensen die elkaar anders niet zouden leren kennen",
        ),
    ),
    (
        "volunteer_centres",
        ul(
            "een diverser vrijwilligersbestand",
            "meer vrijwilligers voor lokale partners",
            "een organisatie die klaar is voor de toekomst",
        ),
    ),
    (
        "municipalities",
        ul(
            "nieuwkomers doen mee in de samenleving",
            "meedoen voor iedereen krijgt concreet vorm",
            "inwoners ontmoeten elkaar; de wijk wordt leefbaarder",
        ),
    ),
]

SIBLINGS = [
    (
        "versterken-vrouwenparticipatie",
        "Versterken vrouwenparticipatie",
        "Vrouwen in het azc doen meer mee, met een start op het azc zelf.",
        "Vrouwen in azc's",
    ),
    (
        "gezond-participeren",
        "Gezond participeren",
        "Statushouders in de gemeente doen mee en blijven gezond.",
        "Statushouders in de gemeente",
    ),
    (
        "vooruit-met-sociale-integratie",
        "Vooruit met sociale integratie",
        "Gemeenten versterken de sociale integratie van statushouders.",
        "Gemeenten en statushouders",
    ),
]


def ensure_organisations(locale: Locale) -> dict[str, Organisation]:
    result = {}
    for name, abbreviation, kind, url, description in ORGANISATIONS:
        result[name], _created = Organisation.objects.get_or_create(
            name=name,
            locale=locale,
            defaults={
                "abbreviation": abbreviation,
                "kind": kind,
                "url": url,
                "description": description,
                "show_in_footer": True,
            },
        )
    return result


def ensure_people(locale: Locale, pharos: Organisation) -> list[Person]:
    return [
        Person.objects.get_or_create(
            name=name, locale=locale, defaults={"role": role, "email": CONTACT_EMAIL, "organisation": pharos}
        )[0]
        for name, role in PEOPLE
    ]


def ensure_activity_types(locale: Locale) -> dict[str, ActivityType]:
    return {
        key: ActivityType.objects.get_or_create(
            key=key,
            locale=locale,
            defaults={"name": name, "description": description, "pictogram": pictogram},
        )[0]
        for key, name, description, pictogram in ACTIVITY_TYPES
    }


def publish_relations(page: Page, **relations) -> None:
    """Set many-to-many relations on a page created earlier, once, and publish them."""
    changed = False
    for name, objects in relations.items():
        if not getattr(page, name).exists():
            getattr(page, name).set(objects)
            changed = True
    if changed:
        page.save_revision().publish()


def ensure_programme(home: Page) -> dict:
    locale = home.locale
    organisations = ensure_organisations(locale)
    people = ensure_people(locale, organisations["Pharos"])
    activity_types = ensure_activity_types(locale)

    programme = ensure_child(
        home,
        ProgrammePage,
        "over-aan-de-slag",
        title="Over Aan de Slag",
        show_in_menus=True,
        listing_summary="Azc-bewoners doen vrijwilligerswerk in de gemeente: zo werkt het programma.",
        aim=p(
            "Aan de Slag brengt bewoners van asielzoekerscentra naar vrijwilligerswerk in de gemeente waar zij wonen. "
            "Lokale partijen werken daarvoor samen: azc-bewoners en azc-medewerkers, ambtenaren, de vrijwilligerscentrale, "
            "maatschappelijke organisaties en vrijwilligers."
        ),
        target_group=p(
            "Bewoners van azc's, en de organisaties en gemeenten die hen willen laten meedoen. "
            "Meedoen, een dagritme en contact met anderen maken veel uit voor hoe mensen zich voelen, zeker na wat zij hebben meegemaakt."
        ),
        benefits=[
            {"type": "benefit", "value": {"stakeholder": key, "gains": gains}} for key, gains in BENEFITS
        ],
        body=[
            heading("Het landelijke programma"),
            paragraph(
                p(
                    "In Nijmegen en Utrecht is Aan de Slag met goede resultaten uitgeprobeerd. Daar zijn verschillende werkwijzen getest, "
                    "en daaruit kwamen succesfactoren die ook elders werken.",
                    "Die succesfactoren delen we landelijk, in de regio en lokaal. Projectteams in 27 gemeenten krijgen ondersteuning op maat. "
                    "Zij zijn zelf verantwoordelijk voor de uitvoering en voor het voortzetten van Aan de Slag.",
                )
            ),
            {
                "type": "key_figures",
                "value": list_items(
                    [
                        {"figure": "27", "label": "gemeenten met een lokaal projectteam"},
                        {"figure": "2", "label": "pilotgemeenten: Nijmegen en Utrecht"},
                        {"figure": "6", "label": "succesfactoren"},
                        {
                            "figure": "4",
                            "label": "partijen met voordeel: bewoners, organisaties, vrijwilligerscentrales, gemeenten",
                        },
                    ]
                ),
            },
            heading("Soorten vrijwilligerswerk"),
            paragraph(
                ul(
                    "<b>Natuur en groen</b>: buurttuinen en bossen onderhouden",
                    "<b>Zorg</b>: activiteiten begeleiden, wandelclubs, samen koken en eten",
                    "<b>Sport</b>: terreinen onderhouden, helpen bij toernooien en open dagen",
                    "<b>Evenementen</b>: festivals, buurtfeesten, de Vierdaagse en Koningsdag",
                )
            ),
            heading("Erkenning"),
            paragraph(
                p(
                    "Pharos ontving voor Aan de Slag de Helffer Kootkar Prijs, voor de bijzondere manier waarop het programma "
                    "de maatschappelijke participatie van asielzoekers en vluchtelingen bevordert. Koning Willem-Alexander, "
                    "beschermheer van het Oranje Fonds, bracht het programma een verrassingsbezoek."
                )
            ),
        ],
    )
    publish_relations(
        programme,
        partners=[o for o in organisations.values() if o.kind == "partner"],
        funders=[o for o in organisations.values() if o.kind == "funder"],
        contacts=people,
    )
    for slug, title, aim, target in SIBLINGS:
        ensure_child(
            home, ProgrammePage, slug, title=title, listing_summary=aim, aim=p(aim), target_group=p(target)
        )

    factor_index = ensure_child(
        home,
        SuccessFactorIndexPage,
        "succesfactoren",
        title="Succesfactoren",
        show_in_menus=True,
        listing_summary="Zes factoren die bepalen of azc-bewoners duurzaam vrijwilligerswerk gaan doen.",
        intro=p(
            "Uit de pilots in Nijmegen en Utrecht kwamen zes factoren naar voren die het verschil maken. Ze werken ook in andere gemeenten."
        ),
    )
    factors = {}
    for number, (slug, title, summary, explanation, tips) in enumerate(SUCCESS_FACTORS, start=1):
        factors[slug] = ensure_child(
            factor_index,
            SuccessFactorPage,
            slug,
            title=title,
            number=number,
            summary=summary,
            listing_summary=summary,
            explanation=p(explanation),
            tips=[paragraph(ul(*tips))],
        )
    publish_relations(home.specific, featured_factors=list(factors.values())[:3])

    municipalities = ensure_municipalities(home, activity_types, factors)
    stories = ensure_stories(home)
    return {
        "programme": programme,
        "factors": factors,
        "municipalities": municipalities,
        "stories": stories,
        "activity_types": activity_types,
        "people": people,
        "organisations": organisations,
    }


MUNICIPALITIES = [
    # slug, name, cbs, province, status, since, lat, lon, summary, azc
    ("nijmegen", "Nijmegen", "GM0268", "GE", "pilot", None, 51.8426, 5.8528,
     "Een van de twee pilotgemeenten waar Aan de Slag is ontwikkeld en getest.", "azc Nijmegen"),
    ("utrecht", "Utrecht", "GM0344", "UT", "pilot", None, 52.0907, 5.1214,
     "Een van de twee pilotgemeenten. De koning bezocht Aan de Slag hier.", "azc Utrecht"),
    ("zwolle", "Zwolle", "GM0193", "OV", "participating", 2017, 52.5168, 6.0830,
     "Voorbeeld van een deelnemende gemeente met een eigen projectteam.", "azc Zwolle"),
]  # fmt: skip


def ensure_municipalities(home, activity_types, factors) -> dict[str, MunicipalityPage]:
    index = ensure_child(
        home,
        MunicipalityIndexPage,
        "gemeenten",
        title="Gemeenten",
        show_in_menus=True,
        listing_summary="Waar Aan de Slag loopt, met het projectteam en de resultaten per gemeente.",
        intro=p(
            "Lokale projectteams in 27 gemeenten werken met Aan de Slag. Per gemeente zie je wie meedoet, wat er te doen is en wat het oplevert."
        ),
    )
    # A flushed test database has lost the migration's provinces.
    ensure_provinces(Province)
    provinces = {province.code: province for province in Province.objects.all()}
    result = {}
    for slug, name, cbs, province, status, since, lat, lon, summary, azc in MUNICIPALITIES:
        existing = index.get_children().filter(slug=slug).first()
        page = ensure_child(
            index,
            MunicipalityPage,
            slug,
            title=name,
            cbs_code=cbs,
            province=provinces[province],
            status=status,
            participating_since=since,
            latitude=Decimal(str(lat)),
            longitude=Decimal(str(lon)),
            summary=summary,
            listing_summary=summary,
            # The project team and the yearly figures are invented for the demo, so every
            # municipality page is an example, even where the municipality's role is fact.
            is_example=True,
        )
        if existing is None:
            AZCLocation.objects.create(page=page, name=azc, sort_order=0)
            for order, (role, org, contact) in enumerate(
                [
                    ("Projectleider", "Vrijwilligerscentrale", "voorbeeld@example.org"),
                    ("Contactpersoon azc", "COA", "Vraag bij de receptie van het azc"),
                    ("Ambassadeur", "Statushouders in de gemeente", ""),
                ]
            ):
                ProjectTeamMember.objects.create(
                    page=page, role=role, organisation=org, contact=contact, sort_order=order
                )
            for order, (year, participants, organisations) in enumerate(
                [(2017, 24, 6), (2018, 41, 9), (2019, 55, 12)]
            ):
                YearlyFigure.objects.create(
                    page=page,
                    year=year,
                    participants=participants,
                    volunteer_organisations=organisations,
                    sort_order=order,
                )
            page.activities.set(activity_types.values())
            page.success_factors_applied.set(list(factors.values()))
            page.save_revision().publish()
        ensure_case_study(page, activity_types, factors)
        result[slug] = page
    return result


def ensure_case_study(municipality, activity_types, factors) -> CaseStudyPage:
    name = municipality.title
    page = ensure_child(
        municipality,
        CaseStudyPage,
        f"samen-in-het-groen-{municipality.slug}",
        title=f"Samen in het groen in {name}",
        is_example=True,
        summary=f"Een groepje azc-bewoners onderhoudt samen met vaste vrijwilligers een buurttuin in {name}.",
        situation=p("De buurttuin had te weinig vrijwilligers; op het azc zochten bewoners iets om te doen."),
        approach=p(
            "Een ambassadeur die zelf statushouder is, nodigde bewoners uit. Zij gingen in een groepje van vier mee met de vaste ploeg. "
            "Taken werden voorgedaan, zodat Nederlands spreken niet nodig was."
        ),
        result=p("Na drie maanden kwam de groep elke week. Twee bewoners werden vaste vrijwilliger."),
        quote="Buiten werken met anderen geeft me rust, en ik leer elke week nieuwe woorden.",
        quote_attribution="Deelnemer (voorbeeld)",
        activity_type=activity_types["nature"],
        date=datetime.date(2019, 6, 1),
    )
    publish_relations(
        page,
        success_factors=[
            factors["samen-in-groepjes"],
            factors["laagdrempelig"],
            factors["nieuwkomers-als-wervers"],
        ],
    )
    return page


def ensure_press_links(story: StoryPage, links: list[tuple]) -> None:
    """Add (title, source, date) press links to a story that has none yet, and publish it."""
    if story.press_links.exists():
        return
    for order, (title, source, date) in enumerate(links):
        PressLink.objects.create(page=story, title=title, source=source, date=date, sort_order=order)
    story.save_revision().publish()


def ensure_stories(home) -> list[StoryPage]:
    index = ensure_child(
        home,
        StoryIndexPage,
        "verhalen",
        title="Verhalen",
        show_in_menus=True,
        listing_summary="Nieuws en verhalen over Aan de Slag.",
        intro="Nieuws, ervaringen en aandacht in de pers.",
    )
    visit = ensure_child(
        index,
        StoryPage,
        "koning-bezoekt-aan-de-slag",
        title="Koning Willem-Alexander bezoekt Aan de Slag",
        date=datetime.date(2016, 12, 16),
        intro="Op vrijdag 16 december kwam de koning onverwacht op bezoek bij Aan de Slag in Utrecht.",
        listing_summary="De koning sprak in Utrecht met nieuwkomers en betrokken organisaties.",
        body=[
            paragraph(
                p(
                    "De koning werd vergezeld door de burgemeester van Utrecht. Hij sprak met Ronald van der Giessen, directeur van het Oranje Fonds, "
                    "en Monica van Berkum, directeur van Pharos, over het programma en over ander werk van Pharos en haar partners.",
                    "Ook nieuwkomers, medewerkers van maatschappelijke organisaties, het COA en de NOV schoven aan. "
                    "Als beschermheer van het Oranje Fonds bezoekt de koning geregeld initiatieven die het fonds steunt.",
                )
            ),
        ],
    )
    ensure_press_links(
        visit,
        [
            ("Koning spreekt asielzoekers die vrijwilligerswerk doen (videoreportage)", "Blauw Bloed", None),
            ("Persbericht over het koninklijk bezoek", "Pharos", None),
        ],
    )
    prize = ensure_child(
        index,
        StoryPage,
        "helffer-kootkar-prijs",
        title="Helffer Kootkar Prijs voor Aan de Slag",
        date=datetime.date(2016, 9, 30),
        intro="Pharos kreeg in september de Helffer Kootkar Prijs voor Aan de Slag.",
        listing_summary="Een prijs voor de manier waarop Aan de Slag participatie van asielzoekers en vluchtelingen bevordert.",
        body=[
            paragraph(
                p(
                    "De prijs is een waardering voor de onderscheidende manier waarop het programma de maatschappelijke participatie "
                    "van asielzoekers en vluchtelingen bevordert. Pharos nam de prijs in ontvangst namens alle partners."
                )
            )
        ],
    )
    press = ensure_child(
        index,
        StoryPage,
        "minister-asscher-vrijwilligerswerk",
        title="Minister Asscher: vluchtelingen aan het vrijwilligerswerk",
        date=datetime.date(2016, 8, 14),
        intro="De Volkskrant schreef dat minister Asscher wil dat vluchtelingen vrijwilligerswerk doen.",
        listing_summary="Aandacht in de pers voor vrijwilligerswerk door vluchtelingen.",
        body=[
            paragraph(
                p(
                    "Minister Asscher van Sociale Zaken en Werkgelegenheid, dat Aan de Slag mede mogelijk maakt, "
                    "pleitte ervoor dat vluchtelingen zo snel mogelijk vrijwilligerswerk gaan doen."
                )
            )
        ],
    )
    ensure_press_links(
        press,
        [
            (
                "Minister Asscher wil dat vluchteling vrijwilligerswerk doet",
                "de Volkskrant",
                datetime.date(2016, 8, 14),
            )
        ],
    )
    return [visit, prize, press]
