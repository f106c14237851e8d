"""Public pages: any visitor, the language from `?lang=`, served from the cache until public content changes."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.http import http_date
from django.views.decorators.http import conditional_page, require_safe

from uncnm_portal.freshness import generation

PAGE_TIMEOUT = 24 * 3600


def page_language(request: HttpRequest) -> str:
    """`?lang=xx` names the page's language (each language has its own address); otherwise the visitor's."""
    requested = request.GET.get("lang", "")
    return requested if requested in settings.LANGUAGE_CODES else translation.get_language()


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Open to anyone; GET and HEAD only; cached per address and language until public content changes.

    A cached page is the same for every visitor: public templates hold no form, no name and no token.
    Query parameters other than `lang` are ignored (and so cannot fill the cache).
    """

    @login_not_required
    @require_safe
    @conditional_page
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        language = page_language(request)
        counter, changed_at = generation()
        key = f"public:response:{counter}:{language}:{request.path}"
        with translation.override(language):
            request.LANGUAGE_CODE = language
            cached = cache.get(key)  # (body, content type, content disposition)
            if cached is not None:
                response = HttpResponse(cached[0], content_type=cached[1])
                if cached[2]:
                    response["Content-Disposition"] = cached[2]
            else:
                response = view(request, *args, **kwargs)
                if response.status_code == 200 and not response.streaming:
                    disposition = response.get("Content-Disposition", "")
                    cache.set(key, (response.content, response["Content-Type"], disposition), PAGE_TIMEOUT)
        response["Content-Language"] = language
        response["Last-Modified"] = http_date(changed_at)
        # Shared caches may keep a copy but must ask again (ETag / Last-Modified) before using it.
        response["Cache-Control"] = "public, no-cache"
        return response

    return wrapper
