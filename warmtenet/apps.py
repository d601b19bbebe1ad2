from django.contrib.admin import apps as admin_apps


# A module import, not the class: Django would take an imported AppConfig class in apps.py
# for the config of the `warmtenet` app itself.
class AdminConfig(admin_apps.AdminConfig):
    """Django's admin on warmtenet.admin_site.AdminSite (log-in through the app's own)."""

    default = False
    default_site = "warmtenet.admin_site.AdminSite"
