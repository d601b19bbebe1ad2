"""The Django admin behind the app's own log-in, second factor included.

The admin's own log-in form checks only the password, so a user with an authenticator app could
skip the code there. Instead the admin's log-in URL sends everyone to the app's log-in (password,
then the code step of warmtenet/second_factor.py) and back with `next`, and the admin opens only
for sessions that passed the code step when the user has a confirmed device.
"""

from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from . import second_factor


class AdminSite(admin.AdminSite):
    site_header = "Warmtenet pilots – beheer"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and second_factor.code_given(request)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        index = reverse("admin:index", current_app=self.name)
        target = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
            target = index
        user = request.user
        if user.is_authenticated:
            if self.has_permission(request):
                return redirect(target)
            if not (user.is_active and user.is_staff):
                raise PermissionDenied
            # Staff with an authenticator app whose session skipped the code (a session from
            # before the app was set up elsewhere): log in again, this time with the code.
            auth_logout(request)
            messages.info(request, _("Log opnieuw in met uw code om het beheer te openen."))
        return redirect_to_login(target)
