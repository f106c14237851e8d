from django.urls import path

from . import views

app_name = "translations"
urlpatterns = [
    path("cycles/<int:pk>/translations/", views.translation_status, name="translation-status"),
    path(
        "cycles/<int:pk>/translations/<str:language>.<str:fmt>",
        views.translation_download,
        name="translation-download",
    ),
    path("cycles/<int:pk>/translations/upload/", views.translation_upload, name="translation-upload"),
    path("cycles/<int:pk>/translations/upload/apply/", views.translation_apply, name="translation-apply"),
    path(
        "objectives/<int:number>/cycles/<int:cycle_id>/translate/<str:language>/",
        views.assessment_translate,
        name="assessment-translate",
    ),
    path("inputs/<int:pk>/translate/<str:language>/", views.input_translate, name="input-translate"),
]
