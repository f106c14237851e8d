from django.urls import path

from .views import consultations, contributions, inputs

app_name = "inputs"
urlpatterns = [
    path("cycles/<int:pk>/consultations/", consultations.consultation_list, name="consultation-list"),
    path("cycles/<int:pk>/consultations/new/", consultations.consultation_create, name="consultation-create"),
    path("consultations/<int:pk>/", consultations.consultation_update, name="consultation-update"),
    path("consultations/<int:pk>/delete/", consultations.consultation_delete, name="consultation-delete"),
    path("cycles/<int:pk>/contributions/", contributions.contribution_list, name="contribution-list"),
    path("contributions/<int:pk>/", contributions.contribution_detail, name="contribution-detail"),
    path("contribute/<str:token>/", contributions.contribute, name="contribute"),
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
]
