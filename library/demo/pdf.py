"""Small, real PDF files for the demo toolkits, written with fpdf2.

A cover page with the title and summary, then one page per `##` section of the Markdown text,
so every file has several pages of text that search can extract. fpdf2's built-in Helvetica
covers Latin-1, enough for English, French and Spanish; the Arabic toolkit ships an English
edition (Arabic needs an embedded font and text shaping, which a demo does not justify).
The same input always gives the same bytes.
"""

import functools
import re
from datetime import UTC, date, datetime

from fpdf import FPDF

LABELS = {
    "en": ("Democracy resource library", "Demonstration edition", "Page"),
    "fr": ("Bibliothèque de ressources sur la démocratie", "Édition de démonstration", "Page"),
    "es": ("Biblioteca de recursos sobre democracia", "Edición de demostración", "Página"),
}

# typographic characters outside Latin-1, and their plain equivalents
PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "œ": "oe"})
INLINE_MARKUP = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")


def latin1(text):
    """Text the built-in fonts can draw: typographic characters made plain, markup removed."""
    text = INLINE_MARKUP.sub(r"\2", text.translate(PLAIN))
    return text.encode("latin-1", "replace").decode("latin-1")


class DemoPDF(FPDF):
    def __init__(self, language):
        super().__init__(format="A4")
        self.library_name, self.edition, self.page_word = LABELS.get(language, LABELS["en"])
        self.set_margins(22, 22, 22)
        self.set_auto_page_break(auto=True, margin=22)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 10, latin1(f"{self.library_name} - {self.page_word} {self.page_no()}"), align="C")


def sections(markdown):
    """[(heading, [lines])] for each `##` section; text before the first heading has no heading."""
    found = [("", [])]
    for line in markdown.splitlines():
        if line.startswith("## "):
            found.append((line[3:].strip(), []))
        elif line.strip():
            found[-1][1].append(line.strip())
    return [(heading, lines) for heading, lines in found if heading or lines]


def write_line(pdf, line):
    pdf.set_x(pdf.l_margin)
    if line.startswith("### "):
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, latin1(line[4:]), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
        return
    pdf.set_font("Helvetica", size=11)
    bullet = re.match(r"^(- |\* |\d+\. )(.*)$", line)
    if bullet:
        marker = "-" if bullet.group(1).strip() in "-*" else bullet.group(1).strip()
        pdf.cell(8, 6, marker)
        pdf.multi_cell(0, 6, latin1(bullet.group(2)), new_x="LMARGIN", new_y="NEXT")
    else:
        pdf.multi_cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


@functools.lru_cache(maxsize=64)  # the same input gives the same bytes: reruns in one process reuse them
def toolkit_pdf(
    *, title: str, summary: str, text: str, language: str, published: date, subtitle: str = ""
) -> bytes:
    """The bytes of a PDF: a cover page (title, subtitle, summary), then one page per section of
    `text` (Markdown)."""
    pdf = DemoPDF(language)
    pdf.set_title(latin1(title))
    pdf.set_author(latin1(pdf.library_name))
    pdf.set_lang(language)
    pdf.set_creation_date(datetime(published.year, published.month, published.day, tzinfo=UTC))

    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(0, 8, latin1(pdf.library_name.upper()), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(30)
    pdf.set_text_color(20, 40, 80)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(0, 11, latin1(title), new_x="LMARGIN", new_y="NEXT")
    if subtitle:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 15)
        pdf.multi_cell(0, 8, latin1(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_text_color(30, 30, 30)
    pdf.set_font("Helvetica", size=13)
    pdf.multi_cell(0, 7, latin1(summary), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    pdf.set_font("Helvetica", "I", 10)
    pdf.cell(0, 6, latin1(f"{pdf.edition} - {published.isoformat()}"), new_x="LMARGIN", new_y="NEXT")

    for heading, lines in sections(text):
        pdf.add_page()
        if heading:
            pdf.set_font("Helvetica", "B", 16)
            pdf.set_text_color(20, 40, 80)
            pdf.multi_cell(0, 9, latin1(heading), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
            pdf.set_text_color(30, 30, 30)
        for line in lines:
            write_line(pdf, line)
    return bytes(pdf.output())
