"""A pilot's lifecycle in the app (create, edit, archive) and inviting colleagues."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from warmtenet.http import REFUSED, AuthenticatedRequest, form_status

from .lifecycle_forms import AcceptInvitationForm, ArchiveForm, InvitationForm, PilotForm
from .models import Gemeente, Invitation, Membership, Role
from .views import _get_pilot_for_editing


def _posted(request: AuthenticatedRequest) -> object:
    # An empty POST is a bound, invalid form (422), not a fresh one.
    return request.POST if request.method == "POST" else None


def _kwartiermaker_gemeenten(request: AuthenticatedRequest) -> list[Gemeente]:
    """The gemeenten where the user may create pilots and invite colleagues; none: 403."""
    gemeenten = list(
        Gemeente.objects.filter(
            memberships__user=request.user, memberships__role=Role.KWARTIERMAKER
        ).order_by("name")
    )
    if not gemeenten:
        raise PermissionDenied
    return gemeenten


@require_http_methods(["GET", "POST"])
@login_required
def pilot_create(request: AuthenticatedRequest) -> HttpResponse:
    gemeenten = _kwartiermaker_gemeenten(request)
    form = PilotForm(_posted(request), gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        pilot = form.save()
        messages.success(
            request,
            _("Pilot %(name)s aangemaakt. Voeg nu de adressen toe.") % {"name": pilot.name},
        )
        return redirect(pilot)
    context = {"form": form, "pilot": None}
    return render(request, "pilots/pilot_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
@login_required
def pilot_edit(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    gemeenten = _kwartiermaker_gemeenten(request)
    form = PilotForm(_posted(request), instance=pilot, gemeenten=gemeenten)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Pilot %(name)s opgeslagen.") % {"name": pilot.name})
        return redirect(pilot)
    context = {"form": form, "pilot": pilot}
    return render(request, "pilots/pilot_form.html", context, status=form_status(form))


@require_POST
@login_required
def pilot_archive(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    form = ArchiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies archiveren of terugzetten."))
        return redirect(pilot)
    archive = form.cleaned_data["archive"]
    # save() with update_fields: auditlog records who archived or restored the pilot.
    pilot.archived_at = timezone.now() if archive else None
    pilot.save(update_fields=["archived_at", "updated_at"])
    if archive:
        messages.success(
            request,
            _("Pilot %(name)s is gearchiveerd. U vindt hem terug onder ‘Gearchiveerd’.")
            % {"name": pilot.name},
        )
    else:
        messages.success(request, _("Pilot %(name)s is teruggezet.") % {"name": pilot.name})
    return redirect(pilot)


def _open_invitations(gemeenten: list[Gemeente]) -> QuerySet[Invitation]:
    return Invitation.objects.open().filter(gemeente__in=gemeenten).select_related("gemeente")


@require_http_methods(["GET", "POST"])
@login_required
@never_cache  # shows a fresh invitation link once
def invitations(request: AuthenticatedRequest) -> HttpResponse:
    gemeenten = _kwartiermaker_gemeenten(request)
    form = InvitationForm(_posted(request), gemeenten=gemeenten)
    new_link = None
    if request.method == "POST" and form.is_valid():
        invitation, raw = Invitation.issue(
            form.cleaned_data["gemeente"],
            role=form.cleaned_data["role"],
            email=form.cleaned_data["email"],
            created_by=request.user,
        )
        new_link = request.build_absolute_uri(reverse("invitation_accept", args=[raw]))
        form = InvitationForm(gemeenten=gemeenten)
    context = {
        "form": form,
        "new_link": new_link,
        "open_invitations": _open_invitations(gemeenten),
    }
    return render(request, "pilots/invitations.html", context, status=form_status(form))


@require_POST
@login_required
def invitation_revoke(request: AuthenticatedRequest, invitation: int) -> HttpResponse:
    gemeenten = _kwartiermaker_gemeenten(request)
    found = get_object_or_404(_open_invitations(gemeenten), pk=invitation)
    found.revoked_at = timezone.now()
    found.save(update_fields=["revoked_at"])
    messages.success(request, _("Uitnodiging voor %(email)s ingetrokken.") % {"email": found.email})
    return redirect("pilots:invitations")


@require_http_methods(["GET", "POST"])
@never_cache
def invitation_accept(request: AuthenticatedRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.by_token(token)
    if invitation is None:
        raise Http404
    form = AcceptInvitationForm(_posted(request), initial={"username": ""})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # Lock the invitation: two tabs submitting at once make one account, not two.
            locked = Invitation.objects.select_for_update().open().filter(pk=invitation.pk)
            if not locked.exists():
                raise Http404
            user = form.save(commit=False)
            user.email = invitation.email
            user.save()
            Membership.objects.create(user=user, gemeente=invitation.gemeente, role=invitation.role)
            locked.update(accepted_at=timezone.now(), accepted_by=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welkom! U heeft nu toegang tot %(gemeente)s als %(role)s.")
            % {"gemeente": invitation.gemeente.name, "role": invitation.get_role_display()},
        )
        return redirect("pilots:list")
    status = REFUSED if form.is_bound and form.errors else 200
    context = {"form": form, "invitation": invitation}
    return render(request, "registration/invitation_accept.html", context, status=status)
