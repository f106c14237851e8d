"""A private portal for the outage tests: its own PostgreSQL and Redis, gunicorn and a Celery worker.

Everything runs in processes started here, on free ports and in a temporary folder, so that the
tests can stop and restart the database and the broker without touching the shared instances.
The portal runs with production settings (DEBUG off, collected static files, plain-HTTP trial).
"""

import glob
import http.cookiejar
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.factories import TEST_PASSWORD as PASSWORD

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as the postgres account then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name) or ""]
    if not found[-1]:
        pytest.skip(f"{name} (PostgreSQL server programs) is not installed")
    return found[-1]


class PrivatePostgres:
    def __init__(self, copy_of: "PrivatePostgres | None" = None) -> None:
        """A new cluster (initdb), or a copy of a stopped one: its databases as they were, on a port of its own."""
        # Its own folder outside pytest's (which only root may enter), removed by remove().
        self.folder = Path(tempfile.mkdtemp(prefix="uncnm-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/uncnm"
        if copy_of is not None:
            command = ["cp", "-a", str(copy_of.folder / "data"), str(self.folder / "data")]
        else:
            command = [_postgres_bin("initdb"), "-D", str(self.folder / "data"), "-U", "postgres", "--auth=trust"]
        subprocess.run(_as_postgres(command), check=True, capture_output=True)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        command = [_postgres_bin("pg_ctl"), "-D", str(self.folder / "data"), "-o", options, "-w"]
        subprocess.run(
            _as_postgres([*command, "-l", str(self.folder / "log"), "start"]), check=True, capture_output=True
        )

    def stop(self) -> None:
        command = [_postgres_bin("pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop"]
        subprocess.run(_as_postgres(command), check=True, capture_output=True)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def create(self) -> None:
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres")
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("CREATE DATABASE uncnm")
        connection.close()

    def query(self, sql: str, *params) -> list[tuple]:
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="uncnm")
        try:
            with connection, connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description else []
        finally:
            connection.close()


class PrivateRedis:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _wait_for_port(self.port)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


class Portal:
    """The portal on the private database and broker: migrate, collectstatic, seed, gunicorn, a worker."""

    def __init__(self, folder: Path, database: PrivatePostgres, broker: PrivateRedis) -> None:
        self.folder, self.database, self.broker = folder, database, broker
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG", "DATABASE_", "REDIS_"))}
        self.env = {
            **clean,
            "DEBUG": "False",
            "HTTPS": "False",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database.url,
            "REDIS_URL": broker.url,
            "STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "PORTAL_URL": self.base,
            "EMAIL_URL": "consolemail://",
            "OTP_REQUIRED_FOR_SECRETARIAT": "False",  # the TOTP login is the smoke test's
            "DEMO_DATA_ALLOWED": "True",
        }
        self.processes: dict[str, subprocess.Popen] = {}

    def set_up(self) -> None:
        """A new database migrated, the static files collected, the accounts of create_accounts()."""
        self.database.create()
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("collectstatic", "--no-input", "-v", "0")
        self.manage(
            "shell",
            "--no-imports",
            "-c",
            "from tests.outages import create_accounts; create_accounts()",
        )

    def set_up_as(self, prepared: "Portal") -> None:
        """What set_up() does, taken from a portal set up before: its static files (read only here) and,
        in self.database, a copy of its database."""
        self.env["STATIC_ROOT"] = prepared.env["STATIC_ROOT"]

    def manage(self, *args: str, **extra_env: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **extra_env},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def start(self, name: str, *command: str) -> None:
        log = (self.folder / f"{name}.log").open("a")
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def start_web(self) -> None:
        self.start(
            "web",
            sys.executable,
            "-m",
            "gunicorn",
            "uncnm_portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            "2",
        )
        _wait_for_port(self.port, timeout=60)

    def start_worker(self, app: str = "uncnm_portal") -> None:
        """A worker of the app (tests.slow_celery pauses SLOW_EXPORT_STAGE seconds after each export stage)."""
        self.start(
            "worker",
            sys.executable,
            "-m",
            "celery",
            "-A",
            app,
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
        )

    def run_beat_tasks_now(self) -> str:
        """What Celery beat does every minute, run at once (and with no grace period)."""
        code = (
            "from drafts.tasks import requeue_stuck_exports_task as exports;"
            "from stakeholders.tasks import send_waiting_emails_task as emails;"
            "print(exports(), emails())"
        )
        output = self.manage("shell", "--no-imports", "-c", code, EXPORT_UNSENT_AFTER="0", EMAIL_RETRY_AFTER="0")
        return output.strip().splitlines()[-1]

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)


def create_accounts() -> None:
    """Run inside the private portal (manage.py shell): a cycle, a ministry and a secretariat account."""
    from stakeholders.models import Role
    from tests.factories import AssessmentFactory, OrganisationFactory, ReviewCycleFactory, UserFactory

    UserFactory(username="anna", email="anna@iom.example", role=Role.SECRETARIAT, is_staff=True)
    OrganisationFactory(name="Ministry of Labour and Social Protection", acronym="MLSP")
    AssessmentFactory(cycle=ReviewCycleFactory(year=2030, level="global", name="Third IMRF (2030)"))


class Browser:
    """A user's browser over HTTP: cookies, the CSRF token, no redirects followed."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, path: str, data: dict | None = None) -> tuple[int, dict, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        if data is not None:
            request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=60) as response:
                # Downloads (workbooks, PDFs) are read too: the crawl wants their status, not their text.
                return response.status, dict(response.headers), response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")

    def post(self, path: str, data: dict) -> tuple[int, dict, str]:
        self.request(path)  # the form, and with it the CSRF cookie
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        return self.request(path, {**data, "csrfmiddlewaretoken": token})

    def log_in(self, username: str, password: str = PASSWORD) -> None:
        status, _headers, _body = self.post("/accounts/login/", {"username": username, "password": password})
        assert status == 302, status


def links(html: str) -> list[str]:
    return re.findall(r'href="(/[^"#]*)"', html)
