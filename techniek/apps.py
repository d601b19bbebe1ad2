from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TechniekConfig(AppConfig):
    name = "techniek"
    verbose_name = _("Techniek")
