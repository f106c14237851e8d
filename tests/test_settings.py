"""Production settings: refuse to start without a secret, pass Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DEBUG": "False",
    "SECRET_KEY": "x7#kq2!vR9z@Lm4pW8tY1uB6nC3dF5gH0jK_sA-eI+oP=QwErTyUiOpAsDfGhJkL",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://uncnm:uncnm@127.0.0.1:5432/uncnm",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args: str, **environ: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in PRODUCTION and not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **environ},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checklist_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    environ = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = manage("check", **environ)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_embedded_default_needs_no_environment(tmp_path):
    result = manage("diffsettings", "--output", "unified")
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout
    assert "CELERY_TASK_ALWAYS_EAGER = True" in result.stdout
    assert "console.EmailBackend" in result.stdout


def test_export_time_limit_is_below_the_visibility_timeout_and_beat_runs_the_sweepers(settings):
    from drafts.tasks import export_draft_task

    assert export_draft_task.time_limit == settings.EXPORT_TIME_LIMIT
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] > settings.EXPORT_TIME_LIMIT
    assert settings.EXPORT_STALE_AFTER > settings.EXPORT_TIME_LIMIT
    assert export_draft_task.acks_late and export_draft_task.reject_on_worker_lost
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == {
        "reviews.tasks.requeue_stuck_exports_task",
        "reviews.tasks.send_deadline_reminders_task",
        "stakeholders.tasks.send_waiting_emails_task",
        "uncnm_portal.tasks.forget_form_keys_task",
    }


def test_plain_http_trial_drops_the_secure_flags_and_the_redirect():
    script = (
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.LANGUAGE_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)"
    )
    trial = manage("shell", "--no-imports", "-c", script, **PRODUCTION, HTTPS="False")
    assert trial.stdout.split() == ["False", "False", "False", "False", "0"], trial.stderr
    production = manage("shell", "--no-imports", "-c", script, **PRODUCTION)
    assert production.stdout.split() == ["True", "True", "True", "True", "31536000"], production.stderr


def test_deploy_check_warns_when_the_catalogues_are_not_compiled(settings, tmp_path):
    from uncnm_portal.checks import check_compiled_catalogues

    assert check_compiled_catalogues() == []  # `make test` compiled them
    (tmp_path / "ru" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "ru" / "LC_MESSAGES" / "django.po").write_text("")
    settings.LOCALE_PATHS = [tmp_path]
    assert [w.id for w in check_compiled_catalogues()] == ["uncnm.W001", "uncnm.W001"]
    assert "ru message catalogue is not compiled" in check_compiled_catalogues()[0].msg


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_scripts(observer, client):
    client.force_login(observer)
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert "<script>" not in response.content.decode()  # every script is a static file


def test_each_test_worker_caches_and_queues_in_a_redis_database_of_its_own():
    """`make test` runs a worker per core: one worker's cached pages must never be another's (tests/conftest.py)."""
    from django.conf import settings
    from django.core.cache import cache

    from uncnm_portal.celery import app

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not (worker and settings.REDIS_URL):
        pytest.skip("only under pytest-xdist with REDIS_URL set")
    number = 10 + int(worker[2:])
    cache.set("which-worker", worker)
    assert cache._cache.get_client().connection_pool.connection_kwargs["db"] == number
    assert app.conf.broker_url.endswith(f"/{number}") and os.environ["REDIS_URL"].endswith(f"/{number}")
