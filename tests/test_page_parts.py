"""Parts of pages that higher apps add to lower apps' pages (uncnm_portal/parts.py)."""

from django.utils.module_loading import import_string

from uncnm_portal.parts import named_parts


def test_the_pages_of_reviews_get_the_parts_of_the_apps_above_in_their_order():
    assert named_parts("my-work") == ["inputs.parts.my_work", "drafts.parts.my_work"]
    assert named_parts("assessment-form") == ["inputs.parts.assessment_form"]
    assert named_parts("no-such-page") == []


def test_every_named_part_is_a_function_that_imports():
    for page in ("my-work", "assessment-form"):
        for path in named_parts(page):
            assert callable(import_string(path)), path
