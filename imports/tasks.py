"""Checking and applying an import run as background jobs; the tasks only orchestrate (imports.services)."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def check_import_task(job_id: int) -> None:
    services.check_job(job_id)


@shared_task(acks_late=True)
def apply_import_task(job_id: int) -> None:
    services.apply_job(job_id)
