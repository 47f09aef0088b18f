"""Text of uploaded PDF files, for search. A damaged or encrypted file is recorded as such and
never stops the upload."""

import logging
import warnings

from pypdf import PdfReader

from library.models.files import TextStatus

logger = logging.getLogger(__name__)

MAX_PAGES = 300
MAX_CHARACTERS = 400_000


def extract_text(field_file) -> tuple[str, str]:
    """(text, status) of a PDF held by a FileField, read from its start and left open or closed
    as it was found."""
    was_closed = field_file.closed
    field_file.open("rb")
    try:
        field_file.seek(0)
        return _read(field_file)
    except Exception as error:  # a damaged upload can raise anything from deep in the parser
        logger.info("could not read text of %s: %s", field_file.name, error)
        return "", TextStatus.BROKEN
    finally:
        if was_closed:
            field_file.close()
        else:
            field_file.seek(0)


def _read(stream):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = PdfReader(stream)
        if reader.is_encrypted and not _opens_without_password(reader):
            return "", TextStatus.ENCRYPTED
        pieces, size = [], 0
        for page in reader.pages[:MAX_PAGES]:
            piece = page.extract_text() or ""
            pieces.append(piece)
            size += len(piece)
            if size >= MAX_CHARACTERS:
                break
    text = "\n".join(pieces)[:MAX_CHARACTERS].replace("\x00", "")
    return (text, TextStatus.EXTRACTED) if text.strip() else ("", TextStatus.EMPTY)


def _opens_without_password(reader):
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an encryption pypdf cannot undo is as closed as one with a password
        return False
