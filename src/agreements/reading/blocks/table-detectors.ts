// Table detectors. Agreements reach us with tables in many shapes; each detector recognises one
// and returns rows with the role of each column:
//   tabs            tab-separated cells (text files, Word, PDFs with wide column gaps)
//   ruled           tables drawn with characters: | a | b | rows, +---+ grids, box drawing
//   positions       PDF text whose cells sit at shared x positions with narrow gaps
//   header-led      a header of known column words ("Vad / När / Hur / Till vem", "Titel Beskrivning
//                   Slutdatum"), then cells one per line, row-wise lines with the date inside, or
//                   whole columns one after the other (OCR of a laid-out table)
import { columnRoleOf, type ColumnRole, papersDueHeader } from "../../../shared/lexicon/agreement-vocabulary.ts";
import { swedishMonthPattern } from "../../../shared/lexicon/months.ts";
import { findRecurrence } from "../../../shared/lexicon/periods.ts";
import { fold, squash } from "../../../shared/text/fold.ts";
import type { Line } from "../normalise-lines.ts";
import { repairPercentSigns } from "../repair-ocr.ts";
import type { SpellingDictionary } from "../spelling-dictionary.ts";
import { rowFromCells, type CellEntry, type DetectedTable, type TableRow } from "./block-model.ts";
import { isRuledBorder, isRuledLine, isRuledRow, ruledCells } from "../ruled-lines.ts";
import { isTableOfContentsLine } from "./headings.ts";
import { findTimeMentions } from "../time-mentions.ts";
import { hasIsoDay, isDateOnly, isFormCell, isRecipientCell } from "./time-text.ts";

export interface DetectorContext {
  lines: Line[];
  /** Lines already claimed (numbered headings, earlier tables). */
  claimed: Set<number>;
  /** Lines that end a table: numbered headings and markers. */
  boundaries: Set<number>;
  /** Numbered headings of one line: a positioned table may take one back as its row. */
  numberedHeadingLines?: Set<number>;
  dictionary: SpellingDictionary | null;
}

export type TableDetector = (context: DetectorContext) => DetectedTable[];

function rolesOf(header: string[] | null, width: number): ColumnRole[] {
  const roles: ColumnRole[] = [];
  for (let c = 0; c < width; c++) roles.push(header?.[c] ? columnRoleOf(fold(header[c]!)) : "unknown");
  return roles;
}

function looksLikeHeader(cells: string[]): boolean {
  const filled = cells.filter((c) => c.length > 0);
  if (filled.length < 2 || filled.some((c) => c.length > 70)) return false;
  if (filled.some((c) => hasIsoDay(c) || /^\d[\d\s,.]*$/.test(c))) return false;
  const known = filled.filter((c) => columnRoleOf(fold(c)) !== "unknown").length;
  return known >= 1 || filled.every((c) => c.split(/\s+/).length <= 5);
}

// tabs ----------------------------------------------------------------------------------------

/** After a blank line, a header-like row with a known column word or a table-naming first cell opens a new table. */
function startsNewTable(cells: string[]): boolean {
  if (!looksLikeHeader(cells)) return false;
  const known = cells.some((c) => c && columnRoleOf(fold(c)) !== "unknown");
  return (
    known || /^(indikator|nyckeltal|mal\b|malet|uppdrag|verksamhet|aktivitet|vad\b|titel)/.test(fold(cells[0] ?? ""))
  );
}

export const detectTabTables: TableDetector = ({ lines, claimed }) => {
  const tables: DetectedTable[] = [];
  let current: DetectedTable | null = null;
  const close = () => {
    if (current && (current.rows.length > 0 || current.header)) tables.push(current);
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (claimed.has(i)) {
      close();
      continue;
    }
    if (line.cells && !line.blank && !isTableOfContentsLine(line)) {
      // (A line a row took the text of is no gap between tables.)
      const afterBlank = i > 0 && lines[i - 1]!.blank && lines[i - 1]!.movedInto === undefined;
      if (!current || (afterBlank && startsNewTable(line.cells))) {
        close();
        const header = looksLikeHeader(line.cells) ? line.cells : null;
        current = {
          firstLine: i,
          lastLine: i,
          header,
          roles: [],
          rows: header ? [] : [rowFromCells(line.cells, i)],
          origin: "tabs",
        };
      } else {
        // "Antal polisrapporterade olyckor med gående<tab>23<tab>högst 18<tab>Trafiksäkerhet och" over
        // "och cyklister (STRADA)<tab><tab><tab>parkering": the cells of a wrapped row go on.
        // (So do a row's cells under an empty first one: "3.1<tab>Drift och underhåll av gator, gång- och"
        // over "<tab>cykelvägar, gatubelysning samt".)
        // "Samman-" over "träde", "Handlingar" over "senast": a header wrapped onto a second line.
        if (current.header && current.rows.length === 0 && continuesHeader(current.header, line.cells)) {
          const header = current.header;
          current.header = header.map((cell, c) => {
            const more = line.cells![c]?.trim() ?? "";
            if (!more) return cell;
            return /\p{L}-$/u.test(cell.trim()) ? `${cell.trim().slice(0, -1)}${more}` : `${cell.trim()} ${more}`;
          });
          current.lastLine = i;
          continue;
        }
        const above = current.rows.at(-1);
        const first = line.cells[0]?.trim() ?? "";
        if (
          above &&
          (first === "" || /^[\p{Ll}(]/u.test(first)) &&
          continuationOf(above.cells, line.cells) === "continues"
        ) {
          const width = Math.max(above.cells.length, line.cells.length);
          const cells = Array.from({ length: width }, (_, c) =>
            [above.cells[c] ?? "", line.cells![c] ?? ""]
              .map((t) => t.trim())
              .filter(Boolean)
              .join(" "),
          );
          current.rows[current.rows.length - 1] = { ...rowFromCells(cells, above.firstLine), lastLine: i };
        } else current.rows.push(rowFromCells(line.cells, i));
        current.lastLine = i;
      }
      continue;
    }
    // One blank line inside a table is layout, not its end; so are the lines a row took the text of.
    if (line.blank && current && (i - current.lastLine <= 1 || line.movedInto !== undefined)) continue;
    // "Andel snöröjningstillfällen där prioriterade<tab>82 %<tab>90 %" over "gång- och cykelvägar röjts
    // inom 4 timmar": a Word export writes the rest of a wrapped first cell as a line of its own,
    // without tabs, straight under its row and in lower case.
    const last = current?.rows.at(-1);
    if (current && last && i === current.lastLine + 1 && continuesFirstCell(line, last)) {
      const cells = [...last.cells];
      cells[0] = `${cells[0]!.trimEnd()} ${line.text.trim()}`;
      current.rows[current.rows.length - 1] = { ...rowFromCells(cells, last.firstLine), lastLine: i };
      current.lastLine = i;
      continue;
    }
    close();
  }
  close();
  for (const table of tables) {
    const width = Math.max(table.header?.length ?? 0, ...table.rows.map((r) => r.cells.length));
    table.roles = rolesOf(table.header, width);
  }
  return tables;
};

/** A second header line: a few words under header cells only, none a figure or a date, in lower case or under a hyphen. */
function continuesHeader(header: string[], cells: string[]): boolean {
  const filled = cells.flatMap((cell, c) => (cell.trim() ? [c] : []));
  return (
    filled.length > 0 &&
    filled.every((c) => {
      const cell = cells[c]!.trim();
      const above = header[c]?.trim() ?? "";
      return (
        above !== "" && !/\d/.test(cell) && cell.split(/\s+/).length <= 3 && (/^\p{Ll}/u.test(cell) || /-$/.test(above))
      );
    })
  );
}

function continuesFirstCell(line: Line, row: TableRow): boolean {
  const text = line.text.trim();
  return (
    !line.blank &&
    !line.cells &&
    text.length <= 90 &&
    /^[\p{Ll}(\d]/u.test(text) &&
    !/^[-–•]\s/.test(text) &&
    !/^\d{1,2}(\.\d{1,2})*\s+\p{Lu}/u.test(text) &&
    (row.cells[0] ?? "").trim() !== "" &&
    row.cells.filter((cell) => cell.trim()).length >= 2
  );
}

// ruled ---------------------------------------------------------------------------------------

/**
 * Tables drawn with characters (see ruled-lines.ts): Markdown pipe tables, grid tables with
 * "+---+" borders, box-drawing tables. A cell's text may run over several drawn lines:
 *   - the lines above the first separator are all header ("| Mål | Utfall |" over "|  | 2025 |");
 *   - in a grid table a border closes each row, so every line between two borders is one row;
 *   - otherwise a line goes on with the row above (cell by cell) unless it starts a row of its
 *     own: a first cell that opens a new row, or a value where the row above already has one
 *     (a new indicator under a goal that spans several rows, "|  | Antal lån | 9 850 |").
 * "anlägg-" over "ningar" is one word again; "Förenings- och" over "evenemangsenheten" keeps its words.
 */
export const detectRuledTables: TableDetector = ({ lines, claimed, dictionary }) => {
  const tables: DetectedTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (claimed.has(i) || !isRuledLine(lines[i]!.source)) {
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && !claimed.has(i) && isRuledLine(lines[i]!.source)) i++;
    const table = readRuledTable(lines, start, i - 1, dictionary);
    if (table) tables.push(table);
  }
  return tables;
};

interface DrawnLine {
  line: number;
  cells: string[];
}

function readRuledTable(
  lines: Line[],
  first: number,
  last: number,
  dictionary: SpellingDictionary | null,
): DetectedTable | null {
  // Rows between borders; the repaired text where it kept the drawing, else the line as drawn.
  const groups: DrawnLine[][] = [[]];
  for (let l = first; l <= last; l++) {
    const { source, text } = lines[l]!;
    if (isRuledBorder(source)) {
      if (groups.at(-1)!.length > 0) groups.push([]);
      continue;
    }
    const drawn = ruledCells(source);
    const repaired = isRuledRow(text) ? ruledCells(text) : null;
    groups.at(-1)!.push({ line: l, cells: repaired && repaired.length === drawn.length ? repaired : drawn });
  }
  if (groups.at(-1)!.length === 0) groups.pop();
  const drawnRows = groups.flat();
  if (drawnRows.length < 2 && !(groups.length >= 2 && drawnRows.length >= 1)) return null;
  const width = Math.max(...drawnRows.map((r) => r.cells.length));
  // The first group is the header when a separator follows it (and it is not the whole table).
  let headerLines: DrawnLine[] = [];
  let bodyGroups = groups;
  if (groups.length >= 2) {
    headerLines = groups[0]!;
    bodyGroups = groups.slice(1);
  }
  let header: string[] | null = headerLines.length ? mergeDrawnLines(headerLines, width, dictionary).cells : null;
  if (header && !looksLikeHeader(header)) {
    bodyGroups = groups;
    header = null;
  }
  // A grid table draws a border under every row; a pipe table only under its header.
  const grid = bodyGroups.length >= 2;
  let rows: TableRow[];
  if (grid) rows = bodyGroups.map((group) => mergeDrawnLines(group, width, dictionary));
  else {
    const body = bodyGroups.flat();
    if (!header && body.length >= 2 && looksLikeHeader(body[0]!.cells)) header = body.shift()!.cells;
    rows = [];
    let current: DrawnLine[] = [];
    const flush = () => {
      if (current.length) rows.push(mergeDrawnLines(current, width, dictionary));
      current = [];
    };
    for (const drawn of body) {
      if (drawn.cells.every((c) => c === "")) continue;
      const above = current.length ? mergeDrawnLines(current, width, dictionary).cells : null;
      const verdict = above ? continuationOf(above, drawn.cells) : "new";
      if (verdict === "continues") current.push(drawn);
      else {
        // "| invånare | Antal aktiva låntagare | 9 850 |": the first cell still goes on with the
        // goal above, the rest is the goal's next row.
        if (verdict === "new, first cell continues") {
          current.push({ line: drawn.line, cells: [drawn.cells[0]!, ...drawn.cells.slice(1).map(() => "")] });
          flush();
          current = [{ line: drawn.line, cells: ["", ...drawn.cells.slice(1)] }];
          continue;
        }
        flush();
        current = [drawn];
      }
    }
    flush();
  }
  if (rows.length === 0) return null;
  return {
    firstLine: first,
    lastLine: last,
    header,
    roles: rolesOf(header, width),
    rows,
    origin: "ruled",
  };
}

/** A cell's text ends where a phrase cannot end: the next line of the cell goes on with it. */
const openEnd =
  /(?:-|\s(?:och|eller|samt|för|med|i|av|till|om|på|att|som|inom|mot|vid|från|under|efter|den|det|de|en|ett|per))$/iu;
/** A number, share or amount and nothing else: "118 400", "47 %", "4,5", "högst 100". */
const valueCell =
  /^(?:ca\.?\s+|cirka\s+|högst\s+|minst\s+|max\s+|min\s+)?[-–+]?\d[\d\s,.]*(?:%|st|kr|tkr|mnkr|procent)?$/iu;

/**
 * Whether a drawn line goes on with the row above, starts a row of its own, or does both. A cell
 * goes on with the one above when that one is open ("… i Stationsbyn och", "anlägg-") or this one
 * starts in lower case; a cell under an empty one fills it. A cell that does neither is fresh: a
 * line of only fresh cells is a new row even when its first cell is empty (a goal's second
 * indicator, "|  | Elever i kulturskolan | Kolada | H |"), and so is a fresh value ("47 %").
 */
export function continuationOf(above: string[], cells: string[]): "continues" | "new" | "new, first cell continues" {
  const goesOn = (previous: string, next: string) =>
    previous !== "" && (openEnd.test(previous) || /^[\p{Ll}(,;:–]/u.test(next));
  const first = cells[0] ?? "";
  // A first cell of its own ("G2", "Rapport om …", a week or date such as "v. 9") opens a row.
  if (first && (!goesOn(above[0] ?? "", first) || startsWithTime(first))) return "new";
  const others = cells.flatMap((cell, c) => (c > 0 && cell ? [c] : []));
  const fresh = others.filter((c) => (above[c] ?? "") !== "" && !goesOn(above[c]!, cells[c]!));
  const split = first ? "new, first cell continues" : "new";
  if (fresh.some((c) => valueCell.test(cells[c]!))) return split;
  if (others.length > 0 && fresh.length === others.length) return split;
  return "continues";
}

/** The lines of one row joined cell by cell; a cell that holds a second date or form is a new entry of it. */
function mergeDrawnLines(drawn: DrawnLine[], width: number, dictionary: SpellingDictionary | null): TableRow {
  const cells: string[] = Array.from({ length: width }, () => "");
  const entries: CellEntry[] = [];
  for (const { line, cells: parts } of drawn) {
    parts.forEach((part, column) => {
      if (!part) return;
      cells[column] = cells[column] ? joinCellLines(cells[column]!, part, dictionary) : part;
      const entry = entries.findLast((e) => e.column === column);
      if (entry && !(namesTime(entry.text) && namesTime(part)))
        entry.text = joinCellLines(entry.text, part, dictionary);
      else entries.push({ column, text: part, line });
    });
  }
  entries.sort((a, b) => a.line - b.line || a.column - b.column);
  return { cells, entries, firstLine: drawn[0]!.line, lastLine: drawn.at(-1)!.line };
}

/** A weekday before a date, written out or short: "tis 17/3", "tisdag den 17 mars", "fre. 4/9". */
const weekdayLead = /^(?:mån|tis|ons|tor|tors|fre|lör|sön)(?:dag(?:en)?)?\.?\s+(?:den\s+)?(?=\d)/iu;

function startsWithTime(text: string): boolean {
  return findTimeMentions(text.replace(weekdayLead, ""), 2001)[0]?.index === 0;
}

/** Whether a piece of a cell names a time (any year: only whether, not which). */
function namesTime(text: string): boolean {
  return findTimeMentions(text, 2001).length > 0;
}

/**
 * Two lines of one cell as one text. A word the narrow column hyphenated ("anlägg-" / "ningar") is
 * joined, unless the hyphen is the word's own: before "och"/"eller" ("Idrotts- och"), after an
 * abbreviation or a short prefix ("LSS-" / "insatser", "e-" / "tjänster"), or where the dictionary
 * knows only the hyphenated word.
 */
export function joinCellLines(text: string, more: string, dictionary: SpellingDictionary | null): string {
  if (isBrokenDate(text, more)) return text + more;
  const head = /(\p{L}+)-$/u.exec(text);
  const word = /^(\p{Ll}\p{L}*)/u.exec(more);
  if (head && word && !/^(och|eller|samt|respektive|resp|som|till|alternativt)$/.test(word[1]!)) {
    const ownHyphen =
      head[1]!.length <= 2 ||
      /^\p{Lu}+$/u.test(head[1]!) ||
      (dictionary !== null && !dictionary.isWord(head[1]! + word[1]!) && dictionary.isWord(`${head[1]}-${word[1]}`));
    return ownHyphen ? `${text}${more}` : `${text.slice(0, -1)}${more}`;
  }
  return squash(`${text} ${more}`);
}

// positions -----------------------------------------------------------------------------------

/**
 * PDF lines with several text spans: cluster the spans' left edges over a run of lines into
 * column starts, then cut each line at those starts. A run begins at a line whose spans look like
 * a header and lasts while lines keep to the columns.
 */
/**
 * PDF text of two cells with almost no gap arrives as one span ("… arbete med Arbetet samordnas …").
 * Inside a table no cell runs into the next column, so a span that crosses a column start is cut
 * at the word nearest to where that column starts (letters taken as equally wide).
 */
export function splitAtColumns<S extends { x: number; width: number; text: string }>(
  spans: S[],
  starts: number[],
  tolerance: number,
): S[] {
  const out: S[] = [];
  for (const span of spans) {
    let rest: S = span;
    for (;;) {
      const crossed = starts.find(
        (start) => start > rest.x + tolerance * 2 && start < rest.x + rest.width - tolerance * 2,
      );
      if (crossed === undefined || rest.text.length < 2) break;
      const perChar = rest.width / rest.text.length;
      const target = Math.round((crossed - rest.x) / perChar);
      let cut = -1;
      for (let d = 0; d <= 6 && cut < 0; d++) {
        if (rest.text[target - d] === " ") cut = target - d;
        else if (rest.text[target + d] === " ") cut = target + d;
      }
      if (cut <= 0) break;
      const left = rest.text.slice(0, cut);
      const right = rest.text.slice(cut + 1);
      if (!left.trim() || !right.trim()) break;
      out.push({ ...rest, text: left, width: perChar * left.length });
      rest = { ...rest, x: rest.x + perChar * (cut + 1), width: perChar * right.length, text: right };
    }
    out.push(rest);
  }
  return out;
}

/** A cell's text and its next wrapped line: a date the wrap broke ("2025-11-" / "20") is joined again. */
export function joinWrapped(text: string, more: string): string {
  return isBrokenDate(text, more) ? text + more : squash(`${text} ${more}`);
}

function isBrokenDate(text: string, more: string): boolean {
  return /(?<!\d)\d{4}-(?:\d{1,2}-)?$/.test(text) && /^\d{1,2}(?:-\d{1,2})?(?![\d/])/.test(more);
}

/** A header of a follow-up table (a known column role) or of a goal or indicator table. */
function isTableHeader(header: string[], roles: ColumnRole[]): boolean {
  return (
    roles.some((r) => r !== "unknown") ||
    (header.length >= 2 && header.every((h) => goalHeaderWord.test(fold(h).replace(/\s+/g, " ").trim())))
  );
}

/**
 * A first-column text that reaches near the next column (or ends on a word that cannot end a
 * phrase) was wrapped: the next line goes on with it.
 */
function wrapsAtEdge(span: { x: number; width: number; text: string }, starts: number[]): boolean {
  const text = span.text.trim();
  if (/\s(och|eller|för|med|i|av|till|om|på|att|som|samt|inom|mot|vid|från|under|efter|den|det|de|en|ett)$/i.test(text))
    return true;
  if (/-$/.test(text)) return true;
  // A cell's text that ends a sentence or a bracket has ended.
  if (/[.)!?:]$/.test(text)) return false;
  const next = starts[1];
  if (next === undefined) return false;
  const columnWidth = next - starts[0]!;
  return span.x + span.width >= next - columnWidth * 0.18;
}

export const detectPositionedTables: TableDetector = ({ lines, claimed, boundaries, numberedHeadingLines }) => {
  const tables: DetectedTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const spans = line.positioned?.spans ?? [];
    if (claimed.has(i) || spans.length < 2 || !looksLikeHeader(spans.map((s) => s.text.trim()))) {
      i++;
      continue;
    }
    const headerSpans = spans.filter((s) => s.text.trim());
    const starts = headerSpans.map((s) => s.x);
    const tolerance = 4;
    const columnOf = (x: number) => {
      let column = 0;
      for (let c = 0; c < starts.length; c++) if (x >= starts[c]! - tolerance) column = c;
      return column;
    };
    const header = headerSpans.map((s) => squash(s.text));
    const roles = rolesOf(header, header.length);
    if (!isTableHeader(header, roles)) {
      i++;
      continue;
    }
    const rows: Array<TableRow & { y: number }> = [];
    let row: (TableRow & { y: number }) | null = null;
    let last = i;
    const steps: number[] = [];
    let previousY = line.positioned!.y;
    let page = line.positioned!.page;
    let previousFirstWrapped = false;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.blank) continue;
      if (!next.positioned) break;
      const rawSpans = next.positioned.spans.filter((s) => s.text.trim());
      if (rawSpans.length === 0) continue;
      // A full-width line of prose after the table does not keep to the columns (judged before
      // cutting spans at column starts, which would make it look like a row).
      if (
        rawSpans.length === 1 &&
        rawSpans[0]!.x <= starts[0]! + tolerance &&
        rawSpans[0]!.width > (starts[starts.length - 1]! - starts[0]!) * 1.15
      )
        break;
      // Nor does a sentence after a paragraph break that runs on past where the second column starts.
      if (
        lines[j - 1]?.blank &&
        rawSpans.length === 1 &&
        rawSpans[0]!.x <= starts[0]! + tolerance &&
        starts.length >= 2 &&
        rawSpans[0]!.x + rawSpans[0]!.width > starts[1]! + tolerance
      )
        break;
      const nextSpans = splitAtColumns(rawSpans, starts, tolerance);
      // A numbered line looks like a heading, but "4.3 Delta i … | Arbetet samordnas … | Vår, delår"
      // that keeps to the table's columns is its next row.
      const numberedRow =
        numberedHeadingLines?.has(j) === true &&
        starts.length >= 2 &&
        new Set(nextSpans.map((s) => columnOf(s.x))).size >= 2;
      if ((claimed.has(j) || boundaries.has(j)) && !numberedRow) break;
      // A line that starts left of the first column is the text after the table.
      if (nextSpans[0]!.x < starts[0]! - tolerance * 2) break;
      // A full-width line of prose after the table does not keep to the columns either.
      if (
        nextSpans.length === 1 &&
        columnOf(nextSpans[0]!.x) === 0 &&
        nextSpans[0]!.width > (starts[starts.length - 1]! - starts[0]!) * 1.15
      )
        break;
      const step = next.positioned.page === page ? next.positioned.y - previousY : 0;
      if (step > 0) steps.push(step);
      const typical = steps.length ? [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)]! : step;
      const columnsHere = new Set(nextSpans.map((s) => columnOf(s.x)));
      // A gap between lines as wide as a new header ends the table ("Nyckeltal / Källa" rows, then
      // "Nämndens mål / Önskat resultat").
      if (row && step > typical * 1.6 && nextSpans.length >= 2) {
        const cells = nextSpans.map((s) => squash(s.text));
        if (looksLikeHeader(cells) && isTableHeader(cells, rolesOf(cells, cells.length))) break;
      }
      const firstCell = nextSpans.find((s) => columnOf(s.x) === 0);
      // Rows of one line each are as far apart as wrapped lines of one row: a first cell that
      // starts like a new row (capital or number) after a first cell that did not run to the
      // column's edge starts a new row.
      // After a blank line (OCR's paragraph gap) it does so even when the cell before ran to the edge.
      const startsFresh =
        firstCell !== undefined &&
        /^[\p{Lu}\d•–-]/u.test(firstCell.text.trim()) &&
        (!previousFirstWrapped || lines[j - 1]!.blank);
      const newRow =
        !row ||
        (columnsHere.has(0) &&
          (step > typical * 1.35 || next.positioned.page !== page || !row.cells[0] || startsFresh));
      if (newRow) {
        if (row) rows.push(row);
        row = { cells: header.map(() => ""), entries: [], firstLine: j, lastLine: j, y: next.positioned.y };
      }
      for (const span of nextSpans) {
        const column = columnOf(span.x);
        // OCR reads the rule between two columns as a "|" at the edge of a cell. The spans are the
        // page's own text, so the repairs made to lines are made here too.
        const text = repairPercentSigns(squash(span.text).replace(/^\|\s*|\s*\|$/g, ""));
        if (!text) continue;
        row!.cells[column] = joinWrapped(row!.cells[column]!, text);
        const lastEntry = row!.entries.at(-1);
        // The rest of a broken date goes to its column's date, whatever other cells wrapped between.
        const brokenDate = row!.entries.findLast((e) => e.column === column && isBrokenDate(e.text, text));
        if (brokenDate) brokenDate.text += text;
        // Wrapped text of one cell is one entry; a new date or form in a cell is a new one.
        else if (lastEntry && lastEntry.column === column && !hasIsoDay(text) && !isFormCell(text))
          lastEntry.text = joinWrapped(lastEntry.text, text);
        else row!.entries.push({ column, text, line: j });
      }
      row!.lastLine = j;
      last = j;
      previousFirstWrapped = firstCell !== undefined && wrapsAtEdge(firstCell, starts);
      previousY = next.positioned.y;
      page = next.positioned.page;
    }
    if (row) rows.push(row);
    if (rows.length > 0) {
      tables.push({
        firstLine: i,
        lastLine: last,
        header,
        roles,
        rows: rows.map(({ y: _y, ...r }) => r),
        origin: "positions",
      });
      i = last + 1;
    } else i++;
  }
  return tables;
};

// header-led ----------------------------------------------------------------------------------

const headerWord =
  /^(vad|vad redovisas|vad rapporteras|vad ska redovisas|nar|hur|till vem|titel|beskrivning|slutdatum|datum|tidpunkt|form|mottagare|rapportering(?: till [\p{L} -]+)?|redovisning|uppfoljning|aktivitet|ansvarig|manad|period|kommentar|uppdrag|(?:namnd)?sammantrade|namndmote|rapport och form|arende|handlingar senast|underlag senast|underlag|(?:underlag|handlingar) till [\p{L} -]+|sista dag for handlingar)$/u;
/** Header words of goal and indicator tables: "Kommunfullmäktiges mål / Önskat resultat", "Nyckeltal / Källa". */
const goalHeaderWord =
  /^((kommunfullmaktiges|namndens|kf:s|\p{L}+namndens) mal|mal|malet|onskat resultat(?: \d{4}(?:[-–]\d{4})?)?|indikator|indikatorer|nyckeltal|kalla|malvarde(?: \d{4})?|utfall(?: \d{4})?|maluppfyllelse|sarskilt uppdrag|sarskilda uppdrag|grunduppdrag)$/u;

function headerWordsOf(text: string): string[] | null {
  const folded = fold(text).replace(/[|:]/g, " ").replace(/\s+/g, " ").trim();
  if (!folded || folded.length > 70) return null;
  if (headerWord.test(folded) || goalHeaderWord.test(folded) || papersDueHeader.test(folded)) return [text.trim()];
  // "Vad När Hur Till vem", "Titel Beskrivning Slutdatum": every word a header word.
  const words = folded.split(" ");
  const found: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const two = `${words[k]} ${words[k + 1] ?? ""}`;
    if (headerWord.test(two) && two.includes(" ")) {
      found.push(two);
      k++;
    } else if (headerWord.test(words[k]!)) found.push(words[k]!);
    else return null;
  }
  return found.length >= 2 ? found : null;
}

/** "Indikatorer för grunduppdragen", "Nyckeltal:": a caption over a table of indicators. */
function isIndicatorCaption(text: string): boolean {
  return /^(indikatorer|nyckeltal|matt|matetal)\b/.test(fold(text)) && text.length < 80;
}

/** Roles that make a header a follow-up table: a time, a form or a reporting column. */
function isFollowUpHeader(words: string[]): boolean {
  const roles = words.map((w) => columnRoleOf(fold(w)));
  return roles.some((r) => r === "when" || r === "due" || r === "reporting") && words.length >= 2;
}

type CellKind = "time" | "how" | "recipient" | "code" | "text";

// "M", "S+M", "ST", "VON": a code of the table's legend or a party's, in a cell of its own.
const codeCell = /^\p{Lu}{1,5}(?:\s?[+/]\s?\p{Lu}{1,5})*$/u;

function cellKind(text: string): CellKind {
  if (isDateOnly(text) || /^[–—-]$/.test(text.trim())) return "time";
  if (isFormCell(text)) return "how";
  if (isRecipientCell(text)) return "recipient";
  if (codeCell.test(text.trim())) return "code";
  return "text";
}

function columnFor(roles: ColumnRole[], kind: CellKind, textRun: number): number {
  const find = (...wanted: ColumnRole[]) => roles.findIndex((r) => wanted.includes(r));
  const time = find("when", "due", "reporting");
  if (kind === "time") return time >= 0 ? time : 0;
  if (kind === "how") {
    const how = find("how");
    return how >= 0 ? how : time >= 0 ? time : 0;
  }
  if (kind === "recipient") {
    const recipient = find("recipient");
    if (recipient >= 0) return recipient;
    const how = find("how");
    return how >= 0 ? how : time >= 0 ? time : 0;
  }
  const texts = roles.flatMap((r, c) => (r === "what" || r === "description" || r === "unknown" ? [c] : []));
  return texts[Math.min(textRun, texts.length - 1)] ?? 0;
}

/** Cells one per line, row after row: "Beskrivning …", "2025-05-28", "Skriftlig rapport", "Till nämnden", next row. */
function readCellsPerLine(lines: Line[], body: number[], header: string[], roles: ColumnRole[]): TableRow[] {
  const rows: TableRow[] = [];
  let row: TableRow | null = null;
  let previousKind: CellKind | null = null;
  let textRun = 0;
  const textColumns = roles.filter((r) => r === "what" || r === "description" || r === "unknown").length;
  for (const index of body) {
    const line = lines[index]!;
    let kind = cellKind(line.text);
    // "VON och kommunstyrelsen" after the form: the row's recipient, named by a code.
    if (
      kind === "text" &&
      (previousKind === "how" || previousKind === "code") &&
      /^\p{Lu}{2,5}(?:\s+(och|samt)\b|,\s)/u.test(line.text) &&
      line.text.length < 60
    )
      kind = "recipient";
    // "VON och" over "kommunstyrelsen": a recipient wrapped onto the next line.
    else if (kind === "text" && previousKind === "recipient" && /^\p{Ll}/u.test(line.text) && line.text.length < 60)
      kind = "recipient";
    if (kind === "text" && previousKind !== null && previousKind !== "text") {
      // A text after the row's time/form/recipient cells starts the next row — unless the table
      // has a second text column and this row has not filled it yet.
      const descriptionFree = textColumns > 1 && textRun === 0 && row !== null && previousKind === "time";
      if (!descriptionFree) {
        if (row) rows.push(row);
        row = null;
        textRun = 0;
      } else textRun = 1;
    }
    row ??= { cells: header.map(() => ""), entries: [], firstLine: index, lastLine: index };
    // "26/2", "Skriftlig", "12/2": a second day in the row, after its time, is the papers' day
    // when the header has a column for it; a dash there says the row has none.
    const dueColumn = roles.indexOf("due");
    const secondTime =
      kind === "time" &&
      dueColumn >= 0 &&
      row.cells[columnFor(roles, "time", textRun)] !== "" &&
      row.cells[dueColumn] === "";
    // A code fills the row's form column, then its recipient column, in the header's order.
    const codeColumn =
      kind === "code"
        ? (["how", "recipient"] as const).map((role) => roles.indexOf(role)).find((c) => c >= 0 && row!.cells[c] === "")
        : undefined;
    let column = secondTime
      ? dueColumn
      : kind === "code"
        ? (codeColumn ?? columnFor(roles, "how", textRun))
        : columnFor(roles, kind, textRun);
    // "2026-01-28", "2026-01-07", "2026-02-25", …: in a table of days only, a day whose column the
    // row has filled starts the next row.
    if (
      kind === "time" &&
      row.cells[column] !== "" &&
      row.entries.every((e) => roles[e.column] !== "what" || !e.text)
    ) {
      rows.push(row);
      row = { cells: header.map(() => ""), entries: [], firstLine: index, lastLine: index };
      column = columnFor(roles, kind, textRun);
    }
    row.cells[column] = squash(`${row.cells[column]} ${line.text}`);
    const lastEntry = row.entries.at(-1);
    if (kind === "text" && lastEntry && lastEntry.column === column && previousKind === "text")
      lastEntry.text = squash(`${lastEntry.text} ${line.text}`);
    else row.entries.push({ column, text: line.text, line: index });
    row.lastLine = index;
    previousKind = kind;
  }
  if (row) rows.push(row);
  return rows;
}

/**
 * The first line of an interleaved row holds the start of every column: "Uppföljning av särskilt
 * uppdrag Muntlig och skriftlig redovisning 2026-05-14". The second column starts at the first
 * capitalised common word after the first word (with a dictionary: a word that is Swedish in lower
 * case, so names stay in the title), or at an OCR column bar.
 */
export function splitInterleaved(text: string, dictionary: SpellingDictionary | null): [string, string] {
  const bar = text.indexOf(" | ");
  if (bar > 0) return [text.slice(0, bar).trim(), text.slice(bar + 3).trim()];
  const words = text.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const word = words[k]!.replace(/[^\p{L}]/gu, "");
    if (!/^\p{Lu}\p{Ll}+$/u.test(word)) continue;
    if (dictionary && !dictionary.isWord(word.toLowerCase())) continue;
    return [words.slice(0, k).join(" "), words.slice(k).join(" ")];
  }
  return [text, ""];
}

function lastDateAtEnd(text: string): { before: string; date: string } | null {
  const match = /^(.*?)[\s|]*(\d{4}-\d{1,2}-\d{1,2})[\s|'‘’.,]*$/.exec(text);
  if (!match) return null;
  return { before: match[1]!.trim(), date: match[2]! };
}

/**
 * The cells of a line laid out with runs of spaces between columns ("2026-02-10   Verksamhets-
 * berättelse 2025   Skriftlig"), in the line's clean (repaired) words; null when the line has no
 * such gaps or its words no longer line up with the source's.
 */
export function spacedCells(line: Line): string[] | null {
  const chunks = line.source
    .trim()
    .split(/\s{2,}|\t/)
    .filter((c) => c.trim());
  if (chunks.length < 2) return null;
  const words = line.text.split(/\s+/);
  const counts = chunks.map((c) => c.trim().split(/\s+/).length);
  if (counts.reduce((a, b) => a + b, 0) !== words.length) return null;
  const cells: string[] = [];
  let at = 0;
  for (const count of counts) {
    cells.push(words.slice(at, at + count).join(" "));
    at += count;
  }
  return cells;
}

/** "Kvartalsvis", "Varje månad", "Löpande": a time cell that names a recurrence instead of a date. */
function isRecurrenceCell(text: string): boolean {
  const folded = fold(text.trim());
  return folded.split(/\s+/).length <= 3 && findRecurrence(folded) !== null;
}

/**
 * A body of exactly `header.length` lines per row ("Vad / När / Hur / Till vem" over rows of four
 * lines): read by position when the chunks line up — most time cells name a time (a date, a month,
 * a recurrence), form and recipient cells are forms and recipients, and no cell outside the time
 * column is only a date. A row whose time is a sentence ("Varje månad, senast den 10:e") keeps it.
 */
function readFixedChunks(lines: Line[], run: number[], header: string[], roles: ColumnRole[]): TableRow[] | null {
  const width = header.length;
  if (run.length < width * 2 || run.length % width !== 0) return null;
  const time = roles.findIndex((r) => r === "when" || r === "due" || r === "reporting");
  if (time < 0) return null;
  const how = roles.indexOf("how");
  const recipient = roles.indexOf("recipient");
  let checks = 0;
  let fits = 0;
  const rows: TableRow[] = [];
  for (let k = 0; k < run.length; k += width) {
    const cells = run.slice(k, k + width).map((l) => lines[l]!.text.trim());
    if (cells.some((c, column) => column !== time && isDateOnly(c))) return null;
    const timeText = cells[time]!;
    checks++;
    if (hasIsoDay(timeText) || findTimeMentions(timeText, 2001).length > 0 || findRecurrence(fold(timeText))) fits++;
    if (how >= 0) {
      checks++;
      if (isFormCell(cells[how]!)) fits++;
    }
    if (recipient >= 0) {
      checks++;
      if (isRecipientCell(cells[recipient]!)) fits++;
    }
    rows.push({
      cells,
      entries: cells.map((text, column) => ({ column, text, line: run[k + column]! })),
      firstLine: run[k]!,
      lastLine: run[k + width - 1]!,
    });
  }
  return fits >= checks * 0.7 ? rows : null;
}

// "minst 88 %", "högst 14", "1,0 dagar", "310 000": a target or outcome cell.
const targetValueCell =
  /^(?:minst|högst|max(?:imalt)?|minimum|under|över|ca|cirka|<|>|≤|≥)?\s*-?\d[\d\s]*(?:[,.]\d+)?\s*(?:%|procent|dagar|dygn|timmar|st|stycken|tkr|kr|kronor|besök)?\.?$/iu;

// A value cell that says there is none yet: "saknas (ny verksamhet)", "–", "ny mätning".
const missingValueCell = /^(?:saknas|–|—|-|ej mätt|ny mätning|nytt mått)\b/iu;

/**
 * "Indikator / Källa / Utfall 2024 / Målvärde 2026" (or "Indikator / Målvärde 2026 / Källa",
 * "Indikator / Mål / Källa") over names that may wrap ("Personalkontinuitet, antal" / "personal som
 * en hemtjänsttagare" / "möter under 14 dagar"), each followed by one line a column: a row ends
 * where the lines after its name fit their columns — a value under "Utfall"/"Målvärde", a number
 * under "Mål", a source under "Källa". Null for fewer than two rows, or without a column of values
 * or numbers to tell where a row ends.
 */
function readSourcedValueRows(lines: Line[], body: number[], header: string[], roles: ColumnRole[]): TableRow[] | null {
  const width = roles.length;
  if (width < 3 || roles.indexOf("source") < 1) return null;
  const kinds = header.map((h, c) => {
    const folded = fold(h).trim();
    if (c === 0) return "name" as const;
    if (roles[c] === "source") return "source" as const;
    if (/^(utfall|malvarde|malniva|basvarde|ingangsvarde|mal \d{4}|\d{4})\b/.test(folded)) return "value" as const;
    if (/^(mal|malnummer|nr|uppdrag)$/.test(folded)) return "code" as const;
    return "other" as const;
  });
  if (!kinds.some((k) => k === "value" || k === "code")) return null;
  const text = (l: number) => lines[l]!.text.trim();
  const isValue = (l: number) =>
    targetValueCell.test(text(l)) || missingValueCell.test(text(l)) || /^redovisas\b/i.test(text(l));
  const fits = (l: number, kind: (typeof kinds)[number]) =>
    kind === "value"
      ? isValue(l)
      : kind === "code"
        ? /^(?:\d{1,2}(?:\.\d{1,2})*|\p{Lu}{1,3}\s?\d{0,2})$/u.test(text(l))
        : !isValue(l) && text(l).length <= 90;
  const tail = width - 1;
  const rows: TableRow[] = [];
  let start = 0;
  while (start < body.length) {
    let at = -1;
    for (let p = start + 1; p + tail <= body.length && p <= start + 6; p++) {
      if (kinds.slice(1).every((kind, c) => fits(body[p + c]!, kind))) {
        at = p;
        break;
      }
    }
    if (at < 0) break;
    const nameLines = body.slice(start, at);
    const cells = [squash(nameLines.map(text).join(" ")), ...body.slice(at, at + tail).map(text)];
    // "Kolada (Vad tycker de äldre om" over "äldreomsorgen?)": a source that wrapped, either back
    // into the name's lines or on into the values' side.
    const sourceColumn = kinds.indexOf("source");
    if (sourceColumn === 1 && nameLines.length >= 2 && /^\p{Ll}/u.test(cells[1]!)) {
      cells[1] = `${text(nameLines.at(-1)!)} ${cells[1]}`;
      cells[0] = squash(nameLines.slice(0, -1).map(text).join(" "));
    }
    const next = body[at + tail];
    if (sourceColumn === width - 1 && next !== undefined && /^\p{Ll}/u.test(text(next)) && text(next).length < 60) {
      cells[sourceColumn] = `${cells[sourceColumn]} ${text(next)}`;
      at++;
    }
    const used = body.slice(start, at + tail);
    rows.push({
      cells,
      entries: cells.map((cell, column) => ({ column, text: cell, line: used[Math.min(column, used.length - 1)]! })),
      firstLine: used[0]!,
      lastLine: used.at(-1)!,
    });
    start = at + tail;
  }
  return rows.length >= 2 ? rows : null;
}

/**
 * "Indikator / Målvärde 2027" over names that may wrap ("Mål 2: Andel brukare … påverka" / "vid
 * vilka tider de får hjälp") each followed by its value ("minst 70 %"): a two-column table whose
 * rows end at their value, up to the first lines that do not (text after the table). Null for
 * fewer than two rows.
 */
function readNameValueRows(lines: Line[], body: number[]): TableRow[] | null {
  const rows: TableRow[] = [];
  let name: number[] = [];
  for (const l of body) {
    const text = lines[l]!.text.trim();
    if (targetValueCell.test(text) && name.length > 0) {
      const label = squash(name.map((n) => lines[n]!.text).join(" "));
      rows.push({
        cells: [label, text],
        entries: [
          { column: 0, text: label, line: name[0]! },
          { column: 1, text, line: l },
        ],
        firstLine: name[0]!,
        lastLine: l,
      });
      name = [];
    } else if (name.length >= 3 || targetValueCell.test(text)) break;
    else name.push(l);
  }
  // The table ends at its last value; text that follows without a blank line is not a row.
  return rows.length >= 2 ? rows : null;
}

/** Rows whose lines carry the row's date inside (row-wise interleaved columns). */
function readRowWise(
  lines: Line[],
  body: number[],
  header: string[],
  roles: ColumnRole[],
  dictionary: SpellingDictionary | null,
): TableRow[] {
  const time = Math.max(
    0,
    roles.findIndex((r) => r === "when" || r === "due" || r === "reporting"),
  );
  const what = Math.max(
    0,
    roles.findIndex((r) => r === "what" || r === "unknown"),
  );
  const description = roles.findIndex((r, c) => c !== what && (r === "description" || r === "how"));
  const rows: TableRow[] = [];
  let row: TableRow | null = null;
  const leading: Array<{ text: string; line: number }> = [];
  const timeIsLast = time === roles.length - 1;
  const how = roles.indexOf("how");
  // A line laid out in spaced cells whose what-column follows the time column: its cells go to
  // their columns by what they are (a form to the how-column, the rest to what).
  const spacedRow = (row: TableRow, cells: string[], index: number) => {
    const form = how >= 0 && cells.length >= 2 && isFormCell(cells.at(-1)!) ? cells.at(-1)! : null;
    const text = squash((form ? cells.slice(0, -1) : cells).join(" "));
    if (text) {
      row.cells[what] = squash(`${row.cells[what]} ${text}`);
      const lastEntry = row.entries.at(-1);
      if (lastEntry?.column === what) lastEntry.text = squash(`${lastEntry.text} ${text}`);
      else row.entries.push({ column: what, text, line: index });
    }
    if (form) {
      row.cells[how] = squash(`${row.cells[how]} ${form}`);
      row.entries.push({ column: how, text: form, line: index });
    }
    row.lastLine = index;
  };
  const whatAfterTime = what > time;
  for (const index of body) {
    const text = lines[index]!.text;
    const cells = whatAfterTime ? spacedCells(lines[index]!) : null;
    const atEnd = timeIsLast ? lastDateAtEnd(text) : null;
    const inside = !atEnd ? /(\d{4}-\d{1,2}-\d{1,2})/.exec(text) : null;
    // "2026-02-10 | Verksamhetsberättelse 2025 | Skriftlig", "Kvartalsvis | Besöksstatistik | Skriftlig".
    const timeCell =
      cells && /^\S/.test(lines[index]!.source) && (inside?.index === 0 || isRecurrenceCell(cells[0]!))
        ? cells[0]!
        : null;
    if (timeCell !== null && cells) {
      if (row) rows.push(row);
      row = { cells: header.map(() => ""), entries: [], firstLine: index, lastLine: index };
      row.cells[time] = timeCell;
      row.entries.push({ column: time, text: timeCell, line: index });
      spacedRow(row, cells.slice(1), index);
      continue;
    }
    if (row && cells && whatAfterTime && !inside) {
      spacedRow(row, cells, index);
      continue;
    }
    if (atEnd || inside) {
      if (row) rows.push(row);
      row = { cells: header.map(() => ""), entries: [], firstLine: leading[0]?.line ?? index, lastLine: index };
      const before = atEnd ? atEnd.before : text.slice(0, inside!.index).trim();
      const date = atEnd ? atEnd.date : inside![1]!;
      const after = atEnd ? "" : text.slice(inside!.index + inside![0].length).trim();
      const lead = [...leading.map((l) => l.text), before].filter(Boolean).join(" ");
      leading.length = 0;
      const [title, rest] = description >= 0 ? splitInterleaved(lead, dictionary) : [lead, ""];
      if (title) {
        row.cells[what] = title;
        row.entries.push({ column: what, text: title, line: index });
      }
      if (rest && description >= 0) {
        row.cells[description] = rest;
        row.entries.push({ column: description, text: rest, line: index });
      }
      row.cells[time] = date;
      row.entries.push({ column: time, text: date, line: index });
      if (after) {
        const column = roles.findIndex(
          (r, c) => c > time && (r === "how" || r === "recipient" || r === "description" || r === "unknown"),
        );
        const target = column >= 0 ? column : time;
        row.cells[target] = squash(`${row.cells[target]} ${after}`);
        row.entries.push({ column: target, text: after, line: index });
      }
    } else if (row) {
      // The wrapped rest of the row's columns, interleaved line by line: kept with the row.
      const target = description >= 0 ? description : what;
      row.cells[target] = squash(`${row.cells[target]} ${text}`);
      row.entries.push({ column: target, text, line: index });
      row.lastLine = index;
    } else leading.push({ text, line: index });
  }
  if (row) rows.push(row);
  return rows;
}

/** Paragraphs of consecutive lines; OCR splits one cell over blank lines, so short tails are folded back. */
function paragraphsOf(entries: Array<{ text: string; line: number } | null>): Array<{ text: string; line: number }> {
  const paragraphs: Array<{ text: string; line: number }> = [];
  let current: { text: string; line: number } | null = null;
  for (const entry of entries) {
    if (!entry) {
      if (current) paragraphs.push(current);
      current = null;
    } else if (current) current.text = `${current.text} ${entry.text}`;
    else current = { ...entry };
  }
  if (current) paragraphs.push(current);
  const merged: Array<{ text: string; line: number }> = [];
  for (const paragraph of paragraphs) {
    const previous = merged.at(-1);
    if (
      previous &&
      (/-$/.test(previous.text) || (!/[.!?)]$/.test(previous.text) && /^[\p{Ll}\d]/u.test(paragraph.text)))
    )
      previous.text = `${previous.text} ${paragraph.text}`;
    else merged.push(paragraph);
  }
  return merged;
}

/** OCR of a laid-out table sometimes gives whole columns: all titles, all descriptions, then all dates. */
function readColumnWise(
  lines: Line[],
  body: number[],
  header: string[],
  roles: ColumnRole[],
  dateLines: number[],
): TableRow[] {
  const time = Math.max(
    0,
    roles.findIndex((r) => r === "when" || r === "due" || r === "reporting"),
  );
  const what = Math.max(
    0,
    roles.findIndex((r) => r === "what" || r === "unknown"),
  );
  const description = roles.findIndex(
    (r, c) => c !== what && c !== time && (r === "description" || r === "how" || r === "unknown"),
  );
  const firstDate = dateLines[0]!;
  const textEntries = body
    .filter((l) => l < firstDate)
    .map((l) => (lines[l]!.blank ? null : { text: lines[l]!.text, line: l }));
  const dates = dateLines.map((l) => ({ text: lines[l]!.text, line: l }));
  const fit = (paragraphs: Array<{ text: string; line: number }>) => {
    const result = [...paragraphs];
    while (result.length > dates.length && result.length > 1) {
      let shortest = 1;
      for (let k = 2; k < result.length; k++) if (result[k]!.text.length < result[shortest]!.text.length) shortest = k;
      result[shortest - 1] = {
        text: `${result[shortest - 1]!.text} ${result[shortest]!.text}`,
        line: result[shortest - 1]!.line,
      };
      result.splice(shortest, 1);
    }
    return result;
  };
  const paragraphs = fit(paragraphsOf(textEntries));
  return dates.map((date, k) => {
    const cells = header.map(() => "");
    const entries: CellEntry[] = [];
    const text =
      paragraphs.length === dates.length ? paragraphs[k]!.text : k === 0 ? paragraphs.map((p) => p.text).join(" ") : "";
    if (text) {
      cells[description >= 0 ? description : what] = text;
      entries.push({ column: description >= 0 ? description : what, text, line: paragraphs[k]?.line ?? date.line });
    }
    cells[time] = date.text;
    entries.push({ column: time, text: date.text, line: date.line });
    return { cells, entries, firstLine: paragraphs[k]?.line ?? date.line, lastLine: date.line };
  });
}

/**
 * Column by column with its own header word each: "Titel" + titles, "Beskrivning" + descriptions,
 * "Slutdatum" + dates (OCR of a laid-out table read down the columns). Rows pair up by order.
 */
function readColumnBlocks(
  lines: Line[],
  segments: Array<{ header: string; lines: number[] }>,
): { header: string[]; roles: ColumnRole[]; rows: TableRow[] } {
  const header = segments.map((s) => s.header);
  const roles = header.map((h) => columnRoleOf(fold(h)));
  const columns = segments.map((segment, c) => {
    if (roles[c] === "when" || roles[c] === "due") {
      return segment.lines
        .filter((l) => !lines[l]!.blank && (hasIsoDay(lines[l]!.text) || isDateOnly(lines[l]!.text)))
        .map((l) => ({ text: lines[l]!.text, line: l }));
    }
    return paragraphsOf(segment.lines.map((l) => (lines[l]!.blank ? null : { text: lines[l]!.text, line: l })));
  });
  const timeColumn = roles.findIndex((r) => r === "when" || r === "due");
  const count = timeColumn >= 0 ? columns[timeColumn]!.length : Math.max(...columns.map((c) => c.length));
  const fitted = columns.map((entries, c) => {
    if (c === timeColumn) return entries;
    const result = [...entries];
    while (result.length > count && result.length > 1) {
      let shortest = 1;
      for (let k = 2; k < result.length; k++) if (result[k]!.text.length < result[shortest]!.text.length) shortest = k;
      result[shortest - 1] = {
        text: `${result[shortest - 1]!.text} ${result[shortest]!.text}`,
        line: result[shortest - 1]!.line,
      };
      result.splice(shortest, 1);
    }
    return result;
  });
  const rows: TableRow[] = [];
  for (let k = 0; k < count; k++) {
    const cells = header.map(() => "");
    const entries: CellEntry[] = [];
    fitted.forEach((entriesOfColumn, c) => {
      const entry =
        entriesOfColumn.length === count
          ? entriesOfColumn[k]
          : k === 0 && entriesOfColumn.length
            ? { text: entriesOfColumn.map((e) => e.text).join(" "), line: entriesOfColumn[0]!.line }
            : undefined;
      if (!entry) return;
      cells[c] = entry.text;
      entries.push({ column: c, text: entry.text, line: entry.line });
    });
    const linesOfRow = entries.map((e) => e.line);
    rows.push({ cells, entries, firstLine: Math.min(...linesOfRow), lastLine: Math.max(...linesOfRow) });
  }
  return { header, roles, rows };
}

/** A table needs a column for what is reported; OCR sometimes loses that header word ("Titel"). */
function withWhatColumn(
  header: string[],
  roles: ColumnRole[],
  rows: TableRow[],
): { header: string[]; roles: ColumnRole[]; rows: TableRow[] } {
  if (roles.some((r) => r === "what" || r === "unknown")) return { header, roles, rows };
  return {
    header: ["", ...header],
    roles: ["what", ...roles],
    rows: rows.map((row) => ({
      ...row,
      cells: ["", ...row.cells],
      entries: row.entries.map((e) => ({ ...e, column: e.column + 1 })),
    })),
  };
}

/**
 * A header of known column words, then the table's lines until a boundary (numbered heading,
 * marker), a long run of blank lines or a new header. The body is read in whichever shape it has.
 */
function startsProseAfterTable(lines: Line[], j: number): boolean {
  const text = lines[j]!.text.trim();
  if (/^[•▪◦*–-]\s/u.test(text)) return true;
  // A lead-in may wrap: its sentence ends with ":" within three lines, before the next blank.
  for (let k = j; k < Math.min(lines.length, j + 3) && !lines[k]!.blank; k++) {
    const line = lines[k]!.text.trim();
    if (hasIsoDay(line) || isFormCell(line)) return false;
    if (/:$/.test(line)) return true;
  }
  return false;
}

export function detectHeaderLedTables(context: DetectorContext & { markerLines: Set<number> }): DetectedTable[] {
  const { lines, claimed, boundaries, dictionary } = context;
  const tables: DetectedTable[] = [];
  const bodyEnd = (from: number): number => {
    let blanks = 0;
    let j = from;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (boundaries.has(j) || claimed.has(j) || line.cells) break;
      if (line.blank) {
        // Page breaks leave long runs of blank lines inside a table.
        if (++blanks >= 7) break;
        continue;
      }
      blanks = 0;
    }
    return j;
  };
  let i = 0;
  while (i < lines.length) {
    if (claimed.has(i) || lines[i]!.blank || lines[i]!.cells) {
      i++;
      continue;
    }
    const single = headerWordsOf(lines[i]!.text);
    if (!single) {
      i++;
      continue;
    }
    const followsMarker = [...context.markerLines].some(
      (m) => m < i && i - m <= 4 && lines.slice(m + 1, i).every((l) => l.blank),
    );
    let header: string[] = [];
    let headerEnd = i;
    let table: { header: string[]; roles: ColumnRole[]; rows: TableRow[] } | null = null;
    let lastLine = i;
    if (single.length >= 2) header = single;
    else {
      header = [...single];
      for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
        if (lines[j]!.blank) continue;
        const more = headerWordsOf(lines[j]!.text);
        if (!more || more.length !== 1 || claimed.has(j)) break;
        header.push(more[0]!);
        headerEnd = j;
      }
      // "Indikatorer" over "Indikator", "Mål", "Källa": the caption over the table, not a column.
      if (header.length >= 3 && fold(header[0]!).startsWith(fold(header[1]!)) && header[0] !== header[1]) {
        header.shift();
        do i++;
        while (lines[i]!.blank);
      }
      // "Indikatorer:" over a list is a lead-in, not a column's header.
      if (header.length === 1 && !/:\s*$/.test(lines[i]!.text)) {
        // One header word, its column's content, the next header word …: columns read downwards.
        const end = bodyEnd(i + 1);
        const segments: Array<{ header: string; lines: number[] }> = [{ header: single[0]!, lines: [] }];
        for (let j = i + 1; j < end; j++) {
          const words = lines[j]!.blank ? null : headerWordsOf(lines[j]!.text);
          if (words && words.length === 1) segments.push({ header: words[0]!, lines: [] });
          else segments.at(-1)!.lines.push(j);
        }
        // "Beskrivning" over its text, then "Vad", "När", "Hur", "Till vem" one under the other and the
        // cells after them: a labelled field and then a table whose header starts at "Vad", not columns
        // read downwards (two or more header words in a row with nothing under them).
        const emptyInRow = segments
          .slice(1, -1)
          .filter((segment) => segment.lines.every((l) => lines[l]!.blank)).length;
        if (
          emptyInRow < 2 &&
          segments.length >= 2 &&
          (isFollowUpHeader(segments.map((s) => s.header)) || followsMarker)
        ) {
          const read = readColumnBlocks(lines, segments);
          table = withWhatColumn(read.header, read.roles, read.rows);
          lastLine = Math.max(...segments.flatMap((s) => s.lines.filter((l) => !lines[l]!.blank)), i);
        }
      }
    }
    // A goal or indicator table read one cell per line, without dates: rows of as many lines as
    // there are columns, until a blank line.
    if (
      !table &&
      header.length >= 2 &&
      !isFollowUpHeader(header) &&
      header.every((h) => goalHeaderWord.test(fold(h).replace(/\s+/g, " ").trim()) || headerWord.test(fold(h).trim()))
    ) {
      const body: number[] = [];
      for (let j = headerEnd + 1; j < lines.length && !boundaries.has(j) && !claimed.has(j) && !lines[j]!.cells; j++) {
        if (lines[j]!.blank) {
          // A page break (the footer and header removed, blank lines around them) does not end the table.
          let end = j;
          while (end < lines.length && lines[end]!.blank) end++;
          if (!lines.slice(j, end).some((l) => l.source.trim())) break;
          j = end - 1;
          continue;
        }
        body.push(j);
      }
      const roles = header.map((h) => columnRoleOf(fold(h)));
      const valueRows =
        header.length === 2 ? readNameValueRows(lines, body) : readSourcedValueRows(lines, body, header, roles);
      if (valueRows) {
        table = { header, roles, rows: valueRows };
        lastLine = valueRows.at(-1)!.lastLine;
      } else if (
        body.length >= header.length &&
        body.length % header.length === 0 &&
        !body.some((l) => hasIsoDay(lines[l]!.text))
      ) {
        const rows: TableRow[] = [];
        for (let k = 0; k < body.length; k += header.length) {
          const cells = body.slice(k, k + header.length).map((l) => lines[l]!.text);
          rows.push({
            cells,
            entries: cells.map((text, column) => ({ column, text, line: body[k + column]! })),
            firstLine: body[k]!,
            lastLine: body[k + header.length - 1]!,
          });
        }
        table = { header, roles, rows };
        lastLine = body.at(-1)!;
      }
    }
    // Header words one per line, then rows of exactly as many lines: each chunk is a row when
    // its cells are of their column's kind (a time in the time column, a form, a recipient).
    if (!table && single.length === 1 && header.length >= 3 && (isFollowUpHeader(header) || followsMarker)) {
      const roles = header.map((h) => columnRoleOf(fold(h)));
      const run: number[] = [];
      for (let j = headerEnd + 1; j < lines.length; j++) {
        if (lines[j]!.blank || boundaries.has(j) || claimed.has(j) || lines[j]!.cells) break;
        run.push(j);
      }
      const rows = readFixedChunks(lines, run, header, roles);
      if (rows) {
        table = { header, roles, rows };
        lastLine = run.at(-1)!;
      }
    }
    if (!table) {
      if (header.length < 2 || (!isFollowUpHeader(header) && !followsMarker)) {
        i++;
        continue;
      }
      const end = bodyEnd(headerEnd + 1);
      const body: number[] = [];
      // "Indikator" over "Källa" over "Utfall 2024": the next table's header, one word a line.
      const headerWordNext = (k: number) => {
        let n = k + 1;
        while (n < end && lines[n]!.blank) n++;
        return n < end && headerWordsOf(lines[n]!.text)?.length === 1;
      };
      for (let j = headerEnd + 1; j < end; j++) {
        const words = lines[j]!.blank ? null : headerWordsOf(lines[j]!.text);
        const filled = body.some((l) => !lines[l]!.blank);
        if (words && words.length >= 2 && filled) break;
        // That header (or the caption over it, "Indikatorer för grunduppdragen") ends this table.
        const startsNext = words ? words.length === 1 : isIndicatorCaption(lines[j]!.text);
        if (filled && startsNext && headerWordNext(j)) break;
        // After a blank line, a sentence that introduces a list ("Indikatorer för …:") or a bullet
        // is text after the table, not its next row.
        if (
          j > headerEnd + 1 &&
          lines[j - 1]!.blank &&
          !lines[j]!.blank &&
          body.some((l) => !lines[l]!.blank) &&
          startsProseAfterTable(lines, j)
        )
          break;
        body.push(j);
      }
      const filled = body.filter((l) => !lines[l]!.blank);
      let roles = header.map((h) => columnRoleOf(fold(h)));
      // Rows need a column for their title even when OCR lost its header word ("Titel").
      if (!roles.some((r) => r === "what" || r === "unknown")) {
        header = ["", ...header];
        roles = ["what", ...roles];
      }
      const dateLines = filled.filter((l) => hasIsoDay(lines[l]!.text) || isDateOnly(lines[l]!.text));
      if (filled.length === 0 || dateLines.length === 0) {
        i = headerEnd + 1;
        continue;
      }
      const dateOnlyLines = dateLines.filter((l) => isDateOnly(lines[l]!.text));
      let rows: TableRow[];
      if (dateOnlyLines.length >= dateLines.length * 0.6) {
        const textLines = filled.filter((l) => cellKind(lines[l]!.text) === "text");
        const columnWise =
          dateOnlyLines.length > 1 &&
          textLines.length > 0 &&
          dateOnlyLines[0]! > Math.max(...textLines) &&
          filled.every((l) => ["text", "time"].includes(cellKind(lines[l]!.text)));
        rows = columnWise
          ? readColumnWise(lines, body, header, roles, dateOnlyLines)
          : readCellsPerLine(lines, filled, header, roles);
      } else rows = readRowWise(lines, filled, header, roles, dictionary);
      table = { header, roles, rows };
      lastLine = filled.at(-1)!;
    }
    tables.push({
      firstLine: i,
      lastLine,
      header: table.header,
      roles: table.roles,
      rows: table.rows,
      origin: "cells-per-line",
    });
    for (let l = i; l <= lastLine; l++) claimed.add(l);
    i = lastLine + 1;
  }
  return tables;
}

// labelled ------------------------------------------------------------------------------------

const isoDays = /\d{4}-\d{2}-\d{2}/g;
const dateColumnRoles = new Set<ColumnRole>(["start", "due", "when"]);

/**
 * "Startdatum Slutdatum" over "2026-01-01" and "2028-12-31" (OCR of a two-cell table): a line of
 * date column words whose dates follow on the next lines, one per word, is a table of one row.
 */
export const detectHeaderValueLines: TableDetector = ({ lines, claimed }) => {
  const tables: DetectedTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (claimed.has(i) || line.blank || line.text.length > 60) continue;
    // "Startdatum" / "2026-01-01" / "Slutdatum" / "2026-12-31": each word over its own date.
    const alternating = labelledDatePairs(lines, claimed, i);
    if (alternating) {
      tables.push(alternating);
      i = alternating.lastLine;
      continue;
    }
    const words = squash(line.text.replace(/[|:]/g, " ")).split(" ");
    if (words.length < 2 || words.length > 4) continue;
    if (!words.every((w) => dateColumnRoles.has(columnRoleOf(fold(w))))) continue;
    const dates: string[] = [];
    let valueLine = -1;
    let last = i;
    for (let j = i + 1; j < Math.min(lines.length, i + 8) && dates.length < words.length; j++) {
      const next = lines[j]!;
      if (next.blank) continue;
      if (claimed.has(j)) break;
      const found = next.text.match(isoDays) ?? [];
      // Only dates (and the specks OCR leaves beside them) on the line.
      if (found.length === 0 || /[\p{L}\d]/u.test(next.text.replace(isoDays, ""))) break;
      dates.push(...found);
      if (valueLine < 0) valueLine = j;
      last = j;
    }
    if (dates.length !== words.length) continue;
    const header = words.map((w) => w.replace(/^\p{Ll}/u, (c) => c.toUpperCase()));
    tables.push({
      firstLine: i,
      lastLine: last,
      header,
      roles: rolesOf(header, header.length),
      rows: [{ ...rowFromCells(dates, valueLine), lastLine: last }],
      origin: "labelled",
    });
    i = last;
  }
  return tables;
};

/** Only dates (and the specks OCR leaves beside them) on the line. */
const onlyDates = (text: string) => /\d{4}-\d{2}-\d{2}/.test(text) && !/[\p{L}\d]/u.test(text.replace(isoDays, ""));

/** Two or more lines of one date column word ("Startdatum"), each followed by a line of its date: a table of one row. */
function labelledDatePairs(lines: Line[], claimed: Set<number>, first: number): DetectedTable | null {
  const header: string[] = [];
  const dates: string[] = [];
  let valueLine = -1;
  let last = first;
  let i = first;
  const nextLine = (from: number) => {
    let j = from;
    while (j < lines.length && lines[j]!.blank) j++;
    return j < lines.length && j - from <= 3 && !claimed.has(j) ? j : -1;
  };
  while (i >= 0 && i < lines.length && header.length < 4) {
    const word = squash(lines[i]!.text.replace(/[|:]/g, " "));
    if (word.includes(" ") || !dateColumnRoles.has(columnRoleOf(fold(word)))) break;
    const value = nextLine(i + 1);
    if (value < 0 || !onlyDates(lines[value]!.text)) break;
    const found = lines[value]!.text.match(isoDays) ?? [];
    if (found.length !== 1) break;
    header.push(word.replace(/^\p{Ll}/u, (c) => c.toUpperCase()));
    dates.push(found[0]!);
    if (valueLine < 0) valueLine = value;
    last = value;
    i = nextLine(value + 1);
  }
  if (header.length < 2) return null;
  return {
    firstLine: first,
    lastLine: last,
    header,
    roles: rolesOf(header, header.length),
    rows: [{ ...rowFromCells(dates, valueLine), lastLine: last }],
    origin: "labelled",
  };
}

const timeLabel = new RegExp(
  `^((${swedishMonthPattern})|kvartal|tertial|delar|helar|var|host|vecka|v\\.? ?\\d)\\b`,
  "u",
);
const labelValueLine = /^(\p{Lu}[\p{L}\p{N} .,&()/-]{1,48}?):\s+(\S.{0,90})$/u;

/** A "label: value" line of a contact or fact list ("Nämndens sakkunniga: Karin Öberg"); null otherwise. */
export function labelValueOf(text: string): [string, string] | null {
  const match = labelValueLine.exec(text.trim());
  if (!match) return null;
  const [label, value] = [squash(match[1]!), squash(match[2]!)];
  if (label.split(" ").length > 6 || /[:]$/.test(value)) return null;
  // Dated lines ("Maj: Vårrapport …", "Gäller: 2026-01-01 – 2026-12-31") are read as what they say.
  if (findTimeMentions(text, null).length > 0 || findRecurrence(fold(text)) || timeLabel.test(fold(label))) return null;
  return [label, value];
}

/**
 * Runs of two or more free lines in a row whose cells `cellsOf` reads: a table without a header,
 * each line a row.
 */
function lineRunTables(
  { lines, claimed }: DetectorContext,
  cellsOf: (line: Line) => string[] | null,
  roles: ColumnRole[],
  origin: DetectedTable["origin"],
): DetectedTable[] {
  const tables: DetectedTable[] = [];
  let run: Array<{ line: number; cells: string[] }> = [];
  const close = () => {
    if (run.length >= 2)
      tables.push({
        firstLine: run[0]!.line,
        lastLine: run.at(-1)!.line,
        header: null,
        roles,
        rows: run.map((r) => rowFromCells(r.cells, r.line)),
        origin,
      });
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cells = !claimed.has(i) && !line.blank && !line.cells ? cellsOf(line) : null;
    if (cells) run.push({ line: i, cells });
    else close();
  }
  close();
  return tables;
}

/**
 * Two or more "label: value" lines in a row (contacts, signatories' roles): a two-column table,
 * so a label line is not taken for a heading and each line is a passage with its label.
 */
export const detectLabelValueLines: TableDetector = (context) =>
  lineRunTables(context, (line) => labelValueOf(line.text), rolesOf(null, 2), "labelled");

/**
 * "Verksamhetsberättelse 2025         Skriftlig, sammanträdet 2026-02-11": two or more lines in a
 * row laid out as two cells with a wide gap, the second naming when. A schedule without a header:
 * what is reported, then when and how.
 */
export const detectSpacedScheduleLines: TableDetector = (context) =>
  lineRunTables(
    context,
    (line) => {
      const cells = spacedCells(line);
      const schedule =
        cells?.length === 2 &&
        /\p{L}{3}/u.test(cells[0]!) &&
        !startsWithTime(cells[0]!) &&
        !/[.:]$/.test(cells[0]!) &&
        namesTime(cells[1]!);
      return schedule ? cells : null;
    },
    ["what", "when"],
    "positions",
  );

const captionUnit = /(?:,|\(|\bi\b|\bbelopp\b)\s*(tkr|mnkr|mkr|kr|kronor|tusentals kronor)\)?\.?\s*$/iu;

/**
 * "Verksamhet | 2025 | 2026" read as a first row (a year is no header word): it is the header,
 * and the unit of the caption above ("Ersättning per verksamhet, tkr") goes with each year.
 */
export function withYearHeader(table: DetectedTable, lines: Line[]): DetectedTable {
  const [first, ...body] = table.rows;
  if (table.header || !first || body.length < 2) return table;
  const cells = first.cells.map((c) => squash(c));
  const years = cells.slice(1).filter((c) => /^(?:19|20)\d{2}(?:\s*,?\s*\(?\p{L}+\)?)?$/u.test(c));
  if (!/\p{L}/u.test(cells[0] ?? "") || years.length === 0 || years.length !== cells.slice(1).filter(Boolean).length)
    return table;
  const caption = lines
    .slice(Math.max(0, table.firstLine - 3), table.firstLine)
    .filter((l) => !l.blank)
    .at(-1);
  const unit = caption && caption.text.length <= 80 ? captionUnit.exec(caption.text)?.[1] : undefined;
  const header = cells.map((c, k) => (k > 0 && unit && /^(?:19|20)\d{2}$/.test(c) ? `${c} ${unit.toLowerCase()}` : c));
  return { ...table, header, roles: rolesOf(header, Math.max(header.length, table.roles.length)), rows: body };
}
