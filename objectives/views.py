from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from stakeholders.models import Role
from stakeholders.permissions import member_required, role_required
from uncnm_portal.freshness import shared_fragment
from uncnm_portal.once import once_per_form
from uncnm_portal.spreadsheets import FORMATS, export_response
from uncnm_portal.versioning import EditConflict, rebound_form

from .filters import ActivityFilter, IndicatorFilter
from .forms import ActivityForm, IndicatorForm, ObservationFormSet
from .models import Activity, Indicator, RoundTable
from .permissions import can_create_activity, can_edit_activity, can_manage_indicators

PAGE_SIZE = 50


@member_required
def home(request: HttpRequest) -> HttpResponse:
    round_tables = RoundTable.objects.with_objectives()
    return render(request, "objectives/home.html", {"round_tables": round_tables})


def _page(request: HttpRequest, queryset) -> tuple:
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def _listing(request: HttpRequest, template: str, filterset, queryset) -> SafeString:
    """A list's filters, rows and pagination. Unfiltered, it is the same for every member: its pages
    come from the cache until content changes; a filtered list is rendered each time."""
    page, query = _page(request, queryset)

    def render_listing() -> str:
        return render_to_string(template, {"filter": filterset, "page": page, "query": query}, request=request)

    if set(request.GET) - {"page"}:
        return mark_safe(render_listing())
    return shared_fragment(template, page.number, render=render_listing)


@member_required
def activity_list(request: HttpRequest) -> HttpResponse:
    filterset = ActivityFilter(request.GET, queryset=Activity.objects.all())
    if request.GET.get("format") in FORMATS and filterset.is_valid():
        return _export_activities(request.GET["format"], filterset.qs.with_related())
    listing = _listing(request, "objectives/_activity_listing.html", filterset, filterset.qs.for_list())
    context = {"listing": listing, "can_create": can_create_activity(request.user)}
    return render(request, "objectives/activity_list.html", context)


def _export_activities(fmt: str, activities) -> HttpResponse:
    headers = [
        _("Title"),
        _("Lead organisation"),
        _("Partners"),
        _("Objectives"),
        _("Actions"),
        _("Start date"),
        _("End date"),
        _("Status"),
        _("Budget"),
        _("Currency"),
        _("Location"),
        _("Link"),
    ]
    rows = (
        [
            a.title,
            str(a.lead_organisation),
            "; ".join(p.display_name for p in a.partners.all()),
            ", ".join(str(o.number) for o in a.objectives.all()),
            ", ".join(x.code for x in a.actions.all()),
            a.start_date,
            a.end_date,
            a.get_status_display(),
            a.budget,
            a.currency,
            a.location,
            a.link,
        ]
        for a in activities
    )
    return export_response(fmt=fmt, filename="activities", headers=headers, rows=rows)


@member_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity.objects.with_related(), pk=pk)
    context = {"activity": activity, "can_edit": can_edit_activity(request.user, activity)}
    return render(request, "objectives/activity_detail.html", context)


@member_required
@once_per_form
def activity_create(request: HttpRequest) -> HttpResponse:
    if not can_create_activity(request.user):
        raise PermissionDenied
    form = ActivityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.instance.created_by = request.user
        activity = form.save()
        messages.success(request, _("The activity was recorded."))
        return redirect(activity)
    return render(request, "objectives/activity_form.html", {"form": form}, status=400 if form.is_bound else 200)


@member_required
def activity_update(request: HttpRequest, pk: int) -> HttpResponse:
    activity = get_object_or_404(Activity, pk=pk)
    if not can_edit_activity(request.user, activity):
        raise PermissionDenied
    form = ActivityForm(request.POST or None, instance=activity, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                # A client that sends no version (no page of the portal) is taken to mean the saved one.
                activity.claim_version(form.cleaned_data["version"] or activity.version)
                form.save()
        except EditConflict as conflict:
            return _activity_conflict(request, conflict.current)
        messages.success(request, _("The activity was saved."))
        return redirect(activity)
    context = {"form": form, "activity": activity}
    return render(request, "objectives/activity_form.html", context, status=400 if form.is_bound else 200)


def _activity_conflict(request: HttpRequest, current: Activity) -> HttpResponse:
    """Someone saved the activity after this editor opened it: keep their text in the form, overwrite nothing."""
    who = current.last_saved_by() or _("another user")
    form = rebound_form(ActivityForm, request.POST, current, user=request.user)
    conflict = _(
        "%(who)s saved this activity after you opened it. Nothing was overwritten: your changes are "
        "still below. Open the activity in another tab to compare, then save again to replace it."
    )
    context = {"form": form, "activity": current, "conflict": conflict % {"who": who}}
    return render(request, "objectives/activity_form.html", context, status=409)


@member_required
def indicator_list(request: HttpRequest) -> HttpResponse:
    filterset = IndicatorFilter(request.GET, queryset=Indicator.objects.all())
    if request.GET.get("format") in FORMATS and filterset.is_valid():
        return _export_indicators(request.GET["format"], filterset.qs.with_related())
    listing = _listing(request, "objectives/_indicator_listing.html", filterset, filterset.qs.for_list())
    context = {"listing": listing, "can_manage": can_manage_indicators(request.user)}
    return render(request, "objectives/indicator_list.html", context)


def _export_indicators(fmt: str, indicators) -> HttpResponse:
    headers = [
        _("Code"),
        _("Name"),
        _("Unit"),
        _("Scope"),
        _("Objectives"),
        _("SDG targets"),
        _("Baseline"),
        _("Baseline year"),
        _("Target"),
        _("Target year"),
        _("Latest value"),
        _("Latest year"),
        _("Source"),
    ]
    rows = []
    for i in indicators:
        latest = i.latest_observation
        rows.append(
            [
                i.code,
                i.name,
                i.unit,
                i.get_scope_display(),
                ", ".join(str(o.number) for o in i.objectives.all()),
                ", ".join(t.code for t in i.sdg_targets.all()),
                i.baseline_value,
                i.baseline_year,
                i.target_value,
                i.target_year,
                latest.value if latest else None,
                latest.year if latest else None,
                i.source,
            ]
        )
    return export_response(fmt=fmt, filename="indicators", headers=headers, rows=rows)


@member_required
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.with_related(), pk=pk)
    context = {"indicator": indicator, "can_manage": can_manage_indicators(request.user)}
    return render(request, "objectives/indicator_detail.html", context)


@role_required(Role.SECRETARIAT)
@once_per_form
def indicator_create(request: HttpRequest) -> HttpResponse:
    return _indicator_form(request, Indicator())


@role_required(Role.SECRETARIAT)
def indicator_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _indicator_form(request, get_object_or_404(Indicator, pk=pk))


def _indicator_form(request: HttpRequest, indicator: Indicator) -> HttpResponse:
    form = IndicatorForm(request.POST or None, instance=indicator)
    formset = ObservationFormSet(request.POST or None, instance=indicator, prefix="observations")
    conflict = ""
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            with transaction.atomic():
                if indicator.pk:
                    indicator.claim_version(form.cleaned_data["version"] or indicator.version)
                indicator = form.save()
                formset.instance = indicator
                formset.save()
        except EditConflict as error:
            form = rebound_form(IndicatorForm, request.POST, error.current)
            who = error.current.last_saved_by() or _("another user")
            conflict = _(
                "%(who)s saved this indicator after you opened it. Nothing was overwritten: your changes are "
                "still below. Open the indicator in another tab to compare, then save again to replace it."
            ) % {"who": who}
        except IntegrityError:
            # Someone saved an observation for the same year meanwhile (the form is stale).
            formset._non_form_errors = formset.error_class(
                [_("An observation for one of these years was saved meanwhile. Reload the page and try again.")]
            )
        else:
            messages.success(request, _("The indicator was saved."))
            return redirect(indicator)
    context = {"form": form, "formset": formset, "indicator": indicator if indicator.pk else None, "conflict": conflict}
    status = 409 if conflict else 400 if form.is_bound else 200
    return render(request, "objectives/indicator_form.html", context, status=status)
