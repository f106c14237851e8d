"""The sitemap lists every public page in each language (`?lang=`), each with its alternates in the other
languages and `x-default` (the address without `?lang`, in the visitor's language), and when public content
last changed (the freshness counter's time)."""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from drafts.models import public_indicators, published_cycles
from objectives.models import Objective
from uncnm_portal.freshness import generation

X_DEFAULT = "x-default"


class PublicSitemap(Sitemap):
    changefreq = "weekly"

    def paths(self) -> list[str]:
        paths = [reverse("public:home")]
        paths += [reverse("public:cycle", args=[cycle.pk]) for cycle in published_cycles()]
        paths += [reverse("public:objective", args=[n]) for n in Objective.objects.values_list("number", flat=True)]
        paths += [reverse("public:indicator", args=[pk]) for pk in public_indicators().values_list("pk", flat=True)]
        return paths

    def items(self) -> list[str]:
        self.changed_at = datetime.datetime.fromtimestamp(generation()[1], tz=datetime.UTC)
        return [f"{path}?lang={code}" for path in self.paths() for code in settings.LANGUAGE_CODES]

    def location(self, item: str) -> str:
        return item

    def lastmod(self, item: str) -> datetime.datetime:
        return self.changed_at

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            page_address = url["location"].split("?", 1)[0]
            url["alternates"] = [
                *({"lang_code": code, "location": f"{page_address}?lang={code}"} for code in settings.LANGUAGE_CODES),
                {"lang_code": X_DEFAULT, "location": page_address},
            ]
        return urls
