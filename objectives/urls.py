from django.urls import path

from . import views

app_name = "objectives"
urlpatterns = [
    path("", views.home, name="home"),
    path("objectives/<int:number>/", views.objective_detail, name="objective-detail"),
]
