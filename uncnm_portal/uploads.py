"""Upload limits applied while the request is read, so that an oversized body is never spooled whole.

- UploadSizeMiddleware answers 413 (the portal's page) to a multipart request whose declared body
  is larger than UPLOAD_MAX_REQUEST_BYTES, before anything reads it.
- FileSizeLimitHandler, the first upload handler, stops storing a file as soon as it passes
  UPLOAD_MAX_FILE_BYTES and notes it in request.refused_uploads as (name, TOO_LARGE); forms
  report it (nothing else of the request is saved, the typed text is kept).
- A file whose name Django must drop (".." or only path separators) would vanish without a word;
  the middleware's parser notes it in request.refused_uploads as (name, BAD_NAME) instead.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParser
from django.shortcuts import render
from django.utils.datastructures import ImmutableList

TOO_LARGE, BAD_NAME = "too large", "bad name"


def refused(request: HttpRequest) -> list[tuple[str, str]]:
    """The files of the request that were not stored, as (name, TOO_LARGE or BAD_NAME)."""
    if not hasattr(request, "refused_uploads"):
        request.refused_uploads = []
    return request.refused_uploads


class _ReportingParser(MultiPartParser):
    def sanitize_file_name(self, file_name):
        clean = super().sanitize_file_name(file_name)
        if clean is None and file_name.strip():  # an empty name is an empty file field: nothing to say
            self.dropped.append((file_name, BAD_NAME))
        return clean


class UploadSizeMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.content_type == "multipart/form-data"
            and _declared_length(request) > settings.UPLOAD_MAX_REQUEST_BYTES
        ):
            context = {"limit": settings.UPLOAD_MAX_REQUEST_BYTES, "file_limit": settings.UPLOAD_MAX_FILE_BYTES}
            return render(request, "413.html", context, status=413)
        request.parse_file_upload = lambda META, post_data: self._parse(request, META, post_data)
        return self.get_response(request)

    @staticmethod
    def _parse(request: HttpRequest, META, post_data):
        """HttpRequest.parse_file_upload, with a parser that reports the file names it drops."""
        request.upload_handlers = ImmutableList(request.upload_handlers, warning="Upload handlers are set already.")
        parser = _ReportingParser(META, post_data, request.upload_handlers, request.encoding)
        parser.dropped = refused(request)
        return parser.parse()


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.headers.get("content-length") or 0)
    except ValueError:
        return 0


class FileSizeLimitHandler(FileUploadHandler):
    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > settings.UPLOAD_MAX_FILE_BYTES:
            if self.request is not None:
                refused(self.request).append((self.file_name, TOO_LARGE))
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handlers store the file
