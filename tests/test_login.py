import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.conftest import Cast
from tests.factories import PASSWORD


def test_login_page_is_dutch(client: Client, db: None) -> None:
    response = client.get(reverse("login"))
    assert '<html lang="nl"' in response.text
    assert "Gebruikersnaam" in response.text
    assert "Wachtwoord" in response.text


def test_login_page_stays_dutch_for_a_browser_set_to_english(client: Client, db: None) -> None:
    response = client.get(reverse("login"), headers={"Accept-Language": "en-US,en;q=0.9"})
    assert '<html lang="nl"' in response.text


def test_wrong_password_gets_a_dutch_message(client: Client, cast: Cast) -> None:
    response = client.post(reverse("login"), {"username": "kwartiermaker", "password": "fout"})
    assert response.status_code == 422
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.text


def test_login_leads_to_the_portfolio(client: Client, cast: Cast) -> None:
    response = client.post(reverse("login"), {"username": "kwartiermaker", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("pilots:list")


@pytest.mark.parametrize("password", ["kort", "password1234", "123456789012345"])
def test_password_validators_refuse_weak_passwords(password: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_passphrase_is_accepted() -> None:
    validate_password("warmte-uit-de-bodem-2026")


def test_switching_to_english_translates_the_page(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    client.post(reverse("set_language"), {"language": "en", "next": reverse("pilots:list")})
    response = client.get(reverse("pilots:list"))
    assert '<html lang="en"' in response.text
    assert "Log out" in response.text
    assert "Uitloggen" not in response.text
