"""The models of a review cycle, in modules layered one way:
cycles <- assessments <- translations (the call for inputs and the drafts are apps above: inputs/, drafts/).

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
from .cycles import GCM_ENDORSED, ReviewCycle
from .measures import MeasureProgress, plan_implementation
from .pledges import PledgeProgress, mark_reported
from .translations import NarrativeTranslation, TranslatedText, fingerprint, narrative_in

__all__ = [
    "GCM_ENDORSED",
    "ActionProgress",
    "EditConflict",
    "MeasureProgress",
    "NarrativeTranslation",
    "ObjectiveAssessment",
    "PledgeProgress",
    "ProgressStatus",
    "ReviewCycle",
    "TranslatedText",
    "Trend",
    "fingerprint",
    "gap_actions",
    "mark_reported",
    "narrative_in",
    "plan_implementation",
    "status_timeline",
]
