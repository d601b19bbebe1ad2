from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class _CacheStore:
    """g-functions computed for a non-default field geometry, kept in the shared cache for a
    month so every worker and restart reuses them (each costs pygfunction about 0.2 s)."""

    def get(self, key: str) -> object:
        from django.core.cache import cache

        return cache.get(f"techniek:{key}")

    def set(self, key: str, value: object) -> None:
        from django.core.cache import cache

        cache.set(f"techniek:{key}", value, timeout=30 * 24 * 3600)


class TechniekConfig(AppConfig):
    name = "techniek"
    verbose_name = _("Techniek")

    def ready(self) -> None:
        from techniek.calc import borefield

        borefield.use_store(_CacheStore())
