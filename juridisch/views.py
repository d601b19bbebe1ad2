from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import number_format
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from juridisch import texts
from juridisch.forms import RegimeForm
from juridisch.municipal_role import strategies
from juridisch.organisation import OrgModelProfile, Sourced, profiles, rank_models
from juridisch.rules import check_regime
from juridisch.text_catalog import translate
from juridisch.texts import LabelledEnum
from warmtenet.http import AuthenticatedRequest, form_status


@require_safe
@login_required
@vary_on_headers("HX-Request")  # the same URL answers with the page or with the fragment
def regime_check(request: AuthenticatedRequest) -> HttpResponse:
    # A calculator without pilot data: the inputs live in the query string, so a result can be
    # linked. Without inputs the page opens on an example.
    form = RegimeForm(request.GET or RegimeForm.DEFAULTS)
    check = check_regime(form.to_facts(), on=timezone.localdate()) if form.is_valid() else None
    template = "juridisch/regime_check.html"
    if request.htmx.target == "regime-result":
        template += "#regime-result"
    return render(request, template, {"form": form, "check": check}, status=form_status(form))


@dataclass(frozen=True)
class Assumption:
    label: str
    value: str
    source: str
    confirmed: bool


@dataclass(frozen=True)
class ModelColumn:
    profile: OrgModelProfile
    assumptions: tuple[Assumption, ...]


@require_safe
@login_required
def organisation_models(request: AuthenticatedRequest) -> HttpResponse:
    form = RegimeForm(request.GET or None, initial=RegimeForm.DEFAULTS.dict())
    today = timezone.localdate()
    check = advice = None
    if form.is_valid():
        facts = form.to_facts()
        check = check_regime(facts, on=today)
        advice = rank_models(facts, on=today)
    columns = [
        ModelColumn(p, tuple(_assumption(name, s) for name, s in p.financing.assumptions()))
        for p in profiles()
    ]
    context = {
        "form": form,
        "check": check,
        "advice": advice,
        "columns": columns,
        "title": texts.ORG_MODELS_TITLE,
    }
    return render(request, "juridisch/organisation_models.html", context, status=form_status(form))


@require_safe
@login_required
def gemeente_role(request: AuthenticatedRequest) -> HttpResponse:
    context = {"strategies": strategies(), "title": texts.STRATEGIES_TITLE}
    return render(request, "juridisch/gemeente_role.html", context)


def _assumption(name: str, default: Sourced[object]) -> Assumption:
    return Assumption(
        label=translate(texts.ASSUMPTION_LABELS[name]),
        value=_value(default),
        source=default.source,
        confirmed=default.confirmed,
    )


def _value(default: Sourced[object]) -> str:
    value, unit = default.value, default.unit
    if isinstance(value, LabelledEnum):
        return translate(value.label)
    number = number_format(value, force_grouping=True) if isinstance(value, Decimal | int) else ""
    if unit == "%":
        return f"{number}%"
    if unit.startswith("€"):
        what = translate(unit).removeprefix("€").strip()  # "€ verzamelinkomen"
        return f"€ {number} ({what})" if what else f"€ {number}"
    return f"{number} {translate(unit)}" if unit != "-" else number
