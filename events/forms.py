"""The registration form and the staff message form."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from events.registration import Applicant
from library import access


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send the confirmation and the joining details here."),
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language for our e-mails"), choices=settings.LANGUAGES)
    needs = forms.CharField(
        label=_("Accessibility or interpretation needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Step-free access, captions, sign language, interpretation into your language..."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the fund keeps these details to organise this event, as the privacy notice says."
        ),
        error_messages={
            "required": _("Please agree to the privacy notice: without it we cannot register you.")
        },
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country"))] + list(countries)
        if not self.is_bound:
            self.initial.setdefault("language", (get_language() or "en").split("-")[0])
            if user is not None and user.is_authenticated:
                self.initial.setdefault("name", user.get_full_name() or user.get_username())
                self.initial.setdefault("email", user.email)
                organisations = access.partner_organisations(user)
                if organisations:
                    self.initial.setdefault("organisation", organisations[0].name)
                    if organisations[0].country_id:
                        self.initial.setdefault("country", organisations[0].country_id)

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name

    def applicant(self):
        data = self.cleaned_data
        return Applicant(
            name=data["name"],
            email=data["email"],
            organisation=data.get("organisation", ""),
            country=data.get("country", ""),
            language=data["language"],
            needs=data.get("needs", ""),
        )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}), max_length=20000)
