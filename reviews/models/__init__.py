"""The models of a review cycle, in modules layered one way:
cycles <- inputs <- consultations, assessments <- drafts <- versions <- publication.

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
from .drafts import ExportJob, ReportSection
from .inputs import Assignment, Evidence, Input, Reminder, evidence_path
from .measures import MeasureProgress, plan_implementation
from .pledges import PledgeProgress, mark_reported
from .publication import (
    Publication,
    public_action_statuses,
    public_activities,
    public_assessments,
    public_indicators,
    public_observations,
    public_organisations,
    public_pledges,
    published_cycles,
    shows_narratives,
)
from .translations import InputTranslation, NarrativeTranslation, fingerprint, narrative_in
from .versions import DraftComment, DraftVersion

__all__ = [
    "GCM_ENDORSED",
    "ActionProgress",
    "Assignment",
    "Consultation",
    "ConsultationParticipants",
    "DraftComment",
    "DraftVersion",
    "EditConflict",
    "Evidence",
    "ExportJob",
    "Input",
    "InputTranslation",
    "MeasureProgress",
    "NarrativeTranslation",
    "ObjectiveAssessment",
    "PledgeProgress",
    "ProgressStatus",
    "Publication",
    "Reminder",
    "ReportSection",
    "ReviewCycle",
    "Trend",
    "WrittenContribution",
    "consultation_summary",
    "evidence_path",
    "fingerprint",
    "gap_actions",
    "mark_reported",
    "narrative_in",
    "plan_implementation",
    "public_action_statuses",
    "public_activities",
    "public_assessments",
    "public_indicators",
    "public_observations",
    "public_organisations",
    "public_pledges",
    "published_cycles",
    "shows_narratives",
    "status_timeline",
]
