from django.urls import path

from . import account_views

app_name = "accounts"

urlpatterns = [
    path("users/", account_views.user_list, name="user-list"),
    path("users/invite/", account_views.user_invite, name="user-invite"),
    path("users/<int:pk>/", account_views.user_update, name="user-update"),
    path("users/<int:pk>/invitation/", account_views.user_reinvite, name="user-reinvite"),
    path("users/<int:pk>/active/", account_views.user_set_active, name="user-set-active"),
    path(
        "users/<int:pk>/second-factor/reset/",
        account_views.user_reset_second_factor,
        name="user-reset-second-factor",
    ),
    path("preferences/", account_views.preferences, name="preferences"),
    path("notifications/", account_views.notification_list, name="notification-list"),
    path("notifications/read/", account_views.notification_mark_read, name="notification-mark-read"),
    path("two-factor/", account_views.two_factor, name="two-factor"),
    path("two-factor/enrol/<str:token>/", account_views.two_factor_enrol, name="two-factor-enrol"),
    path("invitation/<uidb64>/<token>/", account_views.InvitationAcceptView.as_view(), name="invitation-accept"),
]
