"""What the benchmarks share: a production-like environment and a freshly seeded PostgreSQL database."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/uncnm_bench")
ENV = {
    **os.environ,
    "DEBUG": "False",
    "SECRET_KEY": "bench-only-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DATABASE_URL": DATABASE_URL,
    "SECURE_SSL_REDIRECT": "False",
    "DEMO_DATA_ALLOWED": "True",
    "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
    "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
    # The benchmark's clients come from one address: the API's throttles would stop them.
    "API_ANONYMOUS_RATE": "10000000/minute",
    "API_TOKEN_RATE": "10000000/minute",
}
ENV.pop("REDIS_URL", None)


def manage(*args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True, capture_output=True, text=True
    ).stdout


def prepare_database() -> None:
    """Drop and recreate the benchmark database, migrate it and seed the demo data."""
    url = urlparse(DATABASE_URL)
    name = url.path.lstrip("/")
    admin = f"{url.scheme}://{url.netloc}/postgres"
    subprocess.run(["psql", admin, "-qc", f'DROP DATABASE IF EXISTS "{name}"'], check=True, capture_output=True)
    subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    manage("migrate", "--no-input", "-v", "0")
    manage("seed_demo")
    manage("collectstatic", "--no-input", "-v", "0")
