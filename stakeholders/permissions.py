"""Who may do what in the portal: the one place that turns roles into permissions.

Anonymous users never reach a view (LoginRequiredMiddleware sends them to the
login page); these helpers decide between "allowed" and 403 for logged-in users.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .models import Role, User

ALL_ROLES = tuple(Role)


def has_any_role(user: User, *roles: Role) -> bool:
    """Superusers may do everything; everyone else needs one of the roles."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_role(*roles)


def can_view_reference(user: User) -> bool:
    """Objectives, organisations and review cycles are readable by every role."""
    return has_any_role(user, *ALL_ROLES)


def role_required(*roles: Role) -> Callable:
    """Decorate a view so that only users with one of the roles (or superusers) get through."""
    allowed = roles or ALL_ROLES

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not has_any_role(request.user, *allowed):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


member_required = role_required(*ALL_ROLES)
