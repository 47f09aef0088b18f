"""Signed unsubscribe links: the token names a person and a resource (or every resource) and is
signed with the secret key, so a link works without signing in and cannot be made for anyone else."""

from django.core import signing

SALT = "upkeep.change-notices.unsubscribe"


def token(user, resource):
    return signing.dumps([user.pk, resource.pk if resource else 0], salt=SALT)


def read(value):
    """(person id, resource id or None); signing.BadSignature for a link that is not ours."""
    data = signing.loads(value, salt=SALT)
    if not (isinstance(data, list) and len(data) == 2 and all(isinstance(part, int) for part in data)):
        raise signing.BadSignature("unexpected token content")
    user_id, resource_id = data
    return user_id, resource_id or None
