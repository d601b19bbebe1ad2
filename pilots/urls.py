from django.urls import path

from . import import_views, views

app_name = "pilots"

urlpatterns = [
    path("", views.pilot_list, name="list"),
    path("<int:pk>/", views.pilot_detail, name="detail"),
    path("<int:pk>/fase/", views.phase_update, name="phase_update"),
    path("<int:pk>/juridisch/", views.pilot_regime, name="regime"),
    path("<int:pk>/juridisch/mijlpaal/", views.regime_milestone, name="regime_milestone"),
    path("<int:pk>/huishoudens/nieuw/", views.household_create, name="household_create"),
    path("<int:pk>/huishoudens/<int:hh>/", views.household_edit, name="household_edit"),
    path(
        "<int:pk>/huishoudens/<int:hh>/commitment/",
        views.household_commitment,
        name="household_commitment",
    ),
    path("<int:pk>/mijlpalen/<int:ms>/", views.milestone_update, name="milestone_update"),
    # Import and export of households (pilots/import_views.py).
    path("<int:pk>/import/", import_views.household_import, name="import"),
    path("<int:pk>/export.<str:fmt>", import_views.household_export, name="export"),
    path("import/sjabloon.<str:fmt>", import_views.import_template, name="import_template"),
]
