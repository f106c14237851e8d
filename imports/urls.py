from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.import_list, name="import-list"),
    path("<int:pk>/", views.import_detail, name="import-detail"),
    path("<int:pk>/status/", views.import_status, name="import-status"),
    path("<int:pk>/apply/", views.import_apply, name="import-apply"),
    path("templates/<str:name>", views.template_download, name="template-download"),
]
