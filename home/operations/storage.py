"""Media on S3-compatible object storage, served from this site's own address.

With MEDIA_S3_BUCKET set, uploads and image renditions live in a bucket, so app servers
keep no files and any of them can serve any request. Their URLs stay under MEDIA_URL on
this site: the proxy in front serves /media/ from the bucket, so no page makes the
reader's browser ask another host (nor does the content security policy allow it).
Documents never go through /media/: Wagtail's document view reads them from the bucket
and sends them with its own headers (attachment, nosniff).
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri

from storages.backends.s3 import S3Storage


class MediaStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"


def s3_storage_options(environ) -> dict:
    """The storage's options from MEDIA_S3_* environment variables (README, production)."""
    return {
        "bucket_name": environ["MEDIA_S3_BUCKET"],
        "endpoint_url": environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("MEDIA_S3_REGION") or None,
        "access_key": environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
        # Private objects; the proxy reads them with its own credentials.
        "default_acl": None,
        "querystring_auth": False,
        "file_overwrite": False,
    }
