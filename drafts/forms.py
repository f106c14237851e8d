"""Forms of the draft: export, outline, Word template, emblem, comments, sign-off and publication."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inputs.evidence import check_upload
from reviews.forms import KeepsSourceLanguage
from stakeholders.models import User

from .models import ExportJob, Publication, ReportSection
from .word_templates import check_template


class FileOrNoneForm(forms.Form):
    """A file of the cycle's drafts (the Word template, the emblem): upload one, or tick the box to go without it.
    Subclasses name the file field (FILE) and say what is missing when neither is done (MISSING)."""

    FILE = ""
    MISSING = ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get(self.FILE) and not cleaned.get("remove") and not self.errors:
            raise ValidationError(self.MISSING)
        return cleaned

    @property
    def upload(self):
        """The file to keep, or None to go without."""
        return None if self.cleaned_data["remove"] else self.cleaned_data[self.FILE]


class ExportForm(forms.ModelForm):
    class Meta:
        model = ExportJob
        fields = ["language", "objectives", "include_annexes"]
        widgets = {"objectives": forms.CheckboxSelectMultiple}
        help_texts = {"objectives": _("Leave all unticked to include the 23 objectives.")}

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self) -> dict:
        cleaned = super().clean()
        if ExportJob.objects.unfinished().filter(requested_by=self.user).count() >= ExportJob.MAX_UNFINISHED_PER_USER:
            raise ValidationError(
                _("%(count)s of your drafts are still being built; export again when one of them is finished.")
                % {"count": ExportJob.MAX_UNFINISHED_PER_USER}
            )
        return cleaned


class ReportSectionForm(KeepsSourceLanguage, forms.ModelForm):
    """A section; `version` is the one the editor started from (a save on top of a newer one is a conflict)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = ReportSection
        fields = ["title", "position", "enabled", "source_language", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # also when bound: a form that changed nothing else has not changed
            self.initial["version"] = self.instance.version
        # The text field edits the page's language; beside a translation, its source and whether it is current.
        language = get_language()
        self.body_state = self.instance.text_state(language) if self.instance.pk else "source"
        self.source_text = self.instance.source_text


ReportSectionFormSet = forms.modelformset_factory(
    ReportSection, form=ReportSectionForm, extra=1, can_delete=True, max_num=40, validate_max=True
)


class WordTemplateForm(FileOrNoneForm):
    FILE = "template"
    MISSING = _("Choose a template to upload, or tick the box to use the default.")

    template = forms.FileField(
        label=_("Word template (.docx or .dotx)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.dotx"}),
    )
    remove = forms.BooleanField(label=_("Use the portal's A4 default instead"), required=False)

    def clean_template(self):
        upload = self.cleaned_data.get("template")
        if upload:
            check_template(upload)
        return upload


class EmblemForm(FileOrNoneForm):
    """The emblem on the drafts' cover: a PNG or JPEG (judged by its content), or none. Its fields are prefixed:
    it shares a page with the Word template's form."""

    prefix = "emblem"
    FILE = "emblem"
    MISSING = _("Choose an image to upload, or tick the box to have no emblem.")
    extension = "png"  # of the accepted image, as its content says

    emblem = forms.FileField(
        label=_("Emblem (PNG or JPEG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg"}),
    )
    remove = forms.BooleanField(label=_("No emblem on the cover"), required=False)

    def clean_emblem(self):
        upload = self.cleaned_data.get("emblem")
        if upload:
            self.extension, _mime = check_upload(upload)
            if self.extension not in ("png", "jpg"):
                raise ValidationError(_("%(name)s is not a PNG or JPEG image.") % {"name": upload.name})
        return upload


class DraftCommentForm(forms.Form):
    """A reviewer's comment on one section of a version of the draft (or on the whole)."""

    section = forms.ModelChoiceField(
        label=_("Section"), queryset=ReportSection.objects.none(), required=False, empty_label=_("The whole draft")
    )
    body = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, sections: list[ReportSection], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = ReportSection.objects.filter(pk__in=[s.pk for s in sections])
        self.fields["section"].label_from_instance = lambda section: section.display_title


class ValidateVersionForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference of the validation"),
        max_length=300,
        required=False,
        help_text=_("For example, the letter or decision by which the Government validated the draft."),
    )


class SubmitVersionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for submitting with open checklist items"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only needed while the checklist has open items."),
    )


class PublicationForm(forms.ModelForm):
    """What of a cycle is public; publishing itself is the button pressed."""

    class Meta:
        model = Publication
        fields = list(Publication.PARTS)
