<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>Accessibility</name>
    <message>
        <source>Organisationsformen nach Ebenen. Eingabe fügt die gewählte Form in die Zeichenfläche ein.</source>
        <translation>Organisation forms by level. Enter inserts the selected form into the canvas.</translation>
    </message>
    <message>
        <source>Eigenschaften der Auswahl; ohne Auswahl die Angaben zum Modell.</source>
        <translation>Properties of the selection; without a selection, the details of the model.</translation>
    </message>
    <message>
        <source>Bisherige Bearbeitungsschritte; ein Schritt in der Liste stellt diesen Stand wieder her.</source>
        <translation>Editing steps so far; a step in the list restores that state.</translation>
    </message>
    <message>
        <source>Befunde der Prüfung nach der Arbeitshilfe des BBSR. Eingabe zeigt die betroffenen Einheiten.</source>
        <translation>Findings of the check against the BBSR guide. Enter shows the units concerned.</translation>
    </message>
    <message>
        <source>Leitfragen der Arbeitshilfe mit Ihren Antworten.</source>
        <translation>Guiding questions of the guide with your answers.</translation>
    </message>
    <message>
        <source>Was die Arbeitshilfe zur Auswahl sagt.</source>
        <translation>What the guide says about the selection.</translation>
    </message>
    <message>
        <source>Welche Einheit welche Aufgabe der Arbeitshilfe wahrnimmt; ein Klick in ein Feld überträgt die Aufgabe oder nimmt sie weg.</source>
        <translation>Which unit holds which function of the guide; a click in a cell gives the function to the unit or takes it away.</translation>
    </message>
    <message>
        <source>Was sich gegenüber der anderen Fassung ändert. Eingabe zeigt die Änderung in der Zeichenfläche.</source>
        <translation>What changes against the other version. Enter shows the change on the canvas.</translation>
    </message>
    <message>
        <source>Zeichenfläche</source>
        <translation>Canvas</translation>
    </message>
    <message>
        <source>Befunde der Prüfung</source>
        <translation>Findings of the check</translation>
    </message>
    <message>
        <source>Verlauf der Bearbeitung</source>
        <translation>Editing history</translation>
    </message>
    <message>
        <source>keine bestimmte Form</source>
        <translation>no specific form</translation>
    </message>
    <message>
        <source>keine Befunde</source>
        <translation>no findings</translation>
    </message>
    <message>
        <source>1 Befund</source>
        <translation>1 finding</translation>
    </message>
    <message>
        <source>{0} Befunde</source>
        <translation>{0} findings</translation>
    </message>
    <message>
        <source>Einheit „{0}“ – Ebene: {1}, Organisationsform: {2}, {3}</source>
        <translation>Unit “{0}” – level: {1}, organisation form: {2}, {3}</translation>
    </message>
    <message>
        <source>Beziehung „{0}“ von „{1}“ nach „{2}“</source>
        <translation>Relation “{0}” from “{1}” to “{2}”</translation>
    </message>
    <message>
        <source>{0} Einheiten und {1} Beziehungen ausgewählt</source>
        <translation>{0} units and {1} relations selected</translation>
    </message>
    <message>
        <source>Nichts ausgewählt; {0} Einheiten. Tab wählt die erste Einheit.</source>
        <translation>Nothing selected; {0} units. Tab selects the first unit.</translation>
    </message>
</context>
<context>
    <name>AdvisoryPage</name>
    <message>
        <source>Beiräte</source>
        <translation>Advisory boards</translation>
    </message>
    <message>
        <source>Welche Beiräte sollen das Vorhaben beraten? Sie beraten die Spitze des Vorhabens; keiner ist Pflicht.</source>
        <translation>Which advisory boards shall advise the programme? They advise its top; none is required.</translation>
    </message>
</context>
<context>
    <name>AnswerEdit</name>
    <message>
        <source>Ihre Antwort oder Notiz …</source>
        <translation>Your answer or note …</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Eine automatische Sicherung konnte nicht gelesen werden. Sie bleibt im Ordner {0} erhalten.</source>
        <translation>An automatic backup could not be read. It is kept in the folder {0}.</translation>
    </message>
</context>
<context>
    <name>BodiesPage</name>
    <message>
        <source>Politik und Spitze</source>
        <translation>Politics and top</translation>
    </message>
    <message>
        <source>Welche politischen und strategischen Gremien gibt es schon oder soll es geben?</source>
        <translation>Which political and strategic bodies exist already or shall exist?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Politische Ebene&lt;/b&gt;</source>
        <translation>&lt;b&gt;Political level&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Der Rat entscheidet: Er beschließt die Smart-City-Strategie, erteilt den Auftrag und stellt die Mittel bereit. Fehlt er hier, wird er ergänzt.</source>
        <translation>The council decides: it adopts the smart-city strategy, gives the mandate and provides the funds. If it is left out here, it is added.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Strategische Ebene&lt;/b&gt;</source>
        <translation>&lt;b&gt;Strategic level&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Die Verwaltungsspitze macht Smart City zur Chefsache; ein Lenkungskreis trifft die strategischen Entscheidungen.</source>
        <translation>The head of administration makes smart city a matter for the top; a steering committee takes the strategic decisions.</translation>
    </message>
</context>
<context>
    <name>ChangeMarkers</name>
    <message>
        <source>Neu (künftig)</source>
        <translation>New (proposed)</translation>
    </message>
    <message>
        <source>Geändert</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Entfällt (bisher)</source>
        <translation>Removed (current)</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>{0} ausgewählte Einheiten als Bild kopiert (SVG, PNG, PDF) – in Word oder PowerPoint einfügen</source>
        <translation>{0} selected units copied as a picture (SVG, PNG, PDF) – paste into Word or PowerPoint</translation>
    </message>
    <message>
        <source>Organigramm als Bild kopiert (SVG, PNG, PDF) – in Word oder PowerPoint einfügen</source>
        <translation>Chart copied as a picture (SVG, PNG, PDF) – paste into Word or PowerPoint</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Vergleichen mit …</source>
        <translation>Compare with …</translation>
    </message>
    <message>
        <source>Entfällt bei der Prüfung ({0})</source>
        <translation>Resolved in the check ({0})</translation>
    </message>
    <message>
        <source>Kommt bei der Prüfung hinzu ({0})</source>
        <translation>Added to the check ({0})</translation>
    </message>
    <message>
        <source>Einheiten ({0})</source>
        <translation>Units ({0})</translation>
    </message>
    <message>
        <source>Beziehungen ({0})</source>
        <translation>Relations ({0})</translation>
    </message>
    <message>
        <source>Angaben zum Modell ({0})</source>
        <translation>Model data ({0})</translation>
    </message>
    <message>
        <source>Neu (künftig): {0}</source>
        <translation>New (proposed): {0}</translation>
    </message>
    <message>
        <source>Entfällt (bisher): {0}</source>
        <translation>Removed (current): {0}</translation>
    </message>
    <message>
        <source>Hinweise zum Abgleich ({0})</source>
        <translation>Notes on the matching ({0})</translation>
    </message>
    <message>
        <source>Keine Änderungen: beide Fassungen sind gleich.</source>
        <translation>No changes: both versions are the same.</translation>
    </message>
    <message>
        <source>Vergleich beenden</source>
        <translation>End comparison</translation>
    </message>
    <message>
        <source>Die Markierungen entfernen; das Modell bleibt, wie es ist</source>
        <translation>Remove the marks; the model stays as it is</translation>
    </message>
    <message>
        <source>Kein Vergleich</source>
        <translation>No comparison</translation>
    </message>
    <message>
        <source>Datei → „Vergleichen mit …“ zeigt, was sich gegenüber einer anderen Fassung ändert.</source>
        <translation>File → “Compare with …” shows what changes against another version.</translation>
    </message>
    <message>
        <source>Prüfung: {0}</source>
        <translation>Check: {0}</translation>
    </message>
    <message>
        <source>Bisher: {0} · Künftig: das geöffnete Modell</source>
        <translation>Current: {0} · Proposed: the open model</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Verbinden mit …</source>
        <translation>Connect to …</translation>
    </message>
    <message>
        <source>Neue Beziehung von „{0}“ zu:</source>
        <translation>New relation from “{0}” to:</translation>
    </message>
    <message>
        <source>Einheit suchen …</source>
        <translation>Search units …</translation>
    </message>
    <message>
        <source>Einheit suchen</source>
        <translation>Search units</translation>
    </message>
    <message>
        <source>Einheiten, mit denen verbunden werden kann</source>
        <translation>Units that can be connected</translation>
    </message>
    <message>
        <source>Einheit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Ebene</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Vorgeschlagene Beziehung</source>
        <translation>Proposed relation</translation>
    </message>
    <message>
        <source>Die Art der Beziehung wird wie beim Ziehen vorgeschlagen und ist danach im Eigenschaftenbereich änderbar.</source>
        <translation>The type of relation is proposed as when dragging; you can change it afterwards under Properties.</translation>
    </message>
    <message>
        <source>Verbinden</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Die Änderung ist nicht möglich: {0}</source>
        <translation>This change is not possible: {0}</translation>
    </message>
    <message>
        <source>Beziehung „{0}“ angelegt – im Eigenschaftenbereich änderbar.</source>
        <translation>Relation “{0}” created – you can change it in the Properties panel.</translation>
    </message>
    <message>
        <source>Die Zwischenablage enthält keine lesbaren Einheiten.</source>
        <translation>The clipboard contains no readable units.</translation>
    </message>
    <message>
        <source>Einfügen nicht möglich: {0}</source>
        <translation>Cannot paste: {0}</translation>
    </message>
</context>
<context>
    <name>CoordinationPage</name>
    <message>
        <source>Koordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <source>Wer koordiniert das Vorhaben? Darunter stehen die Vorzüge und Nachteile, die der Leitfaden nennt.</source>
        <translation>Who coordinates the programme? Below are the advantages and disadvantages the guide names.</translation>
    </message>
    <message>
        <source>&amp;Stabsstelle</source>
        <translation>&amp;Staff unit</translation>
    </message>
    <message>
        <source>&amp;Amt</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <source>Aus&amp;gelagerte Rechtsform</source>
        <translation>Outsourced &amp;entity</translation>
    </message>
    <message>
        <source>Stabsstelle &amp;+ ausgelagerte Rechtsform</source>
        <translation>Staff unit &amp;+ outsourced entity</translation>
    </message>
    <message>
        <source>&amp;Noch keine</source>
        <translation>None ye&amp;t</translation>
    </message>
    <message>
        <source>Noch keine Koordination</source>
        <translation>No coordination yet</translation>
    </message>
    <message>
        <source>Organisationsverständnis {0}: {1}</source>
        <translation>Organisational understanding {0}: {1}</translation>
    </message>
    <message>
        <source>Vorzüge</source>
        <translation>Advantages</translation>
    </message>
    <message>
        <source>Nachteile</source>
        <translation>Disadvantages</translation>
    </message>
    <message>
        <source>Leitfaden, {0}</source>
        <translation>Guide, {0}</translation>
    </message>
</context>
<context>
    <name>CoveragePanel</name>
    <message>
        <source>{0} nimmt „{1}“ wahr. Klicken nimmt die Aufgabe weg.</source>
        <translation>{0} holds “{1}”. Click to take the function away.</translation>
    </message>
    <message>
        <source>{0} nimmt „{1}“ nicht wahr. Klicken überträgt die Aufgabe.</source>
        <translation>{0} does not hold “{1}”. Click to assign the function.</translation>
    </message>
    <message>
        <source>{0} ({1}) – klicken wählt die Einheit aus.</source>
        <translation>{0} ({1}) – click to select the unit.</translation>
    </message>
    <message>
        <source>(wesentlich)</source>
        <translation>(essential)</translation>
    </message>
    <message>
        <source>nicht besetzt</source>
        <translation>not held</translation>
    </message>
    <message>
        <source>Wahrgenommen von: {0}</source>
        <translation>Held by: {0}</translation>
    </message>
    <message>
        <source>Keine Einheit nimmt diese Aufgabe wahr.</source>
        <translation>No unit holds this function.</translation>
    </message>
    <message>
        <source>Klicken wählt die Einheiten aus, die sie wahrnehmen.</source>
        <translation>Click to select the units that hold it.</translation>
    </message>
    <message>
        <source>Noch keine Einheiten. Sobald Einheiten da sind, zeigt die Tabelle, welche Einheit welche Aufgabe der Arbeitshilfe wahrnimmt.</source>
        <translation>No units yet. Once there are units, the table shows which unit holds which function of the guide.</translation>
    </message>
    <message>
        <source>Jede Aufgabe der Arbeitshilfe ist mindestens einer Einheit zugeordnet.</source>
        <translation>Every function of the guide is held by at least one unit.</translation>
    </message>
    <message>
        <source>Aufgaben ohne Einheit: {0} (markiert: „nicht besetzt“).</source>
        <translation>Functions held by no unit: {0} (marked “not held”).</translation>
    </message>
    <message>
        <source>Ein Klick in ein Feld überträgt die Aufgabe oder nimmt sie weg.</source>
        <translation>A click in a cell assigns the function or takes it away.</translation>
    </message>
    <message>
        <source>Aufgaben und Einheiten</source>
        <translation>Functions and units</translation>
    </message>
    <message>
        <source>Zeilen: die Aufgaben der Arbeitshilfe nach Ebenen; Spalten: die Einheiten. Ein Haken heißt: die Einheit nimmt die Aufgabe wahr. Leertaste überträgt die Aufgabe oder nimmt sie weg.</source>
        <translation>Rows: the guide&apos;s functions by level; columns: the units. A tick means the unit holds the function. Space assigns the function or takes it away.</translation>
    </message>
</context>
<context>
    <name>ExportButtons</name>
    <message>
        <source>Exportieren …</source>
        <translation>Export …</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Als PDF exportieren</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <source>Seite</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>A3</source>
        <translation>A3</translation>
    </message>
    <message>
        <source>Hochformat</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Querformat</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <source>Auf eine Seite anpassen</source>
        <translation>Fit to one page</translation>
    </message>
    <message>
        <source>Automatisch kacheln (Schrift mindestens {0} pt)</source>
        <translation>Tile automatically (text at least {0} pt)</translation>
    </message>
    <message>
        <source>Kacheln:</source>
        <translation>Tiles:</translation>
    </message>
    <message>
        <source>Spalten (Seiten nebeneinander)</source>
        <translation>Columns (pages side by side)</translation>
    </message>
    <message>
        <source>Zeilen (Seiten untereinander)</source>
        <translation>Rows (pages one below the other)</translation>
    </message>
    <message>
        <source>Spalten × Zeilen</source>
        <translation>Columns × rows</translation>
    </message>
    <message>
        <source>Papier:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>Ausrichtung:</source>
        <translation>Orientation:</translation>
    </message>
    <message>
        <source>Aufteilung:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <source>Angaben für die Ratsvorlage</source>
        <translation>Details for the council paper</translation>
    </message>
    <message>
        <source>dd.MM.yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>z. B. 3</source>
        <translation>e.g. 3</translation>
    </message>
    <message>
        <source>z. B. 2025/0123</source>
        <translation>e.g. 2025/0123</translation>
    </message>
    <message>
        <source>Stand:</source>
        <translation>As of:</translation>
    </message>
    <message>
        <source>Anlage-Nr.:</source>
        <translation>Annex no.:</translation>
    </message>
    <message>
        <source>Vorlage-Nr.:</source>
        <translation>Paper no.:</translation>
    </message>
    <message>
        <source>Anhang</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <source>Prüfergebnisse</source>
        <translation>Check results</translation>
    </message>
    <message>
        <source>Bewusst angenommene Befunde</source>
        <translation>Deliberately accepted findings</translation>
    </message>
    <message>
        <source>Wer macht was (Aufgaben)</source>
        <translation>Who does what (functions)</translation>
    </message>
    <message>
        <source>Vorzüge und Nachteile</source>
        <translation>Pros and cons</translation>
    </message>
    <message>
        <source>Antworten auf die Leitfragen</source>
        <translation>Answers to the guiding questions</translation>
    </message>
    <message>
        <source>Gliederung</source>
        <translation>Outline</translation>
    </message>
    <message>
        <source>Was die Prüfung nach dem BBSR-Leitfaden ergibt, mit Fundstellen</source>
        <translation>What the check against the BBSR guide finds, with references</translation>
    </message>
    <message>
        <source>Abgeschaltete Prüfregeln mit ihrer Begründung</source>
        <translation>Rules switched off, with their reasons</translation>
    </message>
    <message>
        <source>Welche Einheit welche Aufgabe der Steuerung, Koordination und Umsetzung wahrnimmt (Tabelle 1 des Leitfadens)</source>
        <translation>Which unit holds which function of steering, coordination and implementation (table 1 of the guide)</translation>
    </message>
    <message>
        <source>Vorzüge und Nachteile der verwendeten Organisationsformen (Tabellen 2–8 des Leitfadens)</source>
        <translation>Pros and cons of the organisation forms used (tables 2–8 of the guide)</translation>
    </message>
    <message>
        <source>Ihre Antworten auf die Leitfragen des Leitfadens</source>
        <translation>Your answers to the guide’s guiding questions</translation>
    </message>
    <message>
        <source>Ebenen, Einheiten und Beziehungen als Text (barrierearm)</source>
        <translation>Levels, units and relations as text (accessible)</translation>
    </message>
    <message>
        <source>PDF/A-2a (für die Langzeitarchivierung)</source>
        <translation>PDF/A-2a (for long-term archiving)</translation>
    </message>
    <message>
        <source>Schriften eingebettet, Farbprofil und Metadaten, wie es Ratsinformationssysteme verlangen</source>
        <translation>Fonts embedded, colour profile and metadata, as council information systems require</translation>
    </message>
    <message>
        <source>Als Gegenüberstellung mit „{0}“ (bisher / künftig)</source>
        <translation>As a comparison with “{0}” (before / after)</translation>
    </message>
    <message>
        <source>Beide Fassungen im selben Maßstab, die künftige mit den Änderungen markiert, dazu die Tabelle „Was sich ändert“ und was sich an der Prüfung ändert</source>
        <translation>Both versions at the same scale, the new one with the changes marked, then the table “What changes” and what changes in the check</translation>
    </message>
    <message>
        <source>Organigramm auf 1 Seite</source>
        <translation>Organisation chart on 1 page</translation>
    </message>
    <message>
        <source>Organigramm auf {0} Seiten ({1} × {2} Kacheln)</source>
        <translation>Organisation chart on {0} pages ({1} × {2} tiles)</translation>
    </message>
    <message>
        <source> + 1 Seite Anhang</source>
        <translation> + 1 page appendix</translation>
    </message>
    <message>
        <source> + {0} Seiten Anhang</source>
        <translation> + {0} pages appendix</translation>
    </message>
    <message>
        <source> + Anhang (Seitenzahl unbekannt: {0})</source>
        <translation> + appendix (page count unknown: {0})</translation>
    </message>
    <message>
        <source> + Anhang</source>
        <translation> + appendix</translation>
    </message>
    <message>
        <source>{0} · Schrift der Einheiten {1} pt</source>
        <translation>{0} · unit text {1} pt</translation>
    </message>
    <message>
        <source>Das Anpassen an eine Seite</source>
        <translation>Fitting to one page</translation>
    </message>
    <message>
        <source>Diese Aufteilung</source>
        <translation>This layout</translation>
    </message>
    <message>
        <source>{0} verkleinert die Schrift der Einheiten auf {1} pt; für den Druck werden mindestens {2} pt empfohlen.</source>
        <translation>{0} shrinks the unit text to {1} pt; at least {2} pt is recommended for printing.</translation>
    </message>
    <message>
        <source>automatisch kacheln</source>
        <translation>tile automatically</translation>
    </message>
    <message>
        <source>Abhilfe: {0}.</source>
        <translation>Remedy: {0}.</translation>
    </message>
    <message>
        <source> oder </source>
        <translation> or </translation>
    </message>
    <message>
        <source>{0} von {1} Seiten des Organigramms bleiben leer; weniger Kacheln genügen.</source>
        <translation>{0} of {1} pages of the chart stay empty; fewer tiles are enough.</translation>
    </message>
    <message>
        <source>Für diese Zeichen hat die eingebettete Schrift kein Zeichenbild; sie erscheinen als Code: {0}</source>
        <translation>The embedded font has no glyph for these characters; they appear as codes: {0}</translation>
    </message>
    <message>
        <source>PDF-Dokumente (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Word-Dokumente (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Speichern unter</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Das Word-Dokument wurde nicht gespeichert.</source>
        <translation>The Word document was not saved.</translation>
    </message>
    <message>
        <source>Das PDF wurde nicht gespeichert.</source>
        <translation>The PDF was not saved.</translation>
    </message>
    <message>
        <source>Das Word-Dokument konnte nicht erzeugt werden.</source>
        <translation>The Word document could not be created.</translation>
    </message>
    <message>
        <source>Das PDF konnte nicht erzeugt werden.</source>
        <translation>The PDF could not be created.</translation>
    </message>
    <message>
        <source>Word-Dokument gespeichert: {0}</source>
        <translation>Word document saved: {0}</translation>
    </message>
    <message>
        <source>PDF gespeichert: {0} (1 Seite)</source>
        <translation>PDF saved: {0} (1 page)</translation>
    </message>
    <message>
        <source>PDF gespeichert: {0} ({1} Seiten)</source>
        <translation>PDF saved: {0} ({1} pages)</translation>
    </message>
</context>
<context>
    <name>FunctionsSection</name>
    <message>
        <source>Aufgaben</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>Standard wiederherstellen</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>Die Aufgaben, die die Organisationsform üblicherweise wahrnimmt (nach der Arbeitshilfe)</source>
        <translation>The functions the organisation form usually holds (after the guide)</translation>
    </message>
    <message>
        <source>Die Aufgaben zeigt und ändert dieser Bereich für eine einzelne Einheit; wählen Sie nur eine aus.</source>
        <translation>This section shows and changes the functions of a single unit; select just one.</translation>
    </message>
    <message>
        <source>wesentlich</source>
        <translation>essential</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>default</translation>
    </message>
    <message>
        <source>Die Einheit nimmt die üblichen Aufgaben ihrer Organisationsform wahr („Standard“).</source>
        <translation>The unit holds the usual functions of its organisation form (“default”).</translation>
    </message>
    <message>
        <source>Die Aufgaben weichen von denen der Organisationsform ab („Standard“).</source>
        <translation>The functions differ from those of the organisation form (“default”).</translation>
    </message>
</context>
<context>
    <name>GuidedWizard</name>
    <message>
        <source>Geführter Start</source>
        <translation>Guided start</translation>
    </message>
    <message>
        <source>&lt; &amp;Zurück</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Weiter &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Fertigstellen</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HelpViewer</name>
    <message>
        <source>OrgDesigner – Benutzerhandbuch</source>
        <translation>OrgDesigner – User guide</translation>
    </message>
    <message>
        <source>&amp;Suchen:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Wort im Handbuch, dann Eingabe</source>
        <translation>Word in the guide, then Enter</translation>
    </message>
    <message>
        <source>Inhalt</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Benutzerhandbuch</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Das Benutzerhandbuch wurde nicht gefunden ({0}). Die Installation ist unvollständig; bitte wenden Sie sich an Ihre IT.</source>
        <translation>The user guide was not found ({0}). The installation is incomplete; please contact your IT.</translation>
    </message>
    <message>
        <source>Nicht gefunden</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message>
        <source>{0} Elemente ausgewählt. Wählen Sie eine einzelne Einheit oder Beziehung, um zu sehen, was die Arbeitshilfe dazu sagt.</source>
        <translation>{0} elements selected. Select a single unit or relation to see what the guide says about it.</translation>
    </message>
    <message>
        <source>Hinweise der Arbeitshilfe</source>
        <translation>Hints from the guide</translation>
    </message>
    <message>
        <source>Wählen Sie eine Einheit oder eine Beziehung auf der Zeichenfläche – oder klicken Sie links auf den Namen einer Ebene –, um zu sehen, was die Arbeitshilfe dazu sagt: Vorzüge und Nachteile, typische Aufgaben und Akteure, passende Botschaften.</source>
        <translation>Select a unit or a relation on the canvas – or click the name of a level on the left – to see what the guide says about it: pros and cons, typical tasks and actors, matching key messages.</translation>
    </message>
    <message>
        <source>Sonstige Einheit</source>
        <translation>Other unit</translation>
    </message>
    <message>
        <source>Vorzüge und Nachteile – Tabelle {0}</source>
        <translation>Pros and cons – table {0}</translation>
    </message>
    <message>
        <source>Zitiert aus Tabelle {0}: {1} ({2})</source>
        <translation>Quoted from table {0}: {1} ({2})</translation>
    </message>
    <message>
        <source>Vorzüge</source>
        <translation>Pros</translation>
    </message>
    <message>
        <source>Nachteile</source>
        <translation>Cons</translation>
    </message>
    <message>
        <source>Zusammenfassung</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Zusammenfassung der Arbeitshilfe in eigenen Worten, kein Zitat – {0}</source>
        <translation>Summary of the guide in our own words, not a quotation – {0}</translation>
    </message>
    <message>
        <source>so im Modell</source>
        <translation>as in the model</translation>
    </message>
    <message>
        <source>Drei Typen von Lotsinnen und Lotsen</source>
        <translation>Three types of digital pilots</translation>
    </message>
    <message>
        <source>Typische Aufgaben</source>
        <translation>Typical tasks</translation>
    </message>
    <message>
        <source>Typische Akteure</source>
        <translation>Typical actors</translation>
    </message>
    <message>
        <source>Typische Bezeichnungen</source>
        <translation>Typical names</translation>
    </message>
    <message>
        <source>{0} – Tabelle 1</source>
        <translation>{0} – table 1</translation>
    </message>
    <message>
        <source>(Region)</source>
        <translation>(region)</translation>
    </message>
    <message>
        <source>(Stadt)</source>
        <translation>(city)</translation>
    </message>
    <message>
        <source>Zusammenfassung, {0}</source>
        <translation>Summary, {0}</translation>
    </message>
    <message>
        <source>Zitiert aus {0}</source>
        <translation>Quoted from {0}</translation>
    </message>
    <message>
        <source>Botschaften der Arbeitshilfe</source>
        <translation>Key messages of the guide</translation>
    </message>
    <message>
        <source>{0} von {1} Leitfragen beantwortet</source>
        <translation>{0} of {1} guiding questions answered</translation>
    </message>
    <message>
        <source>Botschaft {0}</source>
        <translation>Key message {0}</translation>
    </message>
    <message>
        <source>Warnung</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Hint</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Prüfung</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>bewusst angenommen</source>
        <translation>deliberately accepted</translation>
    </message>
    <message>
        <source>Beschriftung:</source>
        <translation>Caption:</translation>
    </message>
    <message>
        <source>Bedeutung</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Typische Richtung:</source>
        <translation>Typical direction:</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>nicht angegeben</source>
        <translation>not specified</translation>
    </message>
    <message>
        <source>Vertrag oder Vereinbarung:</source>
        <translation>Contract or agreement:</translation>
    </message>
    <message>
        <source>Diese Ebene ist optional.</source>
        <translation>This level is optional.</translation>
    </message>
</context>
<context>
    <name>ImageExport</name>
    <message>
        <source>Organigramm, erstellt mit OrgDesigner</source>
        <translation>Organisation chart, made with OrgDesigner</translation>
    </message>
    <message>
        <source>Organisationsmodell</source>
        <translation>Organisation model</translation>
    </message>
    <message>
        <source>Organigramm drucken</source>
        <translation>Print organisation chart</translation>
    </message>
    <message>
        <source>Das Organigramm wurde nicht gedruckt.</source>
        <translation>The organisation chart was not printed.</translation>
    </message>
    <message>
        <source>Der Drucker ist nicht bereit.</source>
        <translation>The printer is not ready.</translation>
    </message>
    <message>
        <source>Zum Drucker gesendet: {0}</source>
        <translation>Sent to the printer: {0}</translation>
    </message>
    <message>
        <source>PNG-Bilder (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>SVG-Grafiken (*.svg)</source>
        <translation>SVG graphics (*.svg)</translation>
    </message>
    <message>
        <source>Bild speichern unter</source>
        <translation>Save image as</translation>
    </message>
    <message>
        <source>Das Bild wurde nicht gespeichert.</source>
        <translation>The image was not saved.</translation>
    </message>
    <message>
        <source>Das Bild wäre zu groß.</source>
        <translation>The image would be too large.</translation>
    </message>
    <message>
        <source>Bei dieser Auflösung hätte es {0} Pixel. Wählen Sie eine kleinere Auflösung oder SVG.</source>
        <translation>At this resolution it would have {0} pixels. Choose a lower resolution or SVG.</translation>
    </message>
    <message>
        <source>Bild gespeichert: {0}</source>
        <translation>Image saved: {0}</translation>
    </message>
</context>
<context>
    <name>ImageExportDialog</name>
    <message>
        <source>Als Bild exportieren</source>
        <translation>Export as image</translation>
    </message>
    <message>
        <source>PNG-Bild – für Präsentationen, E-Mails und Textverarbeitung</source>
        <translation>PNG image – for presentations, e-mails and word processing</translation>
    </message>
    <message>
        <source>SVG-Grafik – verlustfrei skalierbar, zum Weiterbearbeiten</source>
        <translation>SVG graphic – scales without loss, for further editing</translation>
    </message>
    <message>
        <source>96 dpi (Bildschirm)</source>
        <translation>96 dpi (screen)</translation>
    </message>
    <message>
        <source>150 dpi</source>
        <translation>150 dpi</translation>
    </message>
    <message>
        <source>300 dpi (Druck)</source>
        <translation>300 dpi (print)</translation>
    </message>
    <message>
        <source>600 dpi (Großformat)</source>
        <translation>600 dpi (large format)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Auflösung:</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <source>Bildgröße:</source>
        <translation>Image size:</translation>
    </message>
    <message>
        <source>{0} × {1} cm</source>
        <translation>{0} × {1} cm</translation>
    </message>
    <message>
        <source>{0} × {1} Pixel ({2})</source>
        <translation>{0} × {1} pixels ({2})</translation>
    </message>
    <message>
        <source>{0}, Text bleibt Text</source>
        <translation>{0}, text stays text</translation>
    </message>
</context>
<context>
    <name>ImplementationPage</name>
    <message>
        <source>Umsetzung</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <source>Wie werden Maßnahmen umgesetzt? Mehreres zugleich ist üblich.</source>
        <translation>How are measures implemented? Several at once are usual.</translation>
    </message>
    <message>
        <source>Art der Lotsinnen und Lotsen</source>
        <translation>Type of digital pilots</translation>
    </message>
    <message>
        <source>ehrenamtlich</source>
        <translation>volunteer</translation>
    </message>
    <message>
        <source>ehrenamtlich mit Qualifizierung</source>
        <translation>qualified volunteer</translation>
    </message>
    <message>
        <source>hauptamtlich</source>
        <translation>full-time</translation>
    </message>
    <message>
        <source>&amp;Art:</source>
        <translation>&amp;Type:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Einheiten importieren</source>
        <translation>Import units</translation>
    </message>
    <message>
        <source>Einheitenlisten (*.csv *.xlsx);;CSV-Dateien (*.csv);;Excel-Dateien (*.xlsx)</source>
        <translation>Unit lists (*.csv *.xlsx);;CSV files (*.csv);;Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Importieren</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>„{0}“ lässt sich so nicht importieren. Es wurde nichts geöffnet und nichts verändert.</source>
        <translation>“{0}” cannot be imported as it is. Nothing was opened and nothing was changed.</translation>
    </message>
    <message>
        <source>… und {0} weitere (alle unter „Details“)</source>
        <translation>… and {0} more (all of them under “Details”)</translation>
    </message>
    <message>
        <source>Bitte korrigieren Sie die Datei (die Zeilen zählen wie in der Tabelle, die Kopfzeile ist Zeile 1) und importieren Sie sie erneut.</source>
        <translation>Please correct the file (rows are counted as in the spreadsheet, the header is row 1) and import it again.</translation>
    </message>
    <message>
        <source>Importiert aus {0}: {1} Einheiten, {2} Beziehungen – noch nicht gespeichert.</source>
        <translation>Imported from {0}: {1} units, {2} relations – not saved yet.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Art der Kommune</source>
        <translation>Type of municipality</translation>
    </message>
    <message>
        <source>Stadt</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Gemeinde</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Landkreis</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Interkommunaler Verbund</source>
        <translation>Inter-municipal association</translation>
    </message>
    <message>
        <source>Einwohnerzahl</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Erprobung</source>
        <translation>Trial</translation>
    </message>
    <message>
        <source>Strategie</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>Umsetzung</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <source>Verstetigung</source>
        <translation>Consolidation</translation>
    </message>
    <message>
        <source>Zuschnitt</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Verfasst von</source>
        <translation>Written by</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Entwurf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Vorschlag</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Beschlossen</source>
        <translation>Adopted</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Kommunal</source>
        <translation>Municipal</translation>
    </message>
    <message>
        <source>Regional</source>
        <translation>Regional</translation>
    </message>
    <message>
        <source>Bezeichnung</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ebene</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Organisationsform</source>
        <translation>Organisation form</translation>
    </message>
    <message>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Vollzeitäquivalente (VZÄ)</source>
        <translation>Full-time equivalents (FTE)</translation>
    </message>
    <message>
        <source>Leitung</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>Stellvertretung</source>
        <translation>Deputy</translation>
    </message>
    <message>
        <source>Sitzungsturnus</source>
        <translation>Meeting cadence</translation>
    </message>
    <message>
        <source>wöchentlich</source>
        <translation>weekly</translation>
    </message>
    <message>
        <source>alle zwei Wochen</source>
        <translation>every two weeks</translation>
    </message>
    <message>
        <source>monatlich</source>
        <translation>monthly</translation>
    </message>
    <message>
        <source>alle zwei Monate</source>
        <translation>every two months</translation>
    </message>
    <message>
        <source>vierteljährlich</source>
        <translation>quarterly</translation>
    </message>
    <message>
        <source>halbjährlich</source>
        <translation>half-yearly</translation>
    </message>
    <message>
        <source>jährlich</source>
        <translation>yearly</translation>
    </message>
    <message>
        <source>Zuständigkeit</source>
        <translation>Responsibility</translation>
    </message>
    <message>
        <source>Art der Lotsen</source>
        <translation>Type of digital pilots</translation>
    </message>
    <message>
        <source>ehrenamtlich</source>
        <translation>volunteer</translation>
    </message>
    <message>
        <source>ehrenamtlich mit Qualifizierung</source>
        <translation>volunteer with training</translation>
    </message>
    <message>
        <source>hauptamtlich</source>
        <translation>full-time staff</translation>
    </message>
    <message>
        <source>Notizen</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Art der Beziehung</source>
        <translation>Type of relation</translation>
    </message>
    <message>
        <source>Von → nach</source>
        <translation>From → to</translation>
    </message>
    <message>
        <source>Beschriftung</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Vertrag / Vereinbarung</source>
        <translation>Contract / agreement</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Bedeutung</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Funktion</source>
        <translation>Function</translation>
    </message>
    <message>
        <source>Typische Aufgaben</source>
        <translation>Typical tasks</translation>
    </message>
    <message>
        <source>Typische Akteure</source>
        <translation>Typical actors</translation>
    </message>
    <message>
        <source>Typische Bezeichnungen</source>
        <translation>Typical names</translation>
    </message>
    <message>
        <source>Quelle</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Modell</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>nichts ausgewählt</source>
        <translation>nothing selected</translation>
    </message>
    <message>
        <source>Sonstige Einheit</source>
        <translation>Other unit</translation>
    </message>
    <message>
        <source>Einheit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>{0} Einheiten ausgewählt</source>
        <translation>{0} units selected</translation>
    </message>
    <message>
        <source>Beziehung</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>{0} Beziehungen ausgewählt</source>
        <translation>{0} relations selected</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Neue Datei – sie wird beim Speichern angelegt.</source>
        <translation>New file – it is created when you save.</translation>
    </message>
    <message>
        <source>Die Datei kann nicht geöffnet werden.</source>
        <translation>The file cannot be opened.</translation>
    </message>
    <message>
        <source>Wiederhergestellt – bitte speichern Sie das Modell.</source>
        <translation>Restored – please save the model.</translation>
    </message>
    <message>
        <source>Die automatische Sicherung ist gerade nicht möglich ({0}). Bitte speichern Sie selbst.</source>
        <translation>Automatic backup is not possible right now ({0}). Please save yourself.</translation>
    </message>
    <message>
        <source>Organisationsformen</source>
        <translation>Organisation forms</translation>
    </message>
    <message>
        <source>Eigenschaften</source>
        <translation>Properties</translation>
    </message>
    <message>
        <source>&lt;Ausgangszustand&gt;</source>
        <translation>&lt;Initial state&gt;</translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Prüfung</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Leitfragen</source>
        <translation>Guiding questions</translation>
    </message>
    <message>
        <source>Hinweise</source>
        <translation>Hints</translation>
    </message>
    <message>
        <source>Aufgaben</source>
        <translation>Functions</translation>
    </message>
    <message>
        <source>Vergleich</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>&amp;Neu</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>Ein leeres Modell beginnen</source>
        <translation>Start an empty model</translation>
    </message>
    <message>
        <source>Neu</source>
        <translation>New</translation>
    </message>
    <message>
        <source>&amp;Geführter Start …</source>
        <translation>&amp;Guided start …</translation>
    </message>
    <message>
        <source>Ein erstes Modell aus Fragen zur Kommune erstellen</source>
        <translation>Make a first model from questions about the municipality</translation>
    </message>
    <message>
        <source>Ö&amp;ffnen …</source>
        <translation>&amp;Open …</translation>
    </message>
    <message>
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>&amp;Importieren …</source>
        <translation>&amp;Import …</translation>
    </message>
    <message>
        <source>Eine Liste der Einheiten (CSV oder Excel) als neues Modell übernehmen</source>
        <translation>Make a new model from a list of units (CSV or Excel)</translation>
    </message>
    <message>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Speichern &amp;unter …</source>
        <translation>Save &amp;As …</translation>
    </message>
    <message>
        <source>Vergleich beenden</source>
        <translation>End comparison</translation>
    </message>
    <message>
        <source>&amp;Vergleichen mit …</source>
        <translation>&amp;Compare with …</translation>
    </message>
    <message>
        <source>Die Markierungen des Vergleichs entfernen</source>
        <translation>Remove the comparison&apos;s marks</translation>
    </message>
    <message>
        <source>Eine andere Fassung (bisher) mit diesem Modell (künftig) vergleichen: was hinzukommt, entfällt und sich ändert, und was das für die Prüfung bedeutet</source>
        <translation>Compare another version (current) with this model (proposed): what is added, removed and changed, and what that means for the check</translation>
    </message>
    <message>
        <source>Vergleichen mit dem &amp;gespeicherten Stand</source>
        <translation>Compare with the &amp;saved state</translation>
    </message>
    <message>
        <source>Die ungespeicherten Änderungen gegenüber der gespeicherten Datei zeigen</source>
        <translation>Show the unsaved changes against the saved file</translation>
    </message>
    <message>
        <source>Automatische Sicherung …</source>
        <translation>Automatic backup …</translation>
    </message>
    <message>
        <source>Wie oft ungespeicherte Arbeit automatisch gesichert wird</source>
        <translation>How often unsaved work is backed up automatically</translation>
    </message>
    <message>
        <source>Als &amp;PDF exportieren …</source>
        <translation>Export as &amp;PDF …</translation>
    </message>
    <message>
        <source>Das Organigramm als Anlage zur Ratsvorlage ausgeben</source>
        <translation>Output the organisation chart as an annex to the council paper</translation>
    </message>
    <message>
        <source>Als B&amp;ild exportieren (PNG/SVG) …</source>
        <translation>Export as &amp;image (PNG/SVG) …</translation>
    </message>
    <message>
        <source>Druckv&amp;orschau …</source>
        <translation>Print pre&amp;view …</translation>
    </message>
    <message>
        <source>&amp;Drucken …</source>
        <translation>&amp;Print …</translation>
    </message>
    <message>
        <source>Fenster s&amp;chließen</source>
        <translation>&amp;Close window</translation>
    </message>
    <message>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Rückgängig</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>&amp;Wiederholen</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Wiederholen</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;Ausschneiden</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>&amp;Kopieren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Organi&amp;gramm kopieren</source>
        <translation>Copy c&amp;hart</translation>
    </message>
    <message>
        <source>Das Organigramm (oder die ausgewählten Einheiten) als Bild in die Zwischenablage legen: SVG, PNG und PDF, zum Einfügen in Word, PowerPoint oder LibreOffice</source>
        <translation>Put the chart (or the selected units) on the clipboard as a picture: SVG, PNG and PDF, to paste into Word, PowerPoint or LibreOffice</translation>
    </message>
    <message>
        <source>&amp;Einfügen</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>&amp;Duplizieren</source>
        <translation>&amp;Duplicate</translation>
    </message>
    <message>
        <source>&amp;Löschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Löschen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Alles &amp;auswählen</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <source>&amp;Umbenennen</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>Ver&amp;größern</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Größer</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Ver&amp;kleinern</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>Kleiner</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Originalgröße (100 %)</source>
        <translation>Actual size (100 %)</translation>
    </message>
    <message>
        <source>Ganzes Modell zeigen</source>
        <translation>Show whole model</translation>
    </message>
    <message>
        <source>Alles</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Raster anzeigen</source>
        <translation>Show grid</translation>
    </message>
    <message>
        <source>Am Raster einrasten</source>
        <translation>Snap to grid</translation>
    </message>
    <message>
        <source>Beziehungen als gerade Linien</source>
        <translation>Relations as straight lines</translation>
    </message>
    <message>
        <source>Beziehungen gerade von Einheit zu Einheit zeichnen statt rechtwinklig um die Einheiten herum (auch im PDF und beim Drucken)</source>
        <translation>Draw relations straight from unit to unit instead of at right angles around the units (also in the PDF and when printing)</translation>
    </message>
    <message>
        <source>&amp;Leitung auf den Einheiten zeigen</source>
        <translation>Show the &amp;head on the units</translation>
    </message>
    <message>
        <source>Unter dem Namen jeder Einheit die eingetragene Leitung zeigen (nur in der Zeichenfläche)</source>
        <translation>Show the head entered for each unit under its name (on the canvas only)</translation>
    </message>
    <message>
        <source>Links ausrichten</source>
        <translation>Align left</translation>
    </message>
    <message>
        <source>Mittig ausrichten</source>
        <translation>Align centre</translation>
    </message>
    <message>
        <source>Rechts ausrichten</source>
        <translation>Align right</translation>
    </message>
    <message>
        <source>Oben ausrichten (je Ebene)</source>
        <translation>Align top (per level)</translation>
    </message>
    <message>
        <source>Gleichmäßig verteilen</source>
        <translation>Distribute evenly</translation>
    </message>
    <message>
        <source>Automatisch &amp;anordnen</source>
        <translation>&amp;Arrange automatically</translation>
    </message>
    <message>
        <source>Einheiten in ihren Ebenen ordnen, mit wenigen Überschneidungen</source>
        <translation>Arrange units within their levels, with few crossings</translation>
    </message>
    <message>
        <source>Anordnen</source>
        <translation>Arrange</translation>
    </message>
    <message>
        <source>Ordnen, &amp;Reihenfolge behalten</source>
        <translation>&amp;Tidy, keep order</translation>
    </message>
    <message>
        <source>Zeilen ausrichten und Überlappungen auflösen; die Reihenfolge der Einheiten in jeder Ebene bleibt</source>
        <translation>Line up the rows and remove overlaps; the order of the units in every level stays</translation>
    </message>
    <message>
        <source>Ver&amp;binden</source>
        <translation>Co&amp;nnect</translation>
    </message>
    <message>
        <source>Eine ausgewählte Einheit mit einer Einheit aus einer Liste verbinden, oder zwei ausgewählte Einheiten (von der zuerst gewählten zur zweiten); die Art wird wie beim Ziehen vorgeschlagen</source>
        <translation>Connect one selected unit to a unit chosen from a list, or two selected units (from the one selected first to the second); the type is proposed as when dragging</translation>
    </message>
    <message>
        <source>Verbinden &amp;mit …</source>
        <translation>Connect &amp;to …</translation>
    </message>
    <message>
        <source>Die ausgewählte Einheit mit einer Einheit aus einer Liste verbinden</source>
        <translation>Connect the selected unit to a unit chosen from a list</translation>
    </message>
    <message>
        <source>Zum Verbinden eine Einheit auswählen (Tab) und die andere aus der Liste wählen, oder zwei Einheiten (Tab, dann Strg+Tab).</source>
        <translation>To connect, select one unit (Tab) and choose the other from the list, or select two units (Tab, then Ctrl+Tab).</translation>
    </message>
    <message>
        <source>Ebene ändern</source>
        <translation>Change level</translation>
    </message>
    <message>
        <source>Das ist ein Beispiel zum Ansehen und Ausprobieren, nicht Ihr Modell. Für Ihre eigene Organisation beginnen Sie neu, mit einer Vorlage oder öffnen Ihre Datei.</source>
        <translation>This is an example to look at and try out, not your model. For your own organisation, start a new model, start from a template or open your file.</translation>
    </message>
    <message>
        <source>Vorlage</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Öffnen …</source>
        <translation>Open …</translation>
    </message>
    <message>
        <source>Beispiel: {0}</source>
        <translation>Example: {0}</translation>
    </message>
    <message>
        <source>Organisationsform &amp;suchen …</source>
        <translation>&amp;Find organisation form …</translation>
    </message>
    <message>
        <source>Zur Suche der Palette; Eingabe fügt die Form in der Mitte der Ansicht ein</source>
        <translation>Go to the palette search; Enter inserts the form at the centre of the view</translation>
    </message>
    <message>
        <source>Zur &amp;Zeichenfläche</source>
        <translation>Go to the &amp;canvas</translation>
    </message>
    <message>
        <source>&amp;Benutzerhandbuch</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>Das Handbuch zum Programm, auch ohne Internet</source>
        <translation>The program&apos;s guide, also without internet access</translation>
    </message>
    <message>
        <source>&amp;Tastenkürzel …</source>
        <translation>&amp;Keyboard shortcuts …</translation>
    </message>
    <message>
        <source>Wie das &amp;System</source>
        <translation>As the &amp;system</translation>
    </message>
    <message>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Neu aus &amp;Vorlage</source>
        <translation>New from &amp;template</translation>
    </message>
    <message>
        <source>&amp;Zuletzt geöffnet</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Ansicht</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Sprache</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>A&amp;nordnen</source>
        <translation>A&amp;rrange</translation>
    </message>
    <message>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Werkzeuge</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>Automatisch gesichert {0}</source>
        <translation>Autosaved {0}</translation>
    </message>
    <message>
        <source>1 Einheit</source>
        <translation>1 unit</translation>
    </message>
    <message>
        <source>{0} Einheiten</source>
        <translation>{0} units</translation>
    </message>
    <message>
        <source>1 Beziehung</source>
        <translation>1 relation</translation>
    </message>
    <message>
        <source>{0} Beziehungen</source>
        <translation>{0} relations</translation>
    </message>
    <message>
        <source>Ausgewählt: {0}</source>
        <translation>Selected: {0}</translation>
    </message>
    <message>
        <source>Die Datei kann nicht zum Vergleich geöffnet werden.</source>
        <translation>The file cannot be opened for the comparison.</translation>
    </message>
    <message>
        <source>{0} (gespeicherter Stand)</source>
        <translation>{0} (saved state)</translation>
    </message>
    <message>
        <source>Vergleich beendet</source>
        <translation>Comparison ended</translation>
    </message>
    <message>
        <source>Ungespeicherte Arbeit automatisch sichern alle … Minuten:</source>
        <translation>Save unsaved work automatically every … minutes:</translation>
    </message>
    <message>
        <source>Art der Beziehung</source>
        <translation>Type of relation</translation>
    </message>
    <message>
        <source>Unbenannt</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>„{0}“ hat Änderungen, die noch nicht gespeichert sind.</source>
        <translation>“{0}” has changes that are not saved yet.</translation>
    </message>
    <message>
        <source>Möchten Sie die Änderungen speichern?</source>
        <translation>Do you want to save the changes?</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Verwerfen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Organisationsmodelle ({0})</source>
        <translation>Organisation models ({0})</translation>
    </message>
    <message>
        <source>Modell öffnen</source>
        <translation>Open model</translation>
    </message>
    <message>
        <source>Geöffnet: {0}</source>
        <translation>Opened: {0}</translation>
    </message>
    <message>
        <source>OrgDesigner</source>
        <translation>OrgDesigner</translation>
    </message>
    <message>
        <source>Datei wurde verändert</source>
        <translation>File was changed</translation>
    </message>
    <message>
        <source>Unter neuem Namen speichern …</source>
        <translation>Save under a new name …</translation>
    </message>
    <message>
        <source>„{0}“ ist nicht mehr da: Die Datei wurde gelöscht oder verschoben, oder das Netzlaufwerk ist nicht verbunden.</source>
        <translation>“{0}” is gone: the file was deleted or moved, or the network drive is not connected.</translation>
    </message>
    <message>
        <source>Ihr Modell ist weiterhin in diesem Fenster. Sie können es unter dem bisherigen Namen wieder anlegen oder unter einem neuen Namen speichern.

{0}</source>
        <translation>Your model is still in this window. You can create the file again under its previous name or save it under a new name.

{0}</translation>
    </message>
    <message>
        <source>Wieder anlegen</source>
        <translation>Create again</translation>
    </message>
    <message>
        <source>„{0}“ wurde seit dem Öffnen außerhalb dieses Fensters geändert, zum Beispiel von einer Kollegin oder einem Kollegen.</source>
        <translation>“{0}” was changed outside this window since it was opened, for example by a colleague.</translation>
    </message>
    <message>
        <source>Speichern würde diese Fassung überschreiben. Sie können Ihr Modell unter einem neuen Namen speichern und beide Fassungen vergleichen, oder die Fassung vom Datenträger neu laden – dabei gehen Ihre ungespeicherten Änderungen verloren.

{0}</source>
        <translation>Saving would overwrite that version. You can save your model under a new name and compare both versions, or reload the version from disk – your unsaved changes are then lost.

{0}</translation>
    </message>
    <message>
        <source>Neu laden</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Überschreiben</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>Speichern unter</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>„{0}“ gibt es schon.</source>
        <translation>“{0}” already exists.</translation>
    </message>
    <message>
        <source>Soll die vorhandene Datei ersetzt werden? Die bisherige Fassung bleibt als Sicherungskopie (.bak) erhalten.</source>
        <translation>Replace the existing file? The previous version is kept as a backup copy (.bak).</translation>
    </message>
    <message>
        <source>Ersetzen</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>„{0}“ ist nicht mehr da: gelöscht, verschoben, oder das Netzlaufwerk ist nicht verbunden. Ihr Modell ist weiterhin in diesem Fenster.</source>
        <translation>“{0}” is gone: deleted, moved, or the network drive is not connected. Your model is still in this window.</translation>
    </message>
    <message>
        <source>„{0}“ wurde außerhalb dieses Fensters geändert, zum Beispiel von einer Kollegin oder einem Kollegen.</source>
        <translation>“{0}” was changed outside this window, for example by a colleague.</translation>
    </message>
    <message>
        <source>Ihre Änderungen hier sind noch nicht gespeichert.</source>
        <translation>Your changes here are not saved yet.</translation>
    </message>
    <message>
        <source>Ausblenden</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Ihre ungespeicherten Änderungen an „{0}“ gehen beim Neuladen verloren.</source>
        <translation>Your unsaved changes to “{0}” are lost when reloading.</translation>
    </message>
    <message>
        <source>Wenn Sie sie behalten möchten, speichern Sie sie zuerst unter einem neuen Namen.</source>
        <translation>If you want to keep them, save them under a new name first.</translation>
    </message>
    <message>
        <source>Organisationsmodell</source>
        <translation>Organisation model</translation>
    </message>
    <message>
        <source>Modell speichern unter</source>
        <translation>Save model as</translation>
    </message>
    <message>
        <source>Die Datei ist bereits in einem anderen Fenster geöffnet.</source>
        <translation>The file is already open in another window.</translation>
    </message>
    <message>
        <source>„{0}“ ist in einem anderen OrgDesigner-Fenster geöffnet. Wählen Sie einen anderen Namen, oder schließen Sie zuerst das andere Fenster.</source>
        <translation>“{0}” is open in another OrgDesigner window. Choose another name, or close the other window first.</translation>
    </message>
    <message>
        <source>Gespeichert: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>„{0}“ konnte nicht gespeichert werden. Ihre Änderungen sind noch da.</source>
        <translation>“{0}” could not be saved. Your changes are still here.</translation>
    </message>
    <message>
        <source>Speichern unter …</source>
        <translation>Save as …</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Automatische Sicherung</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source>(keine)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Die gespeicherte Fenstergröße war unbrauchbar; es gilt die Standardgröße.</source>
        <translation>The stored window size was unusable; the default size applies.</translation>
    </message>
    <message>
        <source>Die gespeicherte Anordnung der Bereiche war unbrauchbar; es gilt die Standardanordnung.</source>
        <translation>The stored panel layout was unusable; the default layout applies.</translation>
    </message>
</context>
<context>
    <name>MunicipalityPage</name>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Für welche Kommune entsteht die Organisation, und wo steht das Vorhaben?</source>
        <translation>For which municipality is the organisation made, and where does the programme stand?</translation>
    </message>
    <message>
        <source>z. B. Musterstadt</source>
        <translation>e.g. Sampletown</translation>
    </message>
    <message>
        <source>&amp;Name der Kommune:</source>
        <translation>N&amp;ame of the municipality:</translation>
    </message>
    <message>
        <source>Stadt</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Gemeinde</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Landkreis</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Interkommunaler Verbund</source>
        <translation>Inter-municipal association</translation>
    </message>
    <message>
        <source>&amp;Art:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source> Einwohner:innen</source>
        <translation> inhabitants</translation>
    </message>
    <message>
        <source>&amp;Einwohnerzahl:</source>
        <translation>&amp;Population:</translation>
    </message>
    <message>
        <source>&amp;kommunal</source>
        <translation>&amp;municipal</translation>
    </message>
    <message>
        <source>&amp;regional (Smarte Region)</source>
        <translation>&amp;regional (smart region)</translation>
    </message>
    <message>
        <source>Reichweite:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>&amp;Mitgliedskommunen:</source>
        <translation>Member municipa&amp;lities:</translation>
    </message>
    <message>
        <source>Phase des Vorhabens:</source>
        <translation>Phase of the programme:</translation>
    </message>
    <message>
        <source>Er&amp;probung</source>
        <translation>&amp;Trial</translation>
    </message>
    <message>
        <source>Erste Maßnahmen werden einzeln ausprobiert; eine Koordination ist noch nicht nötig.</source>
        <translation>First measures are tried out one by one; a coordination is not needed yet.</translation>
    </message>
    <message>
        <source>&amp;Strategie</source>
        <translation>&amp;Strategy</translation>
    </message>
    <message>
        <source>Die Smart-City-Strategie wird erarbeitet; Steuerung und Koordination entstehen.</source>
        <translation>The smart-city strategy is being drawn up; steering and coordination take shape.</translation>
    </message>
    <message>
        <source>&amp;Umsetzung</source>
        <translation>&amp;Implementation</translation>
    </message>
    <message>
        <source>Die Strategie ist beschlossen; Maßnahmen werden ämterübergreifend umgesetzt.</source>
        <translation>The strategy is adopted; measures are implemented across departments.</translation>
    </message>
    <message>
        <source>&amp;Verstetigung</source>
        <translation>&amp;Consolidation</translation>
    </message>
    <message>
        <source>Bewährtes geht in den Regelbetrieb über; die Organisation wird dauerhaft.</source>
        <translation>What has proven itself becomes regular operation; the organisation becomes permanent.</translation>
    </message>
</context>
<context>
    <name>OrgScene</name>
    <message>
        <source>„{0}“ bleibt in der Ebene „{1}“.</source>
        <translation>“{0}” stays on the level “{1}”.</translation>
    </message>
    <message>
        <source>„{0}“ gehört zur Ebene „{1}“ und steht deshalb dort.</source>
        <translation>“{0}” belongs to the level “{1}” and is placed there.</translation>
    </message>
    <message>
        <source>Die Ebene einer Einheit ändern Sie in ihrem Kontextmenü („Ebene ändern“).</source>
        <translation>To change a unit’s level, use its context menu (“Change level”).</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Vorschau der Seiten</source>
        <translation>Page preview</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Suchen …</source>
        <translation>Search …</translation>
    </message>
    <message>
        <source>Organisationsform suchen</source>
        <translation>Find organisation form</translation>
    </message>
    <message>
        <source>Eingabe fügt die erste passende Organisationsform in die Zeichenfläche ein.</source>
        <translation>Enter inserts the first matching organisation form into the canvas.</translation>
    </message>
    <message>
        <source>Organisationsformen nach Ebenen</source>
        <translation>Organisation forms by level</translation>
    </message>
    <message>
        <source>Eingabe fügt die gewählte Organisationsform in der Mitte der Zeichenfläche ein; Ziehen mit der Maus an eine bestimmte Stelle.</source>
        <translation>Enter inserts the selected organisation form at the centre of the canvas; drag with the mouse to place it elsewhere.</translation>
    </message>
    <message>
        <source>Ebene: {0}</source>
        <translation>Level: {0}</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Sonstige Einheit</source>
        <translation>Other unit</translation>
    </message>
    <message>
        <source>Sonstige Einheit ({0})</source>
        <translation>Other unit ({0})</translation>
    </message>
    <message>
        <source>Eine Einheit dieser Ebene ohne bestimmte Organisationsform</source>
        <translation>A unit of this level without a specific organisation form</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Druckvorschau</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>Botschaft {0}</source>
        <translation>Key message {0}</translation>
    </message>
    <message>
        <source>Reflexionsfragen der Arbeitshilfe, {0}</source>
        <translation>Reflection questions of the guide, {0}</translation>
    </message>
    <message>
        <source>Empfehlungen der Arbeitshilfe ({0}, zusammengefasst)</source>
        <translation>Recommendations of the guide ({0}, summarised)</translation>
    </message>
    <message>
        <source>Vorige Botschaft</source>
        <translation>Previous key message</translation>
    </message>
    <message>
        <source>Nächste Botschaft</source>
        <translation>Next key message</translation>
    </message>
    <message>
        <source>{0} von {1} beantwortet</source>
        <translation>{0} of {1} answered</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Prüfregel ausschalten</source>
        <translation>Switch off rule</translation>
    </message>
    <message>
        <source>Warum wird „{0}“ für dieses Modell bewusst angenommen?</source>
        <translation>Why is “{0}” deliberately accepted for this model?</translation>
    </message>
    <message>
        <source>Die Begründung wird mit dem Modell gespeichert und im PDF-Anhang aufgeführt, damit der Rat sieht, was bewusst so entschieden wurde.</source>
        <translation>The reason is saved with the model and listed in the PDF appendix, so that the council sees what was decided deliberately.</translation>
    </message>
    <message>
        <source>z. B. Übergangslösung bis zur Besetzung der Stelle (Ratsbeschluss vom …)</source>
        <translation>e.g. interim solution until the post is filled (council decision of …)</translation>
    </message>
    <message>
        <source>Ausschalten</source>
        <translation>Switch off</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Nicht gespeicherte Arbeit wiederherstellen</source>
        <translation>Restore unsaved work</translation>
    </message>
    <message>
        <source>OrgDesigner wurde beim letzten Mal nicht regulär beendet. Diese Arbeit war noch nicht gespeichert und wurde automatisch gesichert:</source>
        <translation>OrgDesigner did not close normally last time. This work was not saved yet and was backed up automatically:</translation>
    </message>
    <message>
        <source>Modell</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Gesichert am</source>
        <translation>Backed up on</translation>
    </message>
    <message>
        <source>Einheiten</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Das Modell war noch nie gespeichert.</source>
        <translation>The model was never saved.</translation>
    </message>
    <message>
        <source>„Wiederherstellen“ öffnet die angehakten Sicherungen als ungespeicherte Änderungen Ihrer Datei – speichern Sie sie danach. „Verwerfen“ löscht sie endgültig. „Später“ behält alle Sicherungen bis zum nächsten Start.</source>
        <translation>“Restore” opens the ticked backups as unsaved changes to your file – save them afterwards. “Discard” deletes them for good. “Later” keeps all backups until the next start.</translation>
    </message>
    <message>
        <source>Wiederherstellen</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Verwerfen</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Später</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Unbenanntes Modell</source>
        <translation>Untitled model</translation>
    </message>
    <message>
        <source>%d.%m.%Y, %H:%M Uhr</source>
        <translation>%d/%m/%Y, %H:%M</translation>
    </message>
    <message>
        <source>1 Einheit</source>
        <translation>1 unit</translation>
    </message>
    <message>
        <source>{0} Einheiten</source>
        <translation>{0} units</translation>
    </message>
    <message>
        <source>Datei nicht mehr vorhanden</source>
        <translation>File no longer exists</translation>
    </message>
    <message>
        <source>Datei wurde inzwischen anderweitig geändert</source>
        <translation>File was changed elsewhere in the meantime</translation>
    </message>
    <message>
        <source>Sicherungen verwerfen</source>
        <translation>Discard backups</translation>
    </message>
    <message>
        <source>{0} automatische Sicherung(en) werden endgültig gelöscht. Die Arbeit darin geht verloren.</source>
        <translation>{0} automatic backup(s) will be deleted for good. The work in them is lost.</translation>
    </message>
</context>
<context>
    <name>RulePanel</name>
    <message>
        <source>Warnung</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Hint</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>{0} weitere</source>
        <translation>{0} more</translation>
    </message>
    <message>
        <source>Organisationsverständnis:</source>
        <translation>Understanding of organisation:</translation>
    </message>
    <message>
        <source>Prüfung nach der Arbeitshilfe zeigen</source>
        <translation>Show the check against the guide</translation>
    </message>
    <message>
        <source>Prüfung läuft …</source>
        <translation>Checking …</translation>
    </message>
    <message>
        <source>… und {0} weitere. Die Markierungen auf der Zeichenfläche zeigen alle; was Sie beheben, rückt hier nach.</source>
        <translation>… and {0} more. The marks on the canvas show all of them; what you fix makes room here.</translation>
    </message>
    <message>
        <source>Für dieses Modell ausschalten …</source>
        <translation>Switch off for this model …</translation>
    </message>
    <message>
        <source>Prüfregel „{0}“ (Kennung: {1})</source>
        <translation>Rule “{0}” (id: {1})</translation>
    </message>
    <message>
        <source>Betrifft:</source>
        <translation>Concerns:</translation>
    </message>
    <message>
        <source>Derzeit kein Befund dieser Regel.</source>
        <translation>No finding of this rule at present.</translation>
    </message>
    <message>
        <source>1 Befund angenommen.</source>
        <translation>1 finding accepted.</translation>
    </message>
    <message>
        <source>{0} Befunde angenommen.</source>
        <translation>{0} findings accepted.</translation>
    </message>
    <message>
        <source>Wieder einschalten</source>
        <translation>Switch on again</translation>
    </message>
    <message>
        <source>Bewusst angenommen – Begründung:</source>
        <translation>Deliberately accepted – reason:</translation>
    </message>
    <message>
        <source>und {0} weitere</source>
        <translation>and {0} more</translation>
    </message>
    <message>
        <source>Warnungen ({0})</source>
        <translation>Warnings ({0})</translation>
    </message>
    <message>
        <source>Hinweise ({0})</source>
        <translation>Hints ({0})</translation>
    </message>
    <message>
        <source>Informationen ({0})</source>
        <translation>Information ({0})</translation>
    </message>
    <message>
        <source>Bewusst angenommen ({0})</source>
        <translation>Deliberately accepted ({0})</translation>
    </message>
    <message>
        <source>{0} ein- oder ausblenden</source>
        <translation>Show or hide {0}</translation>
    </message>
    <message>
        <source>1 Warnung</source>
        <translation>1 warning</translation>
    </message>
    <message>
        <source>1 Hinweis</source>
        <translation>1 hint</translation>
    </message>
    <message>
        <source>1 Information</source>
        <translation>1 information</translation>
    </message>
    <message>
        <source>{0} Warnungen</source>
        <translation>{0} warnings</translation>
    </message>
    <message>
        <source>{0} Hinweise</source>
        <translation>{0} hints</translation>
    </message>
    <message>
        <source>{0} Informationen</source>
        <translation>{0} information</translation>
    </message>
    <message>
        <source>Zusammenfassung der Arbeitshilfe, {0}</source>
        <translation>Summary of the guide, {0}</translation>
    </message>
    <message>
        <source>Der Befund „{0}“ betrifft das Modell als Ganzes.</source>
        <translation>The finding “{0}” concerns the model as a whole.</translation>
    </message>
    <message>
        <source>Im Modell zeigen</source>
        <translation>Show in model</translation>
    </message>
    <message>
        <source>Begründung ändern …</source>
        <translation>Change reason …</translation>
    </message>
    <message>
        <source>Regel „{0}“ wieder einschalten</source>
        <translation>Switch rule “{0}” on again</translation>
    </message>
    <message>
        <source>Regel „{0}“ für dieses Modell ausschalten …</source>
        <translation>Switch off rule “{0}” for this model …</translation>
    </message>
    <message>
        <source>Text kopieren</source>
        <translation>Copy text</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Die Einstellungsdatei war beschädigt und wurde durch die Standardeinstellungen ersetzt.</source>
        <translation>The settings file was damaged and was replaced by the default settings.</translation>
    </message>
    <message>
        <source>Die alte Datei liegt unter {0}.</source>
        <translation>The old file is at {0}.</translation>
    </message>
    <message>
        <source>Die Einstellungen hatten eine unbekannte Fassung und wurden auf die Standardwerte zurückgesetzt.</source>
        <translation>The settings had an unknown version and were reset to the defaults.</translation>
    </message>
    <message>
        <source>Eine Einstellung war ungültig und wurde auf den Standardwert zurückgesetzt ({0}).</source>
        <translation>A setting was invalid and was reset to its default ({0}).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Eingabe</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Gewählte Organisationsform in der Mitte der Ansicht einfügen</source>
        <translation>Insert the selected organisation form at the centre of the view</translation>
    </message>
    <message>
        <source>Nächste / vorige Einheit auswählen</source>
        <translation>Select next / previous unit</translation>
    </message>
    <message>
        <source>Tab / Umschalt+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Strg+Tab / Strg+Umschalt+Tab</source>
        <translation>Ctrl+Tab / Ctrl+Shift+Tab</translation>
    </message>
    <message>
        <source>Nächste / vorige Einheit zur Auswahl hinzufügen</source>
        <translation>Add next / previous unit to the selection</translation>
    </message>
    <message>
        <source>Pfeiltasten</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <source>Auswahl verschieben (10 Punkte)</source>
        <translation>Move selection (10 points)</translation>
    </message>
    <message>
        <source>Umschalt+Pfeiltasten</source>
        <translation>Shift+arrow keys</translation>
    </message>
    <message>
        <source>Menütaste / Umschalt+F10</source>
        <translation>Menu key / Shift+F10</translation>
    </message>
    <message>
        <source>Auswahl in großen Schritten verschieben (50 Punkte)</source>
        <translation>Move selection in big steps (50 points)</translation>
    </message>
    <message>
        <source>Pfeil ab (im Suchfeld der Palette)</source>
        <translation>Down arrow (in the palette&apos;s search field)</translation>
    </message>
    <message>
        <source>In die Liste der Organisationsformen wechseln</source>
        <translation>Move into the list of organisation forms</translation>
    </message>
    <message>
        <source>Pos1 / Ende</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>Erste / letzte Einheit auswählen</source>
        <translation>Select first / last unit</translation>
    </message>
    <message>
        <source>Alt+Pfeiltasten</source>
        <translation>Alt+arrow keys</translation>
    </message>
    <message>
        <source>Auswahl fein verschieben (1 Punkt)</source>
        <translation>Move selection finely (1 point)</translation>
    </message>
    <message>
        <source>Kontextmenü der Auswahl öffnen</source>
        <translation>Open the context menu of the selection</translation>
    </message>
    <message>
        <source>Auswahl aufheben</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Leertaste + Ziehen</source>
        <translation>Space + drag</translation>
    </message>
    <message>
        <source>Ansicht verschieben</source>
        <translation>Pan the view</translation>
    </message>
    <message>
        <source>Tastenkürzel</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Alle Bearbeitungen gehen auch ohne Maus. Mit Tab wechseln Sie zwischen den Bereichen; auf der Zeichenfläche wählt Tab die Einheiten nacheinander aus.</source>
        <translation>Every edit also works without a mouse. Tab moves between the panels; on the canvas, Tab selects the units one after another.</translation>
    </message>
    <message>
        <source>Taste</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Wirkung</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Zusammenfassung</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Das entsteht mit „Fertigstellen“ als neues, noch nicht gespeichertes Modell. Alles lässt sich danach ändern.</source>
        <translation>This is created with “Finish” as a new, not yet saved model. Everything can be changed afterwards.</translation>
    </message>
    <message>
        <source>{0} Einheiten und {1} Beziehungen:</source>
        <translation>{0} units and {1} relations:</translation>
    </message>
    <message>
        <source>Nichts ergänzt: Die Antworten enthalten alles, was der Leitfaden für diese Phase erwartet.</source>
        <translation>Nothing added: the answers contain everything the guide expects for this phase.</translation>
    </message>
    <message>
        <source>Ergänzt, obwohl nicht gewählt (und warum):</source>
        <translation>Added although not chosen (and why):</translation>
    </message>
</context>
<context>
    <name>_Page</name>
    <message>
        <source>(verschiedene Werte)</source>
        <translation>(different values)</translation>
    </message>
    <message>
        <source>verschiedene Werte</source>
        <translation>different values</translation>
    </message>
</context>
</TS>
