"""What the admin pages of every app share."""


class CreatedByThePortal:
    """Records that only the portal's workflows create (exports, evidence, reminders): viewed and corrected here."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False
