"""Optional second factor (TOTP, RFC 6238) for staff accounts, on django-otp.

A user with a confirmed authenticator app is not logged in by the password alone: LoginView
keeps them in the session as PENDING (who, which backend, since when) and sends them to the code
form, which logs them in only after a valid code. Until then every page answers as to anyone
anonymous, so no middleware has to check anything on each request. django-otp throttles wrong
codes per device (doubling wait) and refuses a code twice.
"""

import time
from base64 import b32encode

import django_otp
import segno
from auditlog.models import LogEntry
from django import forms
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from .http import AuthenticatedRequest, client_ip, form_status

PENDING = "second_factor_pending"
PENDING_SECONDS = 300  # the code must follow the password within five minutes


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


def code_given(request: HttpRequest) -> bool:
    """The logged-in user has no authenticator app, or this session passed its code step.

    Only the admin asks (warmtenet/admin_site.py): every other page relies on the log-in itself,
    which for a user with an app happens only after the code.
    """
    devices = TOTPDevice.objects.filter(user=request.user, confirmed=True)
    passed = request.session.get(django_otp.DEVICE_ID_SESSION_KEY)
    return not devices.exists() or any(d.persistent_id == passed for d in devices)


def start_pending(request: HttpRequest, user: User) -> None:
    """The password was right and `user` has an authenticator app: wait for the code."""
    request.session.cycle_key()
    request.session[PENDING] = {"user": user.pk, "backend": user.backend, "at": time.time()}


def _pending_user(request: HttpRequest) -> User | None:
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=pending.get("user"), is_active=True).first()
    if user is not None:
        user.backend = pending["backend"]
    return user


def _log(request: HttpRequest, event: str, user: User | None = None) -> None:
    user = user or request.user
    LogEntry.objects.log_create(
        user,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=user,
        remote_addr=client_ip(request) or None,
        additional_data={"event": event},
    )


def _check(device: TOTPDevice, form: CodeForm) -> bool:
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
@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    device = confirmed_device(user) if user is not None else None
    if device is None:  # no log-in waiting, too late, or an admin removed the device meanwhile
        request.session.pop(PENDING, None)
        if user is not None:  # the password alone is enough again
            auth_login(request, user)
            return redirect(_next(request))
        messages.info(request, _("Log opnieuw in."))
        return redirect_to_login(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _check(device, form):
            request.session.pop(PENDING, None)
            auth_login(request, user)  # the audit log's "login" entry follows the code
            django_otp.login(request, device)
            _log(request, "second_factor_verified")
            return redirect(_next(request))
        _log(request, "second_factor_failed", user)
    context = {"form": form, "next": _next(request)}
    return render(request, "registration/second_factor.html", context, status=form_status(form))


def _qr(device: TOTPDevice) -> str:
    return segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#000", light="#fff")


def _secret(device: TOTPDevice) -> str:
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@require_http_methods(["GET", "POST"])
@login_required
@never_cache  # the page shows the secret of the authenticator app
def setup(request: AuthenticatedRequest) -> HttpResponse:
    """Switch the second factor on (scan, then confirm with a code) or off (with a code)."""
    active = confirmed_device(request.user)
    form = CodeForm(request.POST or None)
    if active is not None:
        if request.method == "POST" and form.is_valid() and _check(active, form):
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
    if request.method == "POST" and form.is_valid() and _check(device, form):
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
