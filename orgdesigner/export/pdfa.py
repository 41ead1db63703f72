"""Turn reportlab's PDF into PDF/A-2b with pikepdf.

Reportlab has no PDF/A switch. After it has written the file, this module sets the
document info, writes XMP metadata that matches it (uncompressed metadata stream,
``pdfaid:part`` 2, ``pdfaid:conformance`` B), adds an sRGB OutputIntent, the document
language and "display the document title", and saves with a content-derived file id so
the bytes are deterministic.

The sRGB ICC profile is built in memory by LittleCMS (``PIL.ImageCms``), no file is
shipped; its creation date (the only varying part) is fixed and its profile id
recomputed, so the profile's bytes never change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import struct
from dataclasses import dataclass
from functools import cache
from typing import Any

import pikepdf
from pikepdf import Dictionary, Name, String

OUTPUT_CONDITION = "sRGB IEC61966-2.1"
PDFA_PART = "2"
PDFA_CONFORMANCE = "B"


@dataclass(frozen=True)
class DocInfo:
    title: str
    author: str
    subject: str
    keywords: str
    creator: str
    date: dt.date | None
    lang: str


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile with fixed bytes (LittleCMS's built-in sRGB)."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # header bytes 24–35: creation date/time (six uint16) → fixed 2000-01-01 00:00:00
    data[24:36] = struct.pack(">6H", 2000, 1, 1, 0, 0, 0)
    if data[84:100] != bytes(16) or data[8] >= 4:
        # ICC v4 profile id: MD5 with flags, rendering intent and id zeroed
        tmp = bytearray(data)
        tmp[44:48] = bytes(4)
        tmp[64:68] = bytes(4)
        tmp[84:100] = bytes(16)
        data[84:100] = hashlib.md5(bytes(tmp), usedforsecurity=False).digest()
    return bytes(data)


def _pdf_date(date: dt.date) -> str:
    return date.strftime("D:%Y%m%d000000Z")


_BFCHAR = re.compile(rb"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _utf16_hex(match: re.Match[bytes]) -> bytes:
    code = int(match.group(2), 16)
    hi = 0xD800 + ((code - 0x10000) >> 10)
    lo = 0xDC00 + ((code - 0x10000) & 0x3FF)
    return b"<%s> <%04X%04X>" % (match.group(1), hi, lo)


def fix_to_unicode(pdf: pikepdf.Pdf) -> None:
    """Repair reportlab's ToUnicode maps for characters beyond U+FFFF (emoji).

    Reportlab writes ``<01> <1F600>``, an odd-length UTF-16 value that extractors
    reject; the CMap needs the surrogate pair ``<D83DDE00>``.
    """
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        fonts: Any = page.Resources.get("/Font", {})
        for font in fonts.values():
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in seen:
                continue
            seen.add(cmap.objgen)
            raw = cmap.read_bytes()
            fixed = _BFCHAR.sub(_utf16_hex, raw)
            if fixed != raw:
                cmap.write(fixed)


def convert(data: bytes, info: DocInfo, pdfa: bool = True) -> bytes:
    """Return ``data`` (a PDF) as PDF/A-2b with ``info`` as document info and XMP.

    With ``pdfa=False`` only the ToUnicode maps are repaired and the file id made
    deterministic.
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fix_to_unicode(pdf)
        if not pdfa:
            out = io.BytesIO()
            pdf.save(out, deterministic_id=True)
            return out.getvalue()
        docinfo = Dictionary(Producer=String("OrgDesigner (reportlab, pikepdf)"))
        # empty entries are left out: an empty Author would become an empty dc:creator
        for key, value in (("/Title", info.title), ("/Author", info.author),
                           ("/Subject", info.subject), ("/Keywords", info.keywords),
                           ("/Creator", info.creator)):  # fmt: skip
            if value:
                docinfo[key] = String(value)
        if info.date is not None:
            docinfo.CreationDate = String(_pdf_date(info.date))
            docinfo.ModDate = String(_pdf_date(info.date))
        pdf.trailer.Info = pdf.make_indirect(docinfo)
        pdf.Root.Lang = String(info.lang)
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        if Name.Metadata in pdf.Root:
            del pdf.Root.Metadata
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta.load_from_docinfo(pdf.docinfo, delete_missing=False, raise_failure=False)
            meta["pdfaid:part"] = PDFA_PART
            meta["pdfaid:conformance"] = PDFA_CONFORMANCE
            meta["dc:language"] = [info.lang]
        profile = pdf.make_stream(srgb_profile())
        profile.N = 3
        intent = Dictionary(
            Type=Name.OutputIntent,
            S=Name.GTS_PDFA1,
            OutputConditionIdentifier=String(OUTPUT_CONDITION),
            RegistryName=String("http://www.color.org"),
            Info=String(OUTPUT_CONDITION),
            DestOutputProfile=profile,
        )
        pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            compress_streams=True,
            fix_metadata_version=False,
        )
    return out.getvalue()
