"""How django-axes names the account a login attempt was for."""

from django.http import HttpRequest

# AccessAttempt.username is 255 characters; no account name is longer than 150.
MAX_RECORDED = 255


def attempted_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The username typed, as django-axes records and locks it: cut to its column, case kept."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username")
    return username[:MAX_RECORDED] if isinstance(username, str) else username
