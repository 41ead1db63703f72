"""One message in German and English, and the number format of each language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A text in German (``de``) and English (``en``).

    :meth:`format` fills ``{name}`` fields in both languages at once: a :class:`Text` value
    gives each language its own part (a unit's quoted label, a list of names), any other
    value stands the same in both.
    """

    de: str
    en: str

    def format(self, **values: Text | str | int) -> Text:
        return Text(
            self.de.format_map({k: v.de if isinstance(v, Text) else v for k, v in values.items()}),
            self.en.format_map({k: v.en if isinstance(v, Text) else v for k, v in values.items()}),
        )

    def __add__(self, other: Text) -> Text:
        return Text(self.de + other.de, self.en + other.en)

    @staticmethod
    def join(parts: Iterable[Text], separator: str = ", ") -> Text:
        parts = list(parts)
        return Text(separator.join(t.de for t in parts), separator.join(t.en for t in parts))


def number(value: float) -> Text:
    """48.000 / 0,5 in German, 48,000 / 0.5 in English (at most two decimals)."""
    en = f"{value:,.2f}".rstrip("0").rstrip(".")
    return Text(en.replace(",", "\x00").replace(".", ",").replace("\x00", "."), en)
