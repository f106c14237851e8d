"""Idempotent writes for the demo: look a row up by its natural key, then bring it to the given values."""


def upsert(model, lookup: dict, values: dict):
    """Create the row, or update it only where a value differs: re-seeding adds no history."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj


def set_m2m(manager, objects) -> None:
    """Set a many-to-many relation only when it differs (no history row otherwise)."""
    if {o.pk for o in manager.all()} != {o.pk for o in objects}:
        manager.set(objects)
