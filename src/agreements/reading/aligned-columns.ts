// Tables laid out with spaces: plain-text exports (pdftotext -layout, a typed text file) put a
// table's columns at shared character positions with runs of spaces between them. Such lines are
// turned into tab-separated cells here, so the table detectors read them as they read a Word or
// PDF table. A line counts only as part of a run of lines whose cells start at the same columns:
// two spaces inside one sentence, or one indented line, is not a table.
import { columnRoleOf } from "../../shared/lexicon/agreement-vocabulary.ts";
import { fold } from "../../shared/text/fold.ts";
import { isRuledLine } from "./ruled-lines.ts";

interface Chunk {
  start: number;
  text: string;
}

/** The pieces of a line between runs of two or more spaces, with where each starts. */
export function chunksOf(line: string): Chunk[] {
  const chunks: Chunk[] = [];
  const pattern = /\S+(?: \S+)*/g;
  for (let match = pattern.exec(line); match; match = pattern.exec(line))
    chunks.push({ start: match.index, text: match[0] });
  return chunks;
}

/** Columns a run's lines share: chunk starts (give or take a character) found on half its lines or more. */
function sharedColumns(rows: Chunk[][]): number[] {
  const starts = [...new Set(rows.flatMap((chunks) => chunks.map((c) => c.start)))].sort((a, b) => a - b);
  const columns: number[] = [];
  for (const start of starts) {
    if (columns.some((c) => Math.abs(c - start) <= 1)) continue;
    const lines = rows.filter((chunks) => chunks.some((c) => Math.abs(c.start - start) <= 1)).length;
    if (lines >= Math.max(2, rows.length * 0.5)) columns.push(start);
  }
  return columns;
}

const labelledField = /^\p{L}[\p{L}\d ]{0,25}:\s+\S/u;

// A two-column run is a table only under a header that says so ("Verksamhet   Belopp, tkr"), or
// when every row under its first holds a date ("28 januari   14 januari"): a list of meetings.
const tableNamingCell = /^(indikator|nyckeltal|matt|verksamhet|aktivitet|uppdrag|punkt|mal\b)/;
const dateCell =
  /^(?:\d{1,2}\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\p{L}*\.?(?:\s+\d{4})?|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2})$/u;

function isTable(rows: Chunk[][], columns: number[]): boolean {
  if (rows.length < 3 || columns.length < 2) return false;
  // "Ordförande:    Eva Marklund": a list of labels and values, read as such elsewhere.
  if (rows.every((chunks) => /:$/.test(chunks[0]!.text))) return false;
  // "1.1  Antal hushåll …" over "Källa: Kolada   Utfall 2024: 41 %   Målvärde 2025: 38 %": entries with
  // a line of labelled fields each, not a table (a table names its columns once, in its header).
  const fielded = rows.filter((chunks) => chunks.filter((c) => labelledField.test(c.text)).length >= 2).length;
  if (fielded >= rows.length / 2) return false;
  if (columns.length >= 3) return true;
  const header = rows[0]!.map((c) => fold(c.text));
  if (rows.slice(1).every((chunks) => chunks.some((c) => dateCell.test(fold(c.text))))) return true;
  return tableNamingCell.test(header[0] ?? "") && header.slice(1).some((cell) => columnRoleOf(cell) !== "unknown");
}

export interface AlignedColumns {
  /** Rows of space-aligned tables rewritten with a tab between cells, by line index. */
  rows: Map<number, string>;
  /** Lines that only wrapped a row's cells, emptied into that row: line → the row's line. */
  moved: Map<number, number>;
}

/** A line that goes on with the row above: nothing in the first column and a cell that starts in lower case. */
function continuesRow(cells: string[][]): boolean {
  return cells[0]!.length === 0 && cells.some((parts) => /^\p{Ll}/u.test(parts[0] ?? ""));
}

/**
 * A line of one piece at the margin that opens a row whose first cell wraps: the line after it is
 * indented and holds the rest of that cell and the row's other cells ("    per månad   512   högst 470").
 */
function opensWrappedRow(lines: string[], at: number): boolean {
  const next = chunksOf(lines[at + 1] ?? "");
  return next.length >= 2 && next[0]!.start > 0 && /^\d{1,2}(?:\.\d{1,2})*\.?\s|^\p{Lu}/u.test(lines[at]!.trim());
}

/**
 * Whether the run's last lines, indented pieces after its last row, wrap that row: they are
 * followed by a blank line or the end, not by more text of their own.
 */
function wrapsLastRow(lines: string[], run: number[]): boolean {
  const next = lines[run.at(-1)! + 1];
  return next === undefined || next.trim() === "";
}

/**
 * The rows of space-aligned tables: runs of three or more consecutive lines with at least two
 * cells each, sharing their column positions. A line that wraps the row above (its first column
 * empty, going on in lower case) is joined to that row.
 */
export function alignedColumnLines(lines: string[]): AlignedColumns {
  const rowsOut = new Map<number, string>();
  const moved = new Map<number, number>();
  let previous: { columns: number[]; end: number } | null = null;
  let i = 0;
  while (i < lines.length) {
    const run: number[] = [];
    const rows: Chunk[][] = [];
    // A drawn table ("| a | b |", "+---+---+") has its own edges; the spaces padding its cells are no column gaps.
    // An indented line of one piece after a row ("     2025 inkl. indikatorer A1–A3") is that row's
    // cell wrapping onto the next line: it stays in the run.
    for (let j = i; j < lines.length && !lines[j]!.includes("\t") && !isRuledLine(lines[j]!); j++) {
      // A rule under the header or above the total ("  ---------") draws the table; it is no cell.
      if (run.length > 0 && /^\s*[-=_─━~]{5,}\s*$/u.test(lines[j]!)) continue;
      const chunks = chunksOf(lines[j]!);
      if (
        chunks.length < 2 &&
        !(run.length > 0 && chunks.length === 1 && (chunks[0]!.start > 0 || opensWrappedRow(lines, j)))
      )
        break;
      run.push(j);
      rows.push(chunks);
    }
    // …but a run ends with a row, not with an indented line of its own.
    while (run.length > 0 && rows.at(-1)!.length < 2 && !wrapsLastRow(lines, run)) {
      run.pop();
      rows.pop();
    }
    if (run.length === 0) {
      i++;
      continue;
    }
    const multiCell = rows.filter((chunks) => chunks.length >= 2);
    // The indented rest of a wrapped first cell ("    per månad   512   högst 470") starts no column.
    const wrappedRest = (k: number) => k > 0 && rows[k - 1]!.length === 1 && rows[k - 1]![0]!.start === 0;
    let columns = sharedColumns(
      rows.flatMap((chunks, k) => (chunks.length < 2 ? [] : wrappedRest(k) ? [chunks.slice(1)] : [chunks])),
    );
    // …the margin the wrapped rows open at is the first column.
    if (rows.some((_, k) => wrappedRest(k)) && !columns.some((c) => c <= 1)) columns.unshift(0);
    // "KVARTAL 3" over two rows, a few lines after the table's part above: too short to be a table
    // alone, but its cells start at that table's columns.
    const continuesAbove =
      previous !== null &&
      run[0]! - previous.end <= 8 &&
      multiCell.length >= 1 &&
      multiCell.every(
        (chunks) =>
          chunks.length >= 3 && chunks.every((c) => previous!.columns.some((col) => Math.abs(col - c.start) <= 1)),
      );
    if (continuesAbove) columns = previous!.columns;
    if (continuesAbove || isTable(multiCell, columns)) {
      previous = { columns, end: run.at(-1)! };
      let target: { line: number; cells: string[][] } | null = null;
      const table: Array<{ line: number; cells: string[][] }> = [];
      const flush = () => {
        if (target) table.push(target);
      };
      for (let k = 0; k < run.length; k++) {
        const cells = columns.map(() => [] as string[]);
        for (const chunk of rows[k]!) {
          // A cell that overflows its column ("Lex Sarah  Sammanställning …") still belongs to the
          // column it starts after.
          let column = 0;
          for (let c = 0; c < columns.length; c++) if (columns[c]! <= chunk.start + 1) column = c;
          // A right-aligned column's header starts left of its values ("Budget 2026, tkr" over
          // "31 420"): a second piece in one column that runs over the next column's start is the next's.
          const next = columns[column + 1];
          if (next !== undefined && cells[column]!.length > 0 && chunk.start + chunk.text.length > next + 1) column++;
          cells[column]!.push(chunk.text);
        }
        const wrapped = rows[k]!.length === 1 && cells[0]!.length === 0;
        // "1.1 Antal hushåll med ekonomiskt bistånd, genomsnitt" over "    per månad   512   högst 470":
        // a row whose first cell wrapped before its values, the rest indented under it.
        const finishesRow =
          target !== null &&
          target.cells.slice(1).every((parts) => parts.length === 0) &&
          rows[k]![0]!.start > 0 &&
          rows[k]![0]!.start < (columns[1] ?? Number.POSITIVE_INFINITY) - 1;
        if (target && (finishesRow || (k > 1 && (wrapped || continuesRow(cells))))) {
          for (let c = 0; c < cells.length; c++) target.cells[c]!.push(...cells[c]!);
          rowsOut.set(run[k]!, "");
          moved.set(run[k]!, target.line);
          continue;
        }
        flush();
        target = { line: run[k]!, cells };
      }
      flush();
      // "Budget 2026, tkr" over right-aligned amounts: a column only the header fills, beside one
      // only the values fill, is one column.
      for (let c = columns.length - 2; c >= 0 && table.length >= 3; c--) {
        const [header, ...body] = table;
        const apart = table.every((row) => row.cells[c]!.length === 0 || row.cells[c + 1]!.length === 0);
        const headerLeft = header!.cells[c]!.length > 0 && header!.cells[c + 1]!.length === 0;
        const valuesRight = body.filter((row) => row.cells[c + 1]!.length > 0).length > body.length / 2;
        if (!apart || !headerLeft || !valuesRight) continue;
        for (const row of table) row.cells.splice(c, 2, [...row.cells[c]!, ...row.cells[c + 1]!]);
      }
      for (const row of table) rowsOut.set(row.line, row.cells.map((parts) => parts.join(" ")).join("\t"));
    }
    i = run.at(-1)! + 1;
  }
  return { rows: rowsOut, moved };
}
