"""The voluntary national review draft: collect what the portal records, render it as PDF and DOCX.

`build_export` is the workflow a Celery task runs; each step reports its stage
on the job row. Collecting is draft_data.py, the PDF pdf.py, the Word document
docx_report.py.
"""

import gzip

from django.core.files.base import ContentFile
from django.utils import translation

from .docx_report import render_docx
from .draft_data import collect
from .models import ExportJob
from .pdf import PortalStaticFetcher, render_html, render_pdf


def build_export(job: ExportJob) -> None:
    """Collect, render and save one job's PDF and DOCX, reporting each stage on the job row."""
    with translation.override(job.language):
        job.report(ExportJob.Stage.COLLECTING, 5)
        data = collect(job)
        job.report(ExportJob.Stage.RENDERING_HTML, 25)
        html = render_html(data)
        job.report(ExportJob.Stage.RENDERING_PDF, 45)
        pdf, pages = render_pdf(html, fetcher=PortalStaticFetcher.for_draft(data))
        docx = render_docx(data)
        job.report(ExportJob.Stage.SAVING, 90)
        _save(job, pdf=pdf, pages=pages, docx=docx, source=html.encode())


def _save(job: ExportJob, *, pdf: bytes, pages: int, docx: bytes, source: bytes) -> None:
    """Write the files under names fixed by the job, so a second run replaces them: one file per job.

    The HTML source is kept gzipped beside the PDF: it holds the data the draft was built from.
    """
    stem = f"vnr-{job.cycle.year}-{job.cycle.level}-{job.language}-{job.pk}"
    files = (("pdf", pdf, "pdf"), ("docx", docx, "docx"), ("source", gzip.compress(source, mtime=0), "html.gz"))
    for field_name, content, extension in files:
        name = f"exports/{job.pk}/{stem}.{extension}"
        storage = getattr(job, field_name).storage
        if storage.exists(name):
            storage.delete(name)
        setattr(job, field_name, storage.save(name, ContentFile(content)))
    job.finish(pdf=pdf, docx=docx, source=source, pages=pages)
