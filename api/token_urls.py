"""The account's API tokens (mounted under /accounts/api-tokens/)."""

from django.urls import path

from . import token_views

app_name = "api"
urlpatterns = [
    path("", token_views.token_list, name="tokens"),
    path("<int:pk>/revoke/", token_views.token_revoke, name="token-revoke"),
]
