"""The chart's geometry, computed once without Qt for every output.

The canvas, the PDF, the export preview and printing draw the same chart: bands, unit
boxes with their text lines, relation routes with arrowheads and label boxes, the legend
and the page strings are computed here (``geometry.py``, ``routing.py``, ``page.py``), the
units are placed here (``autolayout.py``, ``arrange.py``), and each output only turns the
result into its own paint calls. Text is measured through :class:`~.text.TextMeasure`,
which every output implements with its real font metrics.
"""
