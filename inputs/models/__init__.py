"""The call for inputs and the whole-of-society process of a review: assignments, inputs and their evidence
and reminders, the inputs' translations, consultations, written contributions. Layered one way:
inputs <- translations, consultations; contributions stand apart."""

from .consultations import Consultation, ConsultationParticipants, consultation_summary
from .contributions import WrittenContribution
from .inputs import Assignment, Evidence, Input, Reminder, evidence_path
from .translations import InputTranslation

__all__ = [
    "Assignment",
    "Consultation",
    "ConsultationParticipants",
    "Evidence",
    "Input",
    "InputTranslation",
    "Reminder",
    "WrittenContribution",
    "consultation_summary",
    "evidence_path",
]
