"""The sitemap lists every public page in each language (`?lang=`)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from drafts.models import public_indicators, published_cycles
from objectives.models import Objective


class PublicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> list[str]:
        paths = [reverse("public:home")]
        paths += [reverse("public:cycle", args=[cycle.pk]) for cycle in published_cycles()]
        paths += [reverse("public:objective", args=[n]) for n in Objective.objects.values_list("number", flat=True)]
        paths += [reverse("public:indicator", args=[pk]) for pk in public_indicators().values_list("pk", flat=True)]
        return [f"{path}?lang={code}" for path in paths for code in settings.LANGUAGE_CODES]

    def location(self, item: str) -> str:
        return item
