"""The embedded font: DejaVu Sans (shipped in ``resources/fonts``), never a base-14 font.

Reportlab starts every page with its default font (Helvetica) unless told otherwise, and
its sample paragraph styles name Helvetica too. :func:`embedded_defaults` switches
reportlab's defaults to the shipped TrueType font while a PDF is built, so every font in
the file is embedded.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from orgdesigner import style
from orgdesigner.drawing import text as text_
from orgdesigner.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

ASCENT = 0.928
"""DejaVu Sans ascent in em (hhea), used to place baselines like Qt does"""
DESCENT = 0.236
LINE_SPACING = ASCENT + DESCENT
ELLIPSIS = "…"


@cache
def register_fonts() -> None:
    """Register the shipped regular and bold font with reportlab (once)."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(resource(*style.FONT_FILE.split("/")))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource(*style.FONT_BOLD_FILE.split("/")))))
    # <b>/<i> in paragraphs map to the shipped fonts (no oblique shipped: upright)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


@contextmanager
def embedded_defaults() -> Iterator[None]:
    """Make the shipped font reportlab's default font while the block runs.

    Also writes compressed streams as binary instead of ASCII85 text: a fifth smaller and
    faster to write (the ASCII85 step was a third of the export time), and PDF/A allows it.
    """
    register_fonts()
    saved = rl_config.canvas_basefontname, rl_config.useA85
    rl_config.canvas_basefontname = REGULAR
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.canvas_basefontname, rl_config.useA85 = saved


@cache
def _cmap(font_name: str) -> frozenset[int]:
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` the embedded fonts have no glyph for (spaces excluded)."""
    known = _printable_codes()
    return {ch for ch in text if ord(ch) not in known and not ch.isspace()}


@cache
def _printable_codes() -> frozenset[int]:
    return _cmap(REGULAR) & _cmap(BOLD)


def printable(text: str) -> str:
    """``text`` with every character the embedded fonts cannot draw written as ``[U+XXXX]``.

    Reportlab would draw such a character with the font's ".notdef" glyph (an empty box,
    forbidden in PDF/A-2) and text extraction would return U+0000; the code point in
    brackets stays readable and extractable.
    """
    known = _printable_codes()
    if all(ord(ch) in known or ch.isspace() for ch in text):
        return text
    return "".join(ch if ord(ch) in known or ch.isspace() else f"[U+{ord(ch):04X}]" for ch in text)


def width(text: str, font_name: str, size: float) -> float:
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font_name, size))


def elide(text: str, font_name: str, size: float, room: float) -> str:
    """``text`` cut with an ellipsis so it fits ``room`` points."""
    return text_.elide(MEASURE, text, size, room, bold=font_name == BOLD)


class PdfMeasure:
    """The PDF's font metrics (:class:`orgdesigner.drawing.text.TextMeasure`).

    The export preview measures with it too, so it breaks lines as the PDF does.
    """

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return width(text, BOLD if bold else REGULAR, size)

    def ascent(self, size: float, bold: bool = False) -> float:
        return size * ASCENT

    def line_height(self, size: float, bold: bool = False) -> float:
        return size * LINE_SPACING

    def printable(self, text: str) -> str:
        return printable(text)


MEASURE = PdfMeasure()
