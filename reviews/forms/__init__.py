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
from .drafts import (
    DraftCommentForm,
    EmblemForm,
    ExportForm,
    PublicationForm,
    ReportSectionForm,
    ReportSectionFormSet,
    SubmitVersionForm,
    ValidateVersionForm,
    WordTemplateForm,
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
from .translations import (
    NarrativeTranslationForm,
    TranslationFileForm,
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
    "DraftCommentForm",
    "DraftUseForm",
    "EmblemForm",
    "ExportForm",
    "FileOrNoneForm",
    "InputForm",
    "KeepsSourceLanguage",
    "MeasureProgressForm",
    "MeasureProgressFormSet",
    "ModerationForm",
    "MultipleFileField",
    "NarrativeTranslationForm",
    "PledgeProgressForm",
    "PledgeProgressFormSet",
    "PublicationForm",
    "ReportSectionForm",
    "ReportSectionFormSet",
    "ReturnForm",
    "ReviewCycleForm",
    "StatusRowForm",
    "SubmitVersionForm",
    "TranslationFileForm",
    "ValidateVersionForm",
    "WordTemplateForm",
]
