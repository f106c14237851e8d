from django import forms
from django.utils.translation import gettext_lazy as _

IMPORT_SUFFIXES = (".xlsx", ".csv", ".zip")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File to import (XLSX, CSV or a ZIP of CSV files)"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(IMPORT_SUFFIXES)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(IMPORT_SUFFIXES):
            raise forms.ValidationError(
                _("%(name)s is not an XLSX workbook, a CSV file or a ZIP of CSV files.") % {"name": upload.name}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("The file %(name)s is empty.") % {"name": upload.name})
        return upload
