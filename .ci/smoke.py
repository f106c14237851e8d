"""Production-settings smoke test (`make smoke`): the portal as the README's production steps run it.

DEBUG off, `collectstatic` with the manifest storage, compiled catalogues, gunicorn and a real Celery
worker on PostgreSQL + Redis, reached over plain HTTP (HTTPS=False, the documented local trial) on a
host name that is neither 127.0.0.1 nor localhost. Through HTTP only: log in as the secretariat
(password and TOTP code), open the main pages, see the error pages, export a draft, wait for it,
download the PDF and DOCX and read the PDF as a reader would (cover alone on page 1, contents with
page numbers, the portal's sans-serif face, "Page X of Y" footers).

Needs PostgreSQL (SMOKE_DATABASE_URL, database re-created), Redis (SMOKE_REDIS_URL) and poppler-utils.
"""

import base64
import hashlib
import hmac
import http.cookiejar
import io
import json
import os
import re
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "uncnm-portal.test"
DATABASE_URL = os.environ.get("SMOKE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/uncnm_smoke")
REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/3")
PASSWORD = "demo-portal-2026"
EXPORT_TIMEOUT = 150

passed: list[str] = []
failed: list[str] = []


def check(condition: bool, what: str, detail: str = "") -> bool:
    (passed if condition else failed).append(what)
    print(f"  {'ok  ' if condition else 'FAIL'} {what}" + (f": {detail}" if detail and not condition else ""))
    return condition


# The smoke client resolves the trial's host name to this machine, as /etc/hosts or DNS would.
_getaddrinfo = socket.getaddrinfo


def _resolve(host, *args, **kwargs):
    return _getaddrinfo("127.0.0.1" if host == HOST else host, *args, **kwargs)


socket.getaddrinfo = _resolve


class Browser:
    """Cookies as a browser keeps them (http.cookiejar sends no Secure cookie over http), CSRF, no redirects."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, path: str, data: dict | None = None, *, language: str = "en") -> tuple[int, dict, bytes]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        request.add_header("Accept-Language", language)
        if data is not None:
            request.add_header("Origin", self.base)
            request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def post_form(self, path: str, data: dict) -> tuple[int, dict, bytes]:
        """GET the form's page first (as a person would), then POST it with the CSRF token."""
        self.request(path)
        return self.request(path, {**data, "csrfmiddlewaretoken": self.csrf()})


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 code of a base32 key: what the secretariat's authenticator app shows."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def recreate_database() -> None:
    import psycopg2
    from psycopg2 import sql

    url = urllib.parse.urlparse(DATABASE_URL)
    name = url.path.lstrip("/")
    connection = psycopg2.connect(
        host=url.hostname, port=url.port or 5432, user=url.username, password=url.password, dbname="postgres"
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-3000:])
        raise SystemExit(f"manage.py {' '.join(args)} failed")
    return result.stdout


def pdf_pages(path: Path) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.check_output(["pdfinfo", str(path)], text=True))[1])
    return [
        subprocess.check_output(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"], text=True)
        for n in range(1, count + 1)
    ]


def check_pdf(path: Path) -> None:
    pages = pdf_pages(path)
    count = len(pages)
    check(count >= 20, "the draft of all 23 objectives has at least 20 pages", f"{count} pages")
    cover = pages[0]
    # The cover's letter-spaced "DRAFT" comes out of pdftotext as "D RAFT".
    alone = "DRAFT" in re.sub(r"\s+", "", cover) and "Contents" not in cover and "Objective 1" not in cover
    check(alone, "the cover stands alone on page 1", cover)
    contents = pages[1]
    numbered = re.findall(r"^\s*(?:\d+\.\s+)?\S.*?\s(\d+)\s*$", contents, re.MULTILINE)
    check("Contents" in contents, "page 2 holds the contents")
    check(len(numbered) >= 8, "the contents give page numbers", f"{len(numbered)} numbered lines")
    check(not re.search(r"\b1\.\s+1\.", contents), "the contents are numbered once ('1.' not '1. 1.')")
    footers = [bool(re.search(rf"Page {n} of {count}\b", page)) for n, page in enumerate(pages, 1)]
    check(all(footers[1:]), "every page after the cover has a 'Page X of Y' footer", str(footers.count(False)))
    fonts = subprocess.check_output(["pdffonts", str(path)], text=True).splitlines()[2:]
    names = {line.split()[0] for line in fonts if line.strip()}
    serif = {n for n in names if re.search(r"serif|times|roman|georgia", n, re.IGNORECASE) and "Sans" not in n}
    check(bool(names) and not serif, "pdffonts lists no serif face", ", ".join(sorted(names)))
    check(all("DejaVu" in n for n in names), "every font is the portal's (DejaVu Sans)", ", ".join(sorted(names)))


def check_docx(content: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        document = archive.read("word/document.xml").decode()
    check(document.count("Objective ") >= 23, "the DOCX holds the 23 objectives")


def start(env: dict, log: Path, *command: str) -> subprocess.Popen:
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def run(work: Path) -> None:
    port = free_port()
    base = f"http://{HOST}:{port}"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DEBUG", "DATABASE_", "REDIS_"))}
    production = {
        **clean,
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "CELERY_TASK_DEFAULT_QUEUE": f"uncnm-smoke-{uuid.uuid4().hex[:8]}",
        "PORTAL_URL": base,
        "EMAIL_URL": "consolemail://",
    }
    trial = {**production, "HTTPS": "False", "DEMO_DATA_ALLOWED": "True"}

    print("== set-up as the README's production steps")
    recreate_database()
    manage(production, "migrate", "--no-input", "-v", "0")
    manage(production, "collectstatic", "--no-input", "-v", "0")
    deploy = manage(production, "check", "--deploy", "--fail-level", "WARNING")
    check("no issues" in deploy, "check --deploy is clean with production settings")
    manage(trial, "seed_demo")

    web = start(
        trial,
        work / "gunicorn.log",
        sys.executable,
        "-m",
        "gunicorn",
        "uncnm_portal.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--access-logfile",
        "-",
    )
    worker = start(
        trial,
        work / "worker.log",
        sys.executable,
        "-m",
        "celery",
        "-A",
        "uncnm_portal",
        "worker",
        "--pool=solo",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
    )
    try:
        browse(Browser(base), work / "worker.log")
        in_chromium(base, port)
    finally:
        stop(web)
        stop(worker)
        if failed:
            for log in ("gunicorn.log", "worker.log"):
                print(f"== last lines of {log}")
                print("\n".join((work / log).read_text(errors="replace").splitlines()[-40:]))


def browse(browser: Browser, mail_log: Path) -> None:
    """The HTTP part: the login page and its static files, the secretariat's login, pages, errors, an export."""
    wait_until_up(browser)
    print(f"== through HTTP on {browser.base} (plain HTTP trial, DEBUG off)")
    login_page(browser)
    public_pages(Browser(browser.base))
    if log_in_secretariat(browser, mail_log):
        main_pages(browser)
        error_pages(browser)
        export_draft(browser)


def wait_until_up(browser: Browser) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if browser.request("/healthz")[2] == b"ok":
                break
        except OSError:
            pass
        time.sleep(0.5)


def login_page(browser: Browser) -> None:
    status, headers, body = browser.request("/accounts/login/")
    check(status == 200, "the login page answers", str(status))
    cookie = headers.get("Set-Cookie", "")
    check("csrftoken=" in cookie and "secure" not in cookie.lower(), "the trial's cookies carry no Secure flag", cookie)
    css = re.findall(rb'href="(/static/[^"]+\.css)"', body)
    check(bool(css) and all(re.search(rb"\.[0-9a-f]{12}\.css$", c) for c in css), "stylesheets have hashed names")
    for url in css:
        status, headers, _content = browser.request(url.decode())
        check(status == 200 and "text/css" in headers.get("Content-Type", ""), f"{url.decode()} is served")
        check("immutable" in headers.get("Cache-Control", ""), f"{url.decode()} is cached for good")


def public_pages(anonymous: Browser) -> None:
    """What anyone sees: the published reviews, the API and its documentation, with collected static files."""
    status, headers, body = anonymous.request("/public/?lang=ru")
    check(status == 200 and b'<html lang="ru">' in body, "an anonymous visitor reads the public pages", str(status))
    check(b"2022" in body, "the demo's published reviews are listed")
    again = anonymous.request("/public/?lang=ru")
    check(again[2] == body and "Last-Modified" in again[1], "a public page is served again from the cache")
    status, _headers, body = anonymous.request("/api/v1/assessments/?lang=ru")
    check(status == 200 and json.loads(body)["count"] > 0, "an anonymous client reads published assessments")
    status, _headers, body = anonymous.request("/api/v1/docs/")
    scripts = re.findall(rb'src="(/static/[^"]+\.js)"', body)
    check(status == 200 and bool(scripts), "the API documentation page answers", str(status))
    for url in scripts:
        check(anonymous.request(url.decode())[0] == 200, f"{url.decode()} is served by the portal")
    status, headers, _body = anonymous.request("/public/cycles/1/data.xlsx")
    check(status == 200 and "spreadsheetml" in headers.get("Content-Type", ""), "open data downloads", str(status))


def log_in_secretariat(browser: Browser, mail_log: Path) -> bool:
    status, _headers, _body = browser.post_form("/accounts/login/", {"username": "secretariat", "password": PASSWORD})
    check(status == 302, "the secretariat logs in with a password", str(status))
    status, _headers, body = browser.request("/accounts/two-factor/")
    check(b"totp-secret" not in body, "the password alone shows no key of an authenticator app")
    status, _headers, body = browser.post_form("/accounts/two-factor/", {"send": "1"})
    check(status == 200 and b"We sent a link" in body, "the secretariat asks for the enrolment link", str(status))
    link = None
    deadline = time.monotonic() + 30
    while link is None and time.monotonic() < deadline:  # the real worker sends it (console e-mail in its log)
        link = re.search(r"/accounts/two-factor/enrol/\S+/", mail_log.read_text(errors="replace"))
        time.sleep(0.5)
    if not check(link is not None, "the worker e-mails the enrolment link"):
        return False
    status, _headers, _body = browser.request(link[0])
    status, _headers, body = browser.request("/accounts/two-factor/")
    secret = re.search(rb'id="totp-secret">([A-Z2-7]+)<', body)
    if not check(secret is not None, "the first login shows the key of a new authenticator app"):
        return False
    status, _headers, _body = browser.post_form("/accounts/two-factor/", {"token": totp(secret[1].decode())})
    return check(status == 302, "the TOTP code is accepted", str(status))


def main_pages(browser: Browser) -> None:
    pages = [
        "/",
        "/objectives/1/",
        "/dashboard/",
        "/activities/",
        "/indicators/",
        "/inputs/",
        "/cycles/",
        "/organisations/",
        "/accounts/users/",
        "/admin/",
    ]
    for page in pages:
        status, _headers, body = browser.request(page)
        check(status == 200 and b'<html lang="en"' in body, f"{page} opens", str(status))
    status, _headers, body = browser.request("/", language="ru")
    check(status == 200 and b'<html lang="ru">' in body, "the home page is in Russian for a Russian browser")


def error_pages(browser: Browser) -> None:
    for language, text in (("en", "This page does not exist"), ("ru", "Такой страницы нет")):
        status, _headers, body = browser.request("/no-such-page/", language=language)
        check(
            status == 404 and text.encode() in body and b"language-select" in body,
            f"the 404 page in the portal's layout ({language})",
            str(status),
        )
    status, _headers, body = browser.request("/accounts/login/", {"username": "x", "password": "y"})
    check(status == 403 and b"The form could not be sent" in body, "a form without CSRF token gets the portal's page")


def export_draft(browser: Browser) -> None:
    status, _headers, body = browser.request("/cycles/")
    cycles = sorted({int(pk) for pk in re.findall(rb'href="/cycles/(\d+)/"', body)})
    if not check(bool(cycles), "the demo has review cycles"):
        return
    export_list = f"/cycles/{cycles[-1]}/exports/"
    started = time.monotonic()
    status, headers, _body = browser.post_form(export_list, {"language": "en", "include_annexes": "on"})
    location = headers.get("Location", "")
    if not check(status == 302 and re.fullmatch(r"/exports/\d+/", location), "a draft export starts", location):
        return
    job = {}
    while time.monotonic() - started < EXPORT_TIMEOUT:
        job = json.loads(browser.request(location + "status/")[2])
        if job.get("finished"):
            break
        time.sleep(1)
    seconds = time.monotonic() - started
    if not check(job.get("status") == "done", f"the worker finishes the draft ({seconds:.1f} s)", json.dumps(job)):
        return
    status, headers, pdf = browser.request(location + "download/pdf/")
    check(status == 200 and pdf.startswith(b"%PDF"), "the PDF downloads", str(status))
    status, headers, docx = browser.request(location + "download/docx/")
    check(status == 200 and docx.startswith(b"PK"), "the DOCX downloads", str(status))
    folder = Path(tempfile.mkdtemp(prefix="uncnm-smoke-pdf-"))
    (folder / "draft.pdf").write_bytes(pdf)
    check_pdf(folder / "draft.pdf")
    check_docx(docx)
    shutil.rmtree(folder)


def in_chromium(base: str, port: int) -> None:
    """The trial in a real browser on a host name other than localhost: the login holds, the language switches."""
    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).exists():
        check(not os.environ.get("REQUIRE_BROWSER"), "Chromium is installed (apt-get install chromium)")
        return
    from playwright.sync_api import sync_playwright

    print(f"== in Chromium on {base}")
    args = ["--no-sandbox", "--headless", "--disable-gpu", f"--host-resolver-rules=MAP {HOST} 127.0.0.1"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=args)
        page = browser.new_page(base_url=base, locale="en-GB")
        page.goto("/")
        page.get_by_label("Username").fill("observer")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_load_state()
        check(
            page.url == f"{base}/" and page.get_by_role("button", name="Signed in as observer").count() == 1,
            "Chromium stays logged in over plain HTTP",
            page.url,
        )
        page.get_by_label("Language").select_option("ru")
        page.get_by_role("button", name="Switch").click()
        page.wait_for_load_state()
        check(page.locator("html").get_attribute("lang") == "ru", "the language switch works in Chromium")
        styles = page.evaluate("getComputedStyle(document.querySelector('.navbar')).display")
        check(styles == "flex", "Bootstrap's stylesheet applies (collected, hashed, served by whitenoise)", styles)
        browser.close()


def main() -> int:
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="uncnm-smoke-"))
    try:
        run(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"== smoke test in {time.monotonic() - started:.0f} s")
    print(f"smoke: {len(passed)} passed, {len(failed)} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
