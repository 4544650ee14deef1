"""Media in an S3-compatible bucket: app servers keep no files, pages stay same-origin.

Runs against moto's S3 server, started here on loopback: no other host is reached.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from home.operations.storage import s3_storage_options

pytestmark = pytest.mark.django_db
BUCKET = "aandeslag-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="eu-west-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    ).create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
    yield endpoint
    server.stop()


@pytest.fixture
def bucket(settings, s3_endpoint, tmp_path):
    environ = {
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": s3_endpoint,
        "MEDIA_S3_REGION": "eu-west-1",
        "MEDIA_S3_ACCESS_KEY_ID": "test",
        "MEDIA_S3_SECRET_ACCESS_KEY": "test",
    }
    settings.MEDIA_ROOT = tmp_path  # must stay empty
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "home.operations.storage.MediaStorage",
            "OPTIONS": s3_storage_options(environ),
        },
    }
    storages._storages.pop("default", None)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="eu-west-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    yield client
    storages._storages.pop("default", None)
    assert not any(tmp_path.iterdir()), "the app server kept a file"


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_images_and_renditions_go_to_the_bucket_with_same_origin_urls(bucket):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 800), "orange").save(buffer, "JPEG")
    image = get_image_model().objects.create(title="Oranje", file=ImageFile(buffer, name="oranje.jpg"))
    rendition = image.get_rendition("width-400|format-webp")
    assert image.file.name in keys(bucket)
    assert rendition.file.name in keys(bucket)
    assert rendition.url.startswith("/media/") and rendition.url.endswith(".webp")
    assert (rendition.width, rendition.height) == (400, 266)


def test_documents_are_served_through_wagtails_view_from_the_bucket(admin_client, bucket):
    document = get_document_model().objects.create(
        title="Handreiking", file=ContentFile(b"<script>alert(1)</script>", name="handreiking.txt")
    )
    assert document.file.name in keys(bucket)
    # Used on no public page yet: served to who may see its collection (home.operations.media_access).
    response = admin_client.get(document.url)
    assert document.url.startswith("/documents/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "X-Page-Cache" not in response
