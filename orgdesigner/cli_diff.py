"""``orgdesigner diff OLD NEW``: what changes between two versions of a model (no Qt).

Exit code 0 when the models are equal, 1 when they differ, 2 when a file cannot be read.
Neither file is ever written. The JSON form is described in ``docs/cli.md``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from orgdesigner.errors import ModelFileError
from orgdesigner.i18n import current_language, pick

EXIT_EQUAL, EXIT_DIFFERENT, EXIT_INVALID = 0, 1, 2

_CHANGE_MARK = {"added": "+", "removed": "–", "changed": "Δ"}


def add_parser(sub: Any) -> None:
    diff = sub.add_parser(
        "diff",
        help=pick(
            "zwei Fassungen eines Modells vergleichen (bisher / künftig)",
            "compare two versions of a model (before / after)",
        ),
    )
    diff.add_argument("old", metavar="OLD", help=pick("bisherige Fassung", "current version"))
    diff.add_argument("new", metavar="NEW", help=pick("künftige Fassung", "proposed version"))
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument(
        "--positions",
        action="store_true",
        help=pick("auch verschobene Einheiten melden", "also report units that only moved"),
    )


def run(args: Any) -> int:
    from orgdesigner.compare import change_rows, compare, to_json, verdict_summary
    from orgdesigner.fileformat import load

    models = []
    for name in (args.old, args.new):
        try:
            models.append(load(Path(name)))
        except ModelFileError as exc:
            sys.stderr.write(pick("Fehler: ", "Error: ") + exc.message() + "\n")
            return EXIT_INVALID
    old, new = models
    result = compare(old, new, positions=args.positions)
    code = EXIT_EQUAL if result.equal else EXIT_DIFFERENT
    if args.format == "json":
        doc = {"old": args.old, "new": args.new, "language": current_language(), **to_json(result)}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return code
    out = [pick(f"bisher:  {args.old}", f"before: {args.old}"),
           pick(f"künftig: {args.new}", f"after:  {args.new}")]  # fmt: skip
    if result.equal:
        out.append(pick("Die beiden Fassungen sind gleich.", "The two versions are the same."))
        sys.stdout.write("\n".join(out) + "\n")
        return code
    rows = change_rows(result)
    headings = {
        "unit": pick("Einheiten", "Units"),
        "relation": pick("Beziehungen", "Relations"),
        "meta": pick("Angaben zum Modell", "Model data"),
    }
    for kind, heading in headings.items():
        group = [r for r in rows if r.kind == kind]
        if not group:
            continue
        out.append(f"\n{heading} ({len(group)}):")
        for r in group:
            mark = _CHANGE_MARK[r.change]
            if r.change == "added":
                out.append(f"  {mark} {r.after}")
            elif r.change == "removed":
                out.append(f"  {mark} {r.before}")
            else:
                what = r.what.split(": ", 1)[1] if kind == "meta" else r.what
                out.append(f"  {mark} {what}: {r.before}  →  {r.after}")
    out.append("\n" + pick("Prüfung: ", "Verdict: ") + verdict_summary(result))
    for label, findings in (
        (pick("entfällt", "resolved"), result.findings_resolved),
        (pick("kommt hinzu", "added"), result.findings_introduced),
    ):
        for f in findings:
            out.append(f"  {label}: {f.title()} ({f.citation.format()})")
    for note in result.notes:
        out.append(pick("Hinweis: ", "Note: ") + pick(note.de, note.en))
    sys.stdout.write("\n".join(out) + "\n")
    return code
