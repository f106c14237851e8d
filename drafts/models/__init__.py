"""The drafts of a review: the outline and its export jobs, the versions made of them and their sign-off, and
what of a cycle the Government has chosen to publish. Layered one way: exports <- versions <- publication."""

from .exports import ExportJob, ReportSection
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
from .versions import DraftComment, DraftVersion

__all__ = [
    "DraftComment",
    "DraftVersion",
    "ExportJob",
    "Publication",
    "ReportSection",
    "public_action_statuses",
    "public_activities",
    "public_assessments",
    "public_indicators",
    "public_observations",
    "public_organisations",
    "public_pledges",
    "published_cycles",
    "shows_narratives",
]
