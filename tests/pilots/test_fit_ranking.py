"""'Best passend eerst' says what fit means, and the order follows it (issue 22)."""

from django.test import Client
from django.urls import reverse

from pilots.calc_inputs import pilot_inputs
from pilots.models import pilot_parameters
from techniek.calc import compare_concepts
from techniek.templatetags.techniek_labels import FIT_ORDER, collective
from tests.conftest import Cast


def test_the_ranking_is_fit_first_then_the_lowest_investment_per_home(
    client: Client, cast: Cast
) -> None:
    inputs = pilot_inputs(cast.pilot)
    comparison = compare_concepts(
        inputs.households, inputs.site, pilot_parameters(cast.pilot).assumptions
    )
    ranked = collective(comparison)
    keys = [(FIT_ORDER[r.fit], r.costs.capex_per_home_eur) for r in ranked]
    assert keys == sorted(keys)
    client.force_login(cast.gemeente_utrecht)
    page = client.get(reverse("pilots:techniek", args=[cast.pilot.pk])).text
    assert "daarbinnen de laagste investering per woning eerst" in page
