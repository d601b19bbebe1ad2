from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from .models import Gemeente, Membership, Pilot


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["gemeente"]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["name", "cbs_code"]
    search_fields = ["name", "cbs_code"]
    inlines = [MembershipInline]


@admin.register(Pilot)
class PilotAdmin(admin.ModelAdmin):
    list_display = ["name", "gemeente", "neighbourhood", "homes", "phase", "technique"]
    list_filter = ["phase", "gemeente"]
    search_fields = ["name", "neighbourhood", "streets", "gemeente__name"]
    autocomplete_fields = ["gemeente"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "gemeente", "role"]
    list_filter = ["role", "gemeente"]
    search_fields = ["user__username", "user__email", "gemeente__name"]
    autocomplete_fields = ["gemeente", "user"]


class UserWithMembershipsAdmin(UserAdmin):
    inlines = [MembershipInline]


admin.site.unregister(User)
admin.site.register(User, UserWithMembershipsAdmin)
