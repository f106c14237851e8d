"""Pickers: selects the browser turns into a searchable list that shows chosen items as removable chips.

The page script (static/js/pickers.js) builds them with Tom Select, whose files come from the
django-tomselect package and are served by the portal. Without script they stay plain selects, and
the form validates the same either way.

`follows` names another field of the same form: only the options whose `follows_value` is chosen
there are offered (the actions of the chosen objectives, the focal points of the chosen
organisation). Options already chosen stay chosen; the form's own rules decide whether they may.
"""

from collections.abc import Callable

from django import forms
from django.utils.translation import gettext_lazy as _


class PickerMixin:
    def __init__(self, attrs=None, *, follows: str = "", follows_value: Callable | None = None):
        super().__init__({"data-picker": "", **(attrs or {})})
        if follows:
            self.attrs["data-picker-follows"] = follows
        self.follows_value = follows_value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The picker's own words, in the page's language (Tom Select has none of its own).
        context["widget"]["attrs"].update(
            {
                "data-picker-remove": _("Remove"),
                "data-picker-none": _("Nothing matches"),
            }
        )
        return context

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex=subindex, attrs=attrs)
        instance = getattr(value, "instance", None)
        if self.follows_value and instance is not None:
            option["attrs"]["data-follows-value"] = self.follows_value(instance)
        return option


class Picker(PickerMixin, forms.SelectMultiple):
    """Several items, shown as chips."""


class SinglePicker(PickerMixin, forms.Select):
    """One item out of a long or dependent list."""
