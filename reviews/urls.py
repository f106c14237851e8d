from django.urls import path

from . import input_views, views

app_name = "reviews"
urlpatterns = [
    path("cycles/", views.cycle_list, name="cycle-list"),
    path("cycles/<int:pk>/", views.cycle_detail, name="cycle-detail"),
    path("cycles/<int:pk>/gaps/", views.gap_list, name="gap-list"),
    path("cycles/<int:pk>/exports/", views.export_list, name="export-list"),
    path("cycles/<int:pk>/outline/", views.outline_update, name="outline-update"),
    path("exports/<int:pk>/", views.export_detail, name="export-detail"),
    path("exports/<int:pk>/status/", views.export_status, name="export-status"),
    path("exports/<int:pk>/retry/", views.export_retry, name="export-retry"),
    path("exports/<int:pk>/download/<str:fmt>/", views.export_download, name="export-download"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("inputs/", input_views.input_inbox, name="input-inbox"),
    path("inputs/<int:pk>/", input_views.input_detail, name="input-detail"),
    path("inputs/<int:pk>/accept/", input_views.input_accept, name="input-accept"),
    path("inputs/<int:pk>/return/", input_views.input_return, name="input-return"),
    path("inputs/<int:pk>/evidence/<int:evidence_id>/", input_views.evidence_download, name="evidence-download"),
    path("inputs/<int:pk>/evidence/<int:evidence_id>/delete/", input_views.evidence_delete, name="evidence-delete"),
    path("cycles/<int:pk>/call/", input_views.call_for_inputs, name="call-for-inputs"),
    path("cycles/<int:pk>/inputs/", input_views.input_queue, name="input-queue"),
    path("cycles/<int:pk>/tracker/", input_views.input_tracker, name="input-tracker"),
    path("objectives/<int:number>/compare/", views.assessment_compare, name="assessment-compare"),
    path("objectives/<int:number>/cycles/<int:cycle_id>/", views.assessment_detail, name="assessment-detail"),
    path("objectives/<int:number>/cycles/<int:cycle_id>/edit/", views.assessment_update, name="assessment-update"),
    path(
        "objectives/<int:number>/cycles/<int:cycle_id>/copy-previous/",
        views.assessment_copy_previous,
        name="assessment-copy-previous",
    ),
    path(
        "objectives/<int:number>/cycles/<int:cycle_id>/actions/",
        views.action_progress_update,
        name="action-progress-update",
    ),
]
