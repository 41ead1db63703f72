"""Turn reportlab's PDF into PDF/A-2 (and PDF/UA-1 when tagged) with pikepdf.

Reportlab has no PDF/A switch. After it has written the file, this module sets the
document info, writes XMP metadata that matches it (uncompressed metadata stream,
``pdfaid:part`` 2, ``pdfaid:conformance`` A for a tagged file, else B; for a tagged file
also ``pdfuaid:part`` 1 with the extension schema PDF/A asks for it), adds an sRGB
OutputIntent, the document language and "display the document title", writes the
structure tree that the tagger recorded (:func:`orgdesigner.export.tagged.write_structure`)
and saves with a content-derived file id so the bytes are deterministic.

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

from orgdesigner.export.tagged import Tagger, write_structure

OUTPUT_CONDITION = "sRGB IEC61966-2.1"
PDFA_PART = "2"
PDFA_CONFORMANCE = "B"
"""untagged: PDF/A-2b (visual appearance only)"""
PDFA_CONFORMANCE_TAGGED = "A"
"""tagged: PDF/A-2a (structure, language, Unicode text)"""
PDFUA_PART = "1"

PDFUA_EXTENSION = """<rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>part</pdfaProperty:name>
              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
              <pdfaProperty:category>internal</pdfaProperty:category>
              <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
            </rdf:li>
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>
"""
"""PDF/A allows XMP properties outside its predefined schemas only when the file
describes them: the description of ``pdfuaid:part`` (as ISO 14289-1 gives it)"""


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


def _describe_pdfuaid(pdf: pikepdf.Pdf) -> None:
    """Add the extension schema of ``pdfuaid`` to the XMP packet (uncompressed)."""
    stream = pdf.Root.Metadata
    xmp = stream.read_bytes().decode("utf-8")
    end = xmp.rindex("</rdf:RDF>")
    xmp = xmp[:end] + PDFUA_EXTENSION + xmp[end:]
    pdf.Root.Metadata = pdf.make_stream(xmp.encode("utf-8"), Type=Name.Metadata,
                                        Subtype=Name.XML)  # fmt: skip


def convert(data: bytes, info: DocInfo, pdfa: bool = True, tagger: Tagger | None = None) -> bytes:
    """Return ``data`` (a PDF) as PDF/A-2b – with ``tagger`` tagged, as PDF/A-2a and
    PDF/UA-1 – with ``info`` as document info and XMP.

    With ``pdfa=False`` a tagged file keeps its PDF/UA-1 identification and metadata
    but claims no PDF/A (no OutputIntent); an untagged one only gets its ToUnicode maps
    repaired. The file id is always derived from the content.
    """
    with pikepdf.open(io.BytesIO(data)) as pdf:
        fix_to_unicode(pdf)
        if tagger is not None:
            write_structure(pdf, tagger, info.lang)
        if not pdfa and tagger is None:
            out = io.BytesIO()
            pdf.save(out, deterministic_id=True)
            return out.getvalue()
        # PDF/A and PDF/UA both need the title in the info and the XMP metadata
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
            if pdfa:
                meta["pdfaid:part"] = PDFA_PART
                meta["pdfaid:conformance"] = (
                    PDFA_CONFORMANCE_TAGGED if tagger is not None else PDFA_CONFORMANCE
                )
            if tagger is not None:
                meta["pdfuaid:part"] = PDFUA_PART
            meta["dc:language"] = [info.lang]
        if tagger is not None and pdfa:
            _describe_pdfuaid(pdf)
        if pdfa:
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
            # the structure tree is thousands of small objects: object streams (allowed
            # from PDF/A-2 on) compress them, a 1,000-unit export 1.5 MB → 0.5 MB
            object_stream_mode=pikepdf.ObjectStreamMode.generate
            if tagger is not None
            else pikepdf.ObjectStreamMode.disable,
            compress_streams=True,
            fix_metadata_version=False,
        )
    return out.getvalue()
