"""Static files through whitenoise: compressed copies (gzip, Brotli) made by collectstatic, and
files with a content hash in their name cached by browsers and CDNs for a year."""

from whitenoise.middleware import WhiteNoiseMiddleware

ONE_YEAR = 60 * 60 * 24 * 365


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    # whitenoise's default for hashed ("immutable") names is ten years; a year is what HTTP
    # caches are asked to honour and what the deployment notes promise.
    FOREVER = ONE_YEAR
