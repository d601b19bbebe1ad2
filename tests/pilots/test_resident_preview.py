"""'Bekijk als bewoner': the street dashboard of the pilot, previewed without a link (issue 22)."""

from django.test import Client
from django.urls import reverse

from pilots.models import StreetLink
from tests.conftest import Cast


def test_staff_preview_the_dashboard_without_making_a_link(client: Client, cast: Cast) -> None:
    links = StreetLink.objects.count()
    client.force_login(cast.gemeente_utrecht)
    assert (
        reverse("pilots:resident_preview", args=[cast.pilot.pk])
        in client.get(reverse("pilots:street_links", args=[cast.pilot.pk])).text
    )
    page = client.get(reverse("pilots:resident_preview", args=[cast.pilot.pk])).text
    assert "Voorbeeld: zo ziet een bewoner het straatdashboard" in page
    assert "Samen van het gas af in" in page
    assert StreetLink.objects.count() == links
