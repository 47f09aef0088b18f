"""System checks for deployment mistakes that Django's own checks do not see."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register


def _inside(path, folder):
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True


@register(Tags.security, deploy=False)
def media_is_never_static(app_configs, **kwargs):
    """Uploaded files (partner-only ones too) must never be reachable through the static files
    server, which answers everyone: MEDIA_ROOT may not share a folder or a URL with static files."""
    media_root = settings.MEDIA_ROOT
    static_folders = [settings.STATIC_ROOT, *settings.STATICFILES_DIRS]
    errors = []
    for folder in filter(None, static_folders):
        if _inside(media_root, folder) or _inside(folder, media_root):
            errors.append(
                Error(
                    f"MEDIA_ROOT ({media_root}) and the static folder {folder} overlap.",
                    hint="Keep uploaded files outside STATIC_ROOT and STATICFILES_DIRS.",
                    id="portal.E001",
                )
            )
    media_url = "/" + settings.MEDIA_URL.strip("/") + "/"
    static_url = "/" + settings.STATIC_URL.strip("/") + "/"
    if media_url.startswith(static_url) or static_url.startswith(media_url):
        errors.append(Error("MEDIA_URL and STATIC_URL overlap.", id="portal.E002"))
    return errors
