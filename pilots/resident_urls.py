from django.urls import path

from . import resident_views

app_name = "bewoners"

urlpatterns = [
    path("straat/<str:token>/", resident_views.street_dashboard, name="street_dashboard"),
    path("mijn/<str:token>/", resident_views.household_page, name="household"),
    path("mijn/<str:token>/bevestigd/", resident_views.household_done, name="household_done"),
]
