from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

MAX_PAGE = 2**31 - 1


class Pagination(PageNumberPagination):
    """Pages of 50 by default; `page_size` from 1 to 500 and `page` from 1 are checked, not silently clamped."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def _whole(self, request, name: str, low: int, high: int) -> int | None:
        raw = request.query_params.get(name)
        if raw is None:
            return None
        if not raw.isascii() or not raw.isdigit() or not low <= int(raw) <= high:
            raise ValidationError({name: [_("A whole number from %(low)s to %(high)s.") % {"low": low, "high": high}]})
        return int(raw)

    def get_page_size(self, request) -> int:
        size = self._whole(request, self.page_size_query_param, 1, self.max_page_size)
        return self.page_size if size is None else size

    def paginate_queryset(self, queryset, request, view=None):
        self._whole(request, self.page_query_param, 1, MAX_PAGE)  # beyond the last page: 404, as DRF answers
        return super().paginate_queryset(queryset, request, view)

    def get_schema_operation_parameters(self, view) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        bounds = {self.page_query_param: (1, MAX_PAGE), self.page_size_query_param: (1, self.max_page_size)}
        for parameter in parameters:
            low, high = bounds[parameter["name"]]
            parameter["schema"].update(minimum=low, maximum=high)
        return parameters
