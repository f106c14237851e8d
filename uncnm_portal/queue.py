"""Sending Celery tasks from a request without depending on the broker being up."""

from django.db import transaction


def send_after_commit(task, *args) -> None:
    """Send the task once the transaction commits; with the broker away, log it and carry on.

    task is a Celery task (sent with .delay) or a function that sends one and notes it sent.

    The work is always recorded in the database first (an export job, an outgoing e-mail), and a
    periodic sweeper sends what was never picked up, so the request need not fail with the broker.
    """

    def send() -> None:
        getattr(task, "delay", task)(*args)

    send.__qualname__ = f"send_after_commit({getattr(task, 'name', task.__qualname__)})"
    transaction.on_commit(send, robust=True)
