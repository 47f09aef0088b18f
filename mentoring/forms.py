"""The mentoring forms: they validate everything a person sends (a bad value is a message, not a 500)."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries
from taggit.models import Tag

from library.geography import REGIONS
from library.languages import CONTENT_LANGUAGES
from library.models import Country, Theme
from mentoring.models import (
    MAX_CAPACITY,
    Frequency,
    Goal,
    Lesson,
    MentorLanguage,
    MentorProfile,
    Mentorship,
    SessionNote,
)

REGION_CHOICES = [(slug, name) for slug, (name, _parent) in REGIONS.items()]


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class ThemeMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class CountryMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class MentorProfileForm(forms.ModelForm):
    themes = ThemeMultipleChoiceField(
        label=_("Themes you know well"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )
    tags = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Tag.objects.order_by("name"),
        required=False,
        help_text=_("The library's tags that describe your experience."),
    )
    countries = CountryMultipleChoiceField(
        label=_("Countries you have worked in"), queryset=Country.objects.all(), required=False
    )
    regions = forms.MultipleChoiceField(
        label=_("Regions you know"),
        choices=REGION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you can mentor in"), choices=CONTENT_LANGUAGES, required=True
    )
    years_of_experience = forms.IntegerField(label=_("Years of experience"), min_value=0, max_value=80)
    capacity = forms.IntegerField(
        label=_("Mentees at once"),
        min_value=1,
        max_value=MAX_CAPACITY,
        help_text=_("How many mentees you can take at the same time (at most 10)."),
    )

    class Meta:
        model = MentorProfile
        fields = [
            "display_name",
            "biography",
            "themes",
            "tags",
            "regions",
            "countries",
            "languages",
            "years_of_experience",
            "capacity",
            "accepting",
        ]
        widgets = {"biography": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # countries sorted by their name in the reader's language
        names = dict(all_countries)
        self.fields["countries"].queryset = Country.objects.all()
        self.fields["countries"].choices = sorted(
            ((code, names.get(code, code)) for code in Country.objects.values_list("code", flat=True)),
            key=lambda item: str(item[1]),
        )
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_codes

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if "@" in name:
            raise forms.ValidationError(
                _("Give your name, not an e-mail address: addresses are never shown.")
            )
        return name

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.regions = self.cleaned_data["regions"]
        profile.save()
        self.save_m2m()
        profile.languages.all().delete()
        MentorLanguage.objects.bulk_create(
            MentorLanguage(profile=profile, code=code) for code in self.cleaned_data["languages"]
        )
        profile.refresh_regions()
        return profile


class RequestForm(forms.ModelForm):
    theme = ThemeChoiceField(label=_("Theme"), queryset=Theme.objects.all(), empty_label=None)
    meeting_language = forms.ChoiceField(label=_("Preferred language"), choices=CONTENT_LANGUAGES)
    frequency = forms.ChoiceField(label=_("How often you would like to meet"), choices=Frequency.choices)

    class Meta:
        model = Mentorship
        fields = ["goal", "theme", "meeting_language", "frequency"]
        labels = {"goal": _("Your goal")}
        widgets = {"goal": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, mentor=None, **kwargs):
        super().__init__(*args, **kwargs)
        if mentor is not None and mentor.themes.exists():
            # asking one mentor: one of the themes they offer
            self.fields["theme"].queryset = mentor.themes.all()


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the mentee"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class GoalForm(forms.ModelForm):
    prefix = "goal"  # the goal, note and lesson forms share one page: their ids must differ

    class Meta:
        model = Goal
        fields = ["text"]
        labels = {"text": _("A goal you agreed")}


class NoteForm(forms.ModelForm):
    prefix = "note"

    class Meta:
        model = SessionNote
        fields = ["met_on", "text"]
        widgets = {
            "met_on": forms.DateInput(attrs={"type": "date"}),
            "text": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_met_on(self):
        met_on = self.cleaned_data["met_on"]
        today = timezone.localdate()
        if met_on > today + timedelta(days=1):
            raise forms.ValidationError(
                _("A session note is for a session that took place: choose a date up to today.")
            )
        if met_on.year < 2000:
            raise forms.ValidationError(_("Choose a date after the year 2000."))
        return met_on


class LessonForm(forms.ModelForm):
    prefix = "lesson"

    class Meta:
        model = Lesson
        fields = ["text", "consent"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6})}
