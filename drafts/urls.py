from django.urls import path

from .views import exports, publication, versions

app_name = "drafts"
urlpatterns = [
    path("cycles/<int:pk>/publication/", publication.publication, name="publication"),
    path("cycles/<int:pk>/exports/", exports.export_list, name="export-list"),
    path("cycles/<int:pk>/outline/", exports.outline_update, name="outline-update"),
    path("cycles/<int:pk>/word-template/", exports.word_template, name="word-template"),
    path("cycles/<int:pk>/emblem/", exports.emblem, name="emblem"),
    path("exports/<int:pk>/", exports.export_detail, name="export-detail"),
    path("exports/<int:pk>/status/", exports.export_status, name="export-status"),
    path("exports/<int:pk>/retry/", exports.export_retry, name="export-retry"),
    path("exports/<int:pk>/download/<str:fmt>/", exports.export_download, name="export-download"),
    path("exports/<int:pk>/version/", versions.export_mark_version, name="export-mark-version"),
    path("cycles/<int:pk>/checklist/", versions.checklist_page, name="checklist"),
    path("versions/<int:pk>/", versions.version_detail, name="version-detail"),
    path("versions/<int:pk>/comment/", versions.version_comment, name="version-comment"),
    path("versions/<int:pk>/move/", versions.version_move, name="version-move"),
    path("versions/<int:pk>/download/<str:fmt>/", versions.version_download, name="version-download"),
]
