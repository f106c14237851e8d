from django import template
from django.utils.safestring import SafeString, mark_safe

from uncnm_portal.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render a narrative written in Markdown as sanitised HTML."""
    return mark_safe(render_markdown(text))


@register.filter
def get_item(mapping: dict, key):
    """Look a key up in a dict from a template: {{ matrix|get_item:objective.pk }}."""
    return mapping.get(key) if mapping else None
