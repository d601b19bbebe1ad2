"""The pilot's parameters tab: every default beside the pilot's own value, editable per row."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from techniek.calc.parameters import SOURCED
from warmtenet.http import AuthenticatedRequest, form_status

from .models import ParameterOverride, Pilot
from .models.parameter import parameters_from
from .parameter_forms import OverrideForm, input_unit, input_value
from .parameters import Parameter, parameter_groups
from .views import _get_pilot_for_editing, _get_pilot_for_user


@dataclass(frozen=True)
class Row:
    parameter: Parameter
    override: ParameterOverride | None
    input_value: str
    input_unit: str


def _overrides(pilot: Pilot) -> dict[str, ParameterOverride]:
    return {o.key: o for o in pilot.overrides.select_related("updated_by")}


def _row(parameter: Parameter, override: ParameterOverride | None) -> Row:
    s = SOURCED[parameter.key]
    value = override.value if override else s.value
    return Row(parameter, override, input_value(value, s.unit), input_unit(s.unit))


@dataclass(frozen=True)
class Group:
    key: str  # "costs": the part of the parameter keys before the dot
    label: str
    rows: list[Row]
    own: int  # how many of its rows hold the pilot's own value


def _matches(parameter: Parameter, query: str) -> bool:
    text = " ".join((parameter.label, parameter.key, parameter.source, parameter.unit))
    return all(word in text.casefold() for word in query.casefold().split())


def _groups(
    overrides: dict[str, ParameterOverride], only_changed: bool = False, query: str = ""
) -> list[Group]:
    params = parameters_from({k: o.value for k, o in overrides.items()})
    groups = []
    for label, parameters in parameter_groups(params):
        rows = [
            _row(p, overrides.get(p.key))
            for p in parameters
            if (not only_changed or p.key in overrides) and _matches(p, query)
        ]
        if rows:
            key = rows[0].parameter.key.partition(".")[0]
            groups.append(Group(key, label, rows, sum(1 for r in rows if r.override)))
    return groups


@require_safe
@login_required
def pilot_parameters(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    pilot = _get_pilot_for_user(request, pk)
    overrides = _overrides(pilot)
    only_changed = request.GET.get("aangepast") == "1"
    query = request.GET.get("q", "").strip()[:100]
    groups = _groups(overrides, only_changed, query)
    context = {
        "pilot": pilot,
        "tab": "parameters",
        "can_edit": pilot.editable_by(request.user),
        "groups": groups,
        "found": sum(len(g.rows) for g in groups),
        "override_count": len(overrides),
        "only_changed": only_changed,
        "query": query,
        # 208 rows are too many to read at once: groups open only for a search, the filter, or
        # the group of the row just saved without JavaScript (?open=costs).
        "open_all": bool(query or only_changed),
        "open_group": request.GET.get("open", ""),
    }
    template = "pilots/pilot_parameters.html"
    if request.htmx.target == "parameters":
        template += "#parameters"
    return render(request, template, context)


@require_POST
@login_required
def parameter_update(request: AuthenticatedRequest, pk: int, key: str) -> HttpResponse:
    pilot = _get_pilot_for_editing(request, pk)
    if key not in SOURCED:
        raise Http404
    others = {k: v for k, v in pilot.overrides.exclude(key=key).values_list("key", "value")}
    form = OverrideForm(request.POST, key=key, others=others)
    conflict = saved = None
    if form.is_valid():
        conflict, saved = _apply(pilot, key, form, request)
    overrides = _overrides(pilot)
    row = next(
        row for group in _groups(overrides) for row in group.rows if row.parameter.key == key
    )
    if request.htmx:
        context = {
            "pilot": pilot,
            "can_edit": True,
            "row": row,
            "form": form if not form.is_valid() else None,
            "conflict": conflict,
            "saved": saved,
            "override_count": len(overrides),
            "oob": True,
        }
        return render(
            request,
            "pilots/pilot_parameters.html#parameter-saved",
            context,
            status=form_status(form, conflict=conflict),
        )
    if conflict:
        messages.error(request, conflict)
    elif not form.is_valid():
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        messages.error(request, _("Niet opgeslagen: %(errors)s") % {"errors": errors})
    else:
        messages.success(request, saved)
    group = key.partition(".")[0]
    return redirect(f"{pilot.get_absolute_url()}aannames/?open={group}#{row.parameter.anchor}")


def _apply(
    pilot: Pilot, key: str, form: OverrideForm, request: AuthenticatedRequest
) -> tuple[str | None, str | None]:
    """Save or reset under a compare-and-set on the value the user saw: (conflict, success)."""
    data = form.cleaned_data
    try:
        with transaction.atomic():
            current = (
                ParameterOverride.objects.select_for_update().filter(pilot=pilot, key=key).first()
            )
            if (current.value if current else None) != data["seen"]:
                return _conflict(current), None
            if data["action"] == "reset":
                if current:
                    current.delete()
                done = _("Teruggezet naar de standaardwaarde.")
            else:
                override = current or ParameterOverride(pilot=pilot, key=key)
                override.value = data["stored"]
                override.note = data["note"]
                override.updated_by = request.user
                override.save()
                done = _("Eigen waarde opgeslagen; de businesscase rekent ermee.")
            Pilot.objects.filter(pk=pilot.pk).update(updated_at=timezone.now())
    except IntegrityError:  # someone created the same override a moment earlier
        return _conflict(pilot.overrides.filter(key=key).first()), None
    return None, done


def _conflict(current: ParameterOverride | None) -> str:
    if current is None:
        return _(
            "Niet opgeslagen: iemand anders heeft deze parameter intussen teruggezet naar de "
            "standaardwaarde."
        )
    return _(
        "Niet opgeslagen: iemand anders heeft deze parameter intussen gewijzigd naar %(value)s."
    ) % {
        "value": input_value(current.value, SOURCED[current.key].unit)
        + " "
        + input_unit(SOURCED[current.key].unit)
    }
