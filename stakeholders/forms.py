from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from uncnm_portal.validators import time_zone_names
from uncnm_portal.widgets import SinglePicker

from .models import Organisation, Role, User


class AccountForm(forms.ModelForm):
    """What the secretariat may change on another account: name, e-mail, organisation, language and role.

    Superuser and staff flags, permissions and passwords are not fields here, whatever a request posts.
    """

    role = forms.ChoiceField(
        label=_("Role"), choices=[("", _("No role (no access to the portal)")), *Role.choices], required=False
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "organisation", "language"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["organisation"].queryset = Organisation.objects.filter(
            Q(active=True) | Q(pk=self.instance.organisation_id)
        )
        roles = self.instance.roles
        self.fields["role"].initial = roles[0].value if roles else ""

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        others = User.objects.exclude(pk=self.instance.pk)
        if others.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
            raise ValidationError(_("An account with this e-mail address already exists."))
        return email

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=commit)
        user.set_role(Role(self.cleaned_data["role"]) if self.cleaned_data["role"] else None)
        return user


class InvitationForm(forms.Form):
    """A new account for a focal point, agency staff or an observer; the secretariat role is given afterwards."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.active())
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Role.FOCAL_POINT.value, Role.FOCAL_POINT.label),
            (Role.AGENCY_STAFF.value, Role.AGENCY_STAFF.label),
            (Role.OBSERVER.value, Role.OBSERVER.label),
        ],
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        existing = User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).first()
        if existing is not None and not existing.has_usable_password():
            raise ValidationError(
                _(
                    "This address was invited already and has not chosen a password yet: send the invitation "
                    "again from the account's page."
                )
            )
        if existing is not None:
            raise ValidationError(_("An account with this e-mail address already exists."))
        return email


class PreferencesForm(forms.ModelForm):
    """A person's own settings: one language for the portal's pages and its e-mails, and a time zone."""

    class Meta:
        model = User
        fields = ["language", "time_zone"]
        labels = {"language": _("Language"), "time_zone": _("Time zone")}
        help_texts = {
            "language": _("The portal's pages and the e-mails it sends you."),
            "time_zone": _("Dates and times in the portal are shown in this zone, e.g. Europe/Minsk."),
        }
        widgets = {"time_zone": SinglePicker()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = forms.ChoiceField(
            label=self.fields["time_zone"].label,
            help_text=self.fields["time_zone"].help_text,
            choices=[(name, name.replace("_", " ")) for name in time_zone_names()],
            widget=SinglePicker(),
            error_messages={"invalid_choice": _("Choose a time zone from the list.")},
        )
