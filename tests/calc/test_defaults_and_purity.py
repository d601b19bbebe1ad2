"""Every default carries its source; the calculation package stays free of Django and the apps."""

import ast
import dataclasses
import importlib
import pkgutil
import sys
from pathlib import Path

import pytest

import techniek.calc
from techniek.calc import DEFAULTS, assumption_rows, with_overrides
from techniek.calc.defaults import Sourced
from techniek.calc.financing import FinancingParams
from techniek.calc.parameters import parameter_rows
from techniek.calc.prices import PricesParams
from techniek.calc.sensitivity import SensitivityParams
from techniek.calc.subsidies import SubsidyParams

CALC = Path(techniek.calc.__file__).parent
MODULES = [
    importlib.import_module(f"techniek.calc.{m.name}") for m in pkgutil.iter_modules([str(CALC)])
]
PARAMS = sorted(
    {
        obj
        for module in MODULES
        for name, obj in vars(module).items()
        if name.endswith("Params") and dataclasses.is_dataclass(obj)
    },
    key=lambda cls: cls.__name__,
)


def test_there_are_params_classes_to_check():
    names = {cls.__name__ for cls in PARAMS}
    assert names == {
        "ClimateParams",
        "CostParams",
        "DemandParams",
        "EnergyParams",
        "FinancingParams",
        "GroundParams",
        "HeatPumpParams",
        "PricesParams",
        "SensitivityParams",
        "SizingParams",
        "SubsidyParams",
    }


@pytest.mark.parametrize("cls", PARAMS, ids=lambda cls: cls.__name__)
def test_every_params_field_carries_its_source(cls):
    for f in dataclasses.fields(cls):
        sourced = f.metadata.get("sourced")
        assert isinstance(sourced, Sourced), f"{cls.__name__}.{f.name} has no sourced metadata"
        assert f.default == sourced.value
        name = f"{cls.__name__}.{f.name}"
        assert sourced.unit, name
        assert sourced.source, name
        assert sourced.low is not None, name
        assert sourced.high is not None, name
        assert sourced.low <= sourced.value <= sourced.high, name


ENGINE_PARAMS = [type(getattr(DEFAULTS, group.name)) for group in dataclasses.fields(DEFAULTS)]
BUSINESS_CASE_PARAMS = [PricesParams, SubsidyParams, FinancingParams]


def test_assumption_rows_list_every_parameter_once():
    rows = assumption_rows()
    expected = sum(len(dataclasses.fields(cls)) for cls in ENGINE_PARAMS)
    assert len(rows) == len({row.key for row in rows}) == expected
    assert not any(row.overridden for row in rows)
    assert any(not row.sourced.confirmed for row in rows)  # the table must show what to check


def test_parameter_rows_list_every_parameter_once():
    rows = parameter_rows()
    expected = sum(len(dataclasses.fields(cls)) for cls in PARAMS)
    assert len(rows) == len({row.key for row in rows}) == expected
    assert not any(row.overridden for row in rows)
    # Every Params class is in the table, the analysis settings included.
    assert set(PARAMS) == set(ENGINE_PARAMS) | set(BUSINESS_CASE_PARAMS) | {SensitivityParams}


def test_override_changes_one_value_and_is_marked():
    a = with_overrides(DEFAULTS, {"costs.borehole_eur_per_m": 65})
    assert a.costs.borehole_eur_per_m == 65
    changed = [row.key for row in assumption_rows(a) if row.overridden]
    assert changed == ["costs.borehole_eur_per_m"]


# pygfunction: the g-functions of borehole fields, and scipy's FFT (docs/decisions.md).
ALLOWED_THIRD_PARTY = {"numpy", "pandas", "pygfunction", "scipy"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", sorted(CALC.rglob("*.py")), ids=lambda p: p.name)
def test_calc_imports_only_the_standard_library_and_the_numerical_libraries(path):
    imported = _imports(path)
    assert not imported & {"django", "juridisch", "pilots", "warmtenet", "techniek"}
    assert imported <= set(sys.stdlib_module_names) | ALLOWED_THIRD_PARTY | {"__future__"}


def test_calc_never_reads_the_shared_reference_folder():
    for path in CALC.rglob("*.py"):
        assert "shared/" not in path.read_text(encoding="utf-8"), path.name
    assert (CALC / "data" / "debilt_monthly_normals.csv").is_file()
