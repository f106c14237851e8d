"""Views of a review cycle, along the same seams as the models: cycles, inputs, assessments, drafts."""


def int_or_none(value) -> int | None:
    """A number from a query string or form value; None when it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
