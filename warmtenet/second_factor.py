"""Optional second factor (TOTP, RFC 6238) for staff accounts, on django-otp.

After the password, a user with a confirmed authenticator app is "pending": the session carries
PENDING and SecondFactorMiddleware sends every page to the code form until a valid code is given.
django-otp throttles wrong codes per device (doubling wait) and refuses a code twice.
"""

from base64 import b32encode

import django_otp
import segno
from auditlog.models import LogEntry
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from .http import AuthenticatedRequest, form_status

PENDING = "second_factor_pending"


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=gettext_lazy("Code uit uw authenticator-app"),
        regex=r"^\s*[0-9]{6}\s*$",
        max_length=12,
        error_messages={
            "invalid": gettext_lazy("Vul de zes cijfers uit uw app in."),
            "required": gettext_lazy("Vul de zes cijfers uit uw app in."),
        },
    )


def confirmed_device(user: object) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@receiver(user_logged_in, dispatch_uid="warmtenet.second_factor.pending")
def _mark_pending(
    sender: object, request: HttpRequest | None, user: object, **kwargs: object
) -> None:
    if request is not None and confirmed_device(user) is not None:
        request.session[PENDING] = True


def _log(request: HttpRequest, event: str) -> None:
    LogEntry.objects.log_create(
        request.user,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=request.user,
        remote_addr=request.META.get("REMOTE_ADDR"),
        additional_data={"event": event},
    )


def _check(request: HttpRequest, device: TOTPDevice, form: CodeForm) -> bool:
    """Verify the form's code against `device`, adding a Dutch error to the form on failure."""
    allowed, _detail = device.verify_is_allowed()
    if not allowed:
        form.add_error(
            "code",
            _("Te veel foute codes achter elkaar. Wacht even en probeer het dan opnieuw."),
        )
        return False
    if device.verify_token(form.cleaned_data["code"].strip()):
        return True
    form.add_error(
        "code",
        _("Deze code klopt niet of is al gebruikt. Kijk of de tijd op uw telefoon klopt."),
    )
    return False


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("home")


@require_http_methods(["GET", "POST"])
@login_required
def verify(request: AuthenticatedRequest) -> HttpResponse:
    device = confirmed_device(request.user)
    if not request.session.get(PENDING) or device is None:
        request.session.pop(PENDING, None)  # e.g. an admin removed the device meanwhile
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _check(request, device, form):
            django_otp.login(request, device)
            request.session.pop(PENDING, None)
            request.session.cycle_key()
            _log(request, "second_factor_verified")
            return redirect(_next(request))
        _log(request, "second_factor_failed")
    return render(
        request, "registration/second_factor.html", {"form": form, "next": _next(request)}
    )


def _qr(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")


def _secret(device: TOTPDevice) -> str:
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@require_http_methods(["GET", "POST"])
@login_required
def setup(request: AuthenticatedRequest) -> HttpResponse:
    """Switch the second factor on (scan, then confirm with a code) or off (with a code)."""
    active = confirmed_device(request.user)
    form = CodeForm(request.POST or None)
    if active is not None:
        if request.method == "POST" and form.is_valid() and _check(request, active, form):
            TOTPDevice.objects.filter(user=request.user).delete()
            _log(request, "second_factor_disabled")
            messages.success(request, _("Tweestapsverificatie staat uit."))
            return redirect("second_factor_setup")
        return render(
            request, "registration/second_factor_setup.html", {"active": active, "form": form}
        )
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=request.user, name=_("Authenticator-app"), confirmed=False
            )
    if request.method == "POST" and form.is_valid() and _check(request, device, form):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        django_otp.login(request, device)
        _log(request, "second_factor_enabled")
        messages.success(
            request,
            _("Tweestapsverificatie staat aan. Bij het inloggen vragen we voortaan om een code."),
        )
        return redirect("second_factor_setup")
    context = {"device": device, "form": form, "qr": _qr(device), "secret": _secret(device)}
    return render(
        request, "registration/second_factor_setup.html", context, status=form_status(form)
    )
