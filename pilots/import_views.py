"""Household import (upload → preview → confirm), export and the import template.

The upload is never stored: the preview carries the parsed rows back in a signed, compressed
hidden field, bound to this pilot and user, and the confirm step validates them again.
"""

from __future__ import annotations

import io

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from warmtenet.http import REFUSED, AuthenticatedRequest

from . import exports
from .import_forms import COLUMN_HELP, HouseholdRowForm
from .imports import (
    MAX_BYTES,
    MAX_ROWS,
    Action,
    ImportPlan,
    RowError,
    TableError,
    TooManyRows,
    check_households,
    import_households,
    read_table,
    validate_rows,
)
from .models import Pilot
from .views import _get_pilot_for_editing, _get_pilot_with_personal_data

# The confirm POST is form-encoded, so it must stay under DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB).
MAX_TOKEN_CHARS = 2_000_000
TOKEN_MAX_AGE_S = 60 * 60
PREVIEW_ROWS = 20
SHOWN_ERRORS = 200


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label=gettext_lazy("Bestand (.csv of .xlsx)"),
        error_messages={"required": gettext_lazy("Kies een bestand om te importeren.")},
    )


class ConfirmForm(forms.Form):
    token = forms.CharField(max_length=MAX_TOKEN_CHARS, widget=forms.HiddenInput)


class _MemoryUploadWithLimit(FileUploadHandler):
    """Keeps uploads in memory and drops any file past MAX_BYTES, so nothing reaches disk."""

    def __init__(self, request: AuthenticatedRequest) -> None:
        super().__init__(request)
        self.total = 0
        self.too_large = False

    def new_file(self, *args: object, **kwargs: object) -> None:
        super().new_file(*args, **kwargs)
        self.buffer = bytearray()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.total += len(raw_data)
        if self.total > MAX_BYTES:
            self.too_large = True
            raise SkipFile
        self.buffer += raw_data

    def file_complete(self, file_size: int) -> InMemoryUploadedFile:
        return InMemoryUploadedFile(
            io.BytesIO(self.buffer),
            self.field_name,
            self.file_name,
            self.content_type,
            file_size,
            self.charset,
            self.content_type_extra,
        )


# Exempt only so the upload handler can be swapped before anything reads the body;
# the inner view is csrf_protect'ed, so the token is still checked.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@login_required
@never_cache
def household_import(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    request.upload_handlers = [_MemoryUploadWithLimit(request)]
    return _household_import(request, pk)


@csrf_protect
def _household_import(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    context: dict[str, object] = {"pilot": pilot, "upload_form": UploadForm()}
    if request.method == "POST" and request.POST.get("step") == "confirm":
        return _confirm(request, pilot, context)
    if request.method == "POST":
        _preview(request, pilot, context)
    return _render(request, context)


def _render(request: AuthenticatedRequest, context: dict) -> HttpResponse:
    """The import page; 422 when the upload or a row was refused, so nothing was imported."""
    plan = context.get("plan")
    refused = (
        context.get("upload_error")
        or context.get("confirm_error")
        or context["upload_form"].errors
        or (plan is not None and not plan.ok)
    )
    status = REFUSED if refused else 200
    return render(request, "pilots/household_import.html", _help_context(context), status=status)


def _preview(request: AuthenticatedRequest, pilot: Pilot, context: dict) -> None:
    if request.upload_handlers[0].too_large:
        context["upload_error"] = _too_large()
        return
    form = context["upload_form"] = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return
    upload = form.cleaned_data["bestand"]
    try:
        rows = read_table(upload)
    except TooManyRows as error:
        # Refused as a whole, but the errors of the first rows let the user start fixing.
        plan = validate_rows(error.rows)
        plan.errors.insert(0, RowError(0, "", str(error)))
        context.update(_plan_context(plan), file_name=upload.name)
        return
    except TableError as error:
        context["upload_error"] = str(error)
        return
    plan = check_households(pilot, rows)
    context.update(_plan_context(plan), file_name=upload.name)
    if plan.ok:
        token = _sign(pilot, request, rows)
        if len(token) > MAX_TOKEN_CHARS:
            context["upload_error"] = _too_large()
        else:
            context["confirm_form"] = ConfirmForm(initial={"token": token})


def _confirm(request: AuthenticatedRequest, pilot: Pilot, context: dict) -> HttpResponse:
    form = ConfirmForm(request.POST)
    rows = _unsign(pilot, request, form.cleaned_data["token"]) if form.is_valid() else None
    if rows is None:
        context["confirm_error"] = _(
            "De voorvertoning is verlopen of ongeldig. Kies het bestand opnieuw."
        )
        return _render(request, context)
    plan = import_households(pilot, rows, by=request.user)
    if not plan.ok:
        context.update(_plan_context(plan))
        return _render(request, context)
    n = len(plan.rows)
    messages.success(
        request,
        ngettext("%(n)d huishouden geïmporteerd.", "%(n)d huishoudens geïmporteerd.", n) % {"n": n}
        + " "
        + _("Nieuw: %(new)d, bijgewerkt: %(updated)d, ongewijzigd: %(unchanged)d.")
        % {"new": plan.new, "updated": plan.updated, "unchanged": plan.unchanged},
    )
    return redirect("pilots:detail", pilot.pk)


def _too_large() -> str:
    return _("Het bestand is groter dan %(mb)d MB. Splits het in kleinere bestanden.") % {
        "mb": MAX_BYTES // (1024 * 1024)
    }


def _salt(pilot: Pilot, request: AuthenticatedRequest) -> str:
    # A preview is only good for the pilot and the user it was made for.
    return f"pilots.import:{pilot.pk}:{request.user.pk}"


def _sign(pilot: Pilot, request: AuthenticatedRequest, rows: list[dict]) -> str:
    columns = list(rows[0])
    payload = {"columns": columns, "rows": [[row.get(c) for c in columns] for row in rows]}
    return signing.dumps(payload, salt=_salt(pilot, request), compress=True)


def _unsign(pilot: Pilot, request: AuthenticatedRequest, token: str) -> list[dict] | None:
    try:
        payload = signing.loads(token, salt=_salt(pilot, request), max_age=TOKEN_MAX_AGE_S)
    except signing.BadSignature:  # also SignatureExpired
        return None
    return [dict(zip(payload["columns"], values, strict=True)) for values in payload["rows"]]


def _plan_context(plan: ImportPlan) -> dict[str, object]:
    return {
        "plan": plan,
        # What will change is what needs checking; unchanged rows only when nothing changes.
        "preview_rows": [r for r in plan.rows if r.action != Action.UNCHANGED][:PREVIEW_ROWS]
        or plan.rows[:PREVIEW_ROWS],
        "shown_errors": plan.errors[:SHOWN_ERRORS],
        "shown_warnings": plan.row_warnings[:SHOWN_ERRORS],
        "hidden_warnings": max(0, len(plan.row_warnings) - SHOWN_ERRORS),
        "hidden_errors": max(0, len(plan.errors) - SHOWN_ERRORS),
    }


def _help_context(context: dict[str, object]) -> dict[str, object]:
    return {
        **context,
        "columns": [
            (name, field, COLUMN_HELP[name]) for name, field in HouseholdRowForm.base_fields.items()
        ],
        "max_mb": MAX_BYTES // (1024 * 1024),
        "max_rows": MAX_ROWS,
    }


FORMATS = {"csv", "xlsx"}


@require_safe
@login_required
@never_cache
def household_export(request: AuthenticatedRequest, pk: int, fmt: str) -> HttpResponse:
    # Addresses and commitments per home: not for the gemeente role (aggregates only).
    pilot = _get_pilot_with_personal_data(request, pk)
    if fmt not in FORMATS:
        raise Http404
    households = pilot.households.order_by("street", "house_number", "suffix")
    rows = exports.household_rows(households)
    stamp = timezone.localdate().isoformat()
    name = f"huishoudens-{slugify(pilot.name)}-{stamp}.{fmt}"
    if fmt == "csv":
        return _attachment(exports.to_csv(rows), name)
    return _attachment(exports.to_xlsx({"Huishoudens": rows}), name)


@require_safe
@login_required
def import_template(request: AuthenticatedRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    name = f"sjabloon-huishoudens.{fmt}"
    if fmt == "csv":
        return _attachment(exports.to_csv(exports.template_rows()), name)
    sheets = {"Huishoudens": exports.template_rows(), "Toelichting": exports.column_help()}
    return _attachment(exports.to_xlsx(sheets), name)


def _attachment(content: bytes, name: str) -> HttpResponse:
    content_type = exports.CSV_CONTENT_TYPE if name.endswith(".csv") else exports.XLSX_CONTENT_TYPE
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(True, name)},
    )
