"""`make bench-export`: build the full review draft of a cycle at the demo size and at ten times it.

Prints seconds, pages, peak memory and the SQL queries of data collection, beside
the targets (5 s and 400 MB for the demo-size PDF, 50 queries at any size,
20 s at ten times the size). A benchmark, not a test. The query budget counts one query per
kind of content the draft gathers (assessments, inputs with their actions and evidence,
consultations, policies, plans, contributions, ...), never per row: the test suite asserts the
same count at the demo size and at ten times it.
"""

import os
import resource
import sys
import time

import django
from common import ENV, prepare_database


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(label: str, cycle) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from drafts.docx_report import render_docx
    from drafts.draft_data import collect
    from drafts.models import ExportJob
    from drafts.pdf import PortalStaticFetcher, render_html, render_pdf

    job = ExportJob.objects.create(cycle=cycle)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        data = collect(job)
    pdf, pages = render_pdf(render_html(data), fetcher=PortalStaticFetcher.for_draft(data))
    pdf_seconds = time.perf_counter() - started
    render_docx(data)
    return {
        "label": label,
        "seconds": pdf_seconds,
        "total": time.perf_counter() - started,
        "pages": pages,
        "queries": len(queries),
        "peak": peak_mb(),
        "size": len(pdf),
    }


def main() -> int:
    print("Preparing the benchmark database with the demo data ...", flush=True)
    prepare_database()
    os.environ.update(ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "uncnm_portal.settings"
    sys.path.insert(0, str(ENV.get("PWD", ".")))
    django.setup()
    from django.utils import translation

    from demo.seed import grow_tenfold
    from reviews.models import ReviewCycle

    translation.activate("en")
    cycle = ReviewCycle.objects.order_by("year").last()
    baseline = peak_mb()
    results = [measure("demo size", cycle)]
    grow_tenfold()
    results.append(measure("10x stress", cycle))

    print(f"\nFull draft of {cycle.name} (process memory before rendering: {baseline:.0f} MB)\n")
    print(f"{'data':<12}{'PDF s':>8}{'PDF+DOCX s':>12}{'pages':>7}{'queries':>9}{'peak MB':>9}{'PDF KB':>9}")
    for r in results:
        print(
            f"{r['label']:<12}{r['seconds']:>8.2f}{r['total']:>12.2f}{r['pages']:>7}{r['queries']:>9}"
            f"{r['peak']:>9.0f}{r['size'] / 1024:>9.0f}"
        )
    demo, stress = results
    checks = [
        ("demo-size PDF within 5 s", demo["seconds"] <= 5),
        ("peak memory within 400 MB", demo["peak"] <= 400),
        ("at most 50 queries at either size", max(demo["queries"], stress["queries"]) <= 50),
        ("10x PDF within 20 s", stress["seconds"] <= 20),
    ]
    print()
    for label, ok in checks:
        print(f"{'met    ' if ok else 'NOT met'}  {label}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
