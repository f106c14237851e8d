"""Import earlier reviews from a file, as the import page does: check, print problems or the plan, apply with
--apply (one transaction: everything or nothing)."""

import io
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from imports.plan import FileProblem, check
from imports.plan import apply as apply_plan
from stakeholders.models import User


class Command(BaseCommand):
    help = "Import review data from an XLSX workbook, a CSV file, a ZIP of CSV files or a folder of CSV files."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="the file, or a folder of CSV files named as the template's sheets")
        parser.add_argument("--apply", action="store_true", help="write the changes (otherwise only check them)")
        parser.add_argument("--user", help="the account the history names (default: none)")

    def handle(self, *args, path: str, apply: bool = False, user: str | None = None, **options) -> None:
        source = Path(path)
        content, name = self._read(source)
        try:
            plan = check(content, name)
        except FileProblem as problem:
            raise CommandError(str(problem)) from problem
        for p in plan.problems:
            self.stderr.write(f"{p.sheet} row {p.row} {p.column}: {p.message}")
        if plan.problems:
            raise CommandError(f"{len(plan.problems)} problems: nothing was imported.")
        for sheet, counts in plan.summary.items():
            self.stdout.write(
                f"{sheet}: {counts['create']} to create, {counts['update']} to change, {counts['unchanged']} unchanged"
            )
        if apply:
            by = User.objects.filter(username=user).first() if user else None
            apply_plan(plan, by=by, reason=f"Imported from {source.name}")
            self.stdout.write("Applied.")

    @staticmethod
    def _read(source: Path) -> tuple[bytes, str]:
        if source.is_dir():
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                for csv_file in sorted(source.glob("*.csv")):
                    archive.write(csv_file, csv_file.name)
            return buffer.getvalue(), f"{source.name}.zip"
        if not source.exists():
            raise CommandError(f"No such file: {source}")
        return source.read_bytes(), source.name
