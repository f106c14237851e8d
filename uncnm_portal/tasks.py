from celery import shared_task

from .models import FormSubmission


@shared_task
def forget_form_keys_task() -> int:
    """Delete the keys of forms sent long ago (a replay after that is a new request)."""
    deleted, _by_model = FormSubmission.objects.older_than(FormSubmission.KEPT_FOR).delete()
    return deleted
