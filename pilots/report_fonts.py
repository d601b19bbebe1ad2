"""Static instances of the bundled Noto Sans for the PDF and its charts.

static/fonts/noto-sans/ holds the variable Noto Sans (WOFF2, weight axis 100–900) the pages use.
WeasyPrint 70 turns a variable font into a static one for every weight it meets while writing the
PDF, with fontTools, about 1.5 s per weight and per document (measured November 2026: 9 s for the
report). matplotlib cannot read WOFF2 at all. So both get plain TrueType instances at the two
weights the report uses, made once from the bundled file and kept in the temp directory under the
file's hash (about 0.5 s each, once per machine).
"""

import hashlib
import logging
import os
import tempfile
from functools import cache
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent.parent / (
    "static/fonts/noto-sans/noto-sans-latin-wght-normal.woff2"
)
WEIGHTS = (400, 700)  # regular and bold; report.css asks for nothing else


@cache
def noto_sans(weight: int) -> Path:
    """A static TrueType instance of the bundled Noto Sans at `weight`."""
    if weight not in WEIGHTS:
        raise ValueError(f"no Noto Sans instance for weight {weight}")
    digest = hashlib.sha256(BUNDLED.read_bytes()).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / f"warmtenet-noto-sans-{digest}-{weight}.ttf"
    if not path.exists():
        # fontTools comes with WeasyPrint; imported here, as most processes never need it.
        from fontTools.ttLib import TTFont
        from fontTools.varLib.instancer import instantiateVariableFont

        logging.getLogger("fontTools").setLevel(logging.WARNING)  # one line per table otherwise
        font = instantiateVariableFont(TTFont(BUNDLED), {"wght": weight}, static=True)
        font.flavor = None
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        font.save(partial)
        partial.replace(path)  # atomic: a parallel worker never reads half a file
    return path
