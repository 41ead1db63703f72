"""Tagged PDF: the structure tree a screen reader follows (PDF/UA-1, PDF/A-2a).

Reportlab writes no structure. While it draws, :class:`Tagger` writes the marked-content
operators into the page's content stream – ``/P <</MCID 3>> BDC … EMC`` around content
that belongs to a structure element, ``/Artifact … BDC … EMC`` around decoration, page
numbers and repeated page furniture – and remembers which :class:`Element` each marked-
content id (MCID) belongs to. After reportlab has written the file,
:func:`write_structure` builds from that record, with pikepdf, the ``StructTreeRoot``
(its order is the reading order), the ``ParentTree`` (number tree: page → MCID →
element), the ``RoleMap``, each page's ``/StructParents`` and ``/Tabs /S``,
``MarkInfo`` and the bookmarks.

The elements are plain Python objects, created in reading order before the story is
drawn; drawing only adds their marked-content references. An element whose content was
never drawn (a flowable that did not fit and was split) is left out of the tree.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

ROLE_MAP = {"Legend": "Div"}
"""our own structure types and the standard type each stands for"""

ARTIFACT_LAYOUT = "/Artifact <</Type /Layout>> BDC"
ARTIFACT_PAGINATION_FOOTER = "/Artifact <</Type /Pagination /Subtype /Footer>> BDC"
ARTIFACT_PAGINATION_HEADER = "/Artifact <</Type /Pagination /Subtype /Header>> BDC"
ARTIFACT_BACKGROUND = "/Artifact <</Type /Layout /Subtype /Background>> BDC"


@dataclass(frozen=True)
class Mark:
    """A marked-content sequence: ``mcid`` on page ``page`` (0-based)."""

    page: int
    mcid: int


class Element:
    """A structure element (``/StructElem``): its type, children in reading order and
    the accessibility entries it carries."""

    __slots__ = ("alt", "bbox", "kids", "lang", "scope", "tag")

    def __init__(self, tag: str, parent: Element | None = None, *, alt: str | None = None,
                 lang: str | None = None, scope: str | None = None) -> None:  # fmt: skip
        self.tag = tag
        self.kids: list[Element | Mark] = []
        self.alt = alt
        self.lang = lang
        self.scope = scope
        """``Column`` or ``Row`` for a table header cell"""
        self.bbox: tuple[float, float, float, float] | None = None
        """a Figure's bounding box on its (first) page, PDF user space"""
        if parent is not None:
            parent.kids.append(self)

    def add(self, tag: str, **kwargs: Any) -> Element:
        """A new child element of type ``tag`` after the existing children."""
        return Element(tag, self, **kwargs)

    def __repr__(self) -> str:
        return f"<Element {self.tag} kids={len(self.kids)}>"


@dataclass(frozen=True)
class Bookmark:
    level: int
    """1 for a title, 2 for a section, 3 for a subsection"""
    title: str
    page: int
    top: float
    """PDF user space (``y`` up) of the heading's top edge"""


class Tagger:
    """Records structure while reportlab draws; one per export."""

    def __init__(self) -> None:
        self.root = Element("Document")
        self.pages: list[list[Element]] = []
        """per page: the element of each MCID (the index)"""
        self.bookmarks: list[Bookmark] = []
        self._open = 0

    @staticmethod
    def page_of(c: Any) -> int:
        return int(c.getPageNumber()) - 1

    def begin(self, c: Any, element: Element) -> None:
        """Start the content of ``element`` on the canvas's current page."""
        page = self.page_of(c)
        while len(self.pages) <= page:
            self.pages.append([])
        marks = self.pages[page]
        mcid = len(marks)
        marks.append(element)
        element.kids.append(Mark(page, mcid))
        c._code.append(f"/{element.tag} <</MCID {mcid}>> BDC")
        self._open += 1

    def end(self, c: Any) -> None:
        c._code.append("EMC")
        self._open -= 1

    @contextmanager
    def marked(self, c: Any, element: Element) -> Iterator[None]:
        self.begin(c, element)
        try:
            yield
        finally:
            self.end(c)

    @contextmanager
    def artifact(self, c: Any, operator: str = ARTIFACT_LAYOUT) -> Iterator[None]:
        c._code.append(operator)
        self._open += 1
        try:
            yield
        finally:
            self.end(c)

    def bookmark(self, c: Any, level: int, title: str, top: float) -> None:
        self.bookmarks.append(Bookmark(level, title, self.page_of(c), top))


@contextmanager
def marked(c: Any, element: Element | None) -> Iterator[None]:
    """Mark what the block draws as content of ``element`` (nothing when untagged)."""
    tagger: Tagger | None = getattr(c, "tagger", None)
    if tagger is None or element is None:
        yield
        return
    with tagger.marked(c, element):
        yield


@contextmanager
def artifact(c: Any, operator: str = ARTIFACT_LAYOUT) -> Iterator[None]:
    """Mark what the block draws as an artifact (nothing when untagged)."""
    tagger: Tagger | None = getattr(c, "tagger", None)
    if tagger is None:
        yield
        return
    with tagger.artifact(c, operator):
        yield


# ---------------------------------------------------------------------------
# after reportlab: the structure tree with pikepdf
# ---------------------------------------------------------------------------
def _has_content(element: Element, memo: dict[int, bool]) -> bool:
    key = id(element)
    if key not in memo:
        memo[key] = any(isinstance(k, Mark) or _has_content(k, memo) for k in element.kids)
    return memo[key]


def write_structure(pdf: pikepdf.Pdf, tagger: Tagger, lang: str) -> None:
    """Add the structure tree, parent tree, role map, bookmarks and the page entries
    that ``tagger`` recorded to ``pdf`` (the file reportlab wrote)."""
    pages = [p.obj for p in pdf.pages]
    parents: list[list[Any]] = [[None] * len(marks) for marks in tagger.pages]
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    memo: dict[int, bool] = {}

    def build(element: Element, parent: Any) -> Any:
        d = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + element.tag),
                                         P=parent))  # fmt: skip
        kids: list[Any] = []
        first: int | None = None
        for kid in element.kids:
            if isinstance(kid, Mark):
                if first is None:
                    first = kid.page
                    d.Pg = pages[first]
                if kid.page == first:
                    kids.append(kid.mcid)
                else:
                    kids.append(Dictionary(Type=Name.MCR, Pg=pages[kid.page], MCID=kid.mcid))
                parents[kid.page][kid.mcid] = d
            elif _has_content(kid, memo):
                kids.append(build(kid, d))
        d.K = kids[0] if len(kids) == 1 and isinstance(kids[0], int) else Array(kids)
        if element.alt is not None:
            d.Alt = String(element.alt)
        if element.lang is not None:
            d.Lang = String(element.lang)
        attributes: list[Any] = []
        if element.scope is not None:
            attributes.append(Dictionary(O=Name.Table, Scope=Name("/" + element.scope)))
        if element.bbox is not None:
            attributes.append(Dictionary(O=Name.Layout, BBox=Array(list(element.bbox))))
        if attributes:
            d.A = attributes[0] if len(attributes) == 1 else Array(attributes)
        return d

    root.K = build(tagger.root, root)
    nums: list[Any] = []
    for index, refs in enumerate(parents):
        if index >= len(pages) or not refs:
            continue
        missing = [mcid for mcid, ref in enumerate(refs) if ref is None]
        if missing:  # an element without content cannot hold a drawn mark
            raise AssertionError(f"page {index + 1}: MCIDs {missing} belong to no element")
        nums.extend([index, pdf.make_indirect(Array(refs))])
        pages[index].StructParents = index
    for page in pages:
        page.Tabs = Name.S
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = len(pages)
    root.RoleMap = Dictionary({"/" + k: Name("/" + v) for k, v in ROLE_MAP.items()})
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.Lang = String(lang)
    _write_bookmarks(pdf, tagger.bookmarks)


def _write_bookmarks(pdf: pikepdf.Pdf, bookmarks: list[Bookmark]) -> None:
    if not bookmarks:
        return
    with pdf.open_outline() as outline:
        outline.root.clear()
        stack: list[tuple[int, Any]] = []
        for b in bookmarks:
            item = pikepdf.OutlineItem(b.title, b.page, "XYZ", left=0, top=round(b.top, 1))
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            if stack:
                stack[-1][1].children.append(item)
            else:
                outline.root.append(item)
            stack.append((b.level, item))
    pdf.Root.PageMode = Name.UseOutlines
