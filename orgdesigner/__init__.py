"""OrgDesigner: design, check and print the organisation of a smart-city programme.

The core package (this module, ``model``, ``commands``, ``fileformat``, ``catalog``,
``cli``) never imports Qt; the GUI lives in ``orgdesigner.ui`` and ``orgdesigner.canvas``.
"""

__version__ = "0.1.0"

FORMAT_NAME = "orgdesigner-model"
FORMAT_VERSION = 2
