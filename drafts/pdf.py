"""The draft as PDF: WeasyPrint, with a fetcher that serves the portal's own static files and nothing else."""

import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .draft_data import ReportData

# The PDF's base URL: relative static URLs resolve under it, and only they are served.
PORTAL_ORIGIN = "https://portal.invalid"


class DraftAssetError(Exception):
    """A stylesheet, font or image of the draft could not be loaded: the draft would be wrong, so the job fails."""


class PortalStaticFetcher(URLFetcher):
    """Serves the portal's own static files (and the draft's charts) to WeasyPrint and refuses every other URL
    (network, file://, data).

    A static URL is resolved as the portal resolves it: by the finders in development, and in the
    collected static files (hashed manifest names included) in production. Every refusal stops
    the rendering (`fail_on_errors`), so a draft never silently loses its stylesheet or fonts.
    """

    def __init__(self, charts: dict[str, str] | None = None, emblem: tuple[bytes, str] | None = None) -> None:
        super().__init__(allowed_protocols={"https"}, allow_redirects=False, fail_on_errors=True)
        self.requested: list[str] = []
        self.prefix = f"{PORTAL_ORIGIN}/{settings.STATIC_URL.strip('/')}/"
        # The draft's charts, drawn in memory: <img src="charts/<name>.svg" alt="..."> gives each its alt text;
        # the cycle's emblem (<img src="emblem">), read from its upload by the job.
        self.images = {
            f"{PORTAL_ORIGIN}/charts/{name}.svg": (svg.encode(), "image/svg+xml")
            for name, svg in (charts or {}).items()
        }
        if emblem:
            self.images[f"{PORTAL_ORIGIN}/emblem"] = emblem

    @classmethod
    def for_draft(cls, data: "ReportData") -> "PortalStaticFetcher":
        return cls(charts=data.chart_images, emblem=data.emblem)

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        self.requested.append(url)
        if url in self.images:
            content, content_type = self.images[url]
            return URLFetcherResponse(url, content, {"Content-Type": content_type})
        if not url.startswith(self.prefix):
            raise ValueError(f"The draft may only use the portal's own static files, not {url[:80]}")
        relative = unquote(url[len(self.prefix) :].split("?")[0].split("#")[0])
        content = read_static_file(relative)
        mime_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        return URLFetcherResponse(url, content, {"Content-Type": mime_type})


def read_static_file(relative: str) -> bytes:
    """The bytes of one of the portal's static files, by the name `{% static %}` gave it; ValueError otherwise."""
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or "\\" in relative or ".." in parts:
        raise ValueError(f"Not a static file name: {relative[:80]}")
    found = finders.find(relative)
    if found:
        return Path(found).read_bytes()
    # Production: collectstatic wrote the files (under hashed names too) into STATIC_ROOT.
    if staticfiles_storage.exists(relative):
        with staticfiles_storage.open(relative) as handle:
            return handle.read()
    raise ValueError(f"No such static file: {relative}")


def render_html(data: ReportData) -> str:
    return render_to_string("reports/vnr.html", {"data": data, "cycle": data.cycle, "job": data.job})


def render_pdf(html: str, *, fetcher: PortalStaticFetcher | None = None) -> tuple[bytes, int]:
    """The PDF and its page count; only the portal's static files can be fetched, and each must load."""
    fetcher = fetcher or PortalStaticFetcher()
    try:
        # PDF/UA-1: a structure tree (headings, lists, tables, figures), the title and the language,
        # for screen readers and document systems; WeasyPrint tags what the HTML says.
        options = {"pdf_variant": "pdf/ua-1"}
        document = HTML(string=html, base_url=f"{PORTAL_ORIGIN}/", url_fetcher=fetcher).render(**options)
        return document.write_pdf(**options), len(document.pages)
    except FatalURLFetchingError as exc:
        # WeasyPrint's fatal error is a BaseException; the task's failure handling expects an Exception.
        reason = exc.__cause__ or exc
        raise DraftAssetError(_("A file the draft needs could not be loaded: %(reason)s") % {"reason": reason}) from exc
