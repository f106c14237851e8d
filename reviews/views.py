from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from stakeholders.permissions import member_required

from .models import ReviewCycle


@member_required
def cycle_list(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/cycle_list.html", {"cycles": ReviewCycle.objects.order_by("-year", "level")})


@member_required
def cycle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    return render(request, "reviews/cycle_detail.html", {"cycle": cycle})
