"""Audit trail: the models django-auditlog follows, log-ins, and edits that bypass signals.

Inline edits save with `QuerySet.update()` under an optimistic lock, which sends no model
signals, so auditlog never sees them; `log_update()` writes their entry by hand. Commitment
changes have their own append-only history (CommitmentChange), whose rows auditlog records as
they are created. Entries are read by admins in the Django admin ("Log entries").
"""

from collections.abc import Mapping

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.dispatch import receiver
from django.http import HttpRequest

from warmtenet.http import client_ip

from .models import (
    CommitmentChange,
    Household,
    Invitation,
    Lesson,
    Membership,
    Milestone,
    ParameterOverride,
    Pilot,
    PilotRegimeFacts,
)

# Bookkeeping, not a change anyone made: the optimistic-lock counter and the save time; and an
# invitation's token digest, which is a credential.
UNTRACKED = {"version", "updated_at", "token_hash"}

# Household holds no contact data (architecture.md: that lives in Contact), so nothing is masked.
# Only concrete fields: on a create auditlog otherwise reads reverse relations too, which writes
# manager reprs into the entry and caches "no regime facts" on the new pilot.
for _model in (
    Pilot,
    Household,
    CommitmentChange,
    Milestone,
    PilotRegimeFacts,
    Membership,
    ParameterOverride,
    Lesson,
    Invitation,
):
    auditlog.register(
        _model,
        include_fields=[f.name for f in _model._meta.concrete_fields if f.name not in UNTRACKED],
    )


def _text(value: object) -> str:
    # The same string form auditlog's own diff stores.
    return "None" if value is None else str(value)


def log_update(
    instance: Model,
    before: Mapping[str, object] | Model,
    after: Mapping[str, object],
    *,
    rows: int = 1,
) -> LogEntry | None:
    """Record an edit saved with `QuerySet.update()`; `rows` is what update() returned.

    `before` is the state the user edited (a form's `initial` or the unchanged instance),
    `after` the values written. Zero rows means the optimistic lock refused the edit, and an
    edit that changed nothing is not logged either (as auditlog does for a plain save).
    The actor and IP come from AuditlogMiddleware.
    """
    if not rows:
        return None
    if isinstance(before, Model):
        before = {name: getattr(before, name, None) for name in after}
    changes = {
        name: [_text(before.get(name)), _text(value)]
        for name, value in after.items()
        if name not in UNTRACKED and before.get(name) != value
    }
    if not changes:
        return None
    return LogEntry.objects.log_create(instance, action=LogEntry.Action.UPDATE, changes=changes)


def _remote_addr(request: HttpRequest | None) -> str | None:
    return (client_ip(request) or None) if request is not None else None


@receiver(user_logged_in, dispatch_uid="pilots.audit.login")
def log_login(sender: object, request: HttpRequest | None, user: Model, **kwargs: object) -> None:
    LogEntry.objects.log_create(
        user,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=user,
        remote_addr=_remote_addr(request),
        additional_data={"event": "login"},
    )


@receiver(user_login_failed, dispatch_uid="pilots.audit.login_failed")
def log_login_failure(
    sender: object, credentials: dict, request: HttpRequest | None = None, **kwargs: object
) -> None:
    User = get_user_model()
    username = str(credentials.get(User.USERNAME_FIELD, ""))[:150]
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_pk=str(user.pk) if user else "",
        object_id=user.pk if user else None,
        object_repr=username,
        action=LogEntry.Action.ACCESS,
        remote_addr=_remote_addr(request),
        additional_data={"event": "login_failed"},
    )
