"""The canvas: scene, items and view (Qt). The scene follows the document model."""

from orgdesigner.canvas.qt_guard import install as _install_qt_guard

_install_qt_guard()
