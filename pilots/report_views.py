"""Download of the business-case report as PDF (pilots/report.py renders it)."""

import logging
import uuid

from auditlog.models import LogEntry
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from warmtenet.http import AuthenticatedRequest

from .scenario import Scenario, ScenarioForm, pilot_result
from .views import _get_pilot_for_user

logger = logging.getLogger(__name__)


@require_safe
@login_required
def report_pdf(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    # The scenario comes from the query string, as on the business-case page; the page's link
    # carries it. Without one, or with an invalid one, the pilot's own scenario.
    form = ScenarioForm(request.GET or None)
    scenario = form.to_scenario() if form.is_valid() else Scenario.for_pilot(pilot)
    today = timezone.localdate()
    try:
        # Imported here: WeasyPrint and matplotlib take about a second to import, which every
        # process would otherwise pay at start-up for a page few people open.
        from .report import render_report

        result = pilot_result(pilot, scenario, today)
        pdf = render_report(pilot, result, today=today, request_user=request.user)
    except Exception:
        error_id = uuid.uuid4().hex[:12]
        logger.exception("Business-case PDF failed: error id %s, pilot %s", error_id, pilot.pk)
        response = render(
            request,
            "pilots/report_error.html",
            {"pilot": pilot, "error_id": error_id},
            status=500,
        )
        response["Cache-Control"] = "no-store"
        return response
    LogEntry.objects.log_create(
        pilot,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=request.user,
        additional_data={"event": "report_pdf", "fingerprint": result.fingerprint},
    )
    name = f"businesscase-{slugify(pilot.name)}-{today.isoformat()}.pdf"
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={
            "Content-Disposition": content_disposition_header(True, name),
            "Cache-Control": "no-store",
        },
    )
