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


def reporting_organisation_id(user: User) -> int | None:
    """The organisation a user reports for: focal points for their ministry, agency staff for their agency."""
    if has_any_role(user, Role.FOCAL_POINT, Role.AGENCY_STAFF) and user.organisation_id:
        return user.organisation_id
    return None


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


# Django model permissions of each role: they open the Django admin's pages of those models to
# staff accounts (the secretariat keeps the GCM frame and the cycles' reference data there).
# An entry is an app label (every model of the app, history included) or "app_label.model".
# Accounts, groups, permissions, second-factor devices and lockout records are in no role's
# list: the secretariat manages accounts in the portal's own pages, superusers in the admin.
ROLE_MODEL_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.SECRETARIAT: (
        "objectives",
        "policies",
        "pledges",
        "imports",
        "reviews",
        "inputs",
        "drafts",
        "stakeholders.organisation",
        "stakeholders.contact",
        "stakeholders.outgoingemail",
        "stakeholders.notification",
    ),
    Role.FOCAL_POINT: (),
    Role.AGENCY_STAFF: (),
    Role.OBSERVER: (),
}


def sync_role_permissions(*, using: str = "default") -> None:
    """Give each role group exactly the model permissions of ROLE_MODEL_PERMISSIONS (run after every migrate)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    # Permissions of apps later in INSTALLED_APPS are created after this app's post_migrate: create
    # them now, once per app the table names.
    app_labels = {entry.partition(".")[0] for entries in ROLE_MODEL_PERMISSIONS.values() for entry in entries}
    for app_label in sorted(app_labels):
        create_permissions(apps.get_app_config(app_label), verbosity=0, using=using)
    for role, entries in ROLE_MODEL_PERMISSIONS.items():
        wanted = Q(pk__in=[])
        for entry in entries:
            app_label, _dot, model = entry.partition(".")
            wanted |= (
                Q(content_type__app_label=app_label, content_type__model=model)
                if model
                else Q(content_type__app_label=app_label)
            )
        group, _created = Group.objects.using(using).get_or_create(name=role.value)
        group.permissions.set(Permission.objects.using(using).filter(wanted))
