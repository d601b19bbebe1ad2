"""Import rules from the architecture: the calculation and rules code stays pure, and
techniek/juridisch never depend on pilots."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(folder: str) -> list[Path]:
    return sorted(p for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("path", _modules("techniek") + _modules("juridisch"), ids=str)
def test_techniek_and_juridisch_never_import_pilots(path: Path) -> None:
    assert "pilots" not in _imports(path)


@pytest.mark.parametrize("path", _modules("techniek/calc"), ids=str)
def test_the_calculation_engine_is_pure(path: Path) -> None:
    assert _imports(path).isdisjoint({"django", "pilots", "juridisch", "warmtenet"})
