import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from stakeholders.models import Organisation

from .models import Activity, Indicator, Objective


@extend_schema_field(OpenApiTypes.INT)
class OrganisationChoiceFilter(django_filters.ModelChoiceFilter):
    """An organisation chosen by its id (the API's schema says so; the filter runs a method)."""


class ActivityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    objective = django_filters.ModelChoiceFilter(
        label=_("Objective"), field_name="objectives", queryset=Objective.objects.all(), empty_label=_("All")
    )
    organisation = OrganisationChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.all(), method="by_organisation", empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Activity.Status.choices, empty_label=_("All"))
    active_from = django_filters.DateFilter(
        label=_("Running on or after"),
        method="running_from",
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )
    active_to = django_filters.DateFilter(
        label=_("Running on or before"),
        field_name="start_date",
        lookup_expr="lte",
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Activity
        fields = ["q", "objective", "organisation", "status", "active_from", "active_to"]

    def search(self, queryset, name, value):
        # The title or description in any language: a Russian page finds an activity by its English title too.
        texts = Q(location__icontains=value)
        for code in settings.LANGUAGE_CODES:
            texts |= Q(**{f"title_{code}__icontains": value}) | Q(**{f"description_{code}__icontains": value})
        return queryset.filter(texts)

    def by_organisation(self, queryset, name, value):
        return queryset.filter(Q(lead_organisation=value) | Q(partners=value)).distinct()

    def running_from(self, queryset, name, value):
        return queryset.filter(Q(end_date__isnull=True) | Q(end_date__gte=value))


class IndicatorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    objective = django_filters.ModelChoiceFilter(
        label=_("Objective"), field_name="objectives", queryset=Objective.objects.all(), empty_label=_("All")
    )
    scope = django_filters.ChoiceFilter(label=_("Scope"), choices=Indicator.Scope.choices, empty_label=_("All"))

    class Meta:
        model = Indicator
        fields = ["q", "objective", "scope"]

    def search(self, queryset, name, value):
        # The name in any language: a Russian page finds an indicator by its English name too.
        names = Q()
        for code in settings.LANGUAGE_CODES:
            names |= Q(**{f"name_{code}__icontains": value})
        return queryset.filter(Q(code__icontains=value) | names | Q(source__icontains=value))
