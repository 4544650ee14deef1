"""Every page type can be created in the admin, and invalid input gets a message on the field."""

import datetime

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import ContentPage, HomePage
from programme.models import (
    ActivityType,
    CaseStudyPage,
    MunicipalityIndexPage,
    MunicipalityPage,
    ProgrammePage,
    Province,
    StoryIndexPage,
    StoryPage,
    SuccessFactorIndexPage,
    SuccessFactorPage,
)
from toolkit.models import GuideIndexPage, GuidePage, NewcomerIndexPage, NewcomerPage

EMPTY = streamfield([])


def page_data(title: str, **fields) -> dict:
    # Lists of ids (many-to-many choices) are posted as they are; nested_form_data would flatten them.
    choices = {name: value for name, value in fields.items() if isinstance(value, list)}
    nested = {name: value for name, value in fields.items() if name not in choices}
    slug = title.lower().replace(" ", "-")
    return {
        **nested_form_data({"title": title, "slug": slug, "comments": inline_formset([]), **nested}),
        **choices,
    }


def list_block(items: list) -> dict:
    """ListBlock form data, the way the admin's editor posts it."""
    data = {"count": len(items)}
    for i, item in enumerate(items):
        data[str(i)] = {"value": item, "deleted": "", "order": i, "id": ""}
    return data


class AdminCreationTests(WagtailPageTestCase):
    def setUp(self):
        # force_login: django-axes refuses logins made without a request, as client.login() makes.
        self.client.force_login(self.create_superuser("editor", "editor@example.org", "correct-horse-12"))
        self.home = HomePage.objects.get(locale__language_code="nl")
        self.factor = SuccessFactorPage.objects.filter(locale=self.home.locale).first()
        # Each index page may exist once per parent, so new ones go under a second home page.
        self.other_home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Tweede home", slug="tweede-home", mission="Test.")
        )

    def get(self, path):
        return Page.objects.get(url_path=f"/home/{path}/").specific

    def test_home_page(self):
        self.assertCanCreate(
            Page.get_first_root_node(),
            HomePage,
            page_data(
                "Tweede site",
                mission="Een missie.",
                intro=rich_text(""),
                doors=EMPTY,
                key_figures=EMPTY,
                body=EMPTY,
            ),
        )

    def test_content_page(self):
        self.assertCanCreate(
            self.home, ContentPage, page_data("Colofon", intro="Wie deze site maakt.", body=EMPTY)
        )

    def test_programme_page_with_benefits(self):
        benefits = streamfield(
            [("benefit", {"stakeholder": "municipalities", "gains": rich_text("<p>Meedoen.</p>")})]
        )
        self.assertCanCreate(
            self.home,
            ProgrammePage,
            page_data(
                "Nieuw programma",
                aim=rich_text("<p>Doel.</p>"),
                target_group=rich_text(""),
                benefits=benefits,
                body=EMPTY,
            ),
        )

    def test_success_factor_pages(self):
        self.assertCanCreate(
            self.other_home, SuccessFactorIndexPage, page_data("Factoren", intro=rich_text(""))
        )
        self.assertCanCreate(
            self.get("succesfactoren"),
            SuccessFactorPage,
            page_data(
                "Zevende factor",
                number=7,
                summary="Kort.",
                explanation=rich_text("<p>Uitleg.</p>"),
                tips=EMPTY,
                scan_statements=EMPTY,
                scan_advice=rich_text(""),
            ),
        )

    def test_support_request_page(self):
        from programme.models import SupportRequestPage

        field = {"label": "Uw vraag", "field_type": "multiline", "required": "on", "choices": "", "default_value": "",
                 "help_text": ""}  # fmt: skip
        self.assertCanCreate(
            self.other_home,
            SupportRequestPage,
            page_data(
                "Hulp vragen",
                intro=rich_text(""),
                thank_you_text=rich_text(""),
                form_fields=inline_formset([field]),
                to_address="",
                from_address="",
                subject="",
            ),
        )

    def test_municipality_pages(self):
        self.assertCanCreate(
            self.other_home, MunicipalityIndexPage, page_data("Alle gemeenten", intro=rich_text(""))
        )
        self.assertCanCreate(self.get("gemeenten"), MunicipalityPage, self.municipality_data())
        amsterdam = MunicipalityPage.objects.get(slug="amsterdam")
        opportunity = amsterdam.opportunities.get()
        assert opportunity.days == ["tue", "thu"] and opportunity.languages == ["nl", "ar"]
        assert opportunity.without_dutch and opportunity.bring == ["sport"]

    def municipality_data(self, **overrides):
        fields = {
            "cbs_code": "GM0363",
            "province": Province.objects.get(code="NH").pk,
            "status": "participating",
            "participating_since": 2020,
            "summary": "",
            "azc_locations": inline_formset([{"name": "azc Amsterdam", "address": "", "capacity": ""}]),
            "team_members": inline_formset([]),
            "opportunities": inline_formset(
                [
                    {
                        "activity": ActivityType.objects.get(key="sport", locale__language_code="nl").pk,
                        "place": "Sporthal Oost",
                        "address": "",
                        "start_time": "19:00",
                        "end_time": "21:00",
                        "contact": "coordinator",
                        "contact_name": "",
                        "phone": "+31 20 000 00 00",
                        "whatsapp": "",
                        "email": "",
                        "without_dutch": "on",
                    }
                ]
            ),
            "yearly_figures": inline_formset(
                [{"year": 2021, "participants": 12, "volunteer_organisations": 4}]
            ),
            **overrides,
        }
        data = page_data("Amsterdam", **fields)
        # Ticked checkboxes post one value each under the same name (nested_form_data cannot).
        data.update({"opportunities-0-days": ["tue", "thu"], "opportunities-0-languages": ["nl", "ar"]})
        data["opportunities-0-bring"] = ["sport"]
        return data

    def test_case_study_page(self):
        self.assertCanCreate(self.get("gemeenten/nijmegen"), CaseStudyPage, self.case_study_data())

    def case_study_data(self, **overrides):
        fields = {
            "summary": "Kort.",
            "situation": rich_text("<p>Situatie.</p>"),
            "approach": rich_text("<p>Aanpak.</p>"),
            "result": rich_text("<p>Resultaat.</p>"),
            "quote": "",
            "quote_attribution": "",
            "images": EMPTY,
            "success_factors": [self.factor.pk],
            "activity_type": "",
            "date": "2020-05-01",
            **overrides,
        }
        return page_data("Sporten in de wijk", **fields)

    def test_story_pages(self):
        self.assertCanCreate(self.other_home, StoryIndexPage, page_data("Nieuws", intro=""))
        body = streamfield([("paragraph", rich_text("<p>Tekst.</p>"))])
        self.assertCanCreate(
            self.get("verhalen"),
            StoryPage,
            page_data(
                "Nieuw verhaal", date="2024-03-01", intro="Kort.", body=body, press_links=inline_formset([])
            ),
        )

    def test_guide_pages(self):
        self.assertCanCreate(self.other_home, GuideIndexPage, page_data("Gidsen", intro=rich_text("")))
        step = {
            "title": "Stap",
            "body": rich_text("<p>Doe dit.</p>"),
            "tips": list_block(["Begin klein."]),
            "checklist": list_block([]),
        }
        steps = streamfield([("steps", list_block([step]))])
        self.assertCanCreate(
            self.get("handreikingen"),
            GuidePage,
            page_data(
                "Nieuwe gids",
                audience="municipality",
                phase="prepare",
                summary="Kort.",
                body=steps,
                downloads=inline_formset([]),
                success_factors=[self.factor.pk],
            ),
        )

    def test_newcomer_pages(self):
        self.assertCanCreate(
            self.other_home, NewcomerIndexPage, page_data("Nieuwkomers twee", intro="Welkom.")
        )
        self.assertCanCreate(
            self.get("nieuwkomers"),
            NewcomerPage,
            page_data(
                "Sporten",
                pictogram="sport",
                intro="Sport met ons mee.",
                body=EMPTY,
                how_to_join=rich_text("<ol><li>Vraag het bij de receptie.</li></ol>"),
                who_to_ask="Het COA.",
                municipality="",
            ),
        )

    def test_page_type_rules(self):
        self.assertAllowedSubpageTypes(self.get("gemeenten/nijmegen"), {CaseStudyPage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {MunicipalityPage})
        self.assertCanNotCreateAt(HomePage, CaseStudyPage)

    # Invalid input: the page is not created and the message sits on the field.

    def post_create(self, parent, model, data):
        url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
        return self.client.post(url, data)

    def assert_field_error(self, response, field, fragment):
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertIn(field, form.errors, form.errors)
        self.assertIn(fragment, " ".join(form.errors[field]))

    def test_cbs_code_must_be_gm_and_four_digits(self):
        response = self.post_create(
            self.get("gemeenten"), MunicipalityPage, self.municipality_data(cbs_code="0363")
        )
        self.assert_field_error(response, "cbs_code", "GM")

    def test_cbs_code_must_be_unique(self):
        response = self.post_create(
            self.get("gemeenten"), MunicipalityPage, self.municipality_data(cbs_code="GM0268")
        )
        self.assert_field_error(response, "cbs_code", "Nijmegen")

    def test_participating_since_cannot_be_in_the_future(self):
        next_year = datetime.date.today().year + 1
        response = self.post_create(
            self.get("gemeenten"), MunicipalityPage, self.municipality_data(participating_since=next_year)
        )
        self.assert_field_error(response, "participating_since", str(next_year))

    def test_yearly_figures_reject_future_and_repeated_years(self):
        next_year = datetime.date.today().year + 1
        figures = inline_formset(
            [
                {"year": 2021, "participants": 1, "volunteer_organisations": 1},
                {"year": 2021, "participants": 2, "volunteer_organisations": 1},
                {"year": next_year, "participants": 2, "volunteer_organisations": 1},
            ]
        )
        response = self.post_create(
            self.get("gemeenten"), MunicipalityPage, self.municipality_data(yearly_figures=figures)
        )
        self.assertEqual(response.status_code, 200)
        forms = response.context["form"].formsets["yearly_figures"].forms
        # The repeated year is caught by the unique constraint's formset check, the future one by its validator.
        self.assertTrue(
            forms[1].errors or response.context["form"].formsets["yearly_figures"].non_form_errors()
        )
        self.assertIn("year", forms[2].errors)
        self.assertFalse(MunicipalityPage.objects.filter(slug="amsterdam").exists())

    def test_case_study_needs_a_success_factor(self):
        response = self.post_create(
            self.get("gemeenten/nijmegen"), CaseStudyPage, self.case_study_data(success_factors=[])
        )
        self.assert_field_error(response, "success_factors", "succesfactor")

    def test_informative_image_needs_alt_text(self):
        from wagtail.images.models import Image
        from wagtail.images.tests.utils import get_test_image_file

        image = Image.objects.create(title="Tuin", file=get_test_image_file())
        images = streamfield(
            [("image", {"image": image.pk, "alt_text": "", "decorative": "", "caption": ""})]
        )
        response = self.post_create(
            self.get("gemeenten/nijmegen"), CaseStudyPage, self.case_study_data(images=images)
        )
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertIn("images", errors)
        self.assertIn("alt_text", str(errors["images"].as_data()[0].block_errors[0].block_errors))

    def test_video_must_be_youtube_or_vimeo(self):
        body = streamfield(
            [("video", {"url": "https://evil.example.com/v/1", "title": "Film", "transcript": ""})]
        )
        response = self.post_create(
            self.get("verhalen"),
            StoryPage,
            page_data("Video", date="2024-03-01", intro="Kort.", body=body, press_links=inline_formset([])),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("body", response.context["form"].errors)


def test_provinces_are_read_only_in_the_admin(admin_client):
    from programme.models import Province

    province = Province.objects.get(code="GE")
    assert admin_client.get("/admin/snippets/programme/province/").status_code == 200
    assert admin_client.get("/admin/snippets/programme/province/add/").status_code in (302, 403)
    response = admin_client.post(
        f"/admin/snippets/programme/province/edit/{province.pk}/", {"name": "Gelre", "code": "GE"}
    )
    assert response.status_code in (302, 403)
    province.refresh_from_db()
    assert province.name == "Gelderland"
