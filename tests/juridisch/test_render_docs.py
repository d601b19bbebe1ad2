"""docs/wcw.md is rendered from the rule sets the code uses, so the two cannot drift."""

from juridisch.regime import RULE_SETS, Regime
from juridisch.render_docs import DOC_PATH, render_markdown


def test_docs_wcw_md_matches_the_code() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == render_markdown(), (
        "run `python -m juridisch.render_docs`"
    )


def test_docs_show_every_row_regime_and_the_unconfirmed_entry_date() -> None:
    text = render_markdown()
    for rule_set in RULE_SETS:
        assert f"## Regelset `{rule_set.version}`" in text
        for row in rule_set.rows:
            assert f"(`{row.key}`)" in text
    for regime in Regime:
        assert f"#### {regime.label}" in text
    assert "1 januari 2027 (onbevestigd, instelbaar)" in text
    assert "tot en met 1.500 aansluitingen" in text
