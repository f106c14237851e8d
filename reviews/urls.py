from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("", views.cycle_list, name="cycle-list"),
    path("<int:pk>/", views.cycle_detail, name="cycle-detail"),
]
