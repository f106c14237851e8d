"""A member's personal API tokens: made (the key shown once), listed with their last use, revoked."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stakeholders.permissions import member_required
from uncnm_portal.once import once_per_form

from .forms import TokenForm
from .models import ApiToken

NEW_KEY = "api-token-new-key"


@member_required
@once_per_form
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, key = ApiToken.issue(user=request.user, name=form.cleaned_data["name"])
        # Kept in the (server-side) session for the next page only: the key is never stored.
        request.session[NEW_KEY] = {"id": token.pk, "key": key}
        return redirect("api:tokens")
    context = {
        "form": form,
        "tokens": ApiToken.objects.filter(user=request.user),
        "new_key": request.session.pop(NEW_KEY, None),
    }
    return render(request, "api/token_list.html", context, status=400 if form.is_bound else 200)


@member_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.revoke()
    messages.success(request, _("The token %(name)s was revoked: it no longer opens the API.") % {"name": token.name})
    return redirect("api:tokens")
