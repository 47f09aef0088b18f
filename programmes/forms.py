"""The forms a person sends: marking a step, answering a self-check, the certificate's language.
None needs JavaScript; each validates on the server and a bad one is answered 400."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class StepForm(forms.Form):
    done = forms.TypedChoiceField(
        choices=[("1", _("Done")), ("0", _("Not done"))], coerce=lambda value: value == "1"
    )


class SelfCheckForm(forms.Form):
    """One required radio group per question; the answers are checked against the database."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=[(str(choice.pk), choice.text) for choice in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer to question %(number)d.") % {"number": number}
                },
            )

    def answers(self):
        return {question.pk: self.cleaned_data[f"q{question.pk}"] for question in self.questions}

    def bound_questions(self):
        return [(question, self[f"q{question.pk}"]) for question in self.questions]


class CertificateLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the certificate"), choices=settings.LANGUAGES, required=False
    )


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Verification code"),
        regex=r"^[A-Za-z0-9-]{4,20}$",
        max_length=20,
        error_messages={"invalid": _("A verification code has 12 letters and digits.")},
    )

    def clean_code(self):
        return self.cleaned_data["code"].replace("-", "").upper()
