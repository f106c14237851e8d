"""The pieces the forms of every seam share: narrative limits, the source-language rule."""

NARRATIVE_MAX_LENGTH = 20_000


class KeepsSourceLanguage:
    """For a model form with a `source_language` field: a client that does not send it keeps the saved one,
    and the form does not count it as changed (a record otherwise read as edited)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_language"].required = False

    def clean_source_language(self) -> str:
        return self.cleaned_data.get("source_language") or self.instance.source_language

    @property
    def changed_data(self) -> list[str]:
        changed = super().changed_data
        if self.is_bound and self.add_prefix("source_language") not in self.data:
            changed = [name for name in changed if name != "source_language"]
        return changed
