// Passages for answering questions, built from the reader's blocks: the sentences of paragraphs
// (re-flowed over the lines OCR and PDF wrapped them on), list items with the sentence that
// introduces the list, and table rows with their label and column headers. Each keeps its block
// and position, so an answer can quote a sentence together with its neighbours.
import { fold, squash } from "../../shared/text/fold.ts";
import type { PassageModel } from "../agreement-model.ts";
import type { DocumentStructure } from "./blocks/build-blocks.ts";
import { splitSentences } from "./items/sentences.ts";

export function buildPassages(structure: DocumentStructure): PassageModel[] {
  const passages: PassageModel[] = [];
  const add = (passage: Omit<PassageModel, "ordinal">) => {
    if (passage.text.length < 2) return;
    passages.push({ ...passage, ordinal: passages.length });
  };
  for (const block of structure.blocks) {
    switch (block.kind) {
      case "heading":
        add({
          section: block.section,
          block: block.id,
          position: 0,
          kind: "heading",
          text: block.text,
          label: null,
          context: null,
        });
        break;
      case "paragraph": {
        // Line-oriented paragraphs (lists without bullets, amount lines) are read line by line.
        // Rows of a table that lost its columns: each line a label with its amounts ("Barn och unga -124 613 -146 900").
        const lineOriented =
          block.lines.length >= 3 &&
          block.lines.filter((l) => /\p{L}{3}/u.test(l) && /\d[\d\s,.%]*$/.test(l) && l.length < 90).length >=
            block.lines.length * 0.6;
        if (lineOriented) {
          // Each line a row: its words are the label of its amounts; a line without amounts above
          // them ("Ersättningar till DSO") is the heading of the rows that follow.
          let heading: string | null = null;
          // A "varav" row ("- varav HVB-vård -43 000") is a part of the row above it, which is its context.
          let parent: string | null = null;
          block.lines.forEach((line, position) => {
            const row = /^(.*?\p{L}.*?)\s+((?:[-–]?\s?\d[\d\s,.%]*)+)$/u.exec(line);
            if (!row) heading = squash(line);
            const label = row ? squash(row[1]!.replace(/^[-–|•\s]+/, "")) : null;
            const part =
              label !== null && /^(varav|därav|varav:|of which)\b/iu.test(label.replace(/^var[ao]v\b/i, "varav"));
            if (label !== null && !part) parent = label;
            const context = row ? [heading, part ? parent : null].filter(Boolean).join(" – ") || null : null;
            add({
              section: block.section,
              block: block.id,
              position,
              kind: row ? "tableRow" : "sentence",
              text: squash(line),
              label,
              context,
            });
          });
          break;
        }
        // "Ansvarig: Jessica Norén, verksamhetschef": a field's name labels what the paragraph says.
        const field = /^(\p{Lu}[\p{L}/ -]{1,30}?):\s+\S/u.exec(block.text);
        // (A field: a name of a word or two over a short value, not a sentence's lead-in.)
        const fieldLabel = field && field[1]!.split(/\s+/).length <= 2 && block.text.length <= 160 ? field[1]! : null;
        splitSentences(block.text).forEach((text, position) => {
          add({
            section: block.section,
            block: block.id,
            position,
            kind: "sentence",
            text: squash(text),
            label: fieldLabel,
            context: null,
          });
        });
        break;
      }
      case "listItem":
        splitSentences(block.text).forEach((text, position) => {
          add({
            section: block.section,
            block: block.id,
            position,
            kind: "listItem",
            text: squash(text),
            label: null,
            context: block.leadIn,
          });
        });
        break;
      case "table": {
        const header = block.header;
        let lastLabel: string | null = null;
        // A row inside a table that names the rows below it ("Nyckeltal för Kommunfullmäktiges mål | Källa").
        let subHeader: string | null = null;
        block.rows.forEach((row, position) => {
          const filled = row.cells.map((cell, c) => ({ cell: squash(cell), c })).filter((x) => x.cell);
          if (filled.length === 0) return;
          let first = squash(row.cells[0] ?? "");
          // A total under a column of codes ("     Summa ersättning till DVO   940 800" under "S4 …")
          // is labelled by its own words, not by the code of the row above.
          if (!first && /^(summa|totalt|total|sammanlagt|sammantaget|totala)\b/i.test(filled[0]!.cell))
            first = filled[0]!.cell;
          if (first) lastLabel = first;
          const headerLike =
            filled.length >= 2 &&
            filled.every((x) => x.cell.length <= 90 && !/\d{3}/.test(x.cell)) &&
            /^(indikator|nyckeltal|mal\b|malet|.*\bmal$|uppdrag|matt|kalla)/.test(fold(first)) &&
            filled
              .slice(1)
              .every((x) =>
                /^(kalla|onskat resultat|rapport|beskrivning|utfall|malvarde|indikator)/.test(fold(x.cell)),
              );
          if (headerLike) subHeader = filled.map((x) => x.cell).join(" | ");
          // A header that names its columns ("Vad | När | Hur") labels each cell; a two-column
          // table of "label | value" rows labels the value with the row's first cell.
          // Short value columns keep their header ("När: 2025-05-28; Hur: Skriftlig"); the text
          // columns (Vad, Titel, Beskrivning) are read as they are.
          const valueColumn = (c: number) =>
            ["when", "due", "how", "recipient", "source", "amount", "occasion", "reporting"].includes(
              block.roles[c] ?? "",
            );
          // Short figures keep their column too ("Utfall 2024: 71 – Målvärde 2025: 90"): without it a
          // bare number says nothing.
          // (A dash in a figure column is its figure: nothing that year.)
          const figure = (cell: string, c: number) =>
            c > 0 && cell.length <= 24 && (/\d/.test(cell) || /^[-–—]$/.test(cell)) && !/\d{4}-\d{2}-\d{2}/.test(cell);
          // A table read from labelled lines says what each cell is: "Startdatum: 2026-01-01";
          // without a header its lines are "label: value" as written.
          const labelled = block.origin === "labelled";
          const text =
            labelled && !header
              ? filled.map((x) => x.cell).join(": ")
              : filled
                  .map(({ cell, c }) =>
                    header?.[c] && (labelled || valueColumn(c) || figure(cell, c)) ? `${header[c]}: ${cell}` : cell,
                  )
                  .join(" – ");
          add({
            section: block.section,
            block: block.id,
            position,
            kind: "tableRow",
            text,
            // A row of dates is labelled by the section it dates.
            label: labelled && header ? (structure.sections[block.section]?.heading ?? null) : first || lastLabel,
            context: subHeader ?? (header ? header.filter(Boolean).join(" | ") : null),
          });
        });
        break;
      }
      default:
        break;
    }
  }
  return passages;
}
