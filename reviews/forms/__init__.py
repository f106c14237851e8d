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
from .fields import NARRATIVE_MAX_LENGTH, FileOrNoneForm, KeepsSourceLanguage, MultipleFileField
from .inputs import (
    AssignmentForm,
    ConsultationForm,
    ContributionForm,
    ContributionInvitationForm,
    DraftUseForm,
    InputForm,
    ModerationForm,
    ReturnForm,
)

__all__ = [
    "NARRATIVE_MAX_LENGTH",
    "ActionProgressForm",
    "ActionProgressFormSet",
    "AssessmentForm",
    "AssignmentForm",
    "ConsultationForm",
    "ContributionForm",
    "ContributionInvitationForm",
    "DraftUseForm",
    "FileOrNoneForm",
    "InputForm",
    "KeepsSourceLanguage",
    "MeasureProgressForm",
    "MeasureProgressFormSet",
    "ModerationForm",
    "MultipleFileField",
    "PledgeProgressForm",
    "PledgeProgressFormSet",
    "ReturnForm",
    "ReviewCycleForm",
    "StatusRowForm",
]
