"""The portal's URLs plus one view that fails, to see the 500 page as a user would."""

from django.contrib.auth.decorators import login_not_required
from django.db import OperationalError
from django.urls import path

from uncnm_portal.urls import handler500
from uncnm_portal.urls import urlpatterns as portal_urlpatterns


@login_not_required
def boom(request):
    raise RuntimeError("boom")


@login_not_required
def database_away(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


urlpatterns = [*portal_urlpatterns, path("boom/", boom), path("database-away/", database_away)]
__all__ = ["handler500", "urlpatterns"]
