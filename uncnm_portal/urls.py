from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from . import views

admin.site.site_header = _("UNCNM Portal administration")
admin.site.site_title = _("UNCNM Portal")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", include("objectives.urls")),
    path("organisations/", include("stakeholders.urls")),
    path("policies/", include("policies.urls")),
    path("pledges/", include("pledges.urls")),
    path("imports/", include("imports.urls")),
    path("", include("reviews.urls")),
    path("", include("inputs.urls")),
    path("", include("drafts.urls")),
    path("", include("translations.urls")),
    path("history/", include("history.urls")),
    path("accounts/", include("stakeholders.account_urls")),
    path("accounts/api-tokens/", include("api.token_urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    # The language switcher must work on the login page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("public/", include("public.urls")),
    path("api/", include("api.urls")),
    path("", include("public.site_urls")),  # /robots.txt and /sitemap.xml
    path("admin/", admin.site.urls),
]

# Error pages in the portal's layout (templates/400.html, 403.html, 404.html use Django's handlers).
handler500 = "uncnm_portal.views.server_error"
