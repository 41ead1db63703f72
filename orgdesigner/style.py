"""One source of visual style for the canvas (Qt) and the PDF export (reportlab).

No Qt here: colours are hex strings, sizes in points (1 scene unit = 1 pt at 100 %).
Council papers are often copied in greyscale, so levels are told apart by labelled bands
as well as by colour, and relation types by line style and arrowhead, never by colour
alone. Level tints are light with dark text; ``tests/core/test_style.py`` checks the
contrast (≥ 4.5:1) and that no two relation types look alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TEXT = "#1A1A1A"
MUTED_TEXT = "#4A4A4A"
EDGE_COLOUR = "#333333"
SELECTION = "#0B57D0"
WARNING = "#B3261E"
HINT = "#8A5A00"
INFO = "#1F5F99"
PAPER = "#FFFFFF"
"""background of the drawing, of relation labels and of open arrowheads"""
GRID = "#C8C8C8"
"""the canvas grid (screen only)"""

FONT_FAMILY = "DejaVu Sans"
FONT_FILE = "fonts/DejaVuSans.ttf"
FONT_BOLD_FILE = "fonts/DejaVuSans-Bold.ttf"
NODE_TITLE_PT = 10.0
NODE_FORM_PT = 8.0
BAND_LABEL_PT = 11.0
EDGE_LABEL_PT = 8.0

NODE_RADIUS = 8.0
BAND_HEIGHT = 96.0
BAND_GAP = 0.0
BAND_LABEL_WIDTH = 120.0
BAND_PADDING = 24.0


@dataclass(frozen=True)
class LevelStyle:
    fill: str
    """node fill: a light tint"""
    band: str
    """band background: lighter still"""
    border: str
    """node border and band label: dark shade of the same hue"""


LEVEL_STYLES: dict[str, LevelStyle] = {
    # hues chosen from a colour-blind-safe palette (orange, purple, blue, green, yellow)
    "political": LevelStyle(fill="#F9D9C4", band="#FDF1E9", border="#9A4A17"),
    "strategic": LevelStyle(fill="#E0D7F0", band="#F4F0FA", border="#5B4694"),
    "coordination": LevelStyle(fill="#CFE3F6", band="#EEF5FC", border="#1D5A91"),
    "implementation": LevelStyle(fill="#D4ECD3", band="#EFF8EF", border="#2C6E31"),
    "advisory": LevelStyle(fill="#F4EAB8", band="#FBF7E4", border="#7A6400"),
}

Arrowhead = Literal["filled", "open", "diamond", "circle", "bar", "none"]


@dataclass(frozen=True)
class RelationStyle:
    width: float
    dash: tuple[float, ...]
    """dash pattern in line widths; () = solid"""
    double: bool
    head: Arrowhead
    tail: Arrowhead = "none"


RELATION_STYLES: dict[str, RelationStyle] = {
    "mandates": RelationStyle(2.4, (), False, "filled"),
    "reports_to": RelationStyle(1.3, (), False, "open"),
    "instructs": RelationStyle(1.6, (), False, "bar"),
    "supervises": RelationStyle(1.4, (6, 2, 1, 2), False, "diamond"),
    "coordinates": RelationStyle(1.4, (6, 3), False, "open"),
    "advises": RelationStyle(1.4, (1, 2.5), False, "open"),
    "delegates": RelationStyle(1.4, (3, 3), False, "circle"),
    "cooperates": RelationStyle(1.0, (), True, "none"),
    "liaison": RelationStyle(1.0, (4, 2), True, "diamond", "diamond"),
    "informs": RelationStyle(1.0, (1, 2.5), False, "filled"),
}


def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    """``#RRGGBB`` → (r, g, b) in 0..1."""
    c = colour.lstrip("#")
    return (int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255)


def rgb_luminance(red: float, green: float, blue: float) -> float:
    """WCAG 2 relative luminance of an sRGB colour with channels in 0..1."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def relative_luminance(colour: str) -> float:
    return rgb_luminance(*hex_to_rgb(colour))


def luminance_contrast(a: float, b: float) -> float:
    """WCAG 2 contrast ratio (1 to 21) of two relative luminances."""
    la, lb = sorted((a, b), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two colours."""
    return luminance_contrast(relative_luminance(a), relative_luminance(b))


# -- shared by the canvas and the PDF export (added for orgdesigner.export) -------------
NODE_PADDING = 8.0
"""inner padding of a node box (the canvas uses the same value)"""
HEAD_SIZE = 11.0
"""length of an arrowhead in points at 100 %"""
HEAD_FILL_OPEN = "#FFFFFF"
"""fill of hollow arrowheads (diamond, circle)"""
EDGE_LABEL_BACKGROUND = "#FFFFFF"
PAPER = "#FFFFFF"
RULE_LINE = "#8C8C8C"
"""thin rules of the title block, legend and tile frames in the PDF"""

# -- print (PDF) sizes ----------------------------------------------------------------
PDF_TITLE_PT = 14.0
PDF_META_PT = 8.5
PDF_LEGEND_PT = 7.5
PDF_FOOTER_PT = 7.5
PDF_BODY_PT = 9.5
PDF_HEADING_PT = 12.0
MIN_PRINT_TEXT_PT = 6.0
"""smallest node text a printout should have; fit-to-page below it warns"""

# -- findings: rule panel and canvas badges ---------------------------------------------
SEVERITY_COLOURS: dict[str, str] = {"warning": WARNING, "hint": HINT, "info": INFO}
"""badge fill and heading colour per severity (white glyphs on them: contrast ≥ 4.5:1)"""
SEVERITY_TINTS: dict[str, str] = {"warning": "#FBECEB", "hint": "#FAF1E1", "info": "#E9F1F9"}
"""light backgrounds behind a severity's heading in the rule panel"""
BADGE_GLYPH = "#FFFFFF"
SELECTION_TINT = "#E3ECFB"
"""background of the selected entry in the rule panel"""
ACCEPTED = "#5F6368"
"""deliberately accepted findings and rule ids: a calm grey"""
PANEL_LINE = "#D9D9D9"
"""thin separators between entries of the rule panel"""
DONE = "#2C6E31"
"""a tick for answered reflection questions (dark green, ≥ 4.5:1 on white)"""

# -- comparison bisher / künftig (canvas marks) -----------------------------------------
CHANGE_COLOURS: dict[str, str] = {"added": "#1E6B34", "removed": "#8E1B1B", "changed": "#5B3A8C"}
"""badge fill per kind of change (white glyphs „+“, „–“, „Δ“ on them: contrast ≥ 4.5:1); the
glyph and the line style carry the meaning, so a greyscale copy keeps it"""
GHOST_FILL = "#F4F4F4"
"""inside a removed unit's dashed ghost"""

# -- notices and the export preview (screen only) ---------------------------------------
NOTICE_BACKGROUND = "#FFF6D5"
"""calm yellow behind a notice (the info bar, the export dialog's warning)"""
NOTICE_BORDER = "#E0C060"
NOTICE_TEXT = "#302000"
PREVIEW_DESK = "#E3E3E3"
"""the grey surface the preview's sheets lie on"""
PREVIEW_MARGIN = "#CFCFCF"
"""dotted margin line on a preview sheet"""
PREVIEW_SHEET_EDGE = "#9A9A9A"
ACCEPTED_TINT = "#F1F3F4"
"""light background behind the heading of the deliberately accepted findings"""
NO_UNDERSTANDING_FILL = "#EEEEEE"
"""the rule panel's understanding chip when no coordination understanding applies"""
BLACK = "#000000"
WHITE = "#FFFFFF"
"""the ends a colour is pushed towards to stay readable on a light or dark palette"""
