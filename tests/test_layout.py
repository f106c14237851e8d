"""The layout of base.html: a breadcrumb trail only where a page has one."""

import pytest
from django.urls import reverse

from tests.factories import ReviewCycleFactory

pytestmark = pytest.mark.django_db


def test_a_page_with_a_trail_gets_one_breadcrumb_navigation(observer, login):
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF")
    html = login(observer).get(reverse("reviews:gap-list", args=[cycle.pk])).content.decode()
    assert html.count('<nav aria-label="Breadcrumb"><ol class="breadcrumb">') == 1
    trail = html[html.index('<ol class="breadcrumb">') : html.index("</ol></nav>")]
    assert trail.index("Review cycles") < trail.index("Third IMRF") < trail.index('aria-current="page">Gaps')


def test_a_page_without_a_trail_has_no_empty_navigation(observer, login):
    html = login(observer).get(reverse("objectives:home")).content.decode()
    assert 'class="breadcrumb"' not in html
