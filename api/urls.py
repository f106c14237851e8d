from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import routers

from . import views

router = routers.DefaultRouter()
router.register("objectives", views.ObjectiveViewSet, basename="objective")
router.register("actions", views.ActionViewSet, basename="action")
router.register("principles", views.PrincipleViewSet, basename="principle")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("cycles", views.CycleViewSet, basename="cycle")
router.register("assessments", views.AssessmentViewSet, basename="assessment")
router.register("action-statuses", views.ActionStatusViewSet, basename="action-status")
router.register("activities", views.ActivityViewSet, basename="activity")
router.register("indicators", views.IndicatorViewSet, basename="indicator")
router.register("observations", views.ObservationViewSet, basename="observation")
router.register("exports", views.ExportViewSet, basename="export")

# The API root lists the resources; like them, it is open to anonymous clients.
for pattern in router.urls:
    pattern.callback.login_required = False

urlpatterns = [
    path("", login_not_required(RedirectView.as_view(url="v1/", permanent=False))),
    re_path(r"^(?P<version>v1)/", include(router.urls)),
    path("v1/schema/", login_not_required(SpectacularAPIView.as_view(api_version="v1")), name="api-schema"),
    path("v1/docs/", login_not_required(SpectacularSwaggerSplitView.as_view(url_name="api-schema")), name="api-docs"),
]
