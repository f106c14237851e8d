"""A model choice out of the database's integer range is an invalid choice, not a server error.

Django's ModelChoiceField and ModelMultipleChoiceField look a submitted id up in the database and
turn ValueError and TypeError into "Select a valid choice". SQLite (the embedded default) raises
OverflowError for an id beyond 64 bits instead, which Django lets through as a 500. install()
wraps both lookups so that such an id gets the same message as any unknown one.
"""

import functools

from django.core.exceptions import ValidationError
from django.forms import models


def _invalid_when_out_of_range(method):
    @functools.wraps(method)
    def wrapper(self, value, *args, **kwargs):
        try:
            return method(self, value, *args, **kwargs)
        except OverflowError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None

    wrapper.refuses_out_of_range = True
    return wrapper


def install() -> None:
    for cls, name in [(models.ModelChoiceField, "to_python"), (models.ModelMultipleChoiceField, "_check_values")]:
        method = getattr(cls, name)
        if not getattr(method, "refuses_out_of_range", False):
            setattr(cls, name, _invalid_when_out_of_range(method))
