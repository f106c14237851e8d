from django.urls import path

from .views import (
    assessments,
    cycles,
    work,
)

app_name = "reviews"
urlpatterns = [
    path("my-work/", work.my_work, name="my-work"),
    path("cycles/", cycles.cycle_list, name="cycle-list"),
    path("cycles/new/", cycles.cycle_create, name="cycle-create"),
    path("cycles/<int:pk>/", cycles.cycle_detail, name="cycle-detail"),
    path("cycles/<int:pk>/edit/", cycles.cycle_update, name="cycle-update"),
    path("cycles/<int:pk>/plans/", cycles.measure_progress, name="measure-progress"),
    path("cycles/<int:pk>/pledges/", cycles.pledge_progress, name="pledge-progress"),
    path("cycles/<int:pk>/gaps/", assessments.gap_list, name="gap-list"),
    path("dashboard/", assessments.dashboard, name="dashboard"),
    path("objectives/<int:number>/", assessments.objective_detail, name="objective-detail"),
    path("objectives/<int:number>/compare/", assessments.assessment_compare, name="assessment-compare"),
    path("objectives/<int:number>/cycles/<int:cycle_id>/", assessments.assessment_detail, name="assessment-detail"),
    path(
        "objectives/<int:number>/cycles/<int:cycle_id>/edit/", assessments.assessment_update, name="assessment-update"
    ),
    path(
        "objectives/<int:number>/cycles/<int:cycle_id>/copy-previous/",
        assessments.assessment_copy_previous,
        name="assessment-copy-previous",
    ),
    path(
        "objectives/<int:number>/cycles/<int:cycle_id>/actions/",
        assessments.action_progress_update,
        name="action-progress-update",
    ),
]
