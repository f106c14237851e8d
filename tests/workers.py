"""Real Celery worker processes for the integration tests, on a private queue, the test database and media folder."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection


class WorkerPool:
    """Starts real Celery worker processes on a private queue, using the test database and media folder."""

    def __init__(self, settings) -> None:
        db = connection.settings_dict
        if db["ENGINE"] != "django.db.backends.postgresql":
            if os.environ.get("REQUIRE_INTEGRATION"):
                pytest.fail("integration tests need DATABASE_URL to point at PostgreSQL")
            pytest.skip("integration tests run against PostgreSQL (set DATABASE_URL)")
        self.queue = f"uncnm-test-{uuid.uuid4().hex[:8]}"
        self.env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "CELERY_TASK_DEFAULT_QUEUE": self.queue,
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        }
        self.processes = []

    def start(self, *, app: str = "uncnm_portal", pool: str = "solo", **extra_env: str) -> subprocess.Popen:
        """A worker process of the app (tests.slow_celery for slow export stages), with extra environment.

        pool="prefork" runs the tasks in one child process, as production does (see children()).
        """
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            app,
            "worker",
            f"--pool={pool}",
            "--concurrency=1",
            "--loglevel=WARNING",
            f"--hostname={self.queue}-{len(self.processes)}@%h",
            "--without-gossip",
            "--without-mingle",
        ]
        process = subprocess.Popen(command, cwd=Path(__file__).resolve().parents[1], env={**self.env, **extra_env})
        self.processes.append(process)
        return process

    @staticmethod
    def children(process: subprocess.Popen) -> list[int]:
        """The process ids of a prefork worker's children (the processes that run the tasks)."""
        path = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
