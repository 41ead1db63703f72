"""Word export for the council paper (python-docx and pypdfium2, no Qt).

A Ratsvorlage is written in Word from the council's template, so the export uses Word's
built-in styles only – Title, Heading 1–3, List Bullet, Table Grid, Caption – and the
council's template restyles them. The document holds the title and the model's data, the
chart as an image at print resolution with its alt text, and the attachment's text (the
blocks of :mod:`orgdesigner.export.report`): findings, accepted findings, who does what,
pros and cons, answers, outline. The document language is de-DE (en-US for an English
export); title, author, subject and keywords are the core properties.

The chart image is the PDF's own chart page – the one geometry every output draws –
rasterised by PDFium (pypdfium2) at :data:`DPI`. The same model gives the same document
content: the properties' dates come from the model (or a fixed date), the image bytes from
a deterministic renderer.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any

from orgdesigner.drawing.page import PdfOptions
from orgdesigner.i18n import current_language, pick
from orgdesigner.model import OrgModel

DPI = 300
"""The chart image's resolution: print quality for a full-width figure."""
IMAGE_WIDTH_CM = 16.0
"""The chart's width on an A4 page with Word's default margins."""
MAX_IMAGE_HEIGHT_CM = 19.5
"""A tall chart is no higher, so heading, chart and caption share one page."""
FIXED_DATE = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
"""The properties' date when the model has none (the guide's date), so the content repeats."""
LANGUAGE = {"de": "de-DE", "en": "en-US"}


@dataclass(frozen=True)
class DocxReport:
    headings: int
    tables: int
    image_px: tuple[int, int]
    """the chart image's size in pixels"""


def chart_png(model: OrgModel, options: PdfOptions, dpi: int = DPI) -> tuple[bytes, tuple[int, int], float]:
    """The chart page of the PDF as a PNG at ``dpi``, its pixel size and its aspect (h / w)."""
    import pypdfium2  # only for the Word export

    from orgdesigner.export.pdf import page_plan, render

    single = replace(options, appendix=False, tiles=None, pdfa=False)
    data, _report = render(model, single)
    plan = page_plan(model, single)
    pdf = pypdfium2.PdfDocument(data)
    try:
        page = pdf[0]
        image = page.render(scale=dpi / 72, may_draw_forms=False).to_pil()
        page.close()
    finally:
        pdf.close()
    # the chart and its legend; the document has its own title, and no page footer
    ax, ay, aw, ah = plan.area
    _ox, oy = plan.origin(0, 0)
    top = max(ay, oy - 6.0)
    bottom = ay + ah + plan.legend_h
    k = dpi / 72
    image = image.crop((round(ax * k), round(top * k), round((ax + aw) * k), round(bottom * k)))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True, dpi=(dpi, dpi))
    return out.getvalue(), image.size, image.size[1] / image.size[0]


def _set_language(document: Any, tag: str) -> None:
    """The document's language: on the default run properties and the style sheet."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults"))
    if rpr_default is None:
        return
    rpr = rpr_default.find(qn("w:rPrDefault"))
    if rpr is None:
        rpr = OxmlElement("w:rPrDefault")
        rpr_default.append(rpr)
    props = rpr.find(qn("w:rPr"))
    if props is None:
        props = OxmlElement("w:rPr")
        rpr.append(props)
    lang = props.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        props.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), "ar-SA")


def _alt_text(picture: Any, title: str, text: str) -> None:
    """Word's alt text: ``descr`` and ``title`` of the drawing's ``docPr``."""
    from docx.oxml.ns import qn

    doc_pr = picture._inline.find(qn("wp:docPr"))
    doc_pr.set("descr", text)
    doc_pr.set("title", title)


def build(model: OrgModel, options: PdfOptions | None = None) -> tuple[Any, DocxReport]:
    """The Word document of ``model`` (a python-docx ``Document``) and what it holds."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    from orgdesigner.drawing.page import date_text, meta_line
    from orgdesigner.export import report
    from orgdesigner.export.alttext import chart_alt
    from orgdesigner.export.pdf import keywords_of, subject_of

    options = options or PdfOptions()
    lang = options.lang or current_language()
    options = replace(options, lang=lang)
    m = model.meta
    title = m.title or m.municipality or pick("Organisationsmodell", "Organisation model", lang)
    document = Document()
    _set_language(document, LANGUAGE.get(lang, "de-DE"))
    props = document.core_properties
    props.title = title
    props.author = m.author or "OrgDesigner"
    props.subject = subject_of(model, lang)
    props.keywords = keywords_of(model, lang)
    props.language = LANGUAGE.get(lang, "de-DE")
    props.comments = pick("Erstellt mit OrgDesigner nach der Arbeitshilfe des BBSR (2024).",
                          "Made with OrgDesigner after the BBSR guide (2024).", lang)  # fmt: skip
    day = options.date or m.date
    stamp = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC) if day else FIXED_DATE
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    props.last_modified_by = props.author

    headings = tables = 0
    document.add_heading(title, level=0)
    line = meta_line(model, options, lang)
    if line:
        document.add_paragraph(line, style="Subtitle")
    if options.attachment or options.paper_number:
        parts = []
        if options.paper_number:
            parts.append(pick("Ratsvorlage Nr. ", "Council paper no. ", lang) + options.paper_number)
        if options.attachment:
            parts.append(pick("Anlage ", "Attachment ", lang) + options.attachment)
        document.add_paragraph(" · ".join(parts))
    if m.description:
        document.add_paragraph(m.description)

    png, size, aspect = chart_png(model, options)
    width = Cm(min(IMAGE_WIDTH_CM, MAX_IMAGE_HEIGHT_CM / aspect))
    document.add_paragraph(pick("Organigramm", "Organisation chart", lang), style="Heading 1")
    headings += 1
    picture_paragraph = document.add_paragraph()
    picture_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture = picture_paragraph.add_run().add_picture(io.BytesIO(png), width=width)
    _alt_text(picture, title, chart_alt(model, lang, title, outline=True))
    document.add_paragraph(
        pick("Abbildung: Organigramm – ", "Figure: organisation chart – ", lang) + title
        + pick(". Quelle: eigene Darstellung nach BBSR (2024): Organisation und Management in "
               "smarten Städten und Regionen.",
               ". Source: own illustration after BBSR (2024): Organisation und Management in "
               "smarten Städten und Regionen.", lang),
        style="Caption",
    )  # fmt: skip
    if day:
        document.add_paragraph(pick("Stand: ", "As of: ", lang) + date_text(day, lang))

    for block in report.blocks(model, lang, _parts(options)):
        if isinstance(block, report.Heading):
            document.add_heading(block.text, level=min(3, block.level))
            headings += 1
        elif isinstance(block, report.Para):
            p = document.add_paragraph(block.text)
            if block.muted:
                p.runs[0].italic = True
        elif isinstance(block, report.Bullets):
            style = "List Bullet" if block.level == 1 else "List Bullet 2"
            for item in block.items:
                document.add_paragraph(item, style=style)
        elif isinstance(block, report.Table):
            if block.caption:
                document.add_paragraph(block.caption, style="Caption")
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            _repeat_header(table)
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            if block.widths:
                total = sum(block.widths)
                for k, w in enumerate(block.widths):
                    for row in table.rows:
                        row.cells[k].width = Cm(16.0 * w / total)
            tables += 1
    return document, DocxReport(headings, tables, size)


def _parts(options: PdfOptions) -> tuple[str, ...]:
    from orgdesigner.export import report

    if not options.appendix:
        return ()
    chosen = set(options.appendix_parts)
    wanted = [p for p in report.PARTS if p in chosen or p == "functions"]
    return tuple(wanted)


def _repeat_header(table: Any) -> None:
    """The header row repeats on every page and reads as the table's header."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def export_docx(
    model: OrgModel, target: str | Path | IO[bytes], options: PdfOptions | None = None
) -> DocxReport:
    """Write the Word document of ``model`` to ``target`` (a path is written atomically,
    with the permissions of any new file)."""
    document, result = build(model, options)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if isinstance(target, str | Path):
        from orgdesigner.fileformat import write_atomic

        write_atomic(Path(target), data, backup=False)
    else:
        target.write(data)
    return result
