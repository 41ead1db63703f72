"""``orgdesigner import FILE.csv|FILE.xlsx -o OUT``: a model from a list of units (no Qt).

Exit code 0 when the model was written, 2 when the file cannot be imported (every problem
with its row and column on standard error) or the output exists without ``--force``; then
nothing is written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from orgdesigner.errors import OrgDesignerError
from orgdesigner.i18n import pick

EXIT_OK, EXIT_INVALID = 0, 2


def add_parser(sub: Any) -> None:
    imp = sub.add_parser(
        "import",
        help=pick(
            "Einheitenliste (CSV oder Excel) als Modell übernehmen",
            "make a model from a list of units (CSV or Excel)",
        ),
    )
    imp.add_argument("file", metavar="FILE", help=pick("CSV- oder XLSX-Datei", "CSV or XLSX file"))
    imp.add_argument("-o", "--output", metavar="OUT", required=True)
    imp.add_argument("--title", default="", help=pick("Titel des Modells", "the model's title"))
    imp.add_argument(
        "--force",
        action="store_true",
        help=pick("vorhandene Datei überschreiben", "overwrite an existing file"),
    )


def run(args: Any) -> int:
    from orgdesigner.fileformat import save
    from orgdesigner.importer import import_file

    target = Path(args.output)
    if target.exists() and not args.force:
        sys.stderr.write(pick(f"{target} gibt es schon; mit --force überschreiben.\n",
                              f"{target} exists; use --force to overwrite.\n"))  # fmt: skip
        return EXIT_INVALID
    try:
        model = import_file(Path(args.file), title=args.title)
        save(model, target)
    except OrgDesignerError as exc:
        sys.stderr.write(exc.message() + "\n")
        return EXIT_INVALID
    sys.stdout.write(pick(
        f"Gespeichert: {target} ({len(model.nodes)} Einheiten, {len(model.edges)} Beziehungen)\n",
        f"Saved: {target} ({len(model.nodes)} units, {len(model.edges)} relations)\n",
    ))  # fmt: skip
    return EXIT_OK
