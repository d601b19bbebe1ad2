"""Log-in throttling: django-axes locks a username + IP pair for 15 minutes after 5 failures."""

from datetime import timedelta

from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import Cast
from tests.factories import PASSWORD

OFFICE, HOME = "192.0.2.10", "198.51.100.7"  # documentation addresses (RFC 5737)


def _log_in(client: Client, username: str, password: str, ip: str = OFFICE) -> object:
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def _fail(client: Client, times: int, username: str = "kwartiermaker", ip: str = OFFICE) -> None:
    for _ in range(times):
        _log_in(client, username, "fout-wachtwoord", ip)


def test_four_failures_still_let_the_right_password_in(client: Client, cast: Cast) -> None:
    _fail(client, 4)
    assert _log_in(client, "kwartiermaker", PASSWORD).status_code == 302


def test_fifth_failure_locks_the_account_with_a_dutch_429_page(client: Client, cast: Cast) -> None:
    _fail(client, 4)
    response = _log_in(client, "kwartiermaker", "fout-wachtwoord")
    assert response.status_code == 429
    assert '<html lang="nl"' in response.text
    assert "Inloggen tijdelijk geblokkeerd" in response.text
    assert "Probeer het over 15 minuten opnieuw" in response.text
    assert "utrecht-alert" in response.text
    assert "object-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_a_locked_pair_is_refused_even_with_the_right_password(client: Client, cast: Cast) -> None:
    _fail(client, 5)
    response = _log_in(client, "kwartiermaker", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_only_for_that_username_from_that_address(
    client: Client, cast: Cast
) -> None:
    _fail(client, 5)
    assert _log_in(Client(), "gemeente_utrecht", PASSWORD).status_code == 302
    assert _log_in(Client(), "kwartiermaker", PASSWORD, ip=HOME).status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(client: Client, cast: Cast) -> None:
    _fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=15, seconds=1))
    assert _log_in(client, "kwartiermaker", PASSWORD).status_code == 302


def test_a_successful_log_in_resets_the_count(client: Client, cast: Cast) -> None:
    _fail(client, 4)
    assert _log_in(Client(), "kwartiermaker", PASSWORD).status_code == 302
    _fail(client, 4)
    assert _log_in(client, "kwartiermaker", PASSWORD).status_code == 302


# These two run in this order: the second proves the first one's lockout did not survive it
# (axes keeps its attempts in the database, which pytest-django rolls back after each test).
def test_leak_check_1_lock_out_the_kwartiermaker(client: Client, cast: Cast) -> None:
    _fail(client, 5)
    assert AccessAttempt.objects.filter(username="kwartiermaker").exists()
    assert _log_in(client, "kwartiermaker", PASSWORD).status_code == 429


def test_leak_check_2_no_lockout_left_from_the_previous_test(client: Client, cast: Cast) -> None:
    assert not AccessAttempt.objects.exists()
    assert _log_in(client, "kwartiermaker", PASSWORD).status_code == 302


PROXY = "192.0.2.1"


def _log_in_behind_proxy(client: Client, password: str, forwarded: str) -> object:
    return client.post(
        reverse("login"),
        {"username": "kwartiermaker", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_behind_the_proxy_two_clients_are_locked_separately(
    client: Client, cast: Cast, settings: object
) -> None:
    settings.BEHIND_PROXY = True
    for _ in range(5):
        _log_in_behind_proxy(client, "fout-wachtwoord", HOME)
    assert _log_in_behind_proxy(Client(), PASSWORD, HOME).status_code == 429
    # The colleague in the office, through the same proxy, still gets in.
    assert _log_in_behind_proxy(Client(), PASSWORD, OFFICE).status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {HOME}
