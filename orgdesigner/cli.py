"""The command line: ``orgdesigner [FILE]`` opens the GUI; subcommands work headless.

``check``, ``rules``, ``schema``, ``new``, ``export`` and ``layout`` never import Qt (a test
proves it).
Exit codes of ``check``: 0 clean, 1 findings at or above ``--fail-on``, 2 a file could
not be read. The JSON output is documented in ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from orgdesigner import FORMAT_VERSION, __version__
from orgdesigner.errors import ModelFileError, OrgDesignerError
from orgdesigner.i18n import current_language, pick, set_language, system_language

SUBCOMMANDS = ("check", "rules", "schema", "new", "export", "layout", "geometry", "diff", "import")

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def _t(de: str, en: str) -> str:
    return pick(de, en)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgdesigner",
        description=_t(
            "OrgDesigner – Organisationsmodelle für Smart-City-Vorhaben entwerfen, prüfen und "
            "drucken. Ohne Unterbefehl öffnet sich das Programm.",
            "OrgDesigner – design, check and print organisation models of smart-city "
            "programmes. Without a subcommand the program window opens.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"OrgDesigner {__version__} (file format {FORMAT_VERSION})",
    )
    parser.add_argument(
        "--lang", choices=("de", "en"), help=_t("Sprache der Ausgabe", "output language")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help=_t("Modelldateien prüfen", "check model files"))
    check.add_argument("files", nargs="+", metavar="FILE")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--fail-on",
        choices=("warning", "hint", "info", "never"),
        default="warning",
        help=_t(
            "ab welchem Schweregrad der Exit-Code 1 ist (Standard: warning)",
            "lowest severity that makes the exit code 1 (default: warning)",
        ),
    )

    rules = sub.add_parser(
        "rules",
        help=_t("alle Prüfregeln und Vor-/Nachteile auflisten", "list all rules and pros/cons"),
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")

    sub.add_parser(
        "schema",
        help=_t(
            "JSON-Schema des Dateiformats ausgeben", "print the JSON Schema of the file format"
        ),
    )

    new = sub.add_parser(
        "new", help=_t("neues Modell aus einer Vorlage", "new model from a template")
    )
    source = new.add_mutually_exclusive_group()
    source.add_argument("--template", metavar="NAME")
    source.add_argument(
        "--guided",
        metavar="ANSWERS.json",
        help=_t(
            "Modell aus den Antworten des geführten Starts (siehe docs/cli.md)",
            "model from the answers of the guided start (see docs/cli.md)",
        ),
    )
    new.add_argument("--list", action="store_true", help=_t("Vorlagen auflisten", "list templates"))
    new.add_argument("-o", "--output", metavar="FILE")
    new.add_argument(
        "--force",
        action="store_true",
        help=_t("vorhandene Datei überschreiben", "overwrite an existing file"),
    )

    geometry = sub.add_parser(
        "geometry",
        help=_t(
            "die Geometrie des Organigramms ausgeben (Bänder, Einheiten, Linienführung)",
            "print the chart's geometry (bands, units, relation routes)",
        ),
    )
    geometry.add_argument("file", metavar="FILE")
    geometry.add_argument("--format", choices=("text", "json"), default="text")
    geometry.add_argument(
        "--straight",
        action="store_true",
        help=_t("Beziehungen als gerade Linien", "relations as straight lines"),
    )

    export = sub.add_parser(
        "export",
        help=_t("Modell als PDF ausgeben (Anlage zur Ratsvorlage)", "export a model as PDF"),
    )
    export.add_argument("file", metavar="FILE")
    export.add_argument("-o", "--output", metavar="OUT.pdf", required=True)
    export.add_argument("--paper", choices=("a4", "a3"), default="a4")
    orientation = export.add_mutually_exclusive_group()
    orientation.add_argument(
        "--landscape",
        action="store_const",
        const=True,
        dest="landscape",
        help=_t("Querformat (sonst nach dem Seitenverhältnis des Organigramms)",
                "landscape orientation (default: by the chart's aspect ratio)"),
    )
    orientation.add_argument(
        "--portrait",
        action="store_const",
        const=False,
        dest="landscape",
        help=_t("Hochformat", "portrait orientation"),
    )
    export.add_argument(
        "--straight",
        action="store_true",
        help=_t("Beziehungen als gerade Linien statt rechtwinklig geführt",
                "relations as straight lines instead of orthogonal routes"),
    )
    export.add_argument(
        "--tiles",
        metavar="NxM",
        help=_t(
            "auf N×M Seiten kacheln (z. B. 2x1) oder „auto“ (Schrift bleibt ≥ 6 pt)",
            "tile over N×M pages (e.g. 2x1) or 'auto' (text stays ≥ 6 pt)",
        ),
    )
    export.add_argument(
        "--no-appendix",
        action="store_true",
        help=_t("ohne Anhang (Befunde, Vor-/Nachteile, Gliederung)", "without the appendix"),
    )
    export.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help=_t("Stand (Standard: Datum im Modell)", "date of the document (default: model date)"),
    )
    export.add_argument(
        "--anlage", metavar="N", default="", help=_t("Anlagen-Nr.", "attachment no.")
    )
    export.add_argument(
        "--vorlage", metavar="NR", default="", help=_t("Nr. der Ratsvorlage", "council paper no.")
    )
    export.add_argument(
        "--no-pdfa", action="store_true", help=_t("kein PDF/A (die Datei bleibt PDF/UA)", "no PDF/A (the file stays PDF/UA)")
    )
    export.add_argument(
        "--compare", metavar="OLD",
        help=_t("Gegenüberstellung: FILE (künftig) mit der bisherigen Fassung OLD vergleichen",
                "comparison: FILE (after) set against the previous version OLD (before)"),
    )  # fmt: skip
    _add_layout_parser(sub)
    from orgdesigner import cli_diff, cli_import

    cli_diff.add_parser(sub)
    cli_import.add_parser(sub)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="orgdesigner")
    parser.add_argument("--lang", choices=("de", "en"))
    parser.add_argument("files", nargs="*", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _early_lang(args_list)
    set_language(lang or system_language())
    first = _first_positional(args_list)
    if "--self-test" in args_list:
        return cmd_self_test()
    wants_cli = first in SUBCOMMANDS or any(a in ("-h", "--help", "--version") for a in args_list)
    if not wants_cli:
        gui_args = _gui_parser().parse_args(args_list)
        from orgdesigner.ui.app import run  # Qt is imported only here

        return int(run(gui_args.files, lang=lang))
    args = _parser().parse_args(args_list)
    if args.command == "check":
        return cmd_check(args.files, args.format, args.fail_on)
    if args.command == "rules":
        return cmd_rules(args.format)
    if args.command == "schema":
        from orgdesigner.fileformat import schema_text

        sys.stdout.write(schema_text())
        return EXIT_OK
    if args.command == "new":
        if args.guided:
            return cmd_new_guided(args.guided, args.output, force=args.force)
        return cmd_new(args.template, args.output, list_only=args.list, force=args.force)
    if args.command == "export":
        return cmd_export(args)
    if args.command == "geometry":
        return cmd_geometry(args.file, args.format, straight=args.straight)
    if args.command == "layout":
        return cmd_layout(args.file, args.output, keep_order=args.keep_order, one_row=args.one_row)
    if args.command == "diff":
        from orgdesigner import cli_diff

        return cli_diff.run(args)
    if args.command == "import":
        from orgdesigner import cli_import

        return cli_import.run(args)
    _parser().print_help()
    return EXIT_OK


def cmd_self_test() -> int:
    """Smoke test of an installed or frozen app: example model → rules → PDF → window.

    Prints one line per step and exits 0 when every step worked (used by
    ``packaging/build.sh`` and the Windows installer).
    """
    import tempfile
    import time

    from orgdesigner.export import PdfOptions, export_pdf
    from orgdesigner.fileformat import dumps, loads
    from orgdesigner.rules import count, evaluate
    from orgdesigner.templates import example_model

    steps: list[tuple[str, str]] = []
    started = time.perf_counter()
    try:
        model = loads(dumps(example_model()))
        steps.append(("model", f"{len(model.nodes)} units, {len(model.edges)} relations"))
        counts = count(evaluate(model))
        steps.append(("rules", ", ".join(f"{v} {k}" for k, v in counts.items())))
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "selftest.pdf"
            report = export_pdf(model, target, PdfOptions())
            size = target.stat().st_size
            steps.append(("pdf", f"{report.pages} page(s), {size} bytes"))
        from orgdesigner.ui.selftest import self_test_window  # Qt is imported only here

        steps.append(("window", self_test_window(model)))
    except Exception as exc:  # a smoke test reports any failure and exits non-zero
        for name, result in steps:
            sys.stdout.write(f"ok   {name}: {result}\n")
        sys.stdout.write(f"FAIL {type(exc).__name__}: {exc}\n")
        return EXIT_INVALID
    for name, result in steps:
        sys.stdout.write(f"ok   {name}: {result}\n")
    sys.stdout.write(f"self-test passed in {time.perf_counter() - started:.1f} s\n")
    return EXIT_OK


def _first_positional(args: list[str]) -> str | None:
    skip = False
    for a in args:
        if skip:
            skip = False
        elif a == "--lang":
            skip = True
        elif not a.startswith("-"):
            return a
    return None


def _early_lang(args: list[str]) -> str | None:
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return None


# ---------------------------------------------------------------------------
# check
# ---------------------------------------------------------------------------
_SEVERITY_NAMES = {
    "warning": ("Warnungen", "Warnings"),
    "hint": ("Hinweise", "Hints"),
    "info": ("Informationen", "Information"),
}
_FAIL_RANK = {"warning": 0, "hint": 1, "info": 2, "never": -1}


def cmd_check(files: Sequence[str], fmt: str, fail_on: str) -> int:
    from orgdesigner.fileformat import load
    from orgdesigner.rules import count, evaluate

    results: list[dict[str, Any]] = []
    exit_code = EXIT_OK
    for name in files:
        path = Path(name)
        try:
            model = load(path)
        except ModelFileError as exc:
            exit_code = EXIT_INVALID
            results.append({"file": name, "ok": False, "error": _error_json(exc)})
            if fmt == "text":
                sys.stderr.write(_t("Fehler: ", "Error: ") + exc.message() + "\n")
            continue
        findings = evaluate(model)
        counts = count(findings)
        limit = _FAIL_RANK[fail_on]
        failing = (
            any(not f.accepted and _FAIL_RANK[f.severity] <= limit for f in findings)
            if limit >= 0
            else False
        )
        if failing and exit_code == EXIT_OK:
            exit_code = EXIT_FINDINGS
        results.append(
            {
                "file": name,
                "ok": True,
                "error": None,
                "summary": {
                    "nodes": len(model.nodes),
                    "edges": len(model.edges),
                    **counts,
                    "accepted": sum(f.accepted for f in findings),
                },
                "findings": [f.to_json() for f in findings],
            }
        )
        if fmt == "text":
            _print_text(name, model, findings, counts)
    if fmt == "json":
        doc = {"orgdesigner": __version__, "language": current_language(), "files": results}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return exit_code


def _error_json(exc: OrgDesignerError) -> dict[str, Any]:
    return {"code": exc.code, "json_path": exc.json_path, "message": exc.message()}


def _print_text(name: str, model: Any, findings: list[Any], counts: dict[str, int]) -> None:
    out = sys.stdout
    out.write(
        f"{name}: "
        + _t(
            f"{len(model.nodes)} Einheiten, {len(model.edges)} Beziehungen – "
            f"{counts['warning']} Warnungen, {counts['hint']} Hinweise, {counts['info']} Informationen\n",
            f"{len(model.nodes)} units, {len(model.edges)} relations – "
            f"{counts['warning']} warnings, {counts['hint']} hints, {counts['info']} information\n",
        )
    )
    from orgdesigner.naming import subject_names

    names = subject_names(model)
    for severity, (de, en) in _SEVERITY_NAMES.items():
        group = [f for f in findings if f.severity == severity and not f.accepted]
        if not group:
            continue
        out.write(f"\n  {_t(de, en)} ({len(group)}):\n")
        for f in group:
            out.write(f"  - {f.title()}: {f.message()}\n")
            concerned = ", ".join(names.get(s, s) for s in f.subjects)
            out.write(
                f"      {_t('Quelle', 'Source')}: {f.citation.format()}"
                f" · {_t('betrifft', 'concerns')}: {concerned or _t('das ganze Modell', 'the whole model')}\n"
            )
    accepted = [f for f in findings if f.accepted]
    if accepted:
        out.write(f"\n  {_t('Bewusst angenommen', 'Deliberately accepted')} ({len(accepted)}):\n")
        for f in accepted:
            reason = model.suppressed_rules.get(f.rule_id, "")
            out.write(
                f"  - {f.title()}: {f.message()}\n      {_t('Begründung', 'Reason')}: {reason}\n"
            )
    out.write("\n")


# ---------------------------------------------------------------------------
# rules
# ---------------------------------------------------------------------------
def rules_document() -> dict[str, Any]:
    """Every rule and every form's pros/cons or characterisation, for audits."""
    from orgdesigner.catalog import catalog, guide
    from orgdesigner.rules import all_rules

    lang = current_language()
    content = guide()
    forms = []
    for form in catalog().forms:
        entry: dict[str, Any] = {
            "id": form.id,
            "level": form.level,
            "label": form.label.get(),
            "citation": form.citation.format(),
            "citations": form.citation.to_json(),
        }
        if form.id in content.pros_cons:
            pc = content.pros_cons[form.id]
            entry.update(
                {
                    "kind": "table",
                    "table": pc.table,
                    "source": pc.citation.format(),
                    "source_citations": pc.citation.to_json(),
                    "pros": [b.get(lang) for b in pc.pros],
                    "cons": [b.get(lang) for b in pc.cons],
                }
            )
        else:
            ch = content.characterisations[form.id]
            entry.update(
                {
                    "kind": "summary",
                    "source": ch.citation.format(),
                    "source_citations": ch.citation.to_json(),
                    "summary": ch.summary(),
                }
            )
        forms.append(entry)
    return {
        "rules": [
            {
                "id": r.id,
                "severity": r.severity,
                "title": r.title(),
                "description": r.description,
                "citation": r.citation.format(),
                "citations": r.citation.to_json(),
            }
            for r in all_rules().values()
        ],
        "forms": forms,
    }


def cmd_rules(fmt: str) -> int:
    doc = rules_document()
    if fmt == "json":
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    out = sys.stdout
    out.write(_t(f"Prüfregeln ({len(doc['rules'])})\n", f"Rules ({len(doc['rules'])})\n"))
    for r in doc["rules"]:
        out.write(
            f"\n[{r['id']}] ({r['severity']}) {r['title']} – {r['citation']}\n  {r['description']}\n"
        )
    out.write(_t("\n\nOrganisationsformen\n", "\n\nOrganisation forms\n"))
    for f in doc["forms"]:
        out.write(f"\n{f['label']} ({f['id']}) – {f['source']}\n")
        if f["kind"] == "table":
            for p in f["pros"]:
                out.write(f"  + {p}\n")
            for c in f["cons"]:
                out.write(f"  - {c}\n")
        else:
            out.write("  " + _t("Zusammenfassung: ", "Summary: ") + f["summary"] + "\n")
    return EXIT_OK


# ---------------------------------------------------------------------------
# new
# ---------------------------------------------------------------------------
def cmd_new_guided(answers: str, output: str | None, *, force: bool) -> int:
    """``new --guided ANSWERS.json -o FILE``: the guided start without the window."""
    from orgdesigner.fileformat import save
    from orgdesigner.guided import build, load_answers

    if output is None:
        sys.stderr.write(_t("Bitte mit -o DATEI angeben, wohin das Modell gespeichert wird.\n",
                            "Please give -o FILE to say where to save the model.\n"))  # fmt: skip
        return EXIT_INVALID
    target = Path(output)
    if target.exists() and not force:
        sys.stderr.write(_t(f"{target} gibt es schon; mit --force überschreiben.\n",
                            f"{target} exists; use --force to overwrite.\n"))  # fmt: skip
        return EXIT_INVALID
    try:
        guided = build(load_answers(Path(answers)), current_language())
        save(guided.model, target)
    except OrgDesignerError as exc:
        sys.stderr.write(exc.message() + "\n")
        return EXIT_INVALID
    for note in guided.notes:
        sys.stdout.write(_t("Ergänzt: ", "Added: ") + pick(note.de, note.en) + "\n")
    model = guided.model
    sys.stdout.write(_t(f"Gespeichert: {target} ({len(model.nodes)} Einheiten, {len(model.edges)} Beziehungen)\n",
                        f"Saved: {target} ({len(model.nodes)} units, {len(model.edges)} relations)\n"))  # fmt: skip
    return EXIT_OK


def cmd_new(template: str | None, output: str | None, *, list_only: bool, force: bool) -> int:
    from orgdesigner import templates
    from orgdesigner.fileformat import save

    available = templates.available()
    if list_only or template is None:
        for t in available.values():
            sys.stdout.write(f"{t.name:<28} {t.title()}\n{'':<28} {t.inspired()}\n")
        return EXIT_OK if list_only else EXIT_INVALID
    if template not in available:
        sys.stderr.write(
            _t(
                f"Unbekannte Vorlage „{template}“. Verfügbar: ",
                f"Unknown template '{template}'. Available: ",
            )
            + ", ".join(available)
            + "\n"
        )
        return EXIT_INVALID
    if output is None:
        sys.stderr.write(
            _t(
                "Bitte mit -o DATEI angeben, wohin das Modell gespeichert wird.\n",
                "Please give -o FILE to say where to save the model.\n",
            )
        )
        return EXIT_INVALID
    target = Path(output)
    if target.exists() and not force:
        sys.stderr.write(
            _t(
                f"{target} gibt es schon; mit --force überschreiben.\n",
                f"{target} exists; use --force to overwrite.\n",
            )
        )
        return EXIT_INVALID
    try:
        save(available[template].build(), target)
    except OrgDesignerError as exc:
        sys.stderr.write(exc.message() + "\n")
        return EXIT_INVALID
    sys.stdout.write(_t(f"Gespeichert: {target}\n", f"Saved: {target}\n"))
    return EXIT_OK


# ---------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------
def _parse_tiles(text: str | None) -> tuple[int, int] | str | None:
    if text is None:
        return None
    if text == "auto":
        return "auto"
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(p.isdigit() and 1 <= int(p) <= 12 for p in parts):
        raise ValueError(text)
    return int(parts[0]), int(parts[1])


def cmd_geometry(file: str, fmt: str, *, straight: bool = False) -> int:
    """Print the geometry every output draws (measured with the PDF's fonts)."""
    from orgdesigner.drawing import geometry
    from orgdesigner.export import fonts
    from orgdesigner.fileformat import load

    try:
        model = load(Path(file))
    except ModelFileError as exc:
        sys.stderr.write(_t("Fehler: ", "Error: ") + exc.message() + "\n")
        return EXIT_INVALID
    chart = geometry.compute(model, fonts.MEASURE, current_language(),
                             mode="straight" if straight else "orthogonal")  # fmt: skip
    data = chart.to_json()
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    x, y, w, h = data["extent"]
    out = [_t(f"Zeichnung: {w:g} × {h:g} pt ab ({x:g}, {y:g})",
              f"Drawing: {w:g} × {h:g} pt from ({x:g}, {y:g})")]  # fmt: skip
    for band in data["bands"]:
        out.append(f"  {band['level']:<15} top {band['top']:>8g}  height {band['height']:>7g}")
    for unit in data["units"]:
        bx, by, bw, bh = unit["box"]
        out.append(f"  {unit['id']}: [{bx:g}, {by:g}, {bw:g}, {bh:g}] " + " | ".join(unit["text"]))
    for rel in data["relations"]:
        pts = " → ".join(f"({px:g}, {py:g})" for px, py in rel["points"])
        out.append(f"  {rel['id']} ({rel['type']}, {rel['source']} → {rel['target']}): {pts}")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def _export_docx(model: Any, output: str, options: Any) -> int:
    """``export FILE -o OUT.docx``: the Word document for the council paper."""
    from orgdesigner.export.docx import export_docx

    try:
        report = export_docx(model, output, options)
    except (OSError, OrgDesignerError) as exc:
        sys.stderr.write(_t("Fehler beim Schreiben: ", "Error writing: ") + str(exc) + "\n")
        return EXIT_INVALID
    w, h = report.image_px
    sys.stdout.write(_t(
        f"Gespeichert: {output} ({report.headings} Überschriften, {report.tables} Tabellen, "
        f"Organigramm {w} × {h} Pixel)\n",
        f"Saved: {output} ({report.headings} headings, {report.tables} tables, chart "
        f"{w} × {h} pixels)\n",
    ))  # fmt: skip
    return EXIT_OK


def _export_comparison(args: argparse.Namespace, model: Any, options: Any) -> int:
    """``export NEW --compare OLD -o OUT.pdf``: the „Gegenüberstellung“ bisher / künftig.
    Neither model file is written; a file that cannot be read writes no output."""
    from orgdesigner.export.comparison import export_comparison
    from orgdesigner.fileformat import load

    if args.output.casefold().endswith(".docx") or args.tiles:
        sys.stderr.write(_t(
            "--compare gibt ein PDF aus, jede Fassung auf einer Seite (ohne --tiles).\n",
            "--compare writes a PDF with each version on one page (without --tiles).\n",
        ))  # fmt: skip
        return EXIT_INVALID
    try:
        old = load(Path(args.compare))
    except ModelFileError as exc:
        sys.stderr.write(_t("Fehler: ", "Error: ") + exc.message() + "\n")
        return EXIT_INVALID
    try:
        report = export_comparison(old, model, args.output, options)
    except (OSError, OrgDesignerError) as exc:
        sys.stderr.write(_t("Fehler beim Schreiben: ", "Error writing: ") + str(exc) + "\n")
        return EXIT_INVALID
    for message in report.messages:
        sys.stderr.write(message + "\n")
    size = f"{report.min_node_text_pt:.1f}"
    sys.stdout.write(_t(
        f"Gespeichert: {args.output} (Gegenüberstellung, {report.pages} Seiten: bisher, "
        f"künftig, Änderungen; kleinste Schrift der Einheiten {size.replace('.', ',')} pt)\n",
        f"Saved: {args.output} (comparison, {report.pages} pages: before, after, changes; "
        f"smallest unit text {size} pt)\n",
    ))  # fmt: skip
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    import datetime as dt

    from orgdesigner.export import PdfOptions, export_pdf
    from orgdesigner.fileformat import load

    try:
        tiles = _parse_tiles(args.tiles)
    except ValueError:
        sys.stderr.write(
            _t(
                f"--tiles erwartet NxM (z. B. 2x1, höchstens 12x12) oder auto, nicht „{args.tiles}“.\n",
                f"--tiles expects NxM (e.g. 2x1, at most 12x12) or auto, not '{args.tiles}'.\n",
            )
        )
        return EXIT_INVALID
    date = None
    if args.date:
        try:
            date = dt.date.fromisoformat(args.date)
        except ValueError:
            sys.stderr.write(
                _t(
                    f"--date erwartet JJJJ-MM-TT, nicht „{args.date}“.\n",
                    f"--date expects YYYY-MM-DD, not '{args.date}'.\n",
                )
            )
            return EXIT_INVALID
    try:
        model = load(Path(args.file))
    except ModelFileError as exc:
        sys.stderr.write(_t("Fehler: ", "Error: ") + exc.message() + "\n")
        return EXIT_INVALID
    options = PdfOptions(
        paper=args.paper,
        landscape=args.landscape,
        routing="straight" if args.straight else "orthogonal",
        tiles=tiles,  # type: ignore[arg-type]
        appendix=not args.no_appendix,
        lang=current_language(),
        date=date,
        attachment=args.anlage,
        paper_number=args.vorlage,
        pdfa=not args.no_pdfa,
    )
    if args.compare:
        return _export_comparison(args, model, options)
    if args.output.casefold().endswith(".docx"):
        return _export_docx(model, args.output, options)
    try:
        report = export_pdf(model, args.output, options)
    except (OSError, OrgDesignerError) as exc:
        sys.stderr.write(_t("Fehler beim Schreiben: ", "Error writing: ") + str(exc) + "\n")
        return EXIT_INVALID
    for message in report.messages:
        sys.stderr.write(message + "\n")
    size = f"{report.min_node_text_pt:.1f}"
    sys.stdout.write(
        _t(
            f"Gespeichert: {args.output} ({report.pages} Seiten, davon {report.chart_pages} "
            f"mit dem Organigramm; kleinste Schrift der Einheiten {size.replace('.', ',')} pt)\n",
            f"Saved: {args.output} ({report.pages} pages, {report.chart_pages} with the chart; "
            f"smallest unit text {size} pt)\n",
        )
    )
    return EXIT_OK


# ---------------------------------------------------------------------------
# layout
# ---------------------------------------------------------------------------
def _add_layout_parser(sub: Any) -> None:
    layout = sub.add_parser(
        "layout",
        help=_t("Einheiten automatisch anordnen und speichern", "auto-layout a model and save it"),
    )
    layout.add_argument("file", metavar="FILE")
    layout.add_argument(
        "-o", "--output", metavar="OUT", required=True,
        help=_t("Zieldatei (darf FILE selbst sein)", "output file (may be FILE itself)"),
    )  # fmt: skip
    layout.add_argument(
        "--keep-order", action="store_true",
        help=_t("Reihenfolge in jeder Ebene behalten, nur ausrichten",
                "keep every level's order, only tidy up"),
    )  # fmt: skip
    layout.add_argument(
        "--one-row", action="store_true",
        help=_t("jede Ebene in einer Zeile", "every level in one row"),
    )  # fmt: skip


def cmd_layout(file: str, output: str, *, keep_order: bool, one_row: bool) -> int:
    """Lay out ``file`` as the window's "Automatisch anordnen" does and save it to ``output``."""
    from orgdesigner.drawing.autolayout import a4_scale, auto_layout, chart_size
    from orgdesigner.fileformat import load, save
    from orgdesigner.style import NODE_FORM_PT

    try:
        model = load(Path(file))
    except ModelFileError as exc:
        sys.stderr.write(_t("Fehler: ", "Error: ") + exc.message() + "\n")
        return EXIT_INVALID
    positions = auto_layout(model, keep_order=keep_order, one_row=one_row)
    for i, n in enumerate(model.nodes):
        if n.id in positions:
            x, y = positions[n.id]
            model.nodes[i] = n.model_copy(update={"x": x, "y": y})
    try:
        save(model, output)
    except OrgDesignerError as exc:
        sys.stderr.write(_t("Fehler: ", "Error: ") + exc.message() + "\n")
        return EXIT_INVALID
    scale, landscape = a4_scale(*chart_size(model))
    text = f"{NODE_FORM_PT * scale:.1f}"
    sys.stdout.write(
        _t(
            f"Gespeichert: {output} ({len(positions)} von {len(model.nodes)} Einheiten verschoben; "
            f"auf A4 {'quer' if landscape else 'hoch'} kleinste Schrift {text.replace('.', ',')} pt)\n",
            f"Saved: {output} ({len(positions)} of {len(model.nodes)} units moved; on A4 "
            f"{'landscape' if landscape else 'portrait'} smallest unit text {text} pt)\n",
        )
    )
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
