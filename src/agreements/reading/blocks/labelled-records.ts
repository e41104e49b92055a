// Reporting plans written as records of labelled fields, one field per line, a blank line between
// records:
//   Tidpunkt: 2026-05-20
//   Ärende: Tertialrapport 1 (januari–april) med indikatorer och ekonomisk
//   uppföljning
//   Form: Skriftlig i VP
//   Underlag senast: 2026-05-04
// Records that share their labels, one of which names a time, are one table: the labels are its
// header (with the roles they name) and each record is a row. A value that wraps goes on in the
// lines after its label.
import { fold, squash } from "../../../shared/text/fold.ts";
import { columnRoleOf, labelKeyOf } from "../../../shared/lexicon/agreement-vocabulary.ts";
import type { CellEntry, DetectedTable, TableRow } from "./block-model.ts";
import type { TableDetector } from "./table-detectors.ts";

interface Field {
  label: string;
  value: string;
  lines: number[];
}

interface RecordDraft {
  fields: Field[];
  firstLine: number;
  lastLine: number;
}

/** "Underlag senast: 2026-05-04": a label of one to four words, a colon, its value. */
const labelled = /^(\p{Lu}[\p{L}.\-/]*(?:\s+[\p{L}.\-/]+){0,3}(?:\s+(?:19|20)\d{2})?)\s*:\s*(.*)$/u;

function labelOf(text: string): { label: string; value: string } | null {
  const match = labelled.exec(text.trim());
  if (!match) return null;
  const label = match[1]!;
  // "Obs: …", a time of day ("kl. 13:30") or a ratio is no field label; a label may end in the
  // year it is of ("Målvärde 2026", "Utgångsvärde 2025").
  if (label.length > 32 || /\d/.test(label.replace(/\s(?:19|20)\d{2}$/, ""))) return null;
  return { label, value: match[2]!.trim() };
}

/** The records from `start`: label lines and the lines their values wrap onto, a blank line between records. */
function recordsFrom(context: Parameters<TableDetector>[0], start: number): RecordDraft[] {
  const { lines, claimed, boundaries } = context;
  const records: RecordDraft[] = [];
  let current: RecordDraft | null = null;
  let blanks = 0;
  for (let i = start; i < lines.length; i++) {
    if (claimed.has(i) || (boundaries.has(i) && i !== start)) break;
    const line = lines[i]!;
    if (line.blank || line.cells) {
      if (line.cells) break;
      blanks++;
      // Page furniture removed leaves several blank lines between two records of one plan.
      if (blanks > 4) break;
      if (current) {
        records.push(current);
        current = null;
      }
      continue;
    }
    const field = labelOf(line.text);
    const first = records[0]?.fields[0]?.label;
    if (field) {
      // The first label comes back: the next record begins (plans without blank lines between records).
      if (current && first && labelKeyOf(field.label) === labelKeyOf(first)) {
        records.push(current);
        current = null;
      }
      if (!current) {
        // A record opens with the label the first one opened with.
        if (first && labelKeyOf(field.label) !== labelKeyOf(first)) break;
        current = { fields: [], firstLine: i, lastLine: i };
      }
      current.fields.push({ label: field.label, value: field.value, lines: [i] });
      current.lastLine = i;
      blanks = 0;
      continue;
    }
    // A caption over a record ("[Ärendeblock 7.2]", "Ärende 3"): a short line of its own, right above
    // the label the records open with, is no text between them.
    const next = lines[i + 1];
    const nextField = next && !next.blank && !next.cells ? labelOf(next.text) : null;
    if (
      (!current || blanks > 0) &&
      records.length > 0 &&
      nextField &&
      first &&
      labelKeyOf(nextField.label) === labelKeyOf(first) &&
      line.text.trim().length <= 40 &&
      !/[.!?]$/.test(line.text.trim())
    ) {
      if (current) {
        records.push(current);
        current = null;
      }
      continue;
    }
    // A wrapped value goes on; any other line after a blank is text, which ends the records.
    if (current && blanks === 0 && current.fields.length > 0) {
      const last = current.fields[current.fields.length - 1]!;
      last.value = `${last.value} ${line.text.trim()}`.trim();
      last.lines.push(i);
      current.lastLine = i;
      continue;
    }
    break;
  }
  if (current) records.push(current);
  return records;
}

const indicatorLabel = /^(indikator|nyckeltal|matt|matetal|resultatmatt)$/;

export const detectLabelledRecords: TableDetector = (context) => {
  const tables: DetectedTable[] = [];
  const { lines, claimed } = context;
  for (let i = 0; i < lines.length; i++) {
    if (claimed.has(i) || lines[i]!.blank || !labelOf(lines[i]!.text)) continue;
    const found = recordsFrom(context, i);
    // Indicators written as records ("Indikator: Antal besök" over "Utgångsvärde 2025: 4,1" and
    // "Målvärde 2026: 4,5"): one record is a table of its own, two fields are enough.
    const indicators = indicatorLabel.test(fold(found[0]?.fields[0]?.label ?? ""));
    // The records up to the first one of fewer than three fields.
    const short = found.findIndex((r) => r.fields.length < (indicators ? 2 : 3));
    const records = short < 0 ? found : found.slice(0, short);
    const header: string[] = [];
    for (const record of records)
      for (const field of record.fields)
        if (!header.some((h) => labelKeyOf(h) === labelKeyOf(field.label))) header.push(field.label);
    const roles = header.map((h) => columnRoleOf(labelKeyOf(h)));
    // "Rapportering: Verksamhetsberättelse 2026 …" opening each record names what is reported.
    if (!roles.includes("what") && roles[0] === "reporting") roles[0] = "what";
    // Two records or more of three fields or more, one of which says when.
    const shaped = records.length >= 2;
    const plan = shaped && roles.some((r) => r === "when" || r === "due") && roles.includes("what");
    if (!plan && !(indicators && records.length >= 1 && records.every((r) => r.fields.length >= 2))) continue;
    const rows: TableRow[] = records.map((record) => {
      const cells = header.map((h) =>
        squash(record.fields.find((f) => labelKeyOf(f.label) === labelKeyOf(h))?.value ?? ""),
      );
      const entries: CellEntry[] = record.fields
        .filter((f) => f.value)
        .map((f) => ({
          column: header.findIndex((h) => labelKeyOf(h) === labelKeyOf(f.label)),
          text: squash(f.value),
          line: f.lines[0]!,
        }))
        .sort((a, b) => a.line - b.line);
      return { cells, entries, firstLine: record.firstLine, lastLine: record.lastLine };
    });
    const lastLine = records[records.length - 1]!.lastLine;
    tables.push({ firstLine: records[0]!.firstLine, lastLine, header, roles, rows, origin: "records" });
    i = lastLine;
  }
  return tables;
};
