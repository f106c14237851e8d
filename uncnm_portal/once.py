"""Forms that create something are carried out once, however often they are sent.

A form that creates (an export, an invitation, a call for inputs, an activity, a restore) carries a
one-time key ({% form_key %}, a UUID made when the form is shown). The view, wrapped in
@once_per_form, first records the key in the same transaction as its work: a second sending of
the form (double click, reload, replay) waits for the first to finish, finds its key taken, and is
sent to the first one's result with a note, changing nothing. A form sent back with errors keeps
its key free, so the corrected form still goes through.
"""

import functools
import uuid

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .models import FormSubmission

FIELD = "form_key"


class _NotDone(Exception):
    def __init__(self, response: HttpResponse) -> None:
        super().__init__("form not carried out")
        self.response = response


def _key(request: HttpRequest) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def once_per_form(view):
    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = _key(request) if request.method == "POST" and request.user.is_authenticated else None
        if key is None:
            return view(request, *args, **kwargs)
        try:
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        submission = FormSubmission.objects.create(key=key, user=request.user)
                except IntegrityError:
                    return _sent_before(request, key, view, *args, **kwargs)
                response = view(request, *args, **kwargs)
                if response.status_code not in (301, 302, 303):
                    raise _NotDone(response)  # errors shown: the key stays free for the corrected form
                submission.result_url = response["Location"]
                submission.save(update_fields=["result_url"])
                return response
        except _NotDone as not_done:
            return not_done.response

    return wrapper


def _sent_before(request: HttpRequest, key: uuid.UUID, view, *args, **kwargs) -> HttpResponse:
    earlier = FormSubmission.objects.filter(key=key, user=request.user).exclude(result_url="").first()
    if earlier is None:  # another account's key (a replay by someone else): no shortcut
        return view(request, *args, **kwargs)
    messages.info(request, _("This form had been sent already; nothing was done twice."))
    return redirect(earlier.result_url)
