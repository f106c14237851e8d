from django.urls import path

from . import history

app_name = "history"
urlpatterns = [
    path("<slug:kind>/<int:pk>/", history.history_list, name="list"),
    path("<slug:kind>/<int:pk>/<int:history_id>/restore/", history.history_restore, name="restore"),
]
