import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group
from django.contrib.auth.models import UserManager as BaseUserManager
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from uncnm_portal.validators import validate_time_zone


class Role(models.TextChoices):
    """The portal's roles; each is a Group of the same name, created by a migration."""

    SECRETARIAT = "Secretariat", _("Secretariat")
    FOCAL_POINT = "Government focal point", _("Government focal point")
    AGENCY_STAFF = "Agency staff", _("Agency staff")
    OBSERVER = "Observer", _("Observer")


class OrganisationQuerySet(models.QuerySet):
    def active(self) -> "OrganisationQuerySet":
        return self.filter(active=True)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        UN_AGENCY = "un_agency", _("UN agency")
        GOVERNMENT = "government", _("Government body")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        PRIVATE_SECTOR = "private_sector", _("Private sector")
        ACADEMIA = "academia", _("Academia")
        INTERNATIONAL = "international", _("International organisation")
        MIGRANT_DIASPORA = "migrant_diaspora", _("Migrant or diaspora association")
        NHRI = "nhri", _("National human rights institution")
        TRADE_UNION = "trade_union", _("Trade union")
        MEDIA = "media", _("Media")
        LOCAL_AUTHORITY = "local_authority", _("Local authority")
        OTHER = "other", _("Other")

    class NetworkRole(models.TextChoices):
        CORE = "core", _("Core member")
        EXTENDED = "extended", _("Extended member")
        NONE = "none", _("Not a member")

    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    network_role = models.CharField(
        _("network role"), max_length=16, choices=NetworkRole.choices, default=NetworkRole.NONE
    )
    is_coordinator = models.BooleanField(
        _("network coordinator"), default=False, help_text=_("The agency that coordinates the network.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    website = models.URLField(_("website"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_coordinator"],
                condition=Q(is_coordinator=True),
                name="one_network_coordinator",
                violation_error_message=_("Only one organisation can coordinate the network."),
            ),
            models.CheckConstraint(
                condition=Q(is_coordinator=False) | ~Q(network_role="none"),
                name="coordinator_is_member",
                violation_error_message=_("The coordinator must be a member of the network."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="organisation_not_own_parent",
                violation_error_message=_("An organisation cannot be its own parent."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("stakeholders:organisation-detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        return self.acronym or self.name


class UserManager(BaseUserManager):
    def create_invited(
        self, *, email: str, full_name: str, organisation: Organisation, language: str, role: Role
    ) -> "User":
        """An account that logs in with its e-mail address once it has chosen a password (by the invitation link)."""
        first, _sep, last = full_name.partition(" ")
        user = self.model(
            username=email, email=email, first_name=first, last_name=last, organisation=organisation, language=language
        )
        user.set_unusable_password()
        user.save()
        user.set_role(role)
        return user


class User(AbstractUser):
    """A person who logs in to the portal; belongs to at most one organisation."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Used for e-mails the portal sends to this person."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("The portal shows dates and times in this zone."),
    )

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def has_role(self, *roles: Role) -> bool:
        """True when the user belongs to one of the given role groups (cached per request)."""
        if not self.is_active:
            return False
        if not hasattr(self, "_role_names"):
            self._role_names = set(self.groups.values_list("name", flat=True))
        return any(role in self._role_names for role in roles)

    @property
    def roles(self) -> list[Role]:
        return [role for role in Role if self.has_role(role)]

    @property
    def display_name(self) -> str:
        """How the portal names a person: the full name, or else the login name."""
        return self.get_full_name() or self.username

    @property
    def is_secretariat(self) -> bool:
        return self.is_superuser or self.has_role(Role.SECRETARIAT)

    def can_be_managed_by(self, actor: "User") -> bool:
        """The secretariat manages other accounts in the portal; only superusers manage superusers' accounts."""
        if actor.pk == self.pk or not actor.is_secretariat:
            return False
        return actor.is_superuser or not self.is_superuser

    def set_role(self, role: Role | None) -> None:
        """Give the account exactly this role (or none); secretariat accounts also reach the admin's reference data."""
        self.groups.set(Group.objects.filter(name=role.value) if role else [])
        if hasattr(self, "_role_names"):
            del self._role_names
        if not self.is_superuser:
            self.is_staff = role == Role.SECRETARIAT
            User.objects.filter(pk=self.pk).update(is_staff=self.is_staff)

    def reset_second_factor(self) -> int:
        """Forget the account's authenticator app; the next login registers a new one. Returns the devices removed."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        return TOTPDevice.objects.filter(user=self).delete()[1].get(TOTPDevice._meta.label, 0)

    @property
    def has_second_factor(self) -> bool:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        return TOTPDevice.objects.filter(user=self, confirmed=True).exists()


class Contact(models.Model):
    """A person the network works with, typically an organisation's focal point."""

    full_name = models.CharField(_("full name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="contacts"
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    is_focal_point = models.BooleanField(_("GCM focal point"), default=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact",
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["organisation__name", "full_name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "full_name"], name="unique_contact_per_organisation"),
        ]

    def __str__(self) -> str:
        return self.full_name


class OutgoingEmailQuerySet(models.QuerySet):
    def waiting(self, *, older_than: datetime.timedelta) -> "OutgoingEmailQuerySet":
        """E-mails no worker sent: pending for longer than older_than, or claimed by a worker that stopped."""
        since = timezone.now() - older_than
        return self.filter(
            Q(status=OutgoingEmail.Status.PENDING, created_at__lt=since)
            | Q(status=OutgoingEmail.Status.SENDING, claimed_at__lt=since)
        )


class OutgoingEmail(models.Model):
    """Every e-mail the portal sends is first a row: sent by a worker, retried, listed, resent; never lost."""

    MAX_ATTEMPTS = 5

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    # An account, or (for people without one: a civil society contributor) an address and a language.
    recipient = models.ForeignKey(
        User, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="emails", null=True, blank=True
    )
    address = models.EmailField(_("address"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    template = models.CharField(_("kind"), max_length=64)
    context = models.JSONField(_("context"), default=dict, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.template} → {self.recipient or self.address}"

    @property
    def to(self) -> tuple[str, str]:
        """Where the e-mail goes and in which language: the account's, or the address and language given."""
        if self.recipient_id:
            if not self.recipient.is_active:
                return "", ""
            return self.recipient.email, self.recipient.language or settings.LANGUAGE_CODE
        return self.address, self.language or settings.LANGUAGE_CODE

    @classmethod
    def claim(cls, pk: int) -> "OutgoingEmail | None":
        """Take the e-mail for this worker with a conditional UPDATE; None when it was sent or another worker has it."""
        stale = timezone.now() - datetime.timedelta(minutes=10)
        taken = cls.objects.filter(
            Q(status=cls.Status.PENDING) | Q(status=cls.Status.SENDING, claimed_at__lt=stale), pk=pk
        ).update(status=cls.Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1)
        return cls.objects.select_related("recipient").get(pk=pk) if taken else None

    def mark_sent(self) -> None:
        """Record that the mail server took the e-mail."""
        OutgoingEmail.objects.filter(pk=self.pk).update(status=self.Status.SENT, sent_at=timezone.now(), last_error="")

    def mark_failed(self, error: str) -> None:
        """Record a failed attempt: waiting again, or failed for good after MAX_ATTEMPTS."""
        status = self.Status.PENDING if self.attempts < self.MAX_ATTEMPTS else self.Status.FAILED
        OutgoingEmail.objects.filter(pk=self.pk).update(status=status, last_error=error[:2000])

    def resend(self) -> None:
        """Send again (a failed e-mail, or one the recipient lost): a fresh set of attempts."""
        OutgoingEmail.objects.filter(pk=self.pk).update(status=self.Status.PENDING, attempts=0, last_error="")


class NotificationQuerySet(models.QuerySet):
    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """What happened that someone should know, in the portal beside the e-mail: an input submitted, returned."""

    class Kind(models.TextChoices):
        INPUT_SUBMITTED = "input_submitted", _("Input submitted")
        INPUT_RETURNED = "input_returned", _("Input returned to you")
        INPUT_ACCEPTED = "input_accepted", _("Input accepted")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    subject = models.CharField(_("about"), max_length=300, help_text=_("In the recipient's language."))
    link = models.CharField(_("link"), max_length=300)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"
