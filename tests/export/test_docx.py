"""The Word export: real headings, lists and tables in Word's styles, the chart image with
its alt text, the title, the language and the core properties."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")
pytest.importorskip("pypdfium2")

from orgdesigner.cli import main  # noqa: E402
from orgdesigner.export.docx import DPI, export_docx  # noqa: E402
from orgdesigner.export.pdf import PdfOptions  # noqa: E402
from orgdesigner.templates import TEMPLATES  # noqa: E402


def _open(data: bytes):  # type: ignore[no-untyped-def]
    return docx.Document(io.BytesIO(data))


def _export(model, lang: str = "de") -> bytes:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    export_docx(model, out, PdfOptions(lang=lang))
    return out.getvalue()


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.name)
def test_every_template_exports_a_word_document(template) -> None:  # type: ignore[no-untyped-def]
    model = template.build()
    doc = _open(_export(model))
    styles = [p.style.name for p in doc.paragraphs]
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) >= 3
    assert {"Heading 1", "Heading 2"} <= set(styles) and "Title" in styles
    assert doc.paragraphs[0].text == model.meta.title
    assert "Prüfergebnisse" in headings and "Gliederung" in headings
    assert len(doc.tables) >= 1 and doc.tables[0].style.name == "Table Grid"
    assert doc.core_properties.title == model.meta.title
    assert doc.core_properties.language == "de-DE"
    labels = {n.label for n in model.nodes}
    text = "\n".join(p.text for p in doc.paragraphs)
    assert all(label in text for label in labels)  # the outline names every unit


def test_the_chart_image_has_print_resolution_and_alt_text() -> None:
    model = TEMPLATES[0].build()
    data = _export(model)
    doc = _open(data)
    (shape,) = doc.inline_shapes
    descr = shape._inline.docPr.get("descr")
    assert descr and "Einheiten" in descr and "Gliederung" in descr
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        (image,) = [n for n in z.namelist() if n.startswith("word/media/")]
        png = z.read(image)
    from PIL import Image

    picture = Image.open(io.BytesIO(png))
    width_inch = shape.width / 914400
    assert picture.width / width_inch >= DPI * 0.95  # at least 300 dpi as printed


def test_the_document_language_follows_the_export() -> None:
    model = TEMPLATES[0].build()
    with zipfile.ZipFile(io.BytesIO(_export(model, "en"))) as z:
        styles = z.read("word/styles.xml").decode("utf-8")
    assert 'w:val="en-US"' in styles
    doc = _open(_export(model, "en"))
    assert doc.core_properties.language == "en-US"
    assert "Check results" in [p.text for p in doc.paragraphs]
    with zipfile.ZipFile(io.BytesIO(_export(model, "de"))) as z:
        assert 'w:val="de-DE"' in z.read("word/styles.xml").decode("utf-8")


def test_the_function_matrix_is_a_table() -> None:
    model = TEMPLATES[0].build()
    doc = _open(_export(model))
    tables = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["Aufgabe", "wahrgenommen von"] in tables
    matrix = next(t for t in doc.tables if t.rows[0].cells[0].text == "Aufgabe")
    assert len(matrix.rows) == 19  # the header and the 18 functions
    first = [c.text for c in matrix.rows[1].cells]
    assert first[0].startswith("Grundsatzentscheidungen") and "Stadtrat" in first[1]


def test_same_model_same_content() -> None:
    model = TEMPLATES[1].build()
    a, b = _export(model), _export(model)
    with zipfile.ZipFile(io.BytesIO(a)) as za, zipfile.ZipFile(io.BytesIO(b)) as zb:
        assert sorted(za.namelist()) == sorted(zb.namelist())
        for name in za.namelist():
            assert za.read(name) == zb.read(name), name


def test_cli_exports_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "plan.orgmodel"
    assert main(["new", "--template", "matrix", "-o", str(source)]) == 0
    out = tmp_path / "anlage.docx"
    assert main(["--lang", "de", "export", str(source), "-o", str(out)]) == 0
    assert "anlage.docx" in capsys.readouterr().out
    doc = docx.Document(str(out))
    assert doc.paragraphs[0].text.startswith("Musterstadt")
    assert (out.stat().st_mode & 0o777) == 0o666 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask
