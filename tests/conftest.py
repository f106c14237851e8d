import os

import pytest
from django.test import Client

from stakeholders.models import Organisation, Role

from .factories import OrganisationFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; Django would
# otherwise refuse database access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROLE_FIXTURES = ["secretariat", "focal_point_a", "focal_point_b", "agency_staff", "observer", "no_role"]


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation_a(db):
    return OrganisationFactory(name="Ministry A", acronym="MA")


@pytest.fixture
def organisation_b(db):
    return OrganisationFactory(name="Ministry B", acronym="MB")


@pytest.fixture
def agency(db):
    return OrganisationFactory(
        name="Agency C", acronym="AC", kind=Organisation.Kind.UN_AGENCY, network_role=Organisation.NetworkRole.CORE
    )


@pytest.fixture
def secretariat(agency):
    return UserFactory(username="secretariat", organisation=agency, role=Role.SECRETARIAT, is_staff=True)


@pytest.fixture
def focal_point_a(organisation_a):
    return UserFactory(username="focal_a", organisation=organisation_a, role=Role.FOCAL_POINT)


@pytest.fixture
def focal_point_b(organisation_b):
    return UserFactory(username="focal_b", organisation=organisation_b, role=Role.FOCAL_POINT)


@pytest.fixture
def agency_staff(agency):
    return UserFactory(username="agency", organisation=agency, role=Role.AGENCY_STAFF)


@pytest.fixture
def observer(db):
    return UserFactory(username="observer", role=Role.OBSERVER)


@pytest.fixture
def no_role(db):
    """A logged-in account that was given no role (yet): it may not see the portal."""
    return UserFactory(username="norole")


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def login():
    """Return a test client logged in as the given user."""

    def _login(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _login


def pytest_collection_modifyitems(config, items):
    """Integration tests need the real Redis that REDIS_URL points at; skip them on the embedded default."""
    from django.conf import settings

    if settings.REDIS_URL:
        return
    if os.environ.get("REQUIRE_INTEGRATION"):
        raise pytest.UsageError("REQUIRE_INTEGRATION is set but REDIS_URL is not: integration tests cannot run")
    skip = pytest.mark.skip(reason="integration test: set REDIS_URL (and DATABASE_URL) to run it")
    for item in items:
        if "integration" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker):
    """A real Celery worker, in its own process, consuming a private queue and using the test database."""
    import subprocess
    import sys
    import uuid
    from pathlib import Path

    from django.db import connection

    from uncnm_portal.celery import app

    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        if os.environ.get("REQUIRE_INTEGRATION"):
            pytest.fail("integration tests need DATABASE_URL to point at PostgreSQL")
        pytest.skip("integration tests run against PostgreSQL (set DATABASE_URL)")
    queue = f"uncnm-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_TASK_DEFAULT_QUEUE": queue,
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "uncnm_portal",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            f"--hostname={queue}@%h",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
    )
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = queue
    try:
        yield worker
    finally:
        app.conf.task_default_queue = previous_queue
        worker.terminate()
        worker.wait(timeout=30)
