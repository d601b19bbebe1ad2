"""English comes from locale/en; the compiled .mo is committed so `make run` needs no gettext."""

import gettext
import os
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale" / "en" / "LC_MESSAGES"


def _catalog(mo: Path) -> dict:
    with mo.open("rb") as f:
        return dict(gettext.GNUTranslations(f)._catalog)


@pytest.mark.skipif(
    not shutil.which("msgfmt") and not os.environ.get("CI"), reason="GNU gettext not installed"
)
def test_committed_mo_matches_the_po_file(tmp_path: Path) -> None:
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(LOCALE / "django.po")], check=True)
    assert _catalog(LOCALE / "django.mo") == _catalog(fresh), "run `make messages`"


def test_every_english_string_is_translated() -> None:
    po = (LOCALE / "django.po").read_text()
    assert "#, fuzzy" not in po
    # An untranslated entry is a msgstr "" not followed by a continuation line.
    entries = po.split("\n\n")[1:]
    untranslated = [e for e in entries if '\nmsgstr ""' in e and '\nmsgstr ""\n"' not in e]
    assert untranslated == []
