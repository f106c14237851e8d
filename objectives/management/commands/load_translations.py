from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from objectives import translations_io


class Command(BaseCommand):
    help = (
        "Load translations of the GCM frame (objective titles and short names, guiding principles, action "
        "summaries) from a CSV or XLSX file with the columns kind, key, field, language, text. With --official "
        "the texts are the official UN wording and replace the portal's working translations."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--official", action="store_true", help="The texts are the official UN wording.")

    def handle(self, *args, path: Path, official: bool, **options) -> None:
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            count = translations_io.load(translations_io.read(path.read_bytes(), path.name), official=official)
        except translations_io.TranslationFileError as error:
            raise CommandError("Nothing was loaded:\n" + "\n".join(error.errors)) from error
        kind = "official texts" if official else "working translations"
        self.stdout.write(self.style.SUCCESS(f"{count} {kind} loaded."))
