"""The models of a review cycle, in four modules layered one way: cycles <- inputs <- assessments <- drafts.

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
from .drafts import ExportJob, ReportSection
from .inputs import Assignment, Evidence, Input, Reminder, evidence_path

__all__ = [
    "GCM_ENDORSED",
    "ActionProgress",
    "Assignment",
    "EditConflict",
    "Evidence",
    "ExportJob",
    "Input",
    "ObjectiveAssessment",
    "ProgressStatus",
    "Reminder",
    "ReportSection",
    "ReviewCycle",
    "Trend",
    "evidence_path",
    "gap_actions",
    "status_timeline",
]
