from django.contrib.auth.decorators import login_not_required
from django.db import connection
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


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, in the portal's layout, rendered without the database or the user (either may have failed).

    Unlike Django's default it keeps the request and the CSRF token (read from the cookie), so the
    page's language switch works.
    """
    template = loader.get_template("500.html")
    context = {"request": request, "csrf_token": get_token(request)}
    return HttpResponseServerError(template.render(context))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """The page for a form whose CSRF token is missing or stale: the portal's layout, a fresh token, nothing saved."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)
