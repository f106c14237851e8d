from django.urls import path

from . import views

app_name = "policies"
urlpatterns = [
    path("", views.instrument_list, name="instrument-list"),
    path("crosswalk/", views.crosswalk_page, name="crosswalk"),
    path("new/", views.instrument_create, name="instrument-create"),
    path("<int:pk>/", views.instrument_detail, name="instrument-detail"),
    path("<int:pk>/edit/", views.instrument_update, name="instrument-update"),
    path("<int:pk>/measures/new/", views.measure_create, name="measure-create"),
    path("measures/<int:pk>/edit/", views.measure_update, name="measure-update"),
]
