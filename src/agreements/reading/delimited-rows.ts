// Tables exported from planning and follow-up tools as delimited text ("Nr;Uppdrag;Indikator",
// "Nr|Rapport|Form|Sammanträde"), pasted into a document: each record becomes one tab-separated
// row, which the table detectors read like a Word table. A quoted cell may run over several lines
// (CSV keeps the line breaks of a cell inside its quotes); its lines join the record's row, and the
// lines it took are left empty, marked as moved into that row.

export interface DelimitedRows {
  /** Line index → the record that starts there, as tab-separated cells. */
  rows: Map<number, string>;
  /** Line index → the line a record that started earlier took this line into. */
  moved: Map<number, number>;
  /** Line index → the line without the empty cells an export pads it with ("Status: Fastställd;;;;;"). */
  trimmed: Map<number, string>;
}

interface Record {
  first: number;
  last: number;
  cells: string[];
}

const delimiters = [";", "|"] as const;
/** At most this many lines in one quoted cell: a stray quote must not swallow the document. */
const maxLinesPerRecord = 8;

/** The cells of the record starting at `start`, following a quoted cell onto the next lines; null when its quote never closes. */
function readRecord(lines: string[], start: number, delimiter: string): Record | null {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  let atCellStart = true;
  for (let index = start; index < lines.length && index < start + maxLinesPerRecord; index++) {
    const line = lines[index]!;
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!;
      if (quoted) {
        if (char === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"' && atCellStart) {
        quoted = true;
        atCellStart = false;
      } else if (char === delimiter) {
        cells.push(cell.trim());
        cell = "";
        atCellStart = true;
      } else {
        cell += char;
        if (char.trim()) atCellStart = false;
      }
    }
    if (!quoted) {
      cells.push(cell.trim());
      return { first: start, last: index, cells };
    }
    // A quoted cell's line break is a space in the row.
    cell += " ";
  }
  return null;
}

/** The cells without the empty ones an export pads a record with at its end. */
function withoutPadding(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end--;
  return cells.slice(0, end);
}

/**
 * A run of records is a table when it has three or more, each of two cells or more, whose first
 * cell is short (an id or a label, not a sentence that happens to hold a semicolon).
 */
function isTableRecord(record: Record): boolean {
  const cells = withoutPadding(record.cells);
  if (cells.length < 2) return false;
  const first = cells[0]!;
  // A sentence with a semicolon in it is prose: "… följer mallen; i övrigt gäller …".
  if (first.length > 80 || (cells.length === 2 && /[.!?]$/.test(first) && first.split(/\s+/).length > 6)) return false;
  return true;
}

export function delimitedRows(lines: string[]): DelimitedRows {
  const rows = new Map<number, string>();
  const moved = new Map<number, number>();
  const trimmed = new Map<number, string>();
  for (let index = 0; index < lines.length; index++) {
    // "Dokument: BESTÄLLNING 2027;;;;;": the padding of a one-cell record is no part of its text.
    const padded = /^(.*?[^;|\s])\s*[;|]{2,}\s*$/.exec(lines[index]!);
    if (padded && !/[;|]/.test(padded[1]!)) trimmed.set(index, padded[1]!);
  }
  for (const delimiter of delimiters) {
    let i = 0;
    while (i < lines.length) {
      const line = lines[i]!;
      // Word's tabs, an aligned table's columns and a drawn table's edges ("| a | b |") are read elsewhere.
      if (!line.includes(delimiter) || line.includes("\t") || rows.has(i) || /^\s*[|+]/.test(line)) {
        i++;
        continue;
      }
      const run: Record[] = [];
      for (let at = i; at < lines.length; ) {
        const text = lines[at]!;
        if (!text.includes(delimiter) || text.includes("\t") || rows.has(at)) break;
        const record = readRecord(lines, at, delimiter);
        if (!record || !isTableRecord(record)) break;
        run.push(record);
        at = record.last + 1;
      }
      if (run.length < 3) {
        i++;
        continue;
      }
      // Every record as wide as the header: a last cell left empty ("R3|U1|…|fre v. 9|") is still a cell.
      const width = withoutPadding(run[0]!.cells).length;
      for (const record of run) {
        const cells = withoutPadding(record.cells);
        while (cells.length < Math.min(width, record.cells.length)) cells.push("");
        rows.set(record.first, cells.join("\t"));
        for (let moving = record.first + 1; moving <= record.last; moving++) moved.set(moving, record.first);
      }
      i = run[run.length - 1]!.last + 1;
    }
  }
  return { rows, moved, trimmed };
}
