"""The shared content model: every kind of resource is one row of `Resource`."""

from library.models.downloads import DownloadLog
from library.models.files import FileVersion, ResourceFile
from library.models.partners import Membership, PartnerOrganisation
from library.models.resources import Resource, ResourceQuerySet
from library.models.search import SearchWord
from library.models.taxonomy import Country, TaggedResource, Theme
from library.models.versions import PublicVersion
from library.models.workflow import StatusChange

__all__ = [
    "Country",
    "DownloadLog",
    "FileVersion",
    "Membership",
    "PartnerOrganisation",
    "PublicVersion",
    "Resource",
    "ResourceFile",
    "ResourceQuerySet",
    "SearchWord",
    "StatusChange",
    "TaggedResource",
    "Theme",
]
