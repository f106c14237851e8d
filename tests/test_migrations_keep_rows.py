"""A portal that runs the code of an earlier main, with the demo data in it, migrates to this checkout's code
without losing a row: every table keeps its rows (history tables included), the content types (and so the
permissions and the history pages' kinds) stay, the uploaded files stay.

The earlier code runs from a git worktree of BEFORE, on a database of its own, through the same
interpreter; then this checkout's `migrate` runs on that database. It runs on the database engine of the
test run, so CI checks it on SQLite and on PostgreSQL. When models move between apps (issue 25), their
tables, history tables and content types must come through under the same counts: add the moves to MOVED.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
# main before `reviews` was split (issue 25): the house the portals in use run today.
BEFORE = "f1900853a59dc195f11a048ae677f23bc46d3e30"
# Tables renamed by a move: {table before: table after}. The moved models keep their tables, but
# django-simple-history names a many-to-many field's history table after the app.
MOVED = {"reviews_historicalinput_actions": "inputs_historicalinput_actions"}
# Models moved to another app, with their content types (and so their permissions): {before: after}.
DRAFTS = ("reportsection", "exportjob", "draftversion", "historicaldraftversion", "draftcomment", "publication")
INPUTS = ("assignment", "input", "historicalinput", "historicalinput_actions", "evidence", "reminder")
PROCESS = ("consultation", "consultationparticipants", "writtencontribution", "inputtranslation")
MOVED_MODELS = {f"reviews.{model}": f"drafts.{model}" for model in (*DRAFTS, "historicalpublication")} | {
    f"reviews.{model}": f"inputs.{model}" for model in (*INPUTS, *PROCESS)
}
# Counted otherwise: the migrations' own log, SQLite's sequences, and the rows that new models add
# (content types and permissions, compared as sets below).
NOT_COUNTED = {"django_migrations", "sqlite_sequence", "django_content_type", "auth_permission"}

SNAPSHOT = """
import json, os
from django.apps import apps
from django.db import connection
with connection.cursor() as cursor:
    tables = {}
    for name in connection.introspection.table_names(cursor):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")
        tables[name] = cursor.fetchone()[0]
from django.contrib.contenttypes.models import ContentType
from django.contrib.auth.models import Permission
media = os.environ["MEDIA_ROOT"]
files = sorted(os.path.relpath(os.path.join(d, f), media) for d, _, fs in os.walk(media) for f in fs)
print(json.dumps({
    "tables": tables,
    "content_types": sorted(f"{t.app_label}.{t.model}" for t in ContentType.objects.all()),
    "permissions": sorted(f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.all()),
    "files": files,
}))
"""


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)


@pytest.fixture
def earlier_main(tmp_path):
    if shutil.which("git") is None or _git("cat-file", "-e", f"{BEFORE}^{{commit}}").returncode != 0:
        pytest.skip(f"the commit {BEFORE[:7]} is not in this clone (a shallow clone?): git fetch --unshallow")
    worktree = tmp_path / "before"
    added = _git("worktree", "add", "--detach", str(worktree), BEFORE)
    assert added.returncode == 0, added.stderr
    yield worktree
    _git("worktree", "remove", "--force", str(worktree))


@pytest.fixture
def database_url(tmp_path):
    """A database of its own, on the engine of this test run."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        yield f"sqlite:///{tmp_path / 'portal.sqlite3'}"
        return
    import psycopg2

    name = f"uncnm_migrate_{uuid.uuid4().hex[:8]}"
    server = dict(host=database["HOST"] or "127.0.0.1", port=database["PORT"] or 5432, user=database["USER"])
    admin = psycopg2.connect(dbname="postgres", password=database["PASSWORD"], **server)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    yield f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def _manage(checkout: Path, env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=checkout, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} in {checkout.name}:\n{done.stderr[-3000:]}"
    return done.stdout


def _snapshot(checkout: Path, env: dict) -> dict:
    """Rows per table, content types, permissions and files, as the code of that checkout reads them."""
    return json.loads(_manage(checkout, env, "shell", "-c", SNAPSHOT).strip().splitlines()[-1])


def _moved_permission(label: str) -> str:
    """reviews.change_exportjob is drafts.change_exportjob after the move."""
    app, codename = label.split(".")
    model = codename.split("_", 1)[1]
    return MOVED_MODELS.get(f"{app}.{model}", f"{app}.{model}").split(".")[0] + f".{codename}"


def test_the_demo_portal_of_the_earlier_main_migrates_without_losing_a_row(earlier_main, database_url, tmp_path):
    media = tmp_path / "media"
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}},
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "DEMO_DATA_ALLOWED": "true",
        "DEBUG": "true",
    }
    _manage(earlier_main, env, "migrate", "--no-input", "-v", "0")
    _manage(earlier_main, env, "seed_demo")
    before = _snapshot(earlier_main, env)
    assert before["tables"]["reviews_historicalobjectiveassessment"] > 0  # the demo has history to keep

    _manage(ROOT, env, "migrate", "--no-input", "-v", "0")
    after = _snapshot(ROOT, env)

    lost = {
        table: (count, after["tables"].get(MOVED.get(table, table)))
        for table, count in before["tables"].items()
        if table not in NOT_COUNTED and after["tables"].get(MOVED.get(table, table)) != count
    }
    assert lost == {}, "rows before and after, per table"
    assert {MOVED_MODELS.get(label, label) for label in before["content_types"]} <= set(after["content_types"])
    assert not set(MOVED_MODELS) & set(after["content_types"]), "a moved model keeps one content type, renamed"
    assert {_moved_permission(label) for label in before["permissions"]} <= set(after["permissions"])
    assert after["files"] == before["files"]
