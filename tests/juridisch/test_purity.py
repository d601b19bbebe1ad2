"""The rules modules in juridisch/ stay pure: standard library and juridisch only, never Django.

architecture.md: juridisch/rules.py imports only the standard library (pandas and numpy are
allowed but unused here), never Django, techniek or an app. Every module in juridisch/ must be
listed below as pure or as Django-side, so a new module gets classified on purpose.
"""

import ast
import sys
from pathlib import Path

import pytest

import juridisch

PACKAGE = Path(juridisch.__file__).resolve().parent
PURE = {
    "__init__",
    "texts",
    "regime",
    "rules",
    "organisation",
    "municipal_role",
    "render_docs",
}
DJANGO_SIDE = {"apps", "views", "urls", "forms", "models", "admin", "text_catalog"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import: inside juridisch
                names.add("juridisch")
            elif node.module:
                names.add(node.module)
    return names


def test_every_module_is_classified() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert modules - PURE - DJANGO_SIDE == set()


@pytest.mark.parametrize("name", sorted(PURE))
def test_pure_module_imports_no_django(name: str) -> None:
    imports = _imports(PACKAGE / f"{name}.py")
    assert not {i for i in imports if i.split(".")[0] == "django"}


@pytest.mark.parametrize("name", sorted(PURE))
def test_pure_module_imports_only_the_standard_library_and_juridisch(name: str) -> None:
    imports = _imports(PACKAGE / f"{name}.py")
    roots = {i.split(".")[0] for i in imports}
    foreign = roots - set(sys.stdlib_module_names) - {"juridisch"}
    assert foreign == set()
