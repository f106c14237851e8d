import pytest

from objectives.models import Action
from objectives.tasks import reference_data_status_task


@pytest.mark.django_db
def test_status_task_counts_the_reference_data():
    assert reference_data_status_task() == {"objectives": 23, "actions": 187}


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_task_runs_on_a_real_worker_through_redis(celery_worker_process):
    # Committed by this transactional test, so the worker's own connection sees it.
    Action.objects.filter(objective__number=23, letter="e").delete()
    result = reference_data_status_task.delay()
    assert result.get(timeout=60) == {"objectives": 23, "actions": 186}
    assert celery_worker_process.poll() is None
