from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JuridischConfig(AppConfig):
    name = "juridisch"
    verbose_name = _("Juridisch")
