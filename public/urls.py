from django.urls import path

from . import views

app_name = "public"
urlpatterns = [
    path("", views.home, name="home"),
    path("cycles/<int:pk>/", views.cycle, name="cycle"),
    path("cycles/<int:pk>/draft.pdf", views.draft, name="draft-download"),
    path("cycles/<int:pk>/data.<str:fmt>", views.download, name="download"),
    path("sdmx/structure.xml", views.sdmx_structure, name="sdmx-structure"),
    path("objectives/<int:number>/", views.objective, name="objective"),
    path("indicators/<int:pk>/", views.indicator, name="indicator"),
]
