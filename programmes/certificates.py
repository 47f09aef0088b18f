"""The certificate of a completed programme as a PDF (fpdf2, as the demo's PDF files), in the
person's language: Arabic right to left, shaped by HarfBuzz (uharfbuzz) in a font with Arabic
glyphs shipped beside this file (DejaVu Sans, fonts/LICENSE-DejaVu.txt).

The page states who completed which programme and when, and carries the verification address and
code that anyone can check at /certificates/<code>/.
"""

import logging
from pathlib import Path

from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

# fontTools reports every table it subsets at INFO level
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
RIGHT_TO_LEFT = {"ar"}
INK = (25, 40, 75)
MUTED = (85, 85, 85)


class CertificatePDF(FPDF):
    def __init__(self, language):
        super().__init__(orientation="landscape", format="A4")
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.direction = "rtl" if language in RIGHT_TO_LEFT else "ltr"
        # HarfBuzz joins and orders the letters; fpdf2 runs the Unicode bidi algorithm on each line
        self.set_text_shaping(use_shaping_engine=True, direction=self.direction)
        self.set_margins(25, 20, 25)
        self.set_auto_page_break(auto=False)
        self.set_lang(language)

    def centred(self, text, size, *, bold=False, colour=INK, height=None, after=0, direction=None):
        """One centred paragraph; `direction="ltr"` for an address or a code inside Arabic text."""
        self.set_text_shaping(use_shaping_engine=True, direction=direction or self.direction)
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.set_x(self.l_margin)
        self.multi_cell(0, height or size * 0.55, text, align="C", new_x="LMARGIN", new_y="NEXT")
        if after:
            self.ln(after)


def certificate_pdf(certificate, language, verify_url):
    """The bytes of the certificate in `language` (one of the interface languages)."""
    with translation.override(language):
        site = _("Democracy resource library")
        pdf = CertificatePDF(language)
        title = _("Certificate of completion")
        pdf.set_title(f"{title} – {certificate.programme_title}")
        pdf.set_author(site)
        pdf.set_creation_date(certificate.issued_at)
        pdf.add_page()
        pdf.set_draw_color(*INK)
        pdf.set_line_width(1.2)
        pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
        pdf.set_line_width(0.3)
        pdf.rect(13, 13, pdf.w - 26, pdf.h - 26)
        pdf.set_y(26)
        pdf.centred(site.upper(), 11, colour=MUTED, after=10)
        pdf.centred(title, 30, bold=True, height=14, after=8)
        pdf.centred(_("This certifies that"), 14, colour=MUTED, after=4)
        pdf.centred(certificate.holder_name, 24, bold=True, height=12, after=4)
        pdf.centred(_("has completed the training programme"), 14, colour=MUTED, after=4)
        pdf.centred(certificate.programme_title, 19, bold=True, height=10, after=8)
        issued = formats.date_format(certificate.issued_at, "DATE_FORMAT", use_l10n=True)
        pdf.centred(_("Issued on %(date)s") % {"date": issued}, 12, colour=MUTED, after=10)
        pdf.set_y(pdf.h - 48)
        pdf.centred(_("Verification code: %(code)s") % {"code": certificate.code}, 12, bold=True, after=2)
        pdf.centred(_("Anyone can check this certificate at:"), 10, colour=MUTED, after=1)
        pdf.centred(verify_url, 10, colour=MUTED, direction="ltr")
        return bytes(pdf.output())
