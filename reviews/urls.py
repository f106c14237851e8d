from django.urls import path

from .views import assessments, consultations, cycles, drafts, inputs, versions, work

app_name = "reviews"
urlpatterns = [
    path("my-work/", work.my_work, name="my-work"),
    path("cycles/", cycles.cycle_list, name="cycle-list"),
    path("cycles/new/", cycles.cycle_create, name="cycle-create"),
    path("cycles/<int:pk>/", cycles.cycle_detail, name="cycle-detail"),
    path("cycles/<int:pk>/edit/", cycles.cycle_update, name="cycle-update"),
    path("cycles/<int:pk>/consultations/", consultations.consultation_list, name="consultation-list"),
    path("cycles/<int:pk>/consultations/new/", consultations.consultation_create, name="consultation-create"),
    path("consultations/<int:pk>/", consultations.consultation_update, name="consultation-update"),
    path("consultations/<int:pk>/delete/", consultations.consultation_delete, name="consultation-delete"),
    path("cycles/<int:pk>/plans/", cycles.measure_progress, name="measure-progress"),
    path("cycles/<int:pk>/gaps/", assessments.gap_list, name="gap-list"),
    path("cycles/<int:pk>/exports/", drafts.export_list, name="export-list"),
    path("cycles/<int:pk>/outline/", drafts.outline_update, name="outline-update"),
    path("exports/<int:pk>/", drafts.export_detail, name="export-detail"),
    path("exports/<int:pk>/status/", drafts.export_status, name="export-status"),
    path("exports/<int:pk>/retry/", drafts.export_retry, name="export-retry"),
    path("exports/<int:pk>/download/<str:fmt>/", drafts.export_download, name="export-download"),
    path("exports/<int:pk>/version/", versions.export_mark_version, name="export-mark-version"),
    path("cycles/<int:pk>/checklist/", versions.checklist_page, name="checklist"),
    path("versions/<int:pk>/", versions.version_detail, name="version-detail"),
    path("versions/<int:pk>/comment/", versions.version_comment, name="version-comment"),
    path("versions/<int:pk>/move/", versions.version_move, name="version-move"),
    path("versions/<int:pk>/download/<str:fmt>/", versions.version_download, name="version-download"),
    path("dashboard/", assessments.dashboard, name="dashboard"),
    path("inputs/", inputs.input_inbox, name="input-inbox"),
    path("inputs/<int:pk>/", inputs.input_detail, name="input-detail"),
    path("inputs/<int:pk>/accept/", inputs.input_accept, name="input-accept"),
    path("inputs/<int:pk>/draft-use/", inputs.input_draft_use, name="input-draft-use"),
    path("inputs/<int:pk>/return/", inputs.input_return, name="input-return"),
    path("inputs/<int:pk>/evidence/<int:evidence_id>/", inputs.evidence_download, name="evidence-download"),
    path("inputs/<int:pk>/evidence/<int:evidence_id>/delete/", inputs.evidence_delete, name="evidence-delete"),
    path("cycles/<int:pk>/call/", inputs.call_for_inputs, name="call-for-inputs"),
    path("cycles/<int:pk>/inputs/", inputs.input_queue, name="input-queue"),
    path("cycles/<int:pk>/tracker/", inputs.input_tracker, name="input-tracker"),
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
