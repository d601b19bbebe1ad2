from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from pilots import lifecycle_views

from . import second_factor, views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="pilots:list"), name="home"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("inloggen/code/", second_factor.verify, name="second_factor_verify"),
    path("account/tweestapsverificatie/", second_factor.setup, name="second_factor_setup"),
    path("uitnodiging/<str:token>/", lifecycle_views.invitation_accept, name="invitation_accept"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("pilots/", include("pilots.urls")),
    path("", include("pilots.resident_urls")),
    path("juridisch/", include("juridisch.urls")),
    path("techniek/", include("techniek.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path(settings.ADMIN_PATH, admin.site.urls),
]
