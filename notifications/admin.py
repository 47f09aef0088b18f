from django.contrib import admin

from notifications.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """Read-only: what was sent to whom (personal data: only for staff given the view permission)."""

    list_display = ["subject", "to", "language", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "language"]
    search_fields = ["to", "subject", "key"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in OutgoingMail._meta.fields]
    exclude = ["attachments"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
