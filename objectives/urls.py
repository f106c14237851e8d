from django.urls import path

from . import views

app_name = "objectives"
urlpatterns = [
    path("", views.home, name="home"),
    path("activities/", views.activity_list, name="activity-list"),
    path("activities/new/", views.activity_create, name="activity-create"),
    path("activities/<int:pk>/", views.activity_detail, name="activity-detail"),
    path("activities/<int:pk>/edit/", views.activity_update, name="activity-update"),
    path("indicators/", views.indicator_list, name="indicator-list"),
    path("indicators/new/", views.indicator_create, name="indicator-create"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator-detail"),
    path("indicators/<int:pk>/edit/", views.indicator_update, name="indicator-update"),
]
