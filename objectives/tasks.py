from celery import shared_task

from .models import Action, Objective


@shared_task
def reference_data_status_task() -> dict[str, int]:
    """Report how much GCM reference data the worker's database holds (a worker health probe)."""
    return {"objectives": Objective.objects.count(), "actions": Action.objects.count()}
