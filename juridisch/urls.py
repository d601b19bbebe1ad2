from django.urls import path

from . import views

app_name = "juridisch"

urlpatterns = [
    path("regime/", views.regime_check, name="regime_check"),
    path("organisatie/", views.organisation_models, name="organisation_models"),
    path("gemeente/", views.gemeente_role, name="gemeente_role"),
]
