"""The translations of an input's texts, fingerprinted like the narratives' (reviews/models/translations.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from reviews.models.translations import TextTranslation

from .inputs import Input


class InputTranslation(TextTranslation):
    """One text of an input in another language than the one its author wrote it in, added where the
    author (or the secretariat) wishes."""

    input = models.ForeignKey(Input, verbose_name=_("input"), on_delete=models.CASCADE, related_name="translations")
    field = models.CharField(_("text"), max_length=32, choices=[(name, name) for name in Input.TEXT_FIELDS])

    class Meta:
        db_table = "reviews_inputtranslation"  # made in reviews, before the inputs became an app (issue 25)
        verbose_name = _("translation of an input")
        verbose_name_plural = _("translations of inputs")
        constraints = [
            models.UniqueConstraint(fields=["input", "field", "language"], name="one_translation_per_input_text"),
        ]

    def __str__(self) -> str:
        return f"{self.input} · {self.field} · {self.language}"
