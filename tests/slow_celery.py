"""The portal's Celery app with slow export stages, for the tests that watch or kill a worker mid-export.

Started as `celery -A tests.slow_celery worker` by tests/workers.py; each stage the job reports is
followed by SLOW_EXPORT_STAGE seconds of sleep. The production code has no such knob.
"""

import os
import time

from celery.signals import worker_process_init, worker_ready

from uncnm_portal.celery import app

__all__ = ["app"]


@worker_ready.connect  # --pool=solo: the tasks run in the worker itself
@worker_process_init.connect  # prefork: in each child process
def _slow_down_export_stages(**kwargs) -> None:
    from drafts.models import ExportJob

    if getattr(ExportJob.report, "slowed", False):
        return
    pause = float(os.environ.get("SLOW_EXPORT_STAGE", "1"))
    report = ExportJob.report

    def slow_report(self, stage: str, progress: int) -> None:
        report(self, stage, progress)
        time.sleep(pause)

    slow_report.slowed = True
    ExportJob.report = slow_report
