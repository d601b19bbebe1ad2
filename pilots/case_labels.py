"""Dutch (source-language) labels for the business-case codes of the pure engine."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from techniek.calc.business_case import BusinessCaseWarning
from techniek.calc.costs import CostCategory
from techniek.calc.financing import OrgModel
from techniek.calc.sensitivity import Tornado, TornadoParameter
from techniek.calc.subsidies import WisReason

CATEGORIES: dict[str, Promise] = {
    CostCategory.SOURCE: _("Bron"),
    CostCategory.NETWORK: _("Net"),
    CostCategory.IN_HOME: _("In de woning"),
    CostCategory.CONNECTION: _("Aansluiting"),
    CostCategory.INSULATION: _("Isolatie"),
    CostCategory.ENGINEERING: _("Ontwerp en proces"),
}

TORNADO: dict[str, Promise] = {
    TornadoParameter.INVESTMENT: _("Investering ±20%"),
    TornadoParameter.GAS_PRICE: _("Gasprijs ±20%"),
    TornadoParameter.ELECTRICITY_PRICE: _("Stroomprijs ±20%"),
    TornadoParameter.SCOP: _("Rendement warmtepomp (SCOP) ±10%"),
    TornadoParameter.SUBSIDY: _("Subsidie uit / aan"),
}

ORG_MODELS: dict[str, Promise] = {
    OrgModel.ZELFBEHEER: _("Zelfbeheer"),
    OrgModel.COOPERATIE: _("Energiecoöperatie"),
    OrgModel.MARKT: _("Marktpartner / ESCO"),
}

WARNINGS: dict[str, Promise] = {
    BusinessCaseWarning.ACM_MAX_EXCEEDED: _(
        "Het warmtetarief ligt boven het maximum dat de ACM toestaat."
    ),
    BusinessCaseWarning.LOAN_CAPPED: _(
        "Een huishouden heeft meer nodig dan het maximum van de Warmtefonds-lening."
    ),
    BusinessCaseWarning.ZELFBEHEER_ABOVE_10: _(
        "Zelfbeheer met individuele financiering is volgens de praktijk het best haalbaar tot 10 "
        "deelnemers."
    ),
    BusinessCaseWarning.REFERENCES_ESTIMATED: _(
        "De vergelijking met gas en een eigen warmtepomp is geschat."
    ),
}

WIS_REASONS: dict[str, Promise] = {
    WisReason.SWITCHED_OFF: _("uitgezet in dit scenario"),
    WisReason.TOO_FEW_CONNECTIONS: _("minder dan 250 kleinverbruikersaansluitingen"),
    WisReason.TOO_FEW_BUILDINGS: _("verdeeld over minder dan 5 gebouwen"),
    WisReason.TOO_LITTLE_RENEWABLE: _("te weinig duurzame warmte"),
    WisReason.NO_UNPROFITABLE_GAP: _("het net is ook zonder WIS rendabel"),
}


def tornado_note(tornado: Tornado) -> str:
    """Which tornado bars were held at their parameter's valid range, and how far they vary
    instead of the usual ±20 %; "" when none was."""
    clamped = [
        _("%(label)s: %(low)+d%% / %(high)+d%%")
        % {
            "label": TORNADO[b.parameter],
            "low": round(b.low_change * 100),
            "high": round(b.high_change * 100),
        }
        for b in tornado.bars
        if b.clamped
    ]
    if not clamped:
        return ""
    return _(
        "Begrensd tot het geldige bereik van de parameter, want de waarde ligt aan de rand"
        " ervan: %(bars)s."
    ) % {"bars": "; ".join(clamped)}
