"""The forms of reviews, one module per seam; every form is re-exported here, so `from reviews.forms import X` holds."""

from .cycles import (
    ActionProgressForm,
    ActionProgressFormSet,
    AssessmentForm,
    MeasureProgressForm,
    MeasureProgressFormSet,
    PledgeProgressForm,
    PledgeProgressFormSet,
    ReviewCycleForm,
    StatusRowForm,
)
from .fields import NARRATIVE_MAX_LENGTH, KeepsSourceLanguage

__all__ = [
    "NARRATIVE_MAX_LENGTH",
    "ActionProgressForm",
    "ActionProgressFormSet",
    "AssessmentForm",
    "KeepsSourceLanguage",
    "MeasureProgressForm",
    "MeasureProgressFormSet",
    "PledgeProgressForm",
    "PledgeProgressFormSet",
    "ReviewCycleForm",
    "StatusRowForm",
]
