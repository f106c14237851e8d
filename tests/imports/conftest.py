"""Fixtures of the import tests."""

import pytest


@pytest.fixture
def run_jobs(eager_celery, django_capture_on_commit_callbacks):
    """Requests whose import jobs run at once (the embedded default's eager Celery)."""

    def run(call):
        with django_capture_on_commit_callbacks(execute=True):
            return call()

    return run
