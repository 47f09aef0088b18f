from django import forms
from django.utils.translation import gettext_lazy as _


class PreferencesForm(forms.Form):
    notify = forms.BooleanField(
        label=_("E-mail me when a file I downloaded gets a new version"), required=False
    )


class ResumeForm(forms.Form):
    """Hear of one resource's changes again."""

    resource = forms.IntegerField(min_value=1, max_value=2**63 - 1)
