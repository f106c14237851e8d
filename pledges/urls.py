from django.urls import path

from . import views

app_name = "pledges"
urlpatterns = [
    path("", views.pledge_list, name="pledge-list"),
    path("new/", views.pledge_create, name="pledge-create"),
    path("<int:pk>/", views.pledge_detail, name="pledge-detail"),
    path("<int:pk>/edit/", views.pledge_update, name="pledge-update"),
    path("<int:pk>/validate/", views.pledge_validate, name="pledge-validate"),
    path("<int:pk>/decline/", views.pledge_decline, name="pledge-decline"),
]
