"""Redis and PostgreSQL stopped and restarted under a running portal (issue 16).

The portal here is private (tests/outages.py): its own PostgreSQL and Redis, gunicorn with
production settings and a real Celery worker, so that stopping them touches nothing shared.
"""

import contextlib
import os
import re
import time

import pytest

from tests.outages import Browser, Portal, PrivatePostgres, PrivateRedis, links

pytestmark = pytest.mark.integration
SKIP = ("/accounts/logout/", "/i18n/", "/static/", "/media/", "/admin/")


@pytest.fixture(scope="session")
def prepared(tmp_path_factory):
    """A portal migrated, its static files collected and its accounts created once per pytest-xdist worker
    that runs an outage test (about 35 s), then
    stopped: each test runs on a copy of its database, so that what one test did is not in the next."""
    if not os.environ.get("REQUIRE_INTEGRATION") and not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("outage tests run with the integration tests (PostgreSQL and Redis programs installed)")
    database, broker = PrivatePostgres(), PrivateRedis()
    database.start()
    broker.start()
    portal = Portal(tmp_path_factory.mktemp("prepared-portal"), database, broker)
    try:
        portal.set_up()
    finally:
        broker.stop()
        database.stop()
    yield portal
    database.remove()


@pytest.fixture
def portal(prepared, tmp_path, request):
    database, broker = PrivatePostgres(copy_of=prepared.database), PrivateRedis()
    database.start()
    broker.start()
    portal = Portal(tmp_path, database, broker)
    try:
        portal.set_up_as(prepared)
        portal.start_web()
        marker = request.node.get_closest_marker("worker_app")
        if marker:
            portal.env["SLOW_EXPORT_STAGE"] = "1.5"
        portal.start_worker(*(marker.args if marker else ()))
        yield portal
    finally:
        portal.stop()
        for service in (broker, database):
            with contextlib.suppress(Exception):  # already stopped by the test
                service.stop()
        database.remove()


def crawl(browser: Browser, start: list[str], limit: int = 120) -> dict[str, int]:
    """Every page reachable in two steps from the start pages, with its status."""
    seen: dict[str, int] = {}
    frontier = list(start)
    for _depth in range(3):
        found = []
        for path in frontier:
            if path in seen or len(seen) >= limit or path.startswith(SKIP) or "format=" in path:
                continue
            status, _headers, body = browser.request(path)
            seen[path] = status
            if status == 200:
                found.extend(links(body))
        frontier = found
    return seen


def wait_until(condition, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    pytest.fail("the condition did not come true in time")


def test_with_redis_stopped_users_browse_export_and_invite_and_each_completes_once_when_it_returns(portal):
    browser = Browser(portal.base)
    browser.log_in("anna")
    ((cycle_id,),) = portal.database.query("SELECT id FROM reviews_reviewcycle")
    ((ministry_id,),) = portal.database.query("SELECT id FROM stakeholders_organisation WHERE acronym = 'MLSP'")

    portal.broker.stop()
    pages = crawl(browser, ["/", f"/cycles/{cycle_id}/exports/", "/accounts/users/"])
    assert len(pages) > 30, pages
    failed = {path: status for path, status in pages.items() if status >= 500}
    assert not failed, failed

    status, headers, body = browser.post(f"/cycles/{cycle_id}/exports/", {"language": "ru", "include_annexes": "on"})
    assert status == 302, re.findall(r"invalid-feedback[^<]*<[^<]*", body) or body[-2000:]
    status, _headers, page = browser.request(headers["Location"])
    assert status == 200 and "it will start shortly" in page
    status, _headers, _body = browser.post(
        "/accounts/users/invite/",
        {
            "full_name": "Olga Sidorenko",
            "email": "olga@example.org",
            "organisation": ministry_id,
            "role": "Government focal point",
            "language": "ru",
        },
    )
    assert status == 302, status
    assert portal.database.query("SELECT status, sent_at FROM reviews_exportjob") == [("queued", None)]
    assert portal.database.query("SELECT status FROM stakeholders_outgoingemail") == [("pending",)]

    portal.broker.start()  # Redis is back; the worker reconnects by itself
    assert portal.run_beat_tasks_now() == "1 1"  # one export and one e-mail sent, nothing else
    wait_until(lambda: portal.database.query("SELECT status FROM reviews_exportjob") == [("done",)])
    wait_until(lambda: portal.database.query("SELECT status FROM stakeholders_outgoingemail") == [("sent",)])
    assert portal.database.query("SELECT attempts FROM reviews_exportjob") == [(1,)]
    assert portal.database.query("SELECT attempts FROM stakeholders_outgoingemail") == [(1,)]
    assert len(re.findall(r"^To: olga@example.org", portal.log("worker"), re.MULTILINE)) == 1  # one e-mail
    assert portal.run_beat_tasks_now() == "0 0"  # each once


def test_with_postgresql_stopped_pages_say_so_and_the_portal_recovers_when_it_returns(portal):
    browser = Browser(portal.base)
    browser.log_in("anna")
    ((cycle_id,),) = portal.database.query("SELECT id FROM reviews_reviewcycle")
    assert browser.request("/dashboard/")[0] == 200

    portal.database.stop()
    for path in ["/dashboard/", "/objectives/3/", "/inputs/", f"/cycles/{cycle_id}/exports/"]:
        status, headers, page = browser.request(path)
        assert status == 503 and headers["Retry-After"] == "30", (path, status)
        assert "The portal&#x27;s database is not answering" in page or "database is not answering" in page
    status, _headers, _page = browser.request(f"/cycles/{cycle_id}/exports/", {"language": "en"})
    assert status in (403, 503)  # a form sent now is refused (CSRF cannot be checked without the session) or 503

    portal.database.start()
    statuses = [browser.request(path)[0] for path in ["/dashboard/", "/objectives/3/", "/inputs/", "/dashboard/"]]
    assert statuses == [200, 200, 200, 200]  # no 500 after the restart: connections are checked before use
    status, headers, _body = browser.post(f"/cycles/{cycle_id}/exports/", {"language": "en", "include_annexes": "on"})
    assert status == 302
    wait_until(lambda: portal.database.query("SELECT status FROM reviews_exportjob") == [("done",)])


@pytest.mark.worker_app("tests.slow_celery")
def test_redis_stopped_and_restarted_in_the_middle_of_an_export_gives_one_draft_once(portal):
    browser = Browser(portal.base)
    browser.log_in("anna")
    ((cycle_id,),) = portal.database.query("SELECT id FROM reviews_reviewcycle")
    status, _headers, _body = browser.post(f"/cycles/{cycle_id}/exports/", {"language": "en", "objectives": "1"})
    assert status == 302
    wait_until(lambda: portal.database.query("SELECT stage FROM reviews_exportjob") == [("rendering_html",)])

    portal.broker.stop()  # the worker is building the draft; its broker goes away and comes back empty
    time.sleep(2)
    assert browser.request("/dashboard/")[0] == 200
    portal.broker.start()

    wait_until(lambda: portal.database.query("SELECT status FROM reviews_exportjob") == [("done",)])
    assert portal.database.query("SELECT attempts FROM reviews_exportjob") == [(1,)]
    ((job_id,),) = portal.database.query("SELECT id FROM reviews_exportjob")
    files = sorted(p.suffix for p in (portal.folder / "media" / "exports" / str(job_id)).iterdir())
    assert files == [".docx", ".gz", ".pdf"]  # the Word document, the HTML source (gzipped), the PDF
    assert portal.run_beat_tasks_now() == "0 0"  # nothing left to send again
