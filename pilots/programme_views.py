"""The programme view across pilots and each pilot's lessons-learned register."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from warmtenet.http import AuthenticatedRequest, form_status

from . import audit, programme_table
from .import_views import _attachment
from .models import Lesson, LessonTheme, Pilot
from .programme import programme_rows
from .programme_calc import DEVELOPMENT_MAX_YEARS, LeadTimeStatus
from .views import _get_pilot_for_editing, _get_pilot_for_user

FORMATS = ("csv", "xlsx")


def _rows(request: AuthenticatedRequest) -> list:
    pilots = (
        Pilot.objects.visible_to(request.user)
        .select_related("gemeente")
        .defer("description", "gemeente__cbs_code")  # long text the view never shows
        .order_by("gemeente__name", "name")
    )
    return programme_rows(pilots, timezone.localdate())


@require_safe
@login_required
def programme(request: AuthenticatedRequest) -> HttpResponse:
    rows = _rows(request)
    lead_known = [r for r in rows if r.lead.status != LeadTimeStatus.UNKNOWN]
    context = {
        "rows": rows,
        "tables": programme_table.page_tables(rows),
        "charts": {
            "lead": programme_table.lead_time_chart(rows),
            "participation": programme_table.participation_chart(rows),
            "cost": programme_table.cost_chart(rows),
            "cluster_ring": programme_table.cluster_ring_chart(rows),
        },
        "figures": {
            "pilots": len(rows),
            "homes": sum(r.pilot.homes for r in rows),
            "over": sum(r.lead.status == LeadTimeStatus.OVER for r in lead_known),
            "target_met": sum(r.gap.met for r in rows),
            "cluster_cheaper": sum(r.summary.cheaper_variant == "cluster" for r in rows),
            "lessons": sum(len(r.lessons) for r in rows),
        },
        "lessons": [(r.pilot, lesson) for r in rows for lesson in r.lessons],
        "deck": DEVELOPMENT_MAX_YEARS,
        "status_badges": programme_table.STATUS_BADGES,
    }
    return render(request, "pilots/programme.html", context)


@require_safe
@login_required
def programme_export(request: AuthenticatedRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    rows = _rows(request)
    name = f"programma-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "csv":
        return _attachment(programme_table.to_csv_bytes(rows), name)
    return _attachment(programme_table.to_xlsx_bytes(rows), name)


class LessonForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Lesson
        fields = ["phase", "theme", "title", "detail", "advice"]
        widgets = {
            "phase": forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
            "theme": forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
            "title": forms.TextInput(
                attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}
            ),
            "detail": forms.Textarea(
                attrs={"rows": 3, "class": "utrecht-textarea utrecht-textarea--html-textarea"}
            ),
            "advice": forms.TextInput(
                attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}
            ),
        }
        error_messages = {"title": {"required": gettext_lazy("Geef de les een korte titel.")}}


def _lessons_page(
    request: AuthenticatedRequest, pilot: Pilot, form: LessonForm | None, status: int = 200
) -> HttpResponse:
    can_edit = pilot.editable_by(request.user)
    if form is None and can_edit:
        form = LessonForm(initial={"phase": pilot.phase, "theme": LessonTheme.PROCES})
    context = {
        "pilot": pilot,
        "can_edit": can_edit,
        "form": form,
        "lessons": pilot.lessons.select_related("created_by"),
    }
    return render(request, "pilots/lessons.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def lessons(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    if request.method == "GET":
        return _lessons_page(request, _get_pilot_for_user(request, pk), None)
    pilot = _get_pilot_for_editing(request, pk)
    form = LessonForm(request.POST, instance=Lesson(pilot=pilot, created_by=request.user))
    if form.is_valid():
        with transaction.atomic():
            form.save()  # auditlog records the create
        messages.success(request, _("Les ‘%(title)s’ toegevoegd.") % {"title": form.instance.title})
        return redirect("pilots:lessons", pk=pilot.pk)
    return _lessons_page(request, pilot, form, status=form_status(form))


@require_http_methods(["GET", "POST"])
@login_required
def lesson_edit(request: AuthenticatedRequest, pk: int, lesson: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    item = get_object_or_404(pilot.lessons, pk=lesson)
    data = request.POST if request.method == "POST" else None
    form = LessonForm(data, instance=item, initial={"version": item.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in LessonForm.Meta.fields}
        with transaction.atomic():
            updated = Lesson.objects.filter(
                pk=item.pk, version=form.cleaned_data["version"]
            ).update(**fields, version=F("version") + 1, updated_at=timezone.now())
            audit.log_update(item, form.initial, fields, rows=updated)
        if updated:
            messages.success(request, _("Les ‘%(title)s’ opgeslagen.") % {"title": fields["title"]})
            return redirect("pilots:lessons", pk=pilot.pk)
        item = Lesson.objects.get(pk=item.pk)
        form = LessonForm(instance=item, initial={"version": item.version})
        conflict = _(
            "Niet opgeslagen: iemand anders heeft deze les intussen gewijzigd. Hieronder staat de "
            "huidige tekst; voer uw wijziging opnieuw in."
        )
    context = {"pilot": pilot, "form": form, "lesson": item, "conflict": conflict}
    status = form_status(form, conflict=conflict)
    return render(request, "pilots/lesson_form.html", context, status=status)


@require_POST
@login_required
def lesson_delete(request: AuthenticatedRequest, pk: int, lesson: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    item = get_object_or_404(pilot.lessons, pk=lesson)
    with transaction.atomic():
        item.delete()  # auditlog records the delete with the text as it was
    messages.success(request, _("Les ‘%(title)s’ verwijderd.") % {"title": item.title})
    return redirect("pilots:lessons", pk=pilot.pk)
