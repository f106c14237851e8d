from django.urls import path

from . import views

app_name = "history"
urlpatterns = [
    path("<slug:kind>/<int:pk>/", views.history_list, name="list"),
    path("<slug:kind>/<int:pk>/<int:history_id>/restore/", views.history_restore, name="restore"),
]
