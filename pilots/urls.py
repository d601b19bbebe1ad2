from django.urls import path

from . import (
    document_views,
    import_views,
    lifecycle_views,
    link_views,
    map_views,
    parameter_views,
    plan_views,
    programme_views,
    register_views,
    report_views,
    techniek_views,
    views,
)

app_name = "pilots"

urlpatterns = [
    path("", views.pilot_list, name="list"),
    path("nieuw/", lifecycle_views.pilot_create, name="create"),
    path("<int:pk>/bewerken/", lifecycle_views.pilot_edit, name="edit"),
    path("<int:pk>/archiveren/", lifecycle_views.pilot_archive, name="archive"),
    path("collegas/", lifecycle_views.invitations, name="invitations"),
    path(
        "collegas/<int:invitation>/intrekken/",
        lifecycle_views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<int:pk>/", views.pilot_detail, name="detail"),
    # The programme across pilots and each pilot's lessons (issue 20).
    path("programma/", programme_views.programme, name="programme"),
    path("programma/export.<str:fmt>", programme_views.programme_export, name="programme_export"),
    path("<int:pk>/lessen/", programme_views.lessons, name="lessons"),
    path("<int:pk>/documenten/", document_views.pilot_documents, name="documents"),
    path(
        "<int:pk>/documenten/<str:doc>.<str:fmt>",
        document_views.document_download,
        name="document",
    ),
    path("<int:pk>/lessen/<int:lesson>/", programme_views.lesson_edit, name="lesson_edit"),
    path(
        "<int:pk>/lessen/<int:lesson>/verwijderen/",
        programme_views.lesson_delete,
        name="lesson_delete",
    ),
    path("<int:pk>/fase/", views.phase_update, name="phase_update"),
    path("<int:pk>/juridisch/", views.pilot_regime, name="regime"),
    path("<int:pk>/techniek/", techniek_views.pilot_techniek, name="techniek"),
    path(
        "<int:pk>/techniek/gelijktijdigheid/",
        techniek_views.simultaneity_update,
        name="simultaneity_update",
    ),
    path("<int:pk>/aannames/", parameter_views.pilot_parameters, name="parameters"),
    path("<int:pk>/aannames/<str:key>/", parameter_views.parameter_update, name="parameter_update"),
    path("<int:pk>/businesscase/", views.business_case, name="business_case"),
    path("<int:pk>/businesscase/kiezen/", views.choose_scenario, name="choose_scenario"),
    path("<int:pk>/rapport.pdf", report_views.report_pdf, name="report_pdf"),
    path("<int:pk>/rapporten/<int:report>.pdf", report_views.stored_report, name="stored_report"),
    path("<int:pk>/rapporten/opdracht/<int:job>/", report_views.report_job, name="report_job"),
    path("<int:pk>/bijlage/<str:fingerprint>.pdf", report_views.annex_pdf, name="annex_pdf"),
    path("<int:pk>/bijlage/<str:fingerprint>.xlsx", report_views.annex_xlsx, name="annex_xlsx"),
    path("<int:pk>/juridisch/mijlpaal/", views.regime_milestone, name="regime_milestone"),
    path("<int:pk>/huishoudens/nieuw/", views.household_create, name="household_create"),
    path("<int:pk>/huishoudens/<int:hh>/", views.household_edit, name="household_edit"),
    path(
        "<int:pk>/huishoudens/<int:hh>/verwijderen/",
        plan_views.household_delete,
        name="household_delete",
    ),
    path("<int:pk>/plangebied/", plan_views.plan_area, name="plan_area"),
    path(
        "<int:pk>/huishoudens/<int:hh>/commitment/",
        views.household_commitment,
        name="household_commitment",
    ),
    path("<int:pk>/mijlpalen/<int:ms>/", views.milestone_update, name="milestone_update"),
    path("<int:pk>/bewoners/", link_views.street_links, name="street_links"),
    path("<int:pk>/bewoners/voorbeeld/", link_views.resident_preview, name="resident_preview"),
    path(
        "<int:pk>/bewoners/<int:link>/intrekken/",
        link_views.street_link_revoke,
        name="street_link_revoke",
    ),
    path("<int:pk>/huishoudens/<int:hh>/link/", link_views.household_link, name="household_link"),
    # Import and export of households (pilots/import_views.py).
    path("<int:pk>/kaart/", map_views.pilot_map, name="map"),
    path("<int:pk>/adressen/", register_views.household_lookup, name="lookup"),
    path("<int:pk>/import/", import_views.household_import, name="import"),
    path("<int:pk>/export.<str:fmt>", import_views.household_export, name="export"),
    path("import/sjabloon.<str:fmt>", import_views.import_template, name="import_template"),
]
