from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from stakeholders.permissions import member_required

from .models import GuidingPrinciple, Objective, RoundTable


@member_required
def home(request: HttpRequest) -> HttpResponse:
    round_tables = RoundTable.objects.with_objectives()
    return render(request, "objectives/home.html", {"round_tables": round_tables})


@member_required
def objective_detail(request: HttpRequest, number: int) -> HttpResponse:
    objective = get_object_or_404(Objective.objects.select_related("round_table").with_actions(), number=number)
    siblings = Objective.objects.filter(round_table=objective.round_table_id).exclude(pk=objective.pk)
    context = {
        "objective": objective,
        "actions": objective.actions.all(),
        "principles": GuidingPrinciple.objects.all(),
        "siblings": siblings,
        "previous": Objective.objects.filter(number=objective.number - 1).first(),
        "next": Objective.objects.filter(number=objective.number + 1).first(),
    }
    return render(request, "objectives/objective_detail.html", context)
