from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DraftsConfig(AppConfig):
    """The drafts of a review: outline, export jobs and their PDF and Word builders, versions and sign-off,
    the checklist, and what of a cycle is published. Above reviews (cycles, inputs), below the public pages."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "drafts"
    verbose_name = _("Drafts")
    page_parts = {"my-work": "drafts.parts.my_work"}  # see uncnm_portal/parts.py
