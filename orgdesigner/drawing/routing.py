"""Relation routes (placeholder: straight lines; the orthogonal router replaces this file)."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Point = tuple[float, float]
Box = tuple[float, float, float, float]
PathOp = tuple[Literal["move", "line", "quad"], tuple[float, ...]]
Mode = Literal["orthogonal", "straight"]
CORNER_RADIUS = 6.0


@dataclass(frozen=True)
class Link:
    id: str
    source: str
    target: str
    label_size: tuple[float, float] | None = None


@dataclass(frozen=True)
class Route:
    points: tuple[Point, ...]
    label_box: Box | None


def _border(box: Box, towards: Point) -> Point:
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(w / 2 / abs(dx) if dx else math.inf, h / 2 / abs(dy) if dy else math.inf)
    return cx + dx * scale, cy + dy * scale


def quick_route(source: Box, target: Box, *, mode: Mode = "orthogonal") -> tuple[Point, ...]:
    sc = (source[0] + source[2] / 2, source[1] + source[3] / 2)
    tc = (target[0] + target[2] / 2, target[1] + target[3] / 2)
    return (_border(source, tc), _border(target, sc))


def _label(points: Sequence[Point], size: tuple[float, float] | None) -> Box | None:
    if size is None:
        return None
    (x1, y1), (x2, y2) = points[0], points[-1]
    return ((x1 + x2) / 2 - size[0] / 2, (y1 + y2) / 2 - size[1] / 2, size[0], size[1])


def route_all(
    boxes: Mapping[str, Box], links: Sequence[Link], *, mode: Mode = "orthogonal"
) -> dict[str, Route]:
    out = {}
    for link in links:
        pts = quick_route(boxes[link.source], boxes[link.target], mode=mode)
        out[link.id] = Route(pts, _label(pts, link.label_size))
    return out


def reroute(
    previous: Mapping[str, Route],
    boxes: Mapping[str, Box],
    links: Sequence[Link],
    moved: Collection[str],
    *,
    mode: Mode = "orthogonal",
) -> dict[str, Route]:
    return route_all(boxes, links, mode=mode)


def rounded(points: Sequence[Point], radius: float = CORNER_RADIUS) -> list[PathOp]:
    ops: list[PathOp] = [("move", points[0])]
    ops.extend(("line", p) for p in points[1:])
    return ops


def offset_polyline(points: Sequence[Point], d: float) -> tuple[Point, ...]:
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    nx, ny = -(y2 - y1) / length * d, (x2 - x1) / length * d
    return tuple((x + nx, y + ny) for x, y in points)
