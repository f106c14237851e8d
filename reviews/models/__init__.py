"""The models of a review cycle, in modules layered one way:
cycles <- inputs <- consultations, assessments <- translations (the drafts are an app above: drafts/).

Every model is re-exported here, so `from reviews.models import X` (and the migrations) never change.
"""

from uncnm_portal.versioning import EditConflict

from .assessments import (
    ActionProgress,
    ObjectiveAssessment,
    ProgressStatus,
    Trend,
    gap_actions,
    status_timeline,
)
from .consultations import Consultation, ConsultationParticipants, consultation_summary
from .contributions import WrittenContribution
from .cycles import GCM_ENDORSED, ReviewCycle
from .inputs import Assignment, Evidence, Input, Reminder, evidence_path
from .measures import MeasureProgress, plan_implementation
from .pledges import PledgeProgress, mark_reported
from .translations import InputTranslation, NarrativeTranslation, TranslatedText, fingerprint, narrative_in

__all__ = [
    "GCM_ENDORSED",
    "ActionProgress",
    "Assignment",
    "Consultation",
    "ConsultationParticipants",
    "EditConflict",
    "Evidence",
    "Input",
    "InputTranslation",
    "MeasureProgress",
    "NarrativeTranslation",
    "ObjectiveAssessment",
    "PledgeProgress",
    "ProgressStatus",
    "Reminder",
    "ReviewCycle",
    "TranslatedText",
    "Trend",
    "WrittenContribution",
    "consultation_summary",
    "evidence_path",
    "fingerprint",
    "gap_actions",
    "mark_reported",
    "narrative_in",
    "plan_implementation",
    "status_timeline",
]
