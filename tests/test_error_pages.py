"""Friendly Dutch 404, 500 and 503 pages; a lost database answers 503, never a traceback."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.urls import include, path, reverse

from tests.conftest import Cast


def _raise(exception: Exception) -> object:
    def view(request: HttpRequest) -> HttpResponse:
        raise exception

    return view


# This module doubles as a URLconf: the app's URLs plus views that fail on purpose.
urlpatterns = [
    path("__boom__/", _raise(ValueError("bug"))),
    path("__db_gone__/", _raise(OperationalError("connection refused"))),
    path("__db_closed__/", _raise(InterfaceError("connection already closed"))),
    path("", include("warmtenet.urls")),
]
failing_urls = override_settings(ROOT_URLCONF=__name__)


def test_unknown_page_gets_a_dutch_404_without_cookies(client: Client, db: None) -> None:
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert '<html lang="nl"' in response.text
    assert "Pagina niet gevonden" in response.text
    assert "Content-Security-Policy" in response
    assert not response.cookies  # the same page answers a dead resident link


def test_pilot_of_another_gemeente_gets_the_same_404_page(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_other)
    response = client.get(reverse("pilots:detail", args=[cast.pilot.pk]))
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.text


def test_500_and_503_pages_render_without_touching_the_database(
    django_assert_num_queries: object, db: None
) -> None:
    with django_assert_num_queries(0):
        assert "Er ging iets mis" in render_to_string("500.html")
        assert "Even niet bereikbaar" in render_to_string("503.html")


@failing_urls
def test_a_bug_gets_a_dutch_500_page_without_a_traceback(client: Client, db: None) -> None:
    client.raise_request_exception = False
    response = client.get("/__boom__/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.text
    assert "Traceback" not in response.text
    assert "ValueError" not in response.text


@failing_urls
@pytest.mark.parametrize("url", ["/__db_gone__/", "/__db_closed__/"])
def test_a_database_error_gets_a_503_page_with_retry_after(
    client: Client, db: None, url: str
) -> None:
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    assert '<html lang="nl"' in response.text
    assert "Even niet bereikbaar" in response.text
    assert "Content-Security-Policy" in response


@pytest.mark.django_db(transaction=True)
def test_a_database_outage_answers_503_and_the_next_request_recovers(cast: Cast) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:detail", args=[cast.pilot.pk])
    settings_dict = connection.settings_dict
    original = settings_dict["NAME"]
    connection.close()
    settings_dict["NAME"] = "database_that_does_not_exist"
    try:
        response = client.get(url)
    finally:
        connection.close()
        settings_dict["NAME"] = original
    assert response.status_code == 503
    assert "Even niet bereikbaar" in response.text
    assert client.get(url).status_code == 200


@failing_urls
@pytest.mark.parametrize(
    ("url", "status"), [("/bestaat-niet/", 404), ("/__boom__/", 500), ("/__db_gone__/", 503)]
)
def test_error_pages_start_with_the_doctype(
    client: Client, db: None, url: str, status: int
) -> None:
    # Issue 16: a template comment printed before it put browsers in quirks mode.
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == status
    assert response.content.startswith(b"<!DOCTYPE html>")


@pytest.mark.parametrize("name", ["base.html", "resident_base.html", "error_base.html"])
def test_every_page_layout_starts_with_the_doctype(name: str) -> None:
    source = (Path(settings.BASE_DIR) / "templates" / name).read_text()
    start = source.split("<!DOCTYPE html>")[0]
    assert re.fullmatch(r"(\{%[^%]*%\})*", start), start
