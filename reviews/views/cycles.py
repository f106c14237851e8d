"""Review cycles: the list and a cycle's page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from stakeholders.permissions import member_required

from ..models import (
    ReviewCycle,
)
from ..permissions import can_export, can_manage_calls


@member_required
def cycle_list(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/cycle_list.html", {"cycles": ReviewCycle.objects.order_by("-year", "level")})


@member_required
def cycle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    context = {
        "cycle": cycle,
        "can_export": can_export(request.user),
        "can_manage_calls": can_manage_calls(request.user),
    }
    return render(request, "reviews/cycle_detail.html", context)
