"""g-functions that are not shipped are kept in the app's cache, so every worker reuses them."""

import numpy as np
import pytest
from django.core.cache import caches
from django.test import override_settings

from techniek.calc import borefield

GEOMETRY = (1, 2, 7.5, 40.0, 1.0, 0.075)  # 7.5 m spacing: not in the shipped table


def _backends(tmp_path):
    return {
        "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "file": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        },
    }


@pytest.mark.parametrize("backend", ["locmem", "file"])
def test_computed_g_functions_go_to_the_cache_and_come_back(tmp_path, backend):
    with override_settings(CACHES={"default": _backends(tmp_path)[backend]}):
        caches["default"].clear()
        borefield._g_reference.cache_clear()
        computed = borefield._g_reference(*GEOMETRY)
        key = "techniek:g:96:1x2:7.5:40.0:1.0:0.075"
        assert np.allclose(caches["default"].get(key), computed)
        # Another process (an empty in-process cache) reads the kept one instead of computing:
        # seed a recognisable value and see it come back.
        caches["default"].set(key, computed * 2)
        borefield._g_reference.cache_clear()
        assert np.allclose(borefield._g_reference(*GEOMETRY), computed * 2)
        borefield._g_reference.cache_clear()


def test_the_default_geometry_never_touches_the_cache():
    borefield._g_reference.cache_clear()
    caches["default"].clear()
    borefield._g_reference(1, 1, 6.0, 100.0, 1.0, 0.075)
    assert caches["default"].get("techniek:g:96:1x1:6.0:100.0:1.0:0.075") is None
