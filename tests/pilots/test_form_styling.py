"""The household form (new and edit) and the techniek site form in NL Design System markup."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import Cast


def _urls(cast: Cast) -> list[str]:
    household = cast.pilot.households.first()
    return [
        reverse("pilots:household_create", args=[cast.pilot.pk]),
        reverse("pilots:household_edit", args=[cast.pilot.pk, household.pk]),
        reverse("pilots:techniek", args=[cast.pilot.pk]),
    ]


@pytest.mark.parametrize("which", [0, 1, 2])
def test_every_input_carries_a_design_system_class_and_a_dutch_empty_choice(
    client: Client, cast: Cast, which: int
) -> None:
    client.force_login(cast.kwartiermaker)
    page = client.get(_urls(cast)[which]).text
    form = page[page.index('<form method="post" class="app-form"') :]
    form = form[: form.index("</form>")]
    assert "Select an option" not in form
    for tag in ("<input", "<select"):
        for chunk in form.split(tag)[1:]:
            element = chunk[: chunk.index(">")]
            if 'type="hidden"' not in element:
                assert "utrecht-" in element, f"{tag}{element}>"
    if which < 2:
        assert "Kies een optie" in form
        # The consent box sits inside its label, as NL Design System's checkbox field has it.
        consent = form[form.index('class="utrecht-form-label utrecht-form-label--checkbox"') :]
        consent = consent[: consent.index("</label>")]
        assert 'type="checkbox"' in consent
        assert "Toestemming voor contact" in consent
