from django.urls import path

from .views import (
    assessments,
    consultations,
    contributions,
    cycles,
    inputs,
    work,
)

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
    path("cycles/<int:pk>/pledges/", cycles.pledge_progress, name="pledge-progress"),
    path("cycles/<int:pk>/contributions/", contributions.contribution_list, name="contribution-list"),
    path("contributions/<int:pk>/", contributions.contribution_detail, name="contribution-detail"),
    path("contribute/<str:token>/", contributions.contribute, name="contribute"),
    path("cycles/<int:pk>/gaps/", assessments.gap_list, name="gap-list"),
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
