from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.seed import DEMO_PASSWORD, seed


class Command(BaseCommand):
    help = "Create (or restore) the demo network, review cycles and one user per role. Safe to run twice."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Seed even where DEMO_DATA_ALLOWED is off (never on a live portal)."
        )

    def handle(self, *args, force: bool = False, **options) -> None:
        if not settings.DEMO_DATA_ALLOWED and not force:
            raise CommandError("Demo data is not allowed here (DEMO_DATA_ALLOWED is off). Use --force to seed anyway.")
        users = seed()
        self.stdout.write(self.style.SUCCESS("Demo data is in place. Log in with:"))
        for user in users:
            role = user.role.label if user.role else "Superuser"
            self.stdout.write(f"  {user.username:<12} {DEMO_PASSWORD}   ({role})")
        if settings.OTP_REQUIRED_FOR_SECRETARIAT:
            self.stdout.write(
                "The secretariat account then registers a TOTP authenticator app: the portal e-mails a link "
                "(printed in the terminal on the embedded default) that shows the QR code."
            )
