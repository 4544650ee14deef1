"""A deployment of several nodes on one machine: `make cluster`, its test and its bench.

What runs, each a process of its own, as separate machines would run them:

- two app servers (gunicorn, the production settings) on one database and one Redis;
- the background worker (`manage.py db_worker`): PDFs, search index, purges, mail;
- media in an S3 bucket (moto's S3 server, the emulator the storage tests use);
- Varnish in front (config/varnish/site.vcl): it buffers slow clients, keeps public pages,
  is purged by Wagtail's frontend cache and reads `/media/` from the bucket.

The database is a copy of the prepared demo: a SQLite file, or with a PostgreSQL
`database_url` a database created from the prepared template (toolkit.demo.prepared).
Everything listens on loopback; nothing reaches another host.
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

BUCKET = "aandeslag-media"
VCL = Path(settings.BASE_DIR) / "config" / "varnish" / "site.vcl"
# An app server that stops answering /healthz gets no more readers until it answers again.
PROBE = '{ .url = "/healthz"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; }'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, headers: dict | None = None, timeout: float = 5) -> tuple[int, bytes, dict]:
    """Status, body and headers of a GET, also for 4xx and 5xx answers."""
    request = urllib.request.Request(url, headers={"Accept-Language": "nl", **(headers or {})})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def varnish_available() -> bool:
    return shutil.which("varnishd") is not None or Path("/usr/sbin/varnishd").exists()


class Cluster:
    """Start with `start()`, stop with `stop()` (or use it as a context manager)."""

    def __init__(
        self,
        database: str,
        media: Path,
        redis_url: str,
        app_servers: int = 2,
        threads: int = 4,
        place: Path | None = None,
        proxy: bool = True,
        log_level: str = "ERROR",
    ):
        # The demo to copy: a SQLite file, or the URL of a PostgreSQL template database.
        self.database_url = database if database.startswith("postgres") else None
        self.sqlite_file = None if self.database_url else Path(database)
        self.media = media
        self.redis_url = redis_url
        self.place = place or Path(tempfile.mkdtemp(prefix="aandeslag-cluster-"))
        self.app_ports = [free_port() for _ in range(app_servers)]
        self.threads = threads
        self.proxy = proxy and varnish_available()
        self.proxy_port = free_port() if self.proxy else None
        self.s3_port = free_port()
        self.log_level = log_level
        self.processes: list[subprocess.Popen] = []
        self.env: dict = {}

    # --- what each process is given -------------------------------------------------

    @property
    def s3_endpoint(self) -> str:
        return f"http://127.0.0.1:{self.s3_port}"

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"

    def app_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.app_ports[index]}"

    def _environment(self, database_url: str) -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "PYTEST_", "COV_", "MEDIA_", "DATABASE_URL", "REDIS_URL"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.cluster",
            SECRET_KEY="cluster-only-" + "x7Kq2Lm9Pz4Wv8Nr3Tb6Yd1Hc5Jf0Sg" * 2,
            DATABASE_URL=database_url,
            REDIS_URL=self.redis_url,
            MEDIA_S3_BUCKET=BUCKET,
            MEDIA_S3_ENDPOINT_URL=self.s3_endpoint,
            MEDIA_S3_REGION="eu-west-1",
            MEDIA_S3_ACCESS_KEY_ID="cluster",
            MEDIA_S3_SECRET_ACCESS_KEY="cluster",  # noqa: S106 - the local emulator's
            TASKS_BACKEND="database",
            LOG_LEVEL=self.log_level,
        )
        if self.proxy:
            env.update(
                FRONTEND_CACHE_PURGE_URL=self.proxy_url,
                WAGTAILADMIN_BASE_URL=self.proxy_url,
                # Varnish appends the reader's address to X-Forwarded-For.
                TRUSTED_PROXY_COUNT="1",
                FORWARDED_ALLOW_IPS="127.0.0.1",
            )
        return env

    # --- start and stop -------------------------------------------------------------

    def start(self) -> "Cluster":
        try:
            database_url = self._database()
            self.env = self._environment(database_url)
            self._start_bucket()
            self._copy_media_to_bucket()
            for port in self.app_ports:
                self._spawn(self._gunicorn(port))
            self._spawn([sys.executable, "manage.py", *self.worker_arguments()])
            if self.proxy:
                self._start_varnish()
            for index in range(len(self.app_ports)):
                self._wait_for(f"{self.app_url(index)}/healthz")
            if self.proxy:
                self._wait_for(f"{self.proxy_url}/healthz")
        except BaseException:
            self.stop()
            raise
        return self

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def stop(self) -> None:
        for process in reversed(self.processes):
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 5
        for process in reversed(self.processes):
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
        if self.database_url and self._database_name:
            self._drop_postgresql_database()

    @staticmethod
    def worker_arguments() -> list[str]:
        # A short interval: a purge or a PDF follows a publish within a fraction of a second.
        return ["db_worker", "--interval", "0.1", "--no-reload", "--no-startup-delay", "--verbosity", "0"]

    def _spawn(self, command: list[str], **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(  # noqa: S603 - our own commands
            command,
            cwd=settings.BASE_DIR,
            env=kwargs.pop("env", self.env),
            stdout=kwargs.pop("stdout", subprocess.DEVNULL),
            stderr=kwargs.pop("stderr", None if self.log_level != "ERROR" else subprocess.DEVNULL),
            **kwargs,
        )
        self.processes.append(process)
        return process

    def _gunicorn(self, port: int) -> list[str]:
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        return [
            gunicorn, "config.wsgi", "-c", "gunicorn.conf.py",
            "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", str(self.threads),
            "--access-logfile", "/dev/null", "--max-requests", "0",
            # Stopping the cluster waits for no keep-alive connection.
            "--graceful-timeout", "2",
        ]  # fmt: skip

    def _wait_for(self, url: str, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while True:
            with contextlib.suppress(OSError):
                if get(url, timeout=2)[0] == 200:
                    return
            for process in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"{process.args[0]} stopped with {process.returncode} while starting")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within {seconds} s")
            time.sleep(0.1)

    # --- the database -----------------------------------------------------------------

    _database_name: str | None = None

    def _database(self) -> str:
        if not self.database_url:
            shutil.copy(self.sqlite_file, self.place / "db.sqlite3")
            return f"sqlite:///{self.place / 'db.sqlite3'}"
        import psycopg

        parts = urlsplit(self.database_url)
        template = parts.path.lstrip("/")
        self._database_name = f"aandeslag_cluster_{os.getpid()}_{self.proxy_port or self.s3_port}"
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{self._database_name}" WITH (FORCE)')
            db.execute(f'CREATE DATABASE "{self._database_name}" TEMPLATE "{template}"')
        return urlunsplit(parts._replace(path=f"/{self._database_name}"))

    def _drop_postgresql_database(self) -> None:
        import psycopg

        parts = urlsplit(self.database_url)
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{self._database_name}" WITH (FORCE)')
        self._database_name = None

    # --- media in the bucket ----------------------------------------------------------

    def _start_bucket(self) -> None:
        self._spawn(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.s3_port)],
            env={**os.environ, "MOTO_ALLOW_NONEXISTENT_REGION": "true"},
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", self.s3_port), timeout=0.5).close()
                return
            if time.monotonic() > deadline:
                raise RuntimeError(
                    "the S3 emulator did not start (moto is a test requirement: make test once)"
                )
            time.sleep(0.1)

    def s3(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.s3_endpoint,
            region_name="eu-west-1",
            aws_access_key_id="cluster",
            aws_secret_access_key="cluster",  # noqa: S106 - the local emulator's
        )

    def _copy_media_to_bucket(self) -> None:
        client = self.s3()
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        # Image files and renditions are public (the proxy reads them without credentials);
        # documents and kept PDFs are not: they go through the app, which checks who asks.
        policy = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": [
                        f"arn:aws:s3:::{BUCKET}/images/*",
                        f"arn:aws:s3:::{BUCKET}/original_images/*",
                    ],
                }
            ],
        }
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(policy))
        media = self.media
        for path in sorted(media.rglob("*")):
            if path.is_file():
                client.upload_file(str(path), BUCKET, str(path.relative_to(media)))

    # --- the proxy cache ----------------------------------------------------------------

    def _start_varnish(self) -> None:
        work = self.place / "varnish"
        work.mkdir(exist_ok=True)
        backends = [
            "import directors;",
            *[
                f'backend app{index} {{ .host = "127.0.0.1"; .port = "{port}"; .probe = {PROBE} }}'
                for index, port in enumerate(self.app_ports)
            ],
            f'backend bucket {{ .host = "127.0.0.1"; .port = "{self.s3_port}"; }}',
            "sub vcl_init { new app = directors.round_robin();",
            *[f"  app.add_backend(app{index});" for index in range(len(self.app_ports))],
            "}",
            f'sub media_in_bucket {{ set req.url = regsub(req.url, "^/media/", "/{BUCKET}/"); }}',
        ]
        (work / "backends.vcl").write_text("\n".join(backends) + "\n")
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        self._spawn(
            [
                varnishd,
                "-F",
                "-j",
                "none",
                "-n",
                str(work / "state"),
                "-a",
                f"127.0.0.1:{self.proxy_port}",
                "-T",
                "none",
                "-p",
                f"vcl_path={work}:{VCL.parent}",
                "-f",
                str(VCL),
                "-s",
                "malloc,256m",
            ],  # fmt: skip
            env=os.environ.copy(),
        )
