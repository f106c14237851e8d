from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .filters import OrganisationFilter
from .models import Organisation
from .permissions import member_required


@member_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.select_related("parent")
    filterset = OrganisationFilter(request.GET, queryset=organisations)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page": page, "query": query.urlencode()}
    return render(request, "stakeholders/organisation_list.html", context)


@member_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.select_related("parent"), pk=pk)
    context = {
        "organisation": organisation,
        "children": organisation.children.all(),
        "contacts": organisation.contacts.all(),
    }
    return render(request, "stakeholders/organisation_detail.html", context)
