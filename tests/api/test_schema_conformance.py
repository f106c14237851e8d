"""schemathesis over the API's own OpenAPI schema: generated requests (valid and invalid) for every operation,
anonymously and with a token; every check of schemathesis must pass (no 5xx, responses as documented,
invalid input refused, valid input accepted)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from api.models import ApiToken
from uncnm_portal.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 40  # valid and invalid requests together
HYPOTHESIS = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)


@pytest.fixture
def api_schema(world, settings):
    """The schema as the portal serves it, its operations called through the WSGI application in the test's
    transaction (as Django's test client does, requests keep the test's database connection open)."""
    settings.API_THROTTLE_RATES = {"anonymous": "100000/minute", "token": "100000/minute"}
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _conforms(schema, headers: dict) -> list[str]:
    """Each operation with its generated cases (pytest's plugin of schemathesis needs a pytest it predates)."""
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        # Valid requests must be answered (2xx, or 404 for an id of nothing); invalid ones refused (4xx).
        cases = st.one_of(operation.as_strategy(mode) for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE))

        @HYPOTHESIS
        @given(case=cases)
        def check(case):
            case.call_and_validate(headers=headers)

        try:
            check()
        except (Exception, BaseExceptionGroup) as failure:
            failures.append(f"{operation.method.upper()} {operation.path}: {failure}")
    return failures


def test_every_operation_conforms_anonymously(api_schema):
    failures = _conforms(api_schema, {})
    assert not failures, "\n\n".join(failures)


def test_every_operation_conforms_with_a_token(api_schema, observer):
    _token, key = ApiToken.issue(user=observer, name="schemathesis")
    failures = _conforms(api_schema, {"Authorization": f"Bearer {key}"})
    assert not failures, "\n\n".join(failures)
