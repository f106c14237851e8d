"""Who reads what through the API: exactly what the same person reads in the portal.

Anonymous clients read published data only (each view's public queryset); a signed-in user or a
token reads what the user's role reads in the portal (stakeholders.permissions); nobody writes.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from stakeholders.permissions import can_view_reference


class ReadsLikeThePortal(BasePermission):
    def has_permission(self, request, view) -> bool:
        if request.method not in SAFE_METHODS:
            return False
        user = request.user
        if not user.is_authenticated:
            return True
        if not can_view_reference(user):
            return False
        member_check = getattr(view, "member_check", None)
        return member_check(user) if member_check else True
