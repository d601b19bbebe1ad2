from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import second_factor
from .http import REFUSED


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    # Liveness only: never touches the database, so a database outage does not restart workers.
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "database unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


class LoginForm(AuthenticationForm):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Django sets the username's max_length after the field is built, so no validator
        # enforces it: a 100,000-character name reached authenticate() and django-axes' 255-char
        # column (a 500, found by tests/test_hostile_input.py).
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


class LoginView(auth_views.LoginView):
    """Django's log-in, answering a refused password with 422 like every other refused form."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if second_factor.confirmed_device(user) is None:
            return super().form_valid(form)
        second_factor.start_pending(self.request, user)
        target = reverse("second_factor_verify")
        return redirect(f"{target}?{urlencode({'next': self.get_success_url()})}")

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = REFUSED
        return response
