"""The gemeente's three strategies from the seed deck and what each asks of the municipality."""

import pytest

from juridisch.municipal_role import Approach, ProjectScope, Strategy, strategies, strategy


def test_three_strategies_in_the_seed_order() -> None:
    assert [(s.number, s.strategy.label) for s in strategies()] == [
        (1, "Losse initiatieven steunen"),
        (2, "Partner faciliteren in buurtaanpak"),
        (3, "Gemeente trekkende rol in buurtaanpak"),
    ]


# Scope, approach and "wanneer logisch" as the seed deck has them.
@pytest.mark.parametrize(
    ("code", "scope", "approach", "when_logical"),
    [
        pytest.param(
            Strategy.LOSSE_INITIATIEVEN,
            "Blok, straat, plein",
            "Organisch",
            ("initiatief met slagkracht en draagvlak", "geen conflict met andere plannen"),
            id="losse_initiatieven_steunen",
        ),
        pytest.param(
            Strategy.PARTNER_FACILITEREN,
            "Buurt",
            "Mix organisch / planmatig",
            ("goede partner dient zich aan", "plan past in het grotere geheel"),
            id="partner_faciliteren",
        ),
        pytest.param(
            Strategy.GEMEENTE_TREKT,
            "Buurt",
            "Mix organisch / planmatig",
            (
                "duidelijke publieke belangen en/of deadline",
                "hoge onrendabele top of grote kwetsbare doelgroep",
            ),
            id="gemeente_trekt",
        ),
    ],
)
def test_strategy_keeps_the_seed_wording(
    code: Strategy, scope: str, approach: str, when_logical: tuple[str, ...]
) -> None:
    s = strategy(code)
    assert (s.scope.label, s.approach.label, s.when_logical) == (scope, approach, when_logical)


@pytest.mark.parametrize("code", list(Strategy), ids=[s.value for s in Strategy])
def test_each_strategy_says_what_it_asks_with_sources(code: Strategy) -> None:
    s = strategy(code)
    assert len(s.asks) >= 3
    for request in s.asks:
        assert request.ask.label
        assert request.source


def test_only_the_first_strategy_is_organic_at_street_scale() -> None:
    organic = [s.strategy for s in strategies() if s.approach is Approach.ORGANIC]
    street = [s.strategy for s in strategies() if s.scope is ProjectScope.BLOCK_STREET_SQUARE]
    assert organic == street == [Strategy.LOSSE_INITIATIEVEN]
