"""A pilot's lessons-learned register (issue 20): the kwartiermaker fills it, audited; the
gemeente reads it."""

from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse

from pilots.models import Lesson
from tests.conftest import Cast

NEW = {
    "phase": "ontwikkeling",
    "theme": "organisatie",
    "title": "Een notaris vroeg betrekken scheelt maanden",
    "detail": "De statuten van de vereniging gingen drie keer heen en weer.",
    "advice": "Gebruik het modelstatuut als start.",
}


def _lesson(cast: Cast) -> Lesson:
    return Lesson.objects.create(
        pilot=cast.pilot, phase="kwartiermaken", theme="proces", title="Oud"
    )


def test_kwartiermaker_adds_a_lesson_and_the_audit_log_has_it(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:lessons", args=[cast.pilot.pk])
    response = client.post(url, NEW)
    assert response.status_code == 302
    lesson = cast.pilot.lessons.get()
    assert (lesson.title, lesson.created_by) == (NEW["title"], cast.kwartiermaker)
    entry = LogEntry.objects.get_for_object(lesson).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == cast.kwartiermaker
    assert NEW["title"] in client.get(url).content.decode()


def test_gemeente_reads_the_register_without_the_form(client: Client, cast: Cast) -> None:
    _lesson(cast)
    client.force_login(cast.gemeente_utrecht)
    html = client.get(reverse("pilots:lessons", args=[cast.pilot.pk])).content.decode()
    assert "Oud" in html
    assert "Les toevoegen" not in html
    assert "Verwijderen" not in html
    response = client.post(reverse("pilots:lessons", args=[cast.pilot.pk]), NEW)
    assert response.status_code == 403
    assert not cast.pilot.lessons.filter(title=NEW["title"]).exists()


def test_lesson_without_title_is_refused_with_a_message(client: Client, cast: Cast) -> None:
    client.force_login(cast.kwartiermaker)
    response = client.post(reverse("pilots:lessons", args=[cast.pilot.pk]), {**NEW, "title": "  "})
    assert response.status_code == 422
    assert "Geef de les een korte titel." in response.content.decode()
    assert not cast.pilot.lessons.exists()


def test_edit_is_audited_and_a_stale_edit_is_refused(client: Client, cast: Cast) -> None:
    lesson = _lesson(cast)
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:lesson_edit", args=[cast.pilot.pk, lesson.pk])
    assert client.post(url, {**NEW, "version": 0}).status_code == 302
    lesson.refresh_from_db()
    assert (lesson.title, lesson.version) == (NEW["title"], 1)
    update = LogEntry.objects.get_for_object(lesson).filter(action=LogEntry.Action.UPDATE).get()
    assert update.changes_dict["title"] == ["Oud", NEW["title"]]
    stale = client.post(url, {**NEW, "title": "Later", "version": 0})
    assert stale.status_code == 409
    lesson.refresh_from_db()
    assert lesson.title == NEW["title"]


def test_delete_is_audited(client: Client, cast: Cast) -> None:
    lesson = _lesson(cast)
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:lesson_delete", args=[cast.pilot.pk, lesson.pk])
    assert client.post(url).status_code == 302
    assert not Lesson.objects.exists()
    assert LogEntry.objects.filter(
        object_pk=str(lesson.pk), action=LogEntry.Action.DELETE, object_repr="Oud"
    ).exists()


def test_lesson_of_another_pilot_is_404(client: Client, cast: Cast) -> None:
    other = Lesson.objects.create(
        pilot=cast.other_pilot, phase="kwartiermaken", theme="proces", title="Zeist"
    )
    client.force_login(cast.kwartiermaker)
    url = reverse("pilots:lesson_edit", args=[cast.pilot.pk, other.pk])
    assert client.get(url).status_code == 404
