"""Another municipality's uploads stay out of reach: admin API, choosers and downloads."""

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

import pytest

from programme.models import MunicipalityRole

from .conftest import member

pytestmark = pytest.mark.django_db


def upload(collection, title):
    document = Document(title=title, collection=collection)
    document.file.save(f"{title}.txt", ContentFile(b"intern verslag"), save=True)
    image = Image.objects.create(
        title=title, collection=collection, file=get_test_image_file(filename=f"{title}.png")
    )
    return document, image


@pytest.fixture
def uploads(roles):
    nijmegen = MunicipalityRole.objects.get(group__name="Gemeente Nijmegen")
    utrecht = MunicipalityRole.objects.get(group__name="Gemeente Utrecht")
    return {
        "nijmegen": upload(nijmegen.collection, "verslag-nijmegen"),
        "utrecht": upload(utrecht.collection, "verslag-utrecht"),
    }


def editor_of(django_user_model, name):
    client = Client()
    client.force_login(member(django_user_model, f"Gemeente {name.title()}", f"redacteur-{name}"))
    return client


@pytest.mark.parametrize("kind", ["documents", "images"])
def test_the_admin_api_lists_only_the_editors_own_and_shared_uploads(uploads, django_user_model, kind):
    utrecht = editor_of(django_user_model, "utrecht")
    response = utrecht.get(f"/admin/api/main/{kind}/")
    assert response.status_code == 200, response.content[:300]
    titles = {item["title"] for item in response.json()["items"]}
    assert "verslag-utrecht" in titles and "verslag-nijmegen" not in titles
    nijmegen_id = uploads["nijmegen"][0 if kind == "documents" else 1].pk
    assert utrecht.get(f"/admin/api/main/{kind}/{nijmegen_id}/").status_code == 404


@pytest.mark.parametrize("kind", ["documents", "images"])
def test_the_choosers_offer_only_the_editors_own_and_shared_uploads(uploads, django_user_model, kind):
    html = editor_of(django_user_model, "utrecht").get(f"/admin/{kind}/chooser/").content.decode()
    assert "verslag-utrecht" in html and "verslag-nijmegen" not in html


def test_a_document_used_nowhere_public_is_served_only_to_who_may_see_its_collection(
    uploads, django_user_model
):
    document = uploads["nijmegen"][0]
    url = document.url
    assert Client().get(url).status_code == 404
    assert editor_of(django_user_model, "utrecht").get(url).status_code == 404
    assert editor_of(django_user_model, "nijmegen").get(url).status_code == 200


def test_a_document_a_live_page_links_is_served_to_anyone(client):
    from wagtail.models import ReferenceIndex

    linked = next(d for d in Document.objects.all() if ReferenceIndex.get_references_to(d).exists())
    response = client.get(linked.url)
    assert response.status_code == 200
