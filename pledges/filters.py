import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from objectives.filters import OrganisationChoiceFilter
from objectives.models import Objective
from stakeholders.models import Organisation

from .models import Pledge


class PledgeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    objective = django_filters.ModelChoiceFilter(
        label=_("Objective"), field_name="objectives", queryset=Objective.objects.all(), empty_label=_("All")
    )
    organisation = OrganisationChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.all(), method="by_organisation", empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Pledge.Status.choices, empty_label=_("All"))
    nature = django_filters.ChoiceFilter(label=_("Nature"), choices=Pledge.Nature.choices, empty_label=_("All"))
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=Pledge.Kind.choices, empty_label=_("All"))
    champion = django_filters.BooleanFilter(label=_("Champion pledges only"), method="only_champions")

    class Meta:
        model = Pledge
        fields = ["q", "objective", "organisation", "status", "nature", "kind", "champion"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(description__icontains=value) | Q(network_id__iexact=value)
        )

    def by_organisation(self, queryset, name, value):
        return queryset.filter(Q(organisation=value) | Q(partners=value)).distinct()

    def only_champions(self, queryset, name, value):
        return queryset.filter(champion=True) if value else queryset
