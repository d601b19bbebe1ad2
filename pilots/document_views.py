"""The pilot's documents tab: voorbeeld bestek (DOCX, PDF) and, for zelfbeheer, the model
members' agreement and statute (DOCX)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from warmtenet.http import CONFLICT, AuthenticatedRequest

from . import bestek, documents, zelfbeheer_docs
from .models import Pilot
from .views import _get_pilot_for_user
from .zelfbeheer_docs import Kind, LegalForm

PDF_CONTENT_TYPE = "application/pdf"
# document → the formats it comes in
FORMATS = {"bestek": ("docx", "pdf"), Kind.AGREEMENT: ("docx",), Kind.STATUTE: ("docx",)}


def _unavailable(pilot: Pilot, doc: str) -> str | None:
    """Why `doc` cannot be made for this pilot yet, in Dutch; None when it can."""
    if doc == "bestek" and not pilot.concept:
        return _(
            "Er is nog geen concept gekozen voor deze pilot. Kies op het tabblad Businesscase "
            "een concept en leg het vast; daarna is het voorbeeld bestek te downloaden."
        )
    if doc in (Kind.AGREEMENT, Kind.STATUTE):
        return zelfbeheer_docs.unavailable(pilot)
    return None


def _legal_form(request: AuthenticatedRequest) -> LegalForm:
    # ?vorm=cooperatie; anything else is the default: a vereniging (the deck: zelfbeheer fits
    # groups of 10 or fewer, for whom a vereniging is the lighter form).
    try:
        return LegalForm(request.GET.get("vorm", LegalForm.VERENIGING))
    except ValueError:
        return LegalForm.VERENIGING


@require_safe
@login_required
def pilot_documents(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    return _page(request, pilot)


def _page(request: AuthenticatedRequest, pilot: Pilot, status: int = 200) -> HttpResponse:
    context = {
        "pilot": pilot,
        "can_edit": pilot.editable_by(request.user),
        "bestek_missing": _unavailable(pilot, "bestek"),
        "zelfbeheer_missing": zelfbeheer_docs.unavailable(pilot),
        "legal_forms": [(f.value, f.label) for f in LegalForm],
    }
    return render(request, "pilots/documents.html", context, status=status)


@require_safe
@login_required
def document_download(request: AuthenticatedRequest, pk: int, doc: str, fmt: str) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    if fmt not in FORMATS.get(doc, ()):
        raise Http404
    if _unavailable(pilot, doc):
        # The tab again, with the reason: a clear message instead of an empty file.
        return _page(request, pilot, status=CONFLICT)
    today = timezone.localdate()
    if doc == "bestek":
        document = bestek.build(pilot, today)
        name = f"{doc}-{slugify(pilot.name)}-{today.isoformat()}.{fmt}"
    else:
        form = _legal_form(request)
        document = zelfbeheer_docs.build(pilot, Kind(doc), form, today)
        name = f"{doc}-{form}-{slugify(pilot.name)}-{today.isoformat()}.{fmt}"
    if fmt == "docx":
        content, content_type = documents.to_docx(document), documents.DOCX_CONTENT_TYPE
    else:
        content, content_type = documents.to_pdf(document), PDF_CONTENT_TYPE
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(True, name)},
    )
