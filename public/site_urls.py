"""The addresses at the site's root that search engines read: /robots.txt and the sitemap it names."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .sitemaps import PublicSitemap

urlpatterns = [
    path(
        "sitemap.xml",
        login_not_required(sitemap),
        {"sitemaps": {"public": PublicSitemap}},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots-txt"),
]
