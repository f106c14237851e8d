from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InputsConfig(AppConfig):
    """The call for inputs and the whole-of-society process of a review: assignments, inputs and their
    evidence, reminders and e-mails, consultations, written contributions. Above reviews, below drafts."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "inputs"
    verbose_name = _("Inputs")
    # See uncnm_portal/parts.py: what this app adds to the pages of reviews.
    page_parts = {"my-work": "inputs.parts.my_work", "assessment-form": "inputs.parts.assessment_form"}
