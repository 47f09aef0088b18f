"""The vocabulary behind "Did you mean ...?": the words of the library's titles and tags."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchWord(models.Model):
    word = models.CharField(_("word"), max_length=40, unique=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
