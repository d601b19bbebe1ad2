"""The first-steps checklist on a pilot's overview (issue 22)."""

from django.test import Client

from pilots.models import PilotRegimeFacts
from tests.conftest import Cast


def test_the_kwartiermaker_sees_which_first_steps_are_open(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    page = client.get(cast.pilot.get_absolute_url()).text
    steps = page[page.index('id="first-steps-title"') :]
    steps = steps[: steps.index("</section>")]
    # The cast has households and a street link, but no regime facts and no chosen concept.
    assert "gedaan</span> Huishoudens in het register zetten" in steps
    assert "gedaan</span> Een straatlink en flyer voor de bewoners maken" in steps
    assert "nog doen</span> <a" in steps
    assert "De feiten voor de WCW-regimecheck invullen</a>" in steps


def test_the_checklist_goes_once_every_step_is_done(client: Client, cast: Cast) -> None:
    PilotRegimeFacts.objects.create(pilot=cast.pilot, connections_expected=18)
    type(cast.pilot).objects.filter(pk=cast.pilot.pk).update(
        concept="bodemlus_cluster", org_model="cooperatie"
    )
    client.force_login(cast.kwartiermaker)
    assert "Eerste stappen voor deze pilot" not in client.get(cast.pilot.get_absolute_url()).text


def test_a_gemeente_reader_gets_no_checklist(client: Client, cast: Cast) -> None:
    client.force_login(cast.gemeente_utrecht)
    assert "Eerste stappen voor deze pilot" not in client.get(cast.pilot.get_absolute_url()).text
