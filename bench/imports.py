"""`make bench-import`: import the demo's data at ten times its size from one workbook, beside the time to check the
same file again when the portal already holds it (all rows unchanged).

The portal's own data is written in the import layout (every cycle's assessments and action statuses, the
indicators, observations and activities), removed from the database, then imported: check, apply, check again.
Target: the 10x file is checked and applied within 120 s on this machine. A benchmark, not a test.
"""

import io
import os
import sys
import time

import django
from common import ENV, ROOT, prepare_database


def main() -> int:
    print("Preparing the benchmark database with the demo data ...", flush=True)
    prepare_database()
    os.environ.update(ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "uncnm_portal.settings"
    sys.path.insert(0, str(ROOT))
    django.setup()
    from openpyxl import Workbook

    from demo.seed import grow_tenfold
    from imports.plan import apply, check
    from imports.workbook import frame_tables, review_tables
    from objectives.models import Activity, Indicator
    from reviews.models import ActionProgress, ObjectiveAssessment, ReviewCycle

    grow_tenfold()
    tables = {**review_tables(ReviewCycle.objects.order_by("year")), **frame_tables()}
    book = Workbook()
    book.remove(book.active)
    for name, rows in tables.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([float(v) if hasattr(v, "as_tuple") else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    content = buffer.getvalue()
    rows = sum(len(t) - 1 for t in tables.values())

    ObjectiveAssessment.objects.all().delete()
    ActionProgress.objects.all().delete()
    Activity.objects.all().delete()
    Indicator.objects.all().delete()  # their observations with them

    started = time.perf_counter()
    plan = check(content, "bench.xlsx")
    checked = time.perf_counter() - started
    if plan.problems:
        print(plan.problems[:5])
        return 1
    apply(plan, by=None, reason="Imported from bench.xlsx")
    applied = time.perf_counter() - started
    started = time.perf_counter()
    again = check(content, "bench.xlsx")
    rechecked = time.perf_counter() - started
    unchanged = all(c["create"] == c["update"] == 0 for c in again.summary.values())

    print(f"\n10x demo data: {rows} rows in {len(tables)} sheets, {len(content) / 1e6:.1f} MB XLSX")
    print(f"{'step':<34}{'seconds':>10}")
    print(f"{'check (all rows new)':<34}{checked:>10.1f}")
    print(f"{'check + apply in one transaction':<34}{applied:>10.1f}")
    print(f"{'check again (all rows unchanged)':<34}{rechecked:>10.1f}")
    ok = applied <= 120 and unchanged
    print(
        f"\nimport of 10x demo data in {applied:.1f} s (target <= 120 s), re-import unchanged: {unchanged}: "
        f"{'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
