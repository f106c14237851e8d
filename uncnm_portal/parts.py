"""Parts of a page that apps above the page's own app add to it, so that the page imports none of them.

An app names its parts in its AppConfig, `page_parts = {"my-work": "drafts.parts.my_work"}`: each is a
function that takes the page's keyword arguments and returns context for the page's template. Like the
history pages' `history_pages`, this is how a lower floor shows something of a higher one.
"""

from django.apps import apps
from django.utils.module_loading import import_string


def named_parts(page: str) -> list[str]:
    """The dotted paths of the functions that add to `page`, in the order of INSTALLED_APPS."""
    return [config.page_parts[page] for config in apps.get_app_configs() if page in getattr(config, "page_parts", {})]


def page_parts(page: str, **kwargs) -> dict:
    context = {}
    for path in named_parts(page):
        context.update(import_string(path)(**kwargs))
    return context
