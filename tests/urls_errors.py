"""The portal's URLs plus one view that fails, to see the 500 page as a user would."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from uncnm_portal.urls import handler500
from uncnm_portal.urls import urlpatterns as portal_urlpatterns


@login_not_required
def boom(request):
    raise RuntimeError("boom")


urlpatterns = [*portal_urlpatterns, path("boom/", boom)]
__all__ = ["handler500", "urlpatterns"]
