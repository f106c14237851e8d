"""A Python client generated from the OpenAPI schema (openapi-python-client) reads the API."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from api.models import ApiToken
from objectives.models import Objective

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_the_tests_transaction():
    """Requests served in-process keep the test's database connection open (as Django's test client does)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_a_client_generated_from_the_schema_reads_the_api(
    world, observer, tmp_path, monkeypatch, in_the_tests_transaction
):
    schema = tmp_path / "schema.yaml"
    call_command("spectacular", "--file", str(schema), "--validate")
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [
            bin_dir / "openapi-python-client",
            "generate",
            "--path",
            schema,
            "--output-path",
            tmp_path / "uncnm_client",
            "--meta",
            "none",
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    generated = importlib.import_module("uncnm_client")
    objectives_list = importlib.import_module("uncnm_client.api.v1.v1_objectives_list")
    cycles_list = importlib.import_module("uncnm_client.api.v1.v1_cycles_list")
    assessments_list = importlib.import_module("uncnm_client.api.v1.v1_assessments_list")
    language = importlib.import_module("uncnm_client.models.v1_objectives_list_lang").V1ObjectivesListLang

    # In-process, in the test's transaction: the portal's WSGI application behind httpx.
    transport = httpx.WSGITransport(app=get_wsgi_application())
    _token, key = ApiToken.issue(user=observer, name="generated client")
    client = generated.AuthenticatedClient(base_url="http://testserver", token=key, httpx_args={"transport": transport})

    objectives = objectives_list.sync(client=client, lang=language.RU, page_size=50)
    assert objectives.count == 23
    assert objectives.results[0].title == Objective.objects.get(number=1).title_ru
    assert {c.id for c in cycles_list.sync(client=client).results} == {world.published.pk, world.unpublished.pk}
    assessments = assessments_list.sync(client=client, cycle=world.published.pk, objective=1)
    assert [a.status.value for a in assessments.results] == ["advanced"]

    anonymous = generated.Client(base_url="http://testserver", httpx_args={"transport": transport})
    assert {c.id for c in cycles_list.sync(client=anonymous).results} == {world.published.pk}
