"""Editors and Publishers (library.roles) get the same roles over collections and programmes:
editors write and submit, publishers publish. Reports and certificates are publishers' too."""

from library import roles

EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("collection", "collectionitem", "programme", "module", "step", "question", "choice")
    for action in ("add", "change", "view", "delete")
    if not (action == "delete" and model in ("collection", "programme"))
] + ["view_publishingchange"]
PUBLISHER_ONLY_PERMISSIONS = [
    "publish_collection",
    "publish_programme",
    "delete_collection",
    "delete_programme",
    "view_programme_report",
    "view_enrolment",
    "view_certificate",
    "change_certificate",
]


def ensure_groups(sender=None, using="default", **kwargs):
    roles.grant(roles.EDITORS, "programmes", EDITOR_PERMISSIONS, using)
    roles.grant(roles.PUBLISHERS, "programmes", EDITOR_PERMISSIONS + PUBLISHER_ONLY_PERMISSIONS, using)
