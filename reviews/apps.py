from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reviews"
    verbose_name = _("Reviews")
    # The history pages (history/pages.py): the kind in the URL, the model, who may restore an earlier version.
    history_pages = {
        "assessment": ("reviews.ObjectiveAssessment", "reviews.permissions.can_restore_progress"),
        "action-status": ("reviews.ActionProgress", "reviews.permissions.can_restore_progress"),
    }
