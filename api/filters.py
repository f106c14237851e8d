"""The API's filters. Each query parameter is declared in the schema with the constraints it enforces: an id or
a number outside its range is refused (400), a well-formed id of nothing gives an empty list (not an error),
as generated clients and schemathesis expect of a schema."""

from django import forms
from django.db.models import Q
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field

from drafts.models import ExportJob
from objectives.filters import ActivityFilter as PortalActivityFilter
from objectives.filters import IndicatorFilter as PortalIndicatorFilter
from objectives.models import Action, IndicatorObservation
from reviews.models import ActionProgress, ObjectiveAssessment, ProgressStatus, ReviewCycle
from uncnm_portal.validators import FIRST_YEAR, LAST_YEAR

from .schema import MAX_ID

TEXT = {"type": "string", "maxLength": 200, "pattern": "^[^\\u0000]*$"}


def _integer(low: int, high: int):
    """A filter of whole numbers from low to high, declared so in the schema."""

    @extend_schema_field({"type": "integer", "minimum": low, "maximum": high})
    class IntegerFilter(filters.NumberFilter):
        field_class = forms.IntegerField

        def __init__(self, *args, **kwargs):
            kwargs.setdefault("min_value", low)
            kwargs.setdefault("max_value", high)
            super().__init__(*args, **kwargs)

    return IntegerFilter


IdFilter = _integer(1, MAX_ID)
ObjectiveNumberFilter = _integer(1, 23)
YearFilter = _integer(FIRST_YEAR, LAST_YEAR)


@extend_schema_field(TEXT)
class TextFilter(filters.CharFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", TEXT["maxLength"])
        super().__init__(*args, **kwargs)


class ActionFilter(filters.FilterSet):
    objective = ObjectiveNumberFilter(field_name="objective__number")

    class Meta:
        model = Action
        fields = ["objective"]


class CycleFilter(filters.FilterSet):
    year = YearFilter()

    class Meta:
        model = ReviewCycle
        fields = ["level", "year", "status"]


class AssessmentFilter(filters.FilterSet):
    cycle = IdFilter(field_name="cycle_id")
    objective = ObjectiveNumberFilter(field_name="objective__number")
    status = filters.ChoiceFilter(choices=ProgressStatus.choices)

    class Meta:
        model = ObjectiveAssessment
        fields = ["cycle", "objective", "status"]


class ActionStatusFilter(filters.FilterSet):
    cycle = IdFilter(field_name="cycle_id")
    objective = ObjectiveNumberFilter(field_name="action__objective__number")

    class Meta:
        model = ActionProgress
        fields = ["cycle", "objective", "status"]


class ActivityFilter(PortalActivityFilter):
    """The portal's activity filters; objective and organisation by number and id."""

    q = TextFilter(method="search")
    objective = ObjectiveNumberFilter(field_name="objectives__number")
    organisation = IdFilter(method="by_organisation_id")

    def by_organisation_id(self, queryset, name, value):
        return queryset.filter(Q(lead_organisation_id=value) | Q(partners__id=value)).distinct()


class IndicatorFilter(PortalIndicatorFilter):
    q = TextFilter(method="search")
    objective = ObjectiveNumberFilter(field_name="objectives__number")


class ObservationFilter(filters.FilterSet):
    indicator = TextFilter(field_name="indicator__code")
    year_from = YearFilter(field_name="year", lookup_expr="gte")
    year_to = YearFilter(field_name="year", lookup_expr="lte")

    class Meta:
        model = IndicatorObservation
        fields = ["indicator", "year_from", "year_to"]


class ExportFilter(filters.FilterSet):
    cycle = IdFilter(field_name="cycle_id")

    class Meta:
        model = ExportJob
        fields = ["cycle", "language", "status"]
