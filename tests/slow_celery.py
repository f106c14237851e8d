"""The portal's Celery app with slow export stages, for the tests that watch or kill a worker mid-export.

Started as `celery -A tests.slow_celery worker` by tests/workers.py; each stage the job reports is
followed by SLOW_EXPORT_STAGE seconds of sleep. The production code has no such knob.
"""

import os
import time

from celery.signals import worker_ready

from uncnm_portal.celery import app

__all__ = ["app"]


@worker_ready.connect
def _slow_down_export_stages(**kwargs) -> None:
    from reviews.models import ExportJob

    pause = float(os.environ.get("SLOW_EXPORT_STAGE", "1"))
    report = ExportJob.report

    def slow_report(self, stage: str, progress: int) -> None:
        report(self, stage, progress)
        time.sleep(pause)

    ExportJob.report = slow_report
