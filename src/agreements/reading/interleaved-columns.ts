// A two-column table whose text came out line by line across its columns: the extractor (or the
// person who pasted it) wrote the first line of each cell, then the second of each, and so on,
// until the shorter cell ran out:
//
//   Särskilt uppdrag                                   ← the header, one column word a line
//   Rapportering till
//   5.1 Ta fram en handlingsplan för att minska        ← left
//   Barn- och utbildningsnämnden.                      ← right
//   problematisk skolfrånvaro i grundskolan.           ← left
//   Skriftlig rapport vid sammanträdet 2025-04-23.     ← right, and the rest is right
//
// Each row (a numbered line and the lines up to the next one) is split where its lines read on
// best as two columns, and the table is given back as tab-separated rows, which the later stages
// read like any other table. Only plain text is rejoined: lines with tabs or positions have their
// columns already.
import {
  columnRoleOf,
  coreAssignmentCue,
  goalCue,
  specialAssignmentCue,
} from "../../shared/lexicon/agreement-vocabulary.ts";
import { fold, squash } from "../../shared/text/fold.ts";
import type { SpellingDictionary } from "./spelling-dictionary.ts";

const rowStart = /^\d{1,2}(?:\.\d{1,3}){1,3}\.?\s+\p{Lu}/u;

/** A header cell that names what the rows are: "Särskilt uppdrag", "Mål", "Grunduppdrag", "Uppdrag". */
function namesRows(text: string): boolean {
  const folded = fold(text)
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!folded || folded.length > 30) return false;
  return (
    coreAssignmentCue.test(folded) ||
    specialAssignmentCue.test(folded) ||
    goalCue.test(folded) ||
    columnRoleOf(folded) === "what"
  );
}

/** A header cell of a known column: "Rapportering till", "Indikator", "När". */
function namesColumn(text: string): boolean {
  const folded = fold(text).trim();
  if (!folded || folded.length > 40 || /[.:;,]$/.test(folded)) return false;
  const role = columnRoleOf(folded);
  return (role !== "unknown" && role !== "amount") || namesRows(text);
}

/**
 * How well `next` reads on after `previous` in one cell: a date or word the line wrap broke
 * ("2025-" / "10-22.", "lokal-" / "försörjning") joins; a sentence goes on in lower case, a new
 * one starts in capitals after a full stop.
 */
export function continuation(previous: string, next: string): number {
  if (/\d-$/.test(previous)) return /^\d/.test(next) ? 2 : -1;
  if (/\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(next)) return 2;
  const ended = /[.!?:]$/.test(previous);
  if (/^\p{Ll}/u.test(next)) return ended ? -1 : 1;
  if (/^[\p{Lu}\d]/u.test(next)) return ended ? 1 : 0;
  return 0;
}

/** How well a cell's lines read on, and whether the cell ends where a sentence ends. */
function flow(lines: string[]): number {
  let score = /[.!?)]$/.test(lines.at(-1) ?? "") ? 1 : 0;
  for (let k = 1; k < lines.length; k++) score += continuation(lines[k - 1]!, lines[k]!);
  return score;
}

/** A line of the reporting column: a date, or the broken-off part of one ("2025-" / "10-22."). */
const dateLine = /\d{4}-\d{1,2}-\d{1,2}|\d{4}-$|^\d{1,2}(?:-\d{1,2})?\.?$/;

/**
 * The row's lines as two cells: lines alternate left, right for the first `alternating` lines,
 * the rest belong to the cell that was longer. Of all such splits, the one whose cells read on
 * best and end where a sentence does, with the dates in the column whose header is about time (when only one is); with equal
 * reading, the one that alternates longest (both cells still had lines).
 */
export function splitRow(
  lines: string[],
  timeColumn: 0 | 1 | null = null,
): { left: string[]; right: string[]; score: number } {
  let best: { left: string[]; right: string[]; score: number; alternating: number } | null = null;
  for (let alternating = 2; alternating <= lines.length; alternating++) {
    for (const tail of [0, 1] as const) {
      if (alternating === lines.length && tail === 0) continue;
      const columns: [string[], string[]] = [[], []];
      let placed = 0;
      lines.forEach((line, k) => {
        const column = k < alternating ? ((k % 2) as 0 | 1) : tail;
        columns[column].push(line);
        if (timeColumn !== null && dateLine.test(line)) placed += column === timeColumn ? 1 : -1;
      });
      const score = flow(columns[0]) + flow(columns[1]) + placed;
      if (!best || score > best.score || (score === best.score && alternating > best.alternating))
        best = { left: columns[0], right: columns[1], score, alternating };
    }
  }
  return best ?? { left: lines, right: [], score: flow(lines) };
}

/** The lines of one cell as one text, with the words and dates the line wrap broke joined again. */
function cellText(lines: string[], dictionary: SpellingDictionary | null): string {
  let text = "";
  for (const line of lines.map(squash)) {
    const hyphenated = /(\p{L}+)-$/u.exec(text);
    const word = /^\p{Ll}+/u.exec(line);
    if (/\d-$/.test(text) && /^\d/.test(line)) text += line;
    else if (hyphenated && word && !/^(och|eller|samt|till)$/.test(word[0]))
      text = dictionary?.isWord(hyphenated[1]! + word[0]) ? text.slice(0, -1) + line : text + line;
    else text = text ? `${text} ${line}` : line;
  }
  return text;
}

const timeRoles = new Set(["due", "when", "reporting", "occasion"]);
const isTimeHeader = (text: string) => timeRoles.has(columnRoleOf(fold(text).trim()));

/**
 * Rewrites, in place, each table of two columns interleaved line by line into tab-separated rows:
 * the header's and each row's first line carry the cells, the row's other lines are emptied (so
 * line numbers stay as they were). A table is only rewritten when its rows read clearly better
 * as two columns than as the lines they came in. Returns, for each emptied line, the line that
 * took its text.
 */
export function rejoinInterleavedColumns(
  lines: string[],
  dictionary: SpellingDictionary | null,
  hasColumns: (index: number) => boolean = () => false,
): Map<number, number> {
  const moved = new Map<number, number>();
  const plain = (i: number) => i < lines.length && !lines[i]!.includes("\t") && !hasColumns(i);
  for (let i = 0; i + 2 < lines.length; i++) {
    if (!plain(i) || !plain(i + 1) || !namesRows(lines[i]!) || !namesColumn(lines[i + 1]!)) continue;
    // The body: numbered rows, up to a blank line.
    let end = i + 2;
    while (end < lines.length && plain(end) && lines[end]!.trim() !== "") end++;
    const starts: number[] = [];
    for (let j = i + 2; j < end; j++) if (rowStart.test(lines[j]!.trim())) starts.push(j);
    if (starts.length < 2 || starts[0] !== i + 2) continue;
    const times = [isTimeHeader(lines[i]!), isTimeHeader(lines[i + 1]!)];
    const timeColumn = times[0] === times[1] ? null : times[0] ? 0 : 1;
    const rows = starts.map((start, k) => {
      const own = lines.slice(start, starts[k + 1] ?? end).map((l) => l.trim());
      return { start, count: own.length, own, ...splitRow(own, timeColumn) };
    });
    const gain = rows.reduce((sum, row) => sum + row.score - flow(row.own), 0);
    if (rows.some((row) => row.right.length === 0) || gain < rows.length) continue;
    lines[i] = `${squash(lines[i]!)}\t${squash(lines[i + 1]!)}`;
    lines[i + 1] = "";
    moved.set(i + 1, i);
    for (const row of rows) {
      lines[row.start] = `${cellText(row.left, dictionary)}\t${cellText(row.right, dictionary)}`;
      for (let k = 1; k < row.count; k++) {
        lines[row.start + k] = "";
        moved.set(row.start + k, row.start);
      }
    }
    i = end - 1;
  }
  return moved;
}
