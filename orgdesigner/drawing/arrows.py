"""Arrowheads as plain shapes, for every output to paint.

A relation type's head (:data:`orgdesigner.style.RELATION_STYLES`) is drawn at the tip of
its route; ``direction`` points along the last segment into the tip. The shaft is cut
back by :func:`shaft_cut` so that the line does not poke through the head.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Point = tuple[float, float]
Fill = Literal["line", "paper", "none"]
"""what a head's polygon is filled with: the line's colour, the paper, or nothing"""


@dataclass(frozen=True)
class Head:
    """One arrowhead: a closed or open polygon, a circle, or a polygon with a bar."""

    kind: str
    fill: Fill
    polygon: tuple[Point, ...] = ()
    """closed when ``fill`` is not ``"none"``, else an open polyline"""
    circle: tuple[float, float, float] | None = None
    """centre x, centre y, radius"""
    bar: tuple[Point, Point] | None = None
    """an extra stroke across the line (the "instructs" head)"""


def shaft_cut(kind: str, size: float) -> float:
    """How much shorter the shaft is than the route at a head of ``kind``."""
    if kind == "none":
        return 0.0
    return size * (0.2 if kind == "open" else 0.9)


def head(kind: str, tip: Point, direction: Point, size: float) -> Head | None:
    """The head ``kind`` at ``tip``; ``direction`` is a unit vector into the tip."""
    if kind == "none":
        return None
    bx, by = -direction[0], -direction[1]
    sx, sy = -by, bx

    def at(back: float, side: float) -> Point:
        return tip[0] + bx * back + sx * side, tip[1] + by * back + sy * side

    if kind == "filled":
        return Head(kind, "line", (tip, at(size, size * 0.5), at(size, -size * 0.5)))
    if kind == "open":
        return Head(kind, "none", (at(size, size * 0.5), tip, at(size, -size * 0.5)))
    if kind == "bar":
        return Head(
            kind,
            "line",
            (tip, at(size, size * 0.5), at(size, -size * 0.5)),
            bar=(at(size * 1.3, size * 0.6), at(size * 1.3, -size * 0.6)),
        )
    if kind == "diamond":
        return Head(
            kind,
            "paper",
            (tip, at(size * 0.75, size * 0.4), at(size * 1.5, 0), at(size * 0.75, -size * 0.4)),
        )
    if kind == "circle":
        cx, cy = at(size * 0.4, 0)
        return Head(kind, "paper", circle=(cx, cy, size * 0.4))
    raise ValueError(f"unknown arrowhead {kind!r}")
