import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Organisation


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Organisation.Kind.choices, empty_label=_("All"))
    network_role = django_filters.ChoiceFilter(
        label=_("Network role"), choices=Organisation.NetworkRole.choices, empty_label=_("All")
    )
    active = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("yes", _("Active")), ("no", _("Inactive"))],
        empty_label=_("All"),
        method="filter_active",
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "network_role", "active"]

    def filter_active(self, queryset, name: str, value: str):
        return queryset.filter(active=value == "yes")

    def search(self, queryset, name: str, value: str):
        """Names and acronyms in every language: the English and the Russian acronym find the same organisation."""
        query = Q()
        for code, _name in settings.LANGUAGES:
            query |= Q(**{f"name_{code}__icontains": value}) | Q(**{f"acronym_{code}__icontains": value})
        return queryset.filter(query)
