"""Sending Celery tasks from a request without depending on the broker being up."""

from django.db import transaction


def send_after_commit(task, *args) -> None:
    """Send the task once the transaction commits; with the broker away, log it and carry on.

    The work is always recorded in the database first (an export job, an outgoing e-mail), and a
    periodic sweeper sends what was never picked up, so the request need not fail with the broker.
    """

    def send() -> None:
        task.delay(*args)

    send.__qualname__ = f"send_after_commit({task.name})"
    transaction.on_commit(send, robust=True)
