from django.contrib import admin

from .models import Action, GuidingPrinciple, Objective, RoundTable


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fields = ["letter", "summary"]
    readonly_fields = ["letter"]
    can_delete = False


@admin.register(RoundTable)
class RoundTableAdmin(admin.ModelAdmin):
    list_display = ["__str__", "number"]
    search_fields = ["description"]
    list_filter = ["number"]


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(admin.ModelAdmin):
    list_display = ["letter", "name"]
    search_fields = ["name"]
    list_filter = ["letter"]


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["number", "short_name", "title", "paragraph", "action_count", "round_table"]
    list_filter = ["round_table"]
    search_fields = ["title", "short_name"]
    list_select_related = ["round_table"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["code", "objective", "summary"]
    list_filter = ["objective__round_table", "objective"]
    search_fields = ["summary", "objective__title", "objective__short_name"]
    list_select_related = ["objective"]
    readonly_fields = ["objective", "letter"]
