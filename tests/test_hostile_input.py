"""Hostile input to every form (issue 10).

Each form gets valid values with one to three fields replaced by something hostile: huge and
negative numbers, NaN and infinities, unicode digits and right-to-left marks, NUL bytes, very long
strings, markup, spreadsheet formulas. The answer is never a server error. A refusal is a 4xx with
a visible message and leaves the database as it was; what is accepted is stored as text and
shown escaped. Uploads (type, size, zip bomb, formulas) are tested in tests/pilots/test_import.py
and test_export.py; the second factor's code in test_second_factor.py.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilots.models import (
    CommitmentChange,
    Household,
    Milestone,
    ParameterOverride,
    PhaseStart,
    Pilot,
    PilotRegimeFacts,
    StreetLink,
)
from pilots.techniek_views import site_version
from techniek.forms import QuickscanForm
from tests.conftest import Cast

SCRIPT = "<script>alert(1)</script>"
HOSTILE = st.one_of(
    st.sampled_from(
        [
            "9" * 400,
            "-1",
            "-99999999999999999999999",
            "2147483648",
            "1e309",
            "NaN",
            "inf",
            "-Infinity",
            "0x1F",
            "1.234,56",
            "١٢٣",  # Arabic-Indic digits
            "\u202e3202",  # right-to-left override
            "\x00",
            "a\x00b",
            SCRIPT,
            '"><img src=x onerror=alert(1)>',
            "=cmd|' /C calc'!A0",
            "+SUM(A1:A9)",
            "' OR 1=1 --",
            "../../etc/passwd",
            "😀" * 60,
            "x" * 100_000,
            " ",
            "",
        ]
    ),
    st.text(max_size=200),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats().map(repr),
)
REFUSAL_MARKERS = ('role="alert"', "app-error", "utrecht-form-field--invalid", "alert--error")
STATE_MODELS = (
    Pilot,
    Household,
    CommitmentChange,
    Milestone,
    PhaseStart,
    PilotRegimeFacts,
    StreetLink,
    ParameterOverride,
)


def _state() -> str:
    """Every row a form can write, hashed: equal before and after means nothing was written."""
    rows = [list(m.objects.order_by("pk").values()) for m in STATE_MODELS]
    rows.append(list(User.objects.order_by("pk").values("pk", "username", "password")))
    return hashlib.sha256(json.dumps(rows, default=str).encode()).hexdigest()


@dataclass(frozen=True)
class Case:
    name: str
    url: Callable[[Cast], str]
    base: Callable[[Cast], dict[str, str]]
    fields: tuple[str, ...]
    method: str = "POST"
    user: str | None = "kwartiermaker"
    htmx: bool = False
    accepted: tuple[int, ...] = (302,)  # the status of a successful save
    extra_refusals: tuple[int, ...] = field(default=())


def _pilot_url(name: str) -> Callable[[Cast], str]:
    return lambda cast: reverse(name, args=[cast.pilot.pk])


def _household_base(cast: Cast) -> dict[str, str]:
    return {
        "street": "Teststraat",
        "house_number": "7",
        "suffix": "",
        "postcode": "3581 AB",
        "building_type": "mid_terrace",
        "construction_year": "1968",
        "floor_area_m2": "110",
        "energy_label": "C",
        "gas_m3_per_year": "1400",
        "heating": "gas_boiler",
        "tenure": "owner",
        "housing_corporation": "",
        "commitment": "interested",
        "version": "0",
    }


def _edit_base(cast: Cast) -> dict[str, str]:
    h = cast.household
    return {**_household_base(cast), "street": h.street, "postcode": h.postcode, "version": "0"}


def _milestone(cast: Cast) -> Milestone:
    return cast.pilot.milestones.order_by("pk").first()


CASES = (
    Case(
        "login",
        lambda cast: reverse("login"),
        lambda cast: {"username": "kwartiermaker", "password": "wrong-password"},
        ("username", "password"),
        user=None,
        accepted=(),
        extra_refusals=(429,),  # django-axes after five failures
    ),
    Case(
        "household_create",
        _pilot_url("pilots:household_create"),
        _household_base,
        (
            "street",
            "house_number",
            "suffix",
            "postcode",
            "building_type",
            "construction_year",
            "floor_area_m2",
            "energy_label",
            "gas_m3_per_year",
            "tenure",
            "commitment",
        ),
    ),
    Case(
        "household_edit",
        lambda cast: reverse("pilots:household_edit", args=[cast.pilot.pk, cast.household.pk]),
        _edit_base,
        ("street", "house_number", "postcode", "construction_year", "floor_area_m2", "version"),
    ),
    Case(
        "household_commitment",
        lambda cast: reverse(
            "pilots:household_commitment", args=[cast.pilot.pk, cast.household.pk]
        ),
        lambda cast: {"commitment": "intent", "version": str(cast.household.version), "note": ""},
        ("commitment", "version", "note"),
        htmx=True,
        accepted=(200,),
    ),
    Case(
        "milestone_update",
        lambda cast: reverse("pilots:milestone_update", args=[cast.pilot.pk, _milestone(cast).pk]),
        lambda cast: {
            "status": "done",
            "done_on": "2026-11-01",
            "owner": "Kim",
            "note": "",
            "version": str(_milestone(cast).version),
        },
        ("status", "done_on", "owner", "note", "version"),
        htmx=True,
        accepted=(200,),
    ),
    Case(
        "phase_update",
        _pilot_url("pilots:phase_update"),
        lambda cast: {"phase": "ontwikkeling", "confirm_open": ""},
        ("phase", "confirm_open"),
        accepted=(200, 302),  # 200: asks to confirm the open milestones first
    ),
    Case(
        "pilot_regime",
        _pilot_url("pilots:regime"),
        lambda cast: {
            "connections_now": "0",
            "connections_expected": "18",
            "initiative": "residents",
            "version": "0",
        },
        (
            "connections_now",
            "connections_expected",
            "small_consumer_connections",
            "initiative",
            "public_pct",
            "community_pct",
            "market_pct",
            "version",
        ),
        htmx=True,
        accepted=(200,),
    ),
    Case(
        "regime_milestone",
        _pilot_url("pilots:regime_milestone"),
        lambda cast: {"title": "Ontheffing aanvragen"},
        ("title",),
    ),
    Case(
        "pilot_techniek",
        _pilot_url("pilots:techniek"),
        lambda cast: {
            "street_length_m": "140",
            "waste_heat_kw": "0",
            "aquifer_suitable": "unknown",
            "version": site_version(cast.pilot),
        },
        ("street_length_m", "surface_water", "aquifer_suitable", "waste_heat_kw", "version"),
    ),
    Case(
        "parameter_update",
        lambda cast: reverse(
            "pilots:parameter_update", args=[cast.pilot.pk, "costs.borehole_eur_per_m"]
        ),
        lambda cast: {"action": "save", "value": "60", "note": "", "seen": ""},
        ("action", "value", "note", "seen"),
        htmx=True,
        accepted=(200,),
    ),
    Case(
        "choose_scenario",
        _pilot_url("pilots:choose_scenario"),
        lambda cast: {"concept": "bodemlus_cluster", "org_model": "cooperatie"},
        ("concept", "org_model", "participation_pct"),
    ),
    Case(
        "street_links",
        _pilot_url("pilots:street_links"),
        lambda cast: {"label": "de Kennedylaan", "street": "", "days": "180"},
        ("label", "street", "days"),
        accepted=(200,),  # the new link's flyer, shown once
    ),
    Case(
        "resident_commitment",
        lambda cast: reverse("bewoners:household", args=[cast.household_token]),
        lambda cast: {"commitment": "interested"},
        ("commitment",),
        user=None,
    ),
    Case(
        "import_confirm",
        _pilot_url("pilots:import"),
        lambda cast: {"step": "confirm", "token": "x"},
        ("token",),
        accepted=(),
    ),
    Case(
        "second_factor_setup",
        lambda cast: reverse("second_factor_setup"),
        lambda cast: {"code": "123456"},
        ("code",),
        accepted=(),
    ),
    # Forms that only compute (query string): never a write, never a server error.
    Case(
        "business_case",
        _pilot_url("pilots:business_case"),
        lambda cast: {
            "concept": "bodemlus_cluster",
            "org_model": "cooperatie",
            "isde": "on",
            "participation_pct": "80",
        },
        ("concept", "org_model", "participation_pct", "isde"),
        method="GET",
    ),
    Case(
        "portfolio",
        lambda cast: reverse("pilots:list"),
        lambda cast: {"q": "hof", "phase": "kwartiermaken", "sort": "name", "page": "1"},
        ("q", "gemeente", "phase", "scale", "sort", "page"),
        method="GET",
    ),
    Case(
        "quickscan",
        lambda cast: reverse("techniek:quickscan"),
        lambda cast: dict(QuickscanForm.DEFAULTS.items()),
        (
            "mid_terrace",
            "detached",
            "construction_period",
            "street_length_m",
            "waste_heat_kw",
            "aquifer",
        ),
        method="GET",
    ),
    Case(
        "regime_check",
        lambda cast: reverse("juridisch:regime_check"),
        lambda cast: {
            "connections_now": "0",
            "connections_expected": "24",
            "initiative": "residents",
        },
        ("connections_now", "connections_expected", "public_pct", "initiative"),
        method="GET",
    ),
    Case(
        "resident_estimate",
        lambda cast: reverse("bewoners:street_dashboard", args=[cast.street_token]),
        lambda cast: {"building_type": "mid_terrace", "period": "1975_1991", "gas_m3": "1200"},
        ("building_type", "period", "gas_m3"),
        method="GET",
        user=None,
    ),
)


def _client(cast: Cast, case: Case) -> Client:
    client = Client()
    if case.user:
        client.force_login(getattr(cast, case.user))
    return client


def _send(client: Client, case: Case, url: str, payload: dict[str, str]) -> object:
    headers = {"HX-Request": "true"} if case.htmx else {}
    if case.method == "GET":
        return client.get(url, payload, headers=headers)
    return client.post(url, payload, headers=headers)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_input_is_refused_cleanly_or_stored_as_text(
    cast: Cast, case: Case, data: st.DataObject
) -> None:
    picks = data.draw(
        st.dictionaries(st.sampled_from(case.fields), HOSTILE, min_size=1, max_size=3),
        label="hostile fields",
    )
    client = _client(cast, case)
    url = case.url(cast)
    before = _state()
    response = _send(client, case, url, {**case.base(cast), **picks})
    status = response.status_code
    text = response.content.decode(errors="replace")
    assert status < 500, (status, picks)
    assert SCRIPT not in text, picks  # whatever was echoed is escaped
    if case.method == "GET":
        assert status in (200, 422), (status, picks)
        assert _state() == before
        return
    if status in case.accepted:
        # Stored: the pages that show it still render, escaped.
        viewer = Client()
        viewer.force_login(cast.kwartiermaker)
        for page in (
            cast.pilot.get_absolute_url(),
            reverse("pilots:parameters", args=[cast.pilot.pk]),
        ):
            shown = viewer.get(page)
            assert shown.status_code == 200, (page, picks)
            assert SCRIPT not in shown.content.decode(), (page, picks)
        return
    assert 400 <= status < 500, (status, picks)
    assert _state() == before, picks
    if status not in case.extra_refusals:
        assert any(marker in text for marker in REFUSAL_MARKERS), (status, picks)
