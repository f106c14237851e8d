from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin as BaseTOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from modeltranslation.admin import TranslationAdmin

from uncnm_portal.queue import send_after_commit

from .models import Contact, Notification, Organisation, OutgoingEmail, User
from .tasks import send_email_task


class SuperusersOnly:
    """Admin pages that could raise an account's powers (accounts, groups, second factors): superusers only.

    Model permissions alone are not enough: whoever may change users could make themselves
    superuser or set a superuser's password. The secretariat manages accounts in the portal.
    """

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request, *args) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_module_permission(request)


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["full_name", "position", "email", "phone", "is_focal_point", "user"]
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "kind", "network_role", "is_coordinator", "parent", "active"]
    list_filter = ["kind", "network_role", "is_coordinator", "active"]
    search_fields = ["name", "acronym"]
    autocomplete_fields = ["parent"]
    inlines = [ContactInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["full_name", "organisation", "position", "email", "is_focal_point"]
    list_filter = ["is_focal_point", "organisation__kind", "organisation"]
    search_fields = ["full_name", "email", "position", "organisation__name", "organisation__acronym"]
    autocomplete_fields = ["organisation", "user"]
    list_select_related = ["organisation"]


@admin.register(User)
class UserAdmin(SuperusersOnly, BaseUserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "organisation", "is_active", "is_staff"]
    list_filter = ["groups", "is_active", "is_staff", "is_superuser", "organisation__kind", "language"]
    search_fields = ["username", "email", "first_name", "last_name", "organisation__name", "organisation__acronym"]
    autocomplete_fields = ["organisation"]
    list_select_related = ["organisation"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Portal"), {"fields": ["organisation", "language"]}),
    ]
    add_fieldsets = [
        *BaseUserAdmin.add_fieldsets,
        (_("Portal"), {"fields": ["email", "organisation", "language", "groups"]}),
    ]


admin.site.unregister(Group)
admin.site.unregister(TOTPDevice)


@admin.register(Group)
class GroupAdmin(SuperusersOnly, BaseGroupAdmin):
    pass


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(SuperusersOnly, BaseTOTPDeviceAdmin):
    pass


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """Every e-mail the portal sent or tried to send; the secretariat resends one the recipient lost."""

    list_display = ["created_at", "recipient", "address", "template", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "template"]
    search_fields = ["recipient__email", "recipient__username", "recipient__last_name", "address"]
    list_select_related = ["recipient"]
    # The context is left out: an invitation's holds a one-time link to choose a password.
    fields = [
        "recipient",
        "address",
        "language",
        "template",
        "status",
        "attempts",
        "created_at",
        "claimed_at",
        "sent_at",
        "last_error",
    ]
    readonly_fields = fields
    actions = ["resend"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Send the selected e-mails again"), permissions=["change"])
    def resend(self, request, queryset) -> None:
        for email in queryset:
            email.resend()
            send_after_commit(send_email_task, email.pk)
        self.message_user(request, _("%(count)s e-mails will be sent again.") % {"count": queryset.count()})


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Looked at, as the outgoing e-mails are, when someone asks what they were told; made by the workflows only."""

    list_display = ["user", "kind", "subject", "created_at", "read_at"]
    list_filter = ["kind", "read_at"]
    search_fields = ["user__username", "subject"]
    list_select_related = ["user"]
    readonly_fields = ["user", "kind", "subject", "link", "created_at", "read_at"]

    def has_add_permission(self, request) -> bool:
        return False
