from django.db import connection
from django.test import Client
from django.urls import reverse


def test_healthz_answers_without_touching_the_database(
    client: Client, db: None, django_assert_num_queries: object
) -> None:
    with django_assert_num_queries(0):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_checks_the_database(client: Client, db: None) -> None:
    assert client.get(reverse("readyz")).json() == {"status": "ok"}


def test_readyz_answers_503_when_the_database_is_gone(client: Client, db: None) -> None:
    settings_dict = connection.settings_dict
    original = settings_dict["NAME"]
    connection.close()
    settings_dict["NAME"] = "database_that_does_not_exist"
    try:
        response = client.get(reverse("readyz"))
    finally:
        connection.close()
        settings_dict["NAME"] = original
    assert response.status_code == 503
