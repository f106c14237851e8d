import sys

from django.contrib.auth.decorators import login_not_required
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness probe for the container healthcheck: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


# Retry-After on the 503 page: a database restart is usually over within this many seconds.
RETRY_AFTER = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, in the portal's layout, rendered without the database or the user (either may have failed).

    When the database is what failed (away, restarting), it is a 503 with Retry-After and a page that
    says so. Unlike Django's default it keeps the request and the CSRF token (read from the cookie), so
    the page's language switch works.
    """
    context = {"request": request, "csrf_token": get_token(request)}
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(context), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render(context))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The page for a form whose CSRF token is missing or stale: the portal's layout, a fresh token, nothing saved."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)
