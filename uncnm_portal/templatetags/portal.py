import datetime
import uuid
from decimal import Decimal

from django import template
from django.conf import settings
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from uncnm_portal.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render a narrative written in Markdown as sanitised HTML."""
    # Safe: render_markdown sanitises with nh3 and an explicit allow-list.
    return mark_safe(render_markdown(text))


@register.filter
def number(value) -> str:
    """A decimal without trailing zeros, in the active language's format: 4893.400 -> 4 893,4 in Russian."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


@register.filter
def get_field(obj, name: str):
    """Read an attribute named in a variable: {{ input|get_field:name }}."""
    return getattr(obj, name, "")


@register.simple_tag
def shown_in_english(obj, field: str) -> str:
    """A small "EN" badge where a translated field (django-modeltranslation) has no text in the page's
    language and its English text is shown instead: {% shown_in_english activity "title" %}."""
    language = get_language()
    if language == settings.LANGUAGE_CODE or language not in settings.LANGUAGE_CODES:
        return ""
    if getattr(obj, f"{field}_{language}", None) or not getattr(obj, f"{field}_{settings.LANGUAGE_CODE}", None):
        return ""
    return format_html(
        '<span class="badge text-bg-light border" lang="en" title="{}">EN</span>',
        _("Not translated yet: shown in English"),
    )


class BreadcrumbsNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist) -> None:
        self.nodelist = nodelist

    def render(self, context) -> str:
        items = self.nodelist.render(context).strip()
        if not items:
            return ""
        return format_html(
            '<nav aria-label="{}"><ol class="breadcrumb">{}</ol></nav>', _("Breadcrumb"), mark_safe(items)
        )


@register.tag
def breadcrumbs(parser, token) -> BreadcrumbsNode:
    """Wrap the trail of a page ({% block breadcrumbs %} in base.html) in the breadcrumb navigation, if it has one."""
    nodelist = parser.parse(("endbreadcrumbs",))
    parser.delete_first_token()
    return BreadcrumbsNode(nodelist)


@register.filter
def minutes(delta: datetime.timedelta) -> int:
    """A duration in whole minutes (at least 1), for messages such as the lockout page."""
    return max(int(delta.total_seconds() // 60), 1)


@register.simple_tag
def form_key() -> SafeString:
    """The one-time key of a form that creates something (uncnm_portal/once.py)."""
    return format_html('<input type="hidden" name="form_key" value="{}">', uuid.uuid4())


# The navigation's sections by the first part of the path; pages of a cycle (exports, versions, ...) are the cycles'.
SECTIONS = {
    "": "objectives",
    "objectives": "objectives",
    "my-work": "my-work",
    "dashboard": "dashboard",
    "activities": "activities",
    "indicators": "indicators",
    "policies": "policies",
    "pledges": "pledges",
    "inputs": "inputs",
    "cycles": "cycles",
    "exports": "cycles",
    "versions": "cycles",
    "consultations": "cycles",
    "contributions": "cycles",
    "organisations": "organisations",
}


@register.filter
def nav_section(path: str) -> str:
    """The navigation section a path belongs to (for aria-current), or ""."""
    return SECTIONS.get(path.strip("/").split("/", 1)[0], "")
