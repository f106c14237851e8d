"""Publishing a cycle: the secretariat chooses what is public, then publishes or unpublishes it."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from reviews.models import ReviewCycle
from stakeholders.models import Role
from stakeholders.permissions import role_required

from ..forms import PublicationForm
from ..models import DraftVersion, Publication


@role_required(Role.SECRETARIAT)
def publication(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    current = Publication.objects.filter(cycle=cycle).first() or Publication(cycle=cycle)
    form = PublicationForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        with transaction.atomic():
            publication = form.save(commit=False)
            if action in ("publish", "unpublish"):
                publication.set_published(action == "publish", by=request.user)
            else:
                publication.updated_by = request.user
                publication.save()
        if action == "publish":
            messages.success(request, _("%(name)s is published: anyone can see what you chose.") % {"name": cycle})
        elif action == "unpublish":
            messages.success(request, _("%(name)s is no longer public.") % {"name": cycle})
        else:
            messages.success(request, _("The choice of what is public was saved."))
        return redirect("drafts:publication", pk=cycle.pk)
    context = {
        "cycle": cycle,
        "form": form,
        "publication": current,
        "has_submitted": DraftVersion.objects.submitted().filter(cycle=cycle).exists(),
        "history": current.history.select_related("history_user").order_by("-history_date")[:20] if current.pk else [],
    }
    return render(request, "drafts/publication.html", context, status=400 if form.is_bound else 200)
