from django.contrib import admin

from .models import ReviewCycle


@admin.register(ReviewCycle)
class ReviewCycleAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "year", "forum", "input_opens", "input_closes", "submission_deadline", "status"]
    list_filter = ["level", "status", "year"]
    search_fields = ["name", "forum", "notes"]
    date_hierarchy = "submission_deadline"
