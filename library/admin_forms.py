"""Forms of the staff admin: the resource form (tags by autocomplete, checked cover), files, tag
merging, and the check of a bulk action's selection."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from taggit.utils import parse_tags

from library.models import Resource, ResourceFile, TaggedResource
from library.uploads import DOCUMENT_TYPES, IMAGE_TYPES, CheckedFileField


class ResourceAdminForm(forms.ModelForm):
    tags = forms.ModelMultipleChoiceField(
        label=_("tags"),
        queryset=Tag.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(TaggedResource._meta.get_field("tag"), admin.site),
        help_text=_("Start typing to find a tag in use. Add tags that do not exist yet below."),
    )
    new_tags = forms.CharField(
        label=_("new tags"),
        required=False,
        max_length=500,
        help_text=_(
            "Tags not in the list yet, separated by commas. "
            "Capitals do not matter: “Elections” is “elections”."
        ),
    )
    cover = CheckedFileField(
        label=_("cover image"), kinds=IMAGE_TYPES, required=False, widget=forms.ClearableFileInput
    )

    class Meta:
        model = Resource
        # the admin narrows these to its fieldsets (and adds a case study's own fields)
        fields = (
            "kind",
            "title",
            "slug",
            "summary",
            "body",
            "language",
            "published_at",
            "featured",
            "themes",
            "tags",
            "countries",
            "related",
            "cover",
            "cover_alt",
        )

    def clean_new_tags(self):
        names = parse_tags(self.cleaned_data["new_tags"])
        too_long = [name for name in names if len(name) > 100]
        if too_long:
            raise forms.ValidationError(_("A tag is at most 100 characters long."))
        return names

    def _save_m2m(self):
        super()._save_m2m()
        if self.cleaned_data.get("new_tags"):
            self.instance.tags.add(*self.cleaned_data["new_tags"])


class ResourceFileForm(forms.ModelForm):
    file = CheckedFileField(label=_("file"), kinds=DOCUMENT_TYPES)
    change_notes = forms.CharField(
        label=_("change notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 30}),
        help_text=_(
            "Choosing a new file for an existing one uploads its next version (the download address "
            "stays the same): say what changed, in Markdown. People who downloaded it are told."
        ),
    )

    class Meta:
        model = ResourceFile
        fields = ("title", "file", "language", "access", "position")

    @property
    def is_new_version(self):
        return self.instance.pk is not None and "file" in self.changed_data

    def clean(self):
        cleaned = super().clean()
        notes = (cleaned.get("change_notes") or "").strip()
        if self.is_new_version and not notes:
            self.add_error("change_notes", _("Say what changed in this new version."))
        elif notes and not self.is_new_version:
            self.add_error(
                "change_notes",
                _("Change notes go with a new version: choose its file, or leave the notes empty."),
            )
        cleaned["change_notes"] = notes
        return cleaned

    def save(self, commit=True):
        self.instance.change_notes = self.cleaned_data.get("change_notes", "")
        return super().save(commit)


class MergeTagsForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Keep this tag"),
        queryset=Tag.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_(
            "Every resource with one of the other tags gets this one instead; the others are deleted."
        ),
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = tags
