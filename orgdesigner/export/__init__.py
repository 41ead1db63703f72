"""Export of organisation models (PDF for council papers). Reportlab and pikepdf, no Qt.

``export_pdf(model, path_or_stream, PdfOptions(...)) -> ExportReport``.
"""

from orgdesigner.export.pdf import (
    APPENDIX_PARTS,
    ExportReport,
    PagePlan,
    PdfOptions,
    export_pdf,
    page_plan,
    render,
)

__all__ = [
    "APPENDIX_PARTS",
    "ExportReport",
    "PagePlan",
    "PdfOptions",
    "export_pdf",
    "page_plan",
    "render",
]
