from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.http import HttpRequest

from .models import (
    CommitmentChange,
    Gemeente,
    GeneratedReport,
    Household,
    Membership,
    Milestone,
    ParameterOverride,
    Pilot,
    ReportJob,
)


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
    list_select_related = ["gemeente"]
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


class CommitmentChangeInline(admin.TabularInline):
    model = CommitmentChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "changed_by", "changed_at", "source", "note"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # The history is append-only and written by set_commitment, never by hand.
        return False


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ["address", "pilot", "building_type", "commitment", "updated_at"]
    list_filter = ["commitment", "building_type", "pilot__gemeente"]
    search_fields = ["street", "postcode", "pilot__name"]
    list_select_related = ["pilot"]
    autocomplete_fields = ["pilot"]
    readonly_fields = ["commitment", "version"]
    inlines = [CommitmentChangeInline]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "pilot", "phase", "status", "done_on", "owner"]
    list_filter = ["phase", "status", "pilot__gemeente"]
    search_fields = ["title", "pilot__name", "owner"]
    list_select_related = ["pilot"]
    autocomplete_fields = ["pilot"]
    readonly_fields = ["version"]


@admin.register(ParameterOverride)
class ParameterOverrideAdmin(admin.ModelAdmin):
    list_display = ["key", "value", "pilot", "note", "updated_by", "updated_at"]
    list_filter = ["pilot__gemeente"]
    search_fields = ["key", "pilot__name", "note"]
    list_select_related = ["pilot", "updated_by"]
    autocomplete_fields = ["pilot"]
    readonly_fields = ["updated_by", "updated_at"]


@admin.register(GeneratedReport)
class GeneratedReportAdmin(admin.ModelAdmin):
    """Kept as handed out: support staff can see and delete, not change."""

    list_display = ["pilot", "created_at", "created_by", "fingerprint", "scenario", "size_bytes"]
    list_filter = ["pilot__gemeente"]
    search_fields = ["pilot__name", "fingerprint"]
    list_select_related = ["pilot", "created_by"]
    exclude = ["pdf", "annex_pdf", "annex_xlsx"]

    def get_queryset(self, request: HttpRequest) -> object:
        return super().get_queryset(request).defer("pdf", "annex_pdf", "annex_xlsx")

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):
    """Requests for a report and how far they got (the queue itself: "Database tasks")."""

    list_display = ["pilot", "requested_at", "requested_by", "status", "progress", "attempts"]
    list_filter = ["status", "pilot__gemeente"]
    list_select_related = ["pilot", "requested_by"]
    readonly_fields = ["report"]

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(CommitmentChange)
class CommitmentChangeAdmin(admin.ModelAdmin):
    list_display = ["household", "from_status", "to_status", "changed_by", "changed_at", "source"]
    list_filter = ["source", "to_status"]
    search_fields = ["household__street", "household__postcode", "note"]
    list_select_related = ["household", "changed_by"]

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
