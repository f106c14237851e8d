"""The import job's steps: check the stored file into a plan (problems, summary, preview), then apply it."""

import logging

from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import ImportJob
from .plan import FileProblem, apply, check
from .sheets import SHEET_NAMES

logger = logging.getLogger(__name__)


def progress_key(job_id: int) -> str:
    return f"import:{job_id}:progress"


def _progress(job_id: int, start: int, span: int):
    """A callback that moves the job's progress on by sheet. It goes to the cache: the applying transaction's
    writes are seen by nobody until they are all done."""
    step = span / len(SHEET_NAMES)
    done = []

    def report(sheet: str) -> None:
        done.append(sheet)
        cache.set(progress_key(job_id), min(99, start + round(step * len(done))), timeout=3600)

    return report


def _plan(job: ImportJob, *, start: int, span: int):
    with job.file.open("rb") as handle:
        content = handle.read()
    return check(content, job.filename, progress=_progress(job.pk, start, span))


def check_job(job_id: int) -> None:
    job = ImportJob.objects.get(pk=job_id)
    with translation.override(job.language):
        _check_job(job)


def _check_job(job: ImportJob) -> None:
    try:
        plan = _plan(job, start=0, span=100)
    except FileProblem as problem:
        job.status, job.problems = (
            ImportJob.Status.INVALID,
            [{"sheet": "", "row": 0, "column": "", "message": str(problem)}],
        )
    else:
        job.problems = [p.as_dict() for p in plan.problems]
        job.notices = plan.notices
        job.summary, job.preview = plan.summary, plan.preview()
        job.status = ImportJob.Status.INVALID if plan.problems else ImportJob.Status.CHECKED
    job.progress = 100
    job.save()


def claim_for_applying(job: ImportJob) -> bool:
    """Claim a checked job for applying (once: a second click finds it applying)."""
    claimed = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.CHECKED).update(
        status=ImportJob.Status.APPLYING, progress=0
    )
    return bool(claimed)


def apply_job(job_id: int) -> None:
    job = ImportJob.objects.select_related("uploaded_by").get(pk=job_id)
    if job.status != ImportJob.Status.APPLYING:
        return
    with translation.override(job.language):
        _apply_job(job)


def _apply_job(job: ImportJob) -> None:
    try:
        # Checked again: the data may have changed since the preview; any problem now stops everything.
        plan = _plan(job, start=0, span=40)
        if plan.problems:
            job.problems = [p.as_dict() for p in plan.problems]
            raise FileProblem(_("The file has problems now: nothing was applied."))
        done = apply(plan, by=job.uploaded_by, reason=job.reason, progress=_progress(job.pk, 40, 60))
    except Exception as error:  # nothing was written (one transaction): say why
        logger.exception("Import %s failed", job.pk)
        job.status, job.error = ImportJob.Status.FAILED, str(error)
    else:
        job.status, job.applied_at, job.summary = ImportJob.Status.APPLIED, timezone.now(), plan.summary
        job.error = ""
        logger.info("Import %s applied: %s", job.pk, done)
    job.progress = 100
    job.save()
