import datetime

import pytest
from django.core.exceptions import ValidationError

from reviews.models import ReviewCycle
from tests.factories import ReviewCycleFactory

pytestmark = pytest.mark.django_db


def test_input_window_must_close_after_it_opens():
    cycle = ReviewCycleFactory.build(input_opens=datetime.date(2027, 9, 1), input_closes=datetime.date(2027, 8, 1))
    with pytest.raises(ValidationError, match="must close after it opens"):
        cycle.full_clean()


def test_deadline_cannot_fall_before_the_window_closes():
    cycle = ReviewCycleFactory.build(submission_deadline=datetime.date(2000, 1, 1))
    with pytest.raises(ValidationError) as excinfo:
        cycle.full_clean()
    assert "submission_deadline" in excinfo.value.message_dict


def test_one_cycle_per_level_and_year():
    ReviewCycleFactory(year=2028)
    with pytest.raises(ValidationError, match="already a review cycle of this level"):
        ReviewCycleFactory.build(year=2028, name="Another").full_clean()


def test_open_for_inputs():
    cycle = ReviewCycleFactory(year=2028)
    assert cycle.is_open_for_inputs(on=datetime.date(2027, 10, 1))
    assert not cycle.is_open_for_inputs(on=datetime.date(2028, 1, 1))
    assert list(ReviewCycle.objects.open_for_inputs(on=datetime.date(2027, 12, 15))) == [cycle]
