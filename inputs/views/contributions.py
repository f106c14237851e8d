"""Written contributions: the secretariat invites and moderates; the invited organisation writes through
its link. `contribute` is the one page here that needs no account: the unguessable token is the key."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from reviews.models import ReviewCycle
from stakeholders.models import Role
from stakeholders.permissions import role_required
from uncnm_portal.once import once_per_form

from .. import notifications
from ..forms import ContributionForm, ContributionInvitationForm, ModerationForm
from ..models import WrittenContribution


@role_required(Role.SECRETARIAT)
@once_per_form
def contribution_list(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    form = ContributionInvitationForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            contribution = form.save(commit=False)
            contribution.invited_by = request.user
            contribution.save()
            notifications.notify_invited_contributor(contribution)
        messages.success(
            request,
            _("%(organisation)s was invited; the link went to %(email)s.")
            % {"organisation": contribution.organisation, "email": contribution.contact_email},
        )
        return redirect("inputs:contribution-list", pk=cycle.pk)
    context = {"cycle": cycle, "form": form, "contributions": WrittenContribution.objects.for_cycle(cycle)}
    return render(request, "inputs/contribution_list.html", context, status=400 if form.is_bound else 200)


@role_required(Role.SECRETARIAT)
def contribution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = get_object_or_404(WrittenContribution.objects.select_related("cycle", "organisation"), pk=pk)
    form = ModerationForm(
        request.POST or None,
        initial={
            "decision": "decline" if contribution.status == WrittenContribution.Status.DECLINED else "accept",
            "in_annex": contribution.in_annex,
            "note": contribution.moderation_note,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            contribution.moderate(
                by=request.user,
                accept=form.cleaned_data["decision"] == "accept",
                in_annex=form.cleaned_data["in_annex"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:  # said on the page, nothing saved
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision on the contribution was saved."))
            return redirect("inputs:contribution-list", pk=contribution.cycle_id)
    context = {"contribution": contribution, "cycle": contribution.cycle, "form": form}
    return render(request, "inputs/contribution_detail.html", context, status=400 if form.is_bound else 200)


@login_not_required
def contribute(request: HttpRequest, token: str) -> HttpResponse:
    """The invited organisation's page: write, save, send; after sending, read only."""
    contribution = WrittenContribution.objects.select_related("cycle", "organisation").filter(token=token).first()
    if contribution is None:
        raise Http404
    form = ContributionForm(request.POST or None, instance=contribution) if contribution.is_open() else None
    if form is not None and request.method == "POST" and form.is_valid():
        with transaction.atomic():
            locked = WrittenContribution.objects.select_for_update().get(pk=contribution.pk)
            if not locked.is_open():  # sent meanwhile (a double click, a second tab)
                return redirect(contribution.public_path())
            form.save()
            if "submit" in request.POST:
                try:
                    form.instance.submit()
                except ValidationError as error:  # the text stays saved as a draft
                    messages.error(request, " ".join(error.messages))
                else:
                    messages.success(request, _("Thank you: your contribution was sent to the review's secretariat."))
            else:
                messages.success(request, _("Your text was saved; you can come back with the same link."))
        return redirect(contribution.public_path())
    context = {"contribution": contribution, "cycle": contribution.cycle, "form": form}
    return render(request, "inputs/contribute.html", context, status=400 if form is not None and form.is_bound else 200)
