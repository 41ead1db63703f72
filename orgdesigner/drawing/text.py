"""Measuring and breaking text, the same way for every output.

Each output implements :class:`TextMeasure` with its real font metrics (reportlab's for
the PDF and for the export preview, which shows the PDF; Qt's for the canvas), and
:func:`wrap` and :func:`elide` break text with them. Sizes are in model units, which are
points in print (1 model unit = 1 pt at 100 %).
"""

from __future__ import annotations

from typing import Protocol

ELLIPSIS = "…"


class TextMeasure(Protocol):
    """Font metrics of one output, for the shipped font family."""

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """Advance width of ``text`` at ``size`` (model units)."""
        ...

    def ascent(self, size: float, bold: bool = False) -> float:
        """Distance from a line's top to its baseline."""
        ...

    def line_height(self, size: float, bold: bool = False) -> float:
        """Distance from one line's top to the next line's top."""
        ...

    def printable(self, text: str) -> str:
        """``text`` as this output can draw it (characters without a glyph replaced)."""
        ...


def elide(measure: TextMeasure, text: str, size: float, room: float, bold: bool = False) -> str:
    """``text`` cut with an ellipsis so that it fits ``room``."""
    if measure.width(text, size, bold) <= room:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if measure.width(text[:mid] + ELLIPSIS, size, bold) <= room:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ELLIPSIS


def _fitting_prefix(measure: TextMeasure, word: str, size: float, room: float, bold: bool) -> int:
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if measure.width(word[:mid], size, bold) <= room:
            low = mid
        else:
            high = mid - 1
    return low


def wrap(
    measure: TextMeasure, text: str, size: float, room: float, max_lines: int, bold: bool = False
) -> list[str]:
    """Break ``text`` into at most ``max_lines`` lines of ``room``.

    Breaks at spaces, inside a word only when the word is too long for a line ("word
    boundary or anywhere"); the last line is elided when text is left over. Runs in
    bounded time for any length of text: at most ``max_lines`` lines are measured.
    """
    max_lines = max(1, max_lines)
    words = text.split()
    lines: list[str] = []
    current = ""
    i = 0
    while i < len(words) and len(lines) < max_lines:
        word = words[i]
        candidate = f"{current} {word}" if current else word
        if measure.width(candidate, size, bold) <= room:
            current = candidate
            i += 1
        elif current:
            lines.append(current)
            current = ""
        else:
            cut = _fitting_prefix(measure, word, size, room, bold)
            lines.append(word[:cut])
            words[i] = word[cut:]
    if current and len(lines) < max_lines:
        lines.append(current)
        current = ""
    if i < len(words) or current:
        # only what can still show is measured: a 10,000-character label stays cheap
        rest = " ".join(([current] if current else []) + words[i : i + 50])
        last = lines.pop() if lines else ""
        lines.append(elide(measure, f"{last} {rest}".strip()[:400], size, room, bold))
    return lines
