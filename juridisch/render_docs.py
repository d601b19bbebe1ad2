"""Render ``docs/wcw.md`` from the data the code uses, so the two cannot drift.

Run ``python -m juridisch.render_docs`` after changing a rule set; a test compares the file with
:func:`render_markdown`. Pure: standard library only.
"""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from juridisch import texts
from juridisch.municipal_role import strategies
from juridisch.organisation import ADVICE_RULES, profiles
from juridisch.regime import (
    KLEINSCHALIG_MAX,
    MINI_MAX,
    NOT_IN_FORCE,
    REGIME_ORDER,
    RULE_SETS,
    SCALE_SOURCE,
    WCW_ENTRY_INTO_FORCE,
    Basis,
    Condition,
    EntryIntoForce,
    RuleSet,
    Scale,
    with_entry_into_force,
)

DOC_PATH = Path(__file__).resolve().parent.parent / "docs" / "wcw.md"


def render_markdown(
    versions: tuple[RuleSet, ...] = RULE_SETS, entry: EntryIntoForce = WCW_ENTRY_INTO_FORCE
) -> str:
    lines = [
        "# Wet collectieve warmte: regimecheck, organisatiemodellen en rol van de gemeente",
        "",
        "<!-- Gegenereerd door `python -m juridisch.render_docs` uit juridisch/regime.py,",
        "juridisch/organisation.py en juridisch/municipal_role.py. Niet met de hand bewerken:",
        "tests/juridisch/test_render_docs.py vergelijkt dit bestand met de code. -->",
        "",
        "Elke uitkomst noemt de bron waarop zij rust. *Bevestigd: nee* betekent: nog niet",
        "bevestigd in een gepubliceerde bron; controleren voordat het naar een gemeente gaat.",
        "",
        f"**Inwerkingtreding WCW:** {texts.nl_date(entry.on)} "
        f"({'bevestigd' if entry.confirmed else 'onbevestigd, instelbaar'}). {entry.source}.",
        f"Tot die datum geldt de {NOT_IN_FORCE.law.label}; de check laat dan zien wat na de",
        "inwerkingtreding geldt en zet bij elke WCW-uitkomst de datum waarvan zij afhangt.",
        "",
    ]
    for rule_set in with_entry_into_force(versions, entry):
        lines += _rule_set(rule_set)
    lines += _scales()
    lines += _organisation()
    lines += _municipal_role()
    return "\n".join(lines).rstrip("\n") + "\n"


def write(path: Path = DOC_PATH) -> None:
    path.write_text(render_markdown(), encoding="utf-8")


def _rule_set(rs: RuleSet) -> list[str]:
    params = rs.text_params()

    def fill(template: str) -> str:
        return texts.fill(template, params)

    lines = [
        f"## Regelset `{rs.version}`",
        "",
        f"- Wet: {rs.title}",
        f"- Geldig vanaf: {texts.nl_date(rs.valid_from)}"
        f"{'' if rs.valid_from_confirmed else ' (onbevestigd)'}",
        f"- Beperkt gereguleerd: minder dan {params['min']} kleinverbruikaansluitingen",
        f"- Klein collectief: tot en met {params['max']} aansluitingen",
        f"- Publieke meerderheid: meer dan {params['pct']}% publiek eigendom",
        "",
        "### Beslistabel",
        "",
        "Van boven naar beneden: de eerste regel waarvan de voorwaarde geldt, bepaalt het regime.",
        "Het eindbeeld is het grootste van het aantal aansluitingen nu en het verwachte aantal.",
        "",
        "| # | Voorwaarde | Regime | Reden | Bron | Bevestigd |",
        "|---|---|---|---|---|---|",
    ]
    for number, row in enumerate(rs.rows, start=1):
        lines.append(
            _row(
                str(number),
                f"{fill(row.condition.label)} (`{row.key}`)",
                row.regime.label,
                fill(row.reason.label),
                *_basis(row.basis, fill),
            )
        )
    lines += [
        "",
        "### Aanvullende redenen",
        "",
        "Bij het gekozen regime komen deze redenen erbij als hun voorwaarde geldt.",
        "",
        "| Regime | Voorwaarde | Reden | Bron | Bevestigd |",
        "|---|---|---|---|---|",
    ]
    for notice in rs.notices:
        lines.append(
            _row(
                ", ".join(r.label for r in notice.regimes),
                fill(notice.condition.label),
                fill(notice.reason.label),
                *_basis(notice.basis, fill),
            )
        )
    lines += ["", "### Verplichtingen per regime", ""]
    lines += [
        "De status (geldt, te doen, voldaan, niet voldaan, nog te toetsen) volgt uit de feiten van",
        "de pilot. Een mijlpaal gaat naar de mijlpalen van de pilot zolang de stap open is.",
        "",
    ]
    for regime in reversed(REGIME_ORDER):
        lines += [
            f"#### {regime.label}",
            "",
            "| Onderwerp | Verplichting | Alleen als | Mijlpaal | Bron | Bevestigd |",
            "|---|---|---|---|---|---|",
        ]
        for spec in rs.obligations:
            if spec.regime is not regime:
                continue
            template = (
                spec.detail.label if spec.detail else texts.OBLIGATION_DESCRIPTIONS[spec.code.value]
            )
            when = "" if spec.when is Condition.ALWAYS else fill(spec.when.label)
            lines.append(
                _row(
                    spec.code.label,
                    fill(template),
                    when,
                    fill(spec.milestone) if spec.milestone else "",
                    *_basis(spec.basis, fill),
                )
            )
        lines.append("")
    return lines


def _scales() -> list[str]:
    return [
        "## Schaalklassen",
        "",
        f"Bron: {SCALE_SOURCE}. De schaal verandert het regime niet; zij helpt bij het advies.",
        "",
        "| Schaal | Aansluitingen in het eindbeeld |",
        "|---|---|",
        _row(Scale.MINI.label, f"2 tot en met {texts.nl_int(MINI_MAX)}"),
        _row(
            Scale.KLEINSCHALIG.label,
            f"{texts.nl_int(MINI_MAX + 1)} tot en met {texts.nl_int(KLEINSCHALIG_MAX)}",
        ),
        _row(Scale.GROOTSCHALIG.label, f"meer dan {texts.nl_int(KLEINSCHALIG_MAX)}"),
        "",
    ]


def _organisation() -> list[str]:
    lines = [f"## {texts.ORG_MODELS_TITLE}", ""]
    for p in profiles():
        lines += [
            f"### {p.model.label}",
            "",
            f"- Past bij: {'; '.join(p.fits_when)}",
            f"- Kansen: {'; '.join(p.opportunities)}",
            f"- Uitdagingen: {'; '.join(p.challenges)}",
            f"- Regime: {p.regime_implication}",
            f"- Mogelijke regimes: {', '.join(r.label for r in p.possible_regimes)}",
            f"- Bron: {p.source}",
            "",
            "| Aanname voor de business case | Waarde | Eenheid | Bron | Bevestigd |",
            "|---|---|---|---|---|",
        ]
        for name, sourced in p.financing.assumptions():
            lines.append(
                _row(
                    texts.ASSUMPTION_LABELS[name],
                    _value(sourced.value),
                    sourced.unit,
                    sourced.source,
                    texts.YES_NO[sourced.confirmed],
                )
            )
        lines.append("")
    lines += [
        "### Adviseur",
        "",
        "Per model tellen de punten van de regels waarvan de voorwaarde geldt. Een model dat is",
        "uitgesloten komt achteraan; bij gelijke score blijft de volgorde van de seed-presentatie.",
        "De punten zijn een vuistregel.",
        "",
        "| Model | Voorwaarde | Punten | Sluit uit | Toelichting | Bron | Bevestigd |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule in ADVICE_RULES:
        lines.append(
            _row(
                rule.model.label,
                rule.condition.label,
                f"{rule.points:+d}",
                texts.YES_NO[rule.blocks],
                rule.reason.label,
                rule.source,
                texts.YES_NO[rule.confirmed],
            )
        )
    lines.append("")
    return lines


def _municipal_role() -> list[str]:
    lines = [f"## {texts.STRATEGIES_TITLE}", ""]
    for s in strategies():
        lines += [
            f"### {s.number}. {s.strategy.label}",
            "",
            f"- Scope: {s.scope.label}",
            f"- Aanpak: {s.approach.label}",
            f"- Wanneer logisch: {'; '.join(s.when_logical)}",
            f"- Bron: {s.source}",
            "",
            "| Wat het van de gemeente vraagt | Bron | Bevestigd |",
            "|---|---|---|",
        ]
        for request in s.asks:
            lines.append(_row(request.ask.label, request.source, texts.YES_NO[request.confirmed]))
        lines.append("")
    return lines


def _value(value: object) -> str:
    if isinstance(value, texts.LabelledEnum):
        return value.label
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return texts.nl_int(int(value))
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    if isinstance(value, int):
        return texts.nl_int(value)
    return str(value)


def _basis(basis: Basis, fill: Callable[[str], str]) -> tuple[str, str]:
    source = basis.source
    if basis.note:
        source += f". {fill(basis.note)}"
    return source, texts.YES_NO[basis.confirmed]


def _row(*cells: str) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def main() -> None:
    write()
    print(f"wrote {DOC_PATH}")


if __name__ == "__main__":
    main()
