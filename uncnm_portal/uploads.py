"""Upload limits applied while the request is read, so that an oversized body is never spooled whole.

- UploadSizeMiddleware answers 413 (the portal's page) to a multipart request whose declared body
  is larger than UPLOAD_MAX_REQUEST_BYTES, before anything reads it.
- FileSizeLimitHandler, the first upload handler, stops storing a file as soon as it passes
  UPLOAD_MAX_FILE_BYTES and notes its name in request.refused_uploads; forms report it
  (nothing else of the request is saved, the typed text is kept).
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


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
        return self.get_response(request)


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.headers.get("content-length") or 0)
    except ValueError:
        return 0


class FileSizeLimitHandler(FileUploadHandler):
    def new_file(self, field_name, file_name, *args, **kwargs) -> None:
        super().new_file(field_name, file_name, *args, **kwargs)
        if self.request is not None and not hasattr(self.request, "refused_uploads"):
            self.request.refused_uploads = []

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > settings.UPLOAD_MAX_FILE_BYTES:
            if self.request is not None:
                self.request.refused_uploads.append(self.file_name)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handlers store the file
