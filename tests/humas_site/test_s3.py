"""Uploads and their WebP renditions on S3-compatible object storage.

django-storages' S3 backend is pointed at moto's S3 server running on
127.0.0.1 (a free port): nothing ever leaves the machine.
"""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")
pytest.importorskip("storages.backends.s3")

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from humas_site.demo import demo_image  # noqa: E402
from humas_site.images import reencode_image  # noqa: E402
from tests.factories import ArticleFactory  # noqa: E402

BUCKET = "humas-media-test"
CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, monkeypatch):
    # No instance-metadata lookups or profile files: only the local server.
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", os.devnull)
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="us-east-1", **CREDENTIALS
    )
    client.create_bucket(Bucket=BUCKET)
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


@pytest.fixture
def s3_storage(settings, bucket, s3_endpoint):
    """The default storage as humas_site/settings.py configures it for a bucket."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
    return f"{s3_endpoint}/{BUCKET}/"


def bucket_keys(client):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET)["Contents"]}


def uploaded_photo():
    """A photo as an editor uploads it: verified and re-encoded first."""
    photo = demo_image("Rapat pleno terbuka", size=(1600, 1000), seed=3)
    upload = SimpleUploadedFile("rapat-pleno.jpg", photo.read(), "image/jpeg")
    return reencode_image(upload)


@pytest.mark.django_db
def test_featured_image_and_its_webp_renditions_are_stored_in_the_bucket(
    s3_storage, bucket, media_root
):
    article = ArticleFactory()
    article.featured_image.save("foto.jpg", uploaded_photo(), save=True)

    assert article.featured_image.name in bucket_keys(bucket)
    assert article.featured_image.url.startswith(s3_storage)
    # Nothing was written to the local media folder.
    assert not Path(media_root).exists() or not any(Path(media_root).rglob("*.*"))

    renditions = article.featured_renditions  # generated on first use
    assert [width for _url, width, _height in renditions] == [400, 800, 1200]
    keys = bucket_keys(bucket)
    for url, _width, _height in renditions:
        assert url.startswith(s3_storage)
        assert url.endswith(".webp")
        assert url.removeprefix(s3_storage) in keys
    body = bucket.get_object(
        Bucket=BUCKET, Key=renditions[0][0].removeprefix(s3_storage)
    )
    assert body["Body"].read(12)[8:12] == b"WEBP"


@pytest.mark.django_db
def test_article_page_serves_the_renditions_from_the_bucket(client, s3_storage, bucket):
    article = ArticleFactory()
    article.featured_image.save("foto.jpg", uploaded_photo(), save=True)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert f'srcset="{s3_storage}' in html
    assert ".webp 400w" in html
    assert len([key for key in bucket_keys(bucket) if key.endswith(".webp")]) == 3


def settings_in_subprocess(**env):
    """The settings module evaluated afresh with ``env`` (it reads os.environ)."""
    code = (
        "import json; from django.conf import settings; "
        "d = settings.CONTENT_SECURITY_POLICY['DIRECTIVES']; "
        "print(json.dumps({'default': settings.STORAGES['default']['BACKEND'], "
        "'img': d['img-src'], 'media': d['media-src'], "
        "'querystring_auth': getattr(settings, 'AWS_QUERYSTRING_AUTH', None), "
        "'overwrite': getattr(settings, 'AWS_S3_FILE_OVERWRITE', None), "
        "'acl': getattr(settings, 'AWS_DEFAULT_ACL', 'unset')}))"
    )
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("AWS_")
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "humas_site.settings",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_CSP_MEDIA_ORIGINS": "",
    } | env
    output = subprocess.run(
        [sys.executable, "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def test_settings_use_the_bucket_and_allow_its_origin_in_the_csp():
    configured = settings_in_subprocess(
        AWS_STORAGE_BUCKET_NAME="humas-media",
        AWS_S3_ENDPOINT_URL="https://s3.example-cloud.id",
        AWS_S3_REGION_NAME="id-jkt-1",
    )
    assert configured["default"] == "storages.backends.s3.S3Storage"
    assert "https://s3.example-cloud.id" in configured["img"]
    assert "https://s3.example-cloud.id" in configured["media"]
    assert configured["querystring_auth"] is False
    assert configured["overwrite"] is False
    assert configured["acl"] is None

    behind_cdn = settings_in_subprocess(
        AWS_STORAGE_BUCKET_NAME="humas-media",
        AWS_S3_CUSTOM_DOMAIN="media.kpu-sukamaju.example",
    )
    assert "https://media.kpu-sukamaju.example" in behind_cdn["img"]


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    local = settings_in_subprocess()
    # The file system storage that leaves no half-written file (humas_site.storage).
    assert local["default"] == "humas_site.storage.MediaStorage"
    assert local["img"] == ["'self'", "data:"]
