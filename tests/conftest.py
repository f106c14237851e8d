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


@pytest.fixture(autouse=True)
def _second_factor_off(settings):
    """Most tests log the secretariat in directly; tests/stakeholders/test_security.py turns TOTP on."""
    settings.OTP_REQUIRED_FOR_SECRETARIAT = False


@pytest.fixture(autouse=True)
def _default_language():
    """A request in Russian leaves Russian active in the thread (LocaleMiddleware); start each test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _new_content_generation():
    """Each test's database is new: pages cached under an earlier test's content are not its pages.
    (A new generation, not a cache flush: in the integration runs the cache's Redis is the broker's too.)"""
    from uncnm_portal import freshness

    freshness._new_generation()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded and exported files go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


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


def pytest_configure(config):
    """Under pytest-xdist (`make test` runs one worker per core) each worker has a test database of its
    own (pytest-django adds the worker's name to it); it gets a Redis database of its own too, or one
    worker's cached pages would be served to another's tests (the cache and the broker share REDIS_URL)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw"):
        _own_redis_database(int(worker[2:]))


def _own_redis_database(number: int) -> None:
    from urllib.parse import urlsplit, urlunsplit

    from django.conf import settings
    from django.test import override_settings

    if not settings.REDIS_URL:
        return
    if number > 5:
        raise pytest.UsageError("at most 6 test workers share one Redis (databases 10 to 15): use -n 6 or fewer")
    url = urlunsplit(urlsplit(settings.REDIS_URL)._replace(path=f"/{10 + number}"))
    # The Celery workers the integration tests start read the environment.
    os.environ["REDIS_URL"] = url
    # For the whole session; Django's setting_changed handlers make the cache connect anew.
    override_settings(
        REDIS_URL=url,
        CELERY_BROKER_URL=url,
        CELERY_RESULT_BACKEND=url,
        CACHES={"default": {**settings.CACHES["default"], "LOCATION": url}},
    ).enable()

    from uncnm_portal.celery import app

    app.conf.broker_url = app.conf.result_backend = url


def pytest_collection_modifyitems(config, items):
    """Browser journeys are engine-independent (.ci/run runs them once, on PostgreSQL + Redis).

    Integration tests need the real Redis that REDIS_URL points at; skip them on the embedded default."""
    from django.conf import settings

    engine_independent = pytest.mark.engine_independent
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(engine_independent)
    if settings.REDIS_URL:
        return
    if os.environ.get("REQUIRE_INTEGRATION"):
        raise pytest.UsageError("REQUIRE_INTEGRATION is set but REDIS_URL is not: integration tests cannot run")
    skip = pytest.mark.skip(reason="integration test: set REDIS_URL (and DATABASE_URL) to run it")
    for item in items:
        if "integration" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def celery_workers(settings):
    """Real workers for integration tests; the producer side sends to their private queue."""
    from uncnm_portal.celery import app

    from .workers import WorkerPool

    pool = WorkerPool(settings)
    previous_queue = app.conf.task_default_queue
    app.conf.task_default_queue = pool.queue
    try:
        yield pool
    finally:
        app.conf.task_default_queue = previous_queue
        pool.stop()


@pytest.fixture
def celery_worker_process(celery_workers):
    return celery_workers.start()


@pytest.fixture
def send_now(eager_celery, django_capture_on_commit_callbacks):
    """Run the e-mail tasks that a request queues after its commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def eager_celery():
    """Run tasks in-process, whatever the environment's broker (the embedded default's behaviour)."""
    from uncnm_portal.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        yield app
    finally:
        app.conf.task_always_eager = previous
