// Stage 2: clean lines → blocks and sections. The numbered outline is found first (it bounds
// everything else), then the table detectors claim their lines, then the rest becomes markers,
// subheadings, list items and paragraphs (sentences re-flowed across the lines the PDF or OCR
// wrapped them over).
import { isRuledLine } from "../ruled-lines.ts";
import { swedishMonthPattern } from "../../../shared/lexicon/months.ts";
import { fold, squash } from "../../../shared/text/fold.ts";
import type { SectionModel } from "../../agreement-model.ts";
import type { Line } from "../normalise-lines.ts";
import type { SpellingDictionary } from "../spelling-dictionary.ts";
import { type Block, type DetectedTable, type HeadingBlock, rowFromCells, type TableBlock } from "./block-model.ts";
import { type FieldCard, fieldRole, findFieldCards, listItemsOf } from "./field-cards.ts";
import {
  codeLabelCandidates,
  goalLabelCandidate,
  isTableOfContentsLine,
  markerOf,
  numberedCandidate,
  numberedParagraphNumber,
  outline,
  letteredOutline,
  romanOutline,
  plainTableOfContents,
  unnumberedCandidate,
  type HeadingCandidate,
} from "./headings.ts";
import { detectLabelledRecords } from "./labelled-records.ts";
import {
  detectHeaderLedTables,
  detectHeaderValueLines,
  detectLabelValueLines,
  detectRuledTables,
  detectPositionedTables,
  detectSpacedScheduleLines,
  detectTabTables,
  withYearHeader,
} from "./table-detectors.ts";

export interface DocumentStructure {
  blocks: Block[];
  sections: SectionModel[];
  /** Block ids of each section, in order. */
  blocksBySection: Map<number, Block[]>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const listItemStart = /^(•|[-–*]|\d{1,2}[.)]|[a-z][.)])\s+/u;

function isListItemStart(text: string): boolean {
  return listItemStart.test(text);
}

/** "Mars – Rapport om …", "Maj: Tertialrapport", "September 2026 – …": a line a month timetable's entry opens with. */
const monthEntryStart = new RegExp(
  `^(?:${swedishMonthPattern})\\.?(?:\\s+\\d{4})?\\s*(?:\\([^)]*\\))?\\s*[:–—-]\\s*\\p{Lu}`,
  "iu",
);

/**
 * Lines that open the entries of a timetable of months written as lines ("Februari – Verksamhetsberättelse",
 * "Mars – …"): each is an entry of its own, however the OCR or PDF ran them together, and a line
 * that does not open one continues the entry above. One such line alone is prose.
 */
function monthEntryLines(lines: Line[]): Set<number> {
  const starts = lines.flatMap((line, i) => (!line.blank && monthEntryStart.test(line.text) ? [i] : []));
  // Two within a few lines of each other make a timetable.
  return new Set(
    starts.filter((at, k) => (starts[k + 1] ?? Infinity) - at <= 4 || at - (starts[k - 1] ?? -Infinity) <= 4),
  );
}

/** A line of a table that lost its columns: a label and its amounts ("Barn och unga -124 613 -146 900"). */
function isAmountRow(text: string): boolean {
  // "Källa: Kolada   Utfall 2024: 41 %   Målvärde 2025: 38 %" is a line of labelled fields, not of amounts.
  if ((text.match(/\p{L}+(?:\s+20\d{2})?:\s/gu) ?? []).length >= 2) return false;
  // "skriftlig – underlag senast 2026-01-13": a date is no amount.
  if (/\d{4}-\d{1,2}-\d{1,2}\W*$/.test(text)) return false;
  return text.length < 90 && /\p{L}{3}/u.test(text) && /\p{L}[^\d]*\s(?:[-–]?\s?\d[\d\s,.%]*)+$/u.test(text);
}

/**
 * A timetable split by sub-headings ("KVARTAL 1" over the header and its rows, "Q2 (april–juni)"
 * over more rows): a table without a header that follows a headed one of the same width a few
 * lines on, with only short lines between, goes on with that table's header and column roles.
 */
function inheritHeaders(tables: DetectedTable[], lines: Line[]): void {
  const ordered = [...tables].sort((a, b) => a.firstLine - b.firstLine);
  const width = (t: DetectedTable) => Math.max(t.header?.length ?? 0, ...t.rows.map((r) => r.cells.length));
  let headed: DetectedTable | null = null;
  let previous: DetectedTable | null = null;
  for (const table of ordered) {
    // A first row taken for a header whose cells name no column ("23/4 | Handläggningstider …") is a row.
    const rowAsHeader =
      table.header !== null &&
      table.roles.every((r) => r === "unknown") &&
      table.header.some((cell) => /^\d{1,2}\/\d{1,2}$|^\d{4}-\d{2}-\d{2}$|^\d+$/.test(cell.trim()));
    if (table.header && !rowAsHeader) {
      headed = table;
    } else if (headed && previous && width(table) === width(headed)) {
      const between = lines.slice(previous.lastLine + 1, table.firstLine);
      const shortLinesOnly = between.length <= 8 && between.every((l) => l.blank || l.text.length <= 60);
      if (shortLinesOnly) {
        if (rowAsHeader) table.rows.unshift(rowFromCells(table.header!, table.firstLine));
        table.header = headed.header;
        table.roles = headed.roles;
      } else headed = null;
    } else headed = null;
    previous = table;
  }
}

export function buildBlocks(lines: Line[], dictionary: SpellingDictionary | null): DocumentStructure {
  // 1. The numbered outline.
  let numbered: HeadingCandidate[] = [];
  // Numbered paragraphs ("1.1.2 Verksamhetsplanen utgör …"): where one of a level is a paragraph,
  // its numbered siblings are paragraphs too, however short ("3.1.1.2 Utbildningen ska vara flexibel …").
  const paragraphLevels = new Set<string>();
  const levelOf = (parts: number[]) => `${parts.slice(0, -1).join(".")}|${parts.length}`;
  for (let i = 0; i < lines.length; i++) {
    if (isTableOfContentsLine(lines[i]!)) continue;
    const candidate = numberedCandidate(lines, i);
    if (candidate) numbered.push(candidate);
    else {
      const paragraph = numberedParagraphNumber(lines, i);
      if (paragraph) paragraphLevels.add(levelOf(paragraph));
    }
  }
  numbered = numbered.filter((c) => !c.number || !paragraphLevels.has(levelOf(c.number)));
  const contents = plainTableOfContents(lines, numbered);
  let outlineHeadings = outline(
    numbered.filter((c) => !contents.contents.has(c.line)),
    contents.listed,
  );
  // Rows of a table drawn with characters (two such lines or more) are the table's, whatever
  // their first cell looks like ("Särskilt uppdrag 4.1 … | 2026-04-22 | Muntlig").
  const drawnLines = new Set<number>();
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && isRuledLine(lines[j]!.source)) j++;
    if (j - i >= 2) for (let l = i; l < j; l++) drawnLines.add(l);
    i = Math.max(j, i + 1);
  }
  outlineHeadings = outlineHeadings.filter((h) => !drawnLines.has(h.line));
  const claimed = new Set<number>();
  const boundaries = new Set<number>();
  // A sheet per assignment ("ÅTAGANDE 4   Typ: KF-mål" over its fields) is read as one.
  const cards = findFieldCards(lines);
  const inCard = (line: number) => cards.some((c) => line >= c.firstLine && line <= c.lastLine);
  outlineHeadings = outlineHeadings.filter((h) => !inCard(h.line));
  for (const card of cards) {
    for (let l = card.firstLine; l <= card.lastLine; l++) claimed.add(l);
    boundaries.add(card.firstLine);
  }
  // Parts lettered A, B, C … are the outline's first level; a numbered outline inside them is not
  // read as theirs, so they are kept apart from it.
  // (So are parts numbered in Roman numerals, "III." and "III.1".)
  const outlined = new Set(outlineHeadings.map((h) => h.line));
  const lettered = [...letteredOutline(lines, outlined), ...romanOutline(lines, outlined)];
  for (const heading of [...outlineHeadings, ...lettered]) {
    for (let l = heading.line; l <= heading.endLine; l++) claimed.add(l);
    boundaries.add(heading.line);
  }
  // "Startdatum Slutdatum" over its dates is a small table, not a marker or a heading.
  const headerValueTables = detectHeaderValueLines({ lines, claimed, boundaries, dictionary });
  for (const table of headerValueTables) {
    for (let l = table.firstLine; l <= table.lastLine; l++) claimed.add(l);
    boundaries.add(table.firstLine);
  }
  // A reporting plan of labelled records ("Tidpunkt: … / Ärende: … / Form: …") is a table, read
  // before its field labels can be taken for markers or goal labels.
  const recordTables = detectLabelledRecords({ lines, claimed, boundaries, dictionary });
  for (const table of recordTables) {
    for (let l = table.firstLine; l <= table.lastLine; l++) claimed.add(l);
    boundaries.add(table.firstLine);
  }
  const markerLines = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!claimed.has(i) && !drawnLines.has(i) && markerOf(lines[i]!)) {
      markerLines.add(i);
      boundaries.add(i);
    }
  }
  const goalHeadings: HeadingCandidate[] = [];
  // A label already given ("Mål 1", "Särskilt uppdrag A") that comes back later names that goal in
  // a table or list ("Mål 1: Andel invånare …" in the indicator table); it heads nothing.
  const labelsSeen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    if (claimed.has(i) || drawnLines.has(i)) continue;
    const candidate = goalLabelCandidate(lines, i);
    const label = candidate?.label ? fold(candidate.label) : null;
    if (label && labelsSeen.has(label)) continue;
    if (label) labelsSeen.add(label);
    if (candidate) {
      goalHeadings.push(candidate);
      boundaries.add(i);
    }
  }
  const goalLines = new Set(goalHeadings.map((g) => g.line));
  for (const candidate of codeLabelCandidates(lines, new Set([...claimed, ...drawnLines]))) {
    if (goalLines.has(candidate.line)) continue;
    goalHeadings.push(candidate);
    boundaries.add(candidate.line);
  }

  // 2. Tables. Markers and goal labels end tables but are not part of them.
  const numberedHeadingLines = new Set(outlineHeadings.filter((h) => h.endLine === h.line).map((h) => h.line));
  const context = {
    lines,
    claimed: new Set([...claimed, ...markerLines, ...goalHeadings.map((g) => g.line)]),
    boundaries,
    dictionary,
    markerLines,
    numberedHeadingLines,
  };
  const tables: DetectedTable[] = [];
  const claim = (found: DetectedTable[]) => {
    for (const detected of found) {
      const table = withYearHeader(detected, lines);
      tables.push(table);
      for (let l = table.firstLine; l <= table.lastLine; l++) context.claimed.add(l);
    }
  };
  const positioned = detectPositionedTables(context);
  // Numbered lines a positioned table took as its rows are not headings.
  outlineHeadings = outlineHeadings.filter(
    (h) => !positioned.some((t) => h.line > t.firstLine && h.line <= t.lastLine),
  );
  claim(positioned);
  claim(headerValueTables);
  claim(recordTables);
  claim(detectRuledTables(context));
  claim(detectTabTables(context));
  claim(detectHeaderLedTables(context));
  claim(detectLabelValueLines(context));
  claim(detectSpacedScheduleLines(context));
  for (const goal of goalHeadings) for (let l = goal.line; l <= goal.endLine; l++) context.claimed.add(l);

  // 3. Everything else, line by line.
  const unnumbered: HeadingCandidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (context.claimed.has(i) || markerLines.has(i)) continue;
    const candidate = unnumberedCandidate(lines, i);
    if (candidate) unnumbered.push(candidate);
  }
  const headingAt = new Map<number, HeadingCandidate>();
  for (const h of [...outlineHeadings, ...lettered, ...goalHeadings, ...unnumbered]) headingAt.set(h.line, h);
  inheritHeaders(tables, lines);
  const tableAt = new Map(tables.map((t) => [t.firstLine, t]));
  const cardAt = new Map(cards.map((c) => [c.firstLine, c]));

  const blocks: Block[] = [];
  const push = (block: DistributiveOmit<Block, "id" | "section">) =>
    blocks.push({ ...block, id: blocks.length, section: 0 } as Block);
  const monthEntries = monthEntryLines(lines);
  let paragraph: number[] = [];
  let leadIn: string | null = null;
  let inList = false;
  // Body text that shared a line with a heading starts the paragraph after it.
  let prefix: { text: string; line: number } | null = null;
  const flushParagraph = () => {
    if (paragraph.length === 0 && prefix) paragraph.push(-1);
    if (paragraph.length === 0) return;
    const laidOut = paragraph.map((l) => (l === -1 ? prefix!.text : lines[l]!.text));
    if (paragraph[0] === -1) paragraph[0] = prefix!.line;
    else if (prefix) {
      laidOut.unshift(prefix.text);
      paragraph.unshift(prefix.line);
    }
    prefix = null;
    const text = squash(laidOut.join(" "));
    if (inList)
      push({
        kind: "listItem",
        firstLine: paragraph[0]!,
        lastLine: paragraph.at(-1)!,
        text: text.replace(listItemStart, ""),
        lines: laidOut,
        leadIn,
      });
    else {
      push({ kind: "paragraph", firstLine: paragraph[0]!, lastLine: paragraph.at(-1)!, text, lines: laidOut });
      leadIn = /:\s*$/.test(text) ? text : null;
    }
    paragraph = [];
  };
  const pushCard = (card: FieldCard) => {
    // The kind first: the assignment reader takes a kind marker right above a heading as its kind.
    if (card.kind)
      push({ kind: "marker", firstLine: card.firstLine, lastLine: card.firstLine, marker: "kind", text: card.kind });
    push({
      kind: "heading",
      firstLine: card.firstLine,
      lastLine: card.firstLine,
      number: card.label,
      text: card.title,
      level: 0,
    });
    // "Redovisas till: Omsorgsnämnden 25/2", "Senast: 11/2", "Form: skriftlig": one row of a schedule,
    // so the last day goes with its meeting and the form with both.
    const scheduled = (role: string) => card.fields.find((f) => fieldRole(f.label) === role);
    const when = scheduled("when");
    const due = scheduled("due");
    const how = scheduled("how");
    const asRow = when && (due || how) ? [when, due, how].filter((f) => f !== undefined) : [];
    for (const field of card.fields) {
      const role = fieldRole(field.label);
      const at = { firstLine: field.firstLine, lastLine: field.lastLine };
      if (asRow.includes(field)) {
        if (field !== asRow[0]) continue;
        push({
          kind: "table",
          firstLine: Math.min(...asRow.map((f) => f.firstLine)),
          lastLine: Math.max(...asRow.map((f) => f.lastLine)),
          header: ["Vad", "När", "Underlag senast", "Form"],
          roles: ["what", "when", "due", "how"],
          rows: [
            {
              cells: [card.title, when!.value, due?.value ?? "", how?.value ?? ""],
              entries: [
                { column: 0, text: card.title, line: card.titleLine },
                ...[when!, due, how].flatMap((f, k) =>
                  f ? [{ column: k + 1, text: f.value, line: f.firstLine }] : [],
                ),
              ],
              firstLine: card.firstLine,
              lastLine: Math.max(...asRow.map((f) => f.lastLine)),
            },
          ],
          origin: "labelled",
        });
        continue;
      }
      if (role === "indicators") {
        for (const item of listItemsOf(field))
          push({ kind: "listItem", ...at, text: item, lines: [item], leadIn: `${field.label}:` });
        continue;
      }
      if (role === "period")
        push({ kind: "marker", ...at, lastLine: at.firstLine, marker: "period", text: field.label });
      const text = role === "period" ? field.value : squash(`${field.label}: ${field.value}`);
      push({
        kind: "paragraph",
        ...at,
        text,
        lines: role === "period" ? field.lines : [`${field.label}: ${field.lines[0] ?? ""}`, ...field.lines.slice(1)],
      });
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const card = cardAt.get(i);
    if (card) {
      flushParagraph();
      inList = false;
      leadIn = null;
      pushCard(card);
      i = card.lastLine;
      continue;
    }
    const table = tableAt.get(i);
    if (table) {
      flushParagraph();
      inList = false;
      push({
        kind: "table",
        firstLine: table.firstLine,
        lastLine: table.lastLine,
        header: table.header,
        roles: table.roles,
        rows: table.rows,
        origin: table.origin,
      });
      i = table.lastLine;
      continue;
    }
    const heading = headingAt.get(i);
    if (heading) {
      flushParagraph();
      inList = false;
      leadIn = null;
      const number = heading.display ?? (heading.number ? heading.number.join(".") : heading.label);
      push({
        kind: "heading",
        firstLine: heading.line,
        lastLine: heading.endLine,
        number,
        text: heading.heading,
        level: heading.number ? heading.number.length : 0,
      });
      if (heading.rest) prefix = { text: heading.rest, line: heading.line };
      i = heading.endLine;
      continue;
    }
    if (context.claimed.has(i) && !markerLines.has(i)) continue;
    const line = lines[i]!;
    const marker = markerLines.has(i) ? markerOf(line) : null;
    if (marker) {
      flushParagraph();
      inList = false;
      push({ kind: "marker", firstLine: i, lastLine: i, marker, text: line.text });
      continue;
    }
    if (isTableOfContentsLine(line) || contents.contents.has(i)) {
      flushParagraph();
      push({ kind: "toc", firstLine: i, lastLine: i, text: line.text });
      continue;
    }
    if (line.blank) {
      // OCR wraps a sentence over blank lines: a line that does not end a sentence, followed by
      // one that starts in lower case, continues.
      const previous = paragraph.length ? lines[paragraph.at(-1)!]!.text : "";
      // (Across a page break too: the removed footer and header leave several blank lines.)
      const next = lines.slice(i + 1, i + 7).find((n) => !n.blank);
      const wraps =
        previous &&
        !/[.!?:]$/.test(previous) &&
        next &&
        !next.cells &&
        /^[\p{Ll}\d(]/u.test(next.text) &&
        !headingAt.has(next.index) &&
        !tableAt.has(next.index);
      if (!wraps) {
        flushParagraph();
        // A lead-in ending in ":" stays one across the blank line before its list.
        const last = blocks.at(-1);
        if (!inList && !(last?.kind === "paragraph" && /:\s*$/.test(last.text))) leadIn = null;
      }
      continue;
    }
    const amountRow = isAmountRow(line.text);
    const afterAmountRow = paragraph.length > 0 && isAmountRow(lines[paragraph.at(-1)!]!.text);
    // "  1.1  Antal hushåll …" indented under "Indikatorer:": a numbered entry of a list (see isIndentedEntry).
    const lineBefore = paragraph.length > 0 ? lines[paragraph.at(-1)!]!.text : "";
    const numberedEntry =
      /^ {2,}\d{1,2}\.\d{1,2}\s+\p{Lu}/u.test(line.source) && (inList || leadIn !== null || /:\s*$/.test(lineBefore));
    if (
      (isListItemStart(line.text) || numberedEntry || monthEntries.has(i)) &&
      !(amountRow && afterAmountRow && !inList)
    ) {
      // ("- varav HVB-vård -32 955 -43 000" under an amount row is a sub-row of the table, not a list.)
      flushParagraph();
      // "Utöver tabellen ska divisionen" over "• lämna …": items that finish the sentence above
      // have it as their lead-in, colon or not.
      const last = blocks.at(-1);
      if (
        !inList &&
        last?.kind === "paragraph" &&
        last.lastLine >= i - 1 &&
        !/[.!?]$/.test(last.text) &&
        /^\S+\s+\p{Ll}/u.test(line.text)
      )
        leadIn = last.text;
      inList = true;
    } else if (inList && amountRow && paragraph.length > 0) {
      // An amount row never continues a list item: the table goes on.
      flushParagraph();
      inList = false;
    } else if (inList && paragraph.length === 0) {
      inList = false;
    } else if (inList && /^\p{Lu}/u.test(line.text) && /[.!?:]$/.test(lines[paragraph.at(-1)!]!.text)) {
      // A capitalised line after a finished item is prose again.
      flushParagraph();
      inList = false;
    }
    paragraph.push(i);
  }
  flushParagraph();

  // 4. Sections from the headings.
  const sections: SectionModel[] = [];
  const headings = blocks.filter((b): b is HeadingBlock => b.kind === "heading");
  const firstHeadingLine = headings[0]?.firstLine ?? lines.length;
  if (firstHeadingLine > 0)
    sections.push({
      ordinal: 0,
      number: null,
      heading: "Inledning",
      level: 0,
      text: "",
      startLine: 0,
      endLine: firstHeadingLine - 1,
    });
  let currentLevel = 0;
  for (let k = 0; k < headings.length; k++) {
    const heading = headings[k]!;
    const next = headings[k + 1];
    const isOutline = heading.level > 0;
    const level = isOutline ? heading.level : currentLevel + 1;
    if (isOutline) currentLevel = heading.level;
    sections.push({
      ordinal: sections.length,
      number: heading.number,
      heading: heading.text,
      level,
      text: "",
      startLine: heading.firstLine,
      endLine: (next?.firstLine ?? lines.length) - 1,
    });
  }
  const blocksBySection = new Map<number, Block[]>();
  let sectionIndex = 0;
  for (const block of blocks) {
    while (sectionIndex + 1 < sections.length && sections[sectionIndex + 1]!.startLine <= block.firstLine)
      sectionIndex++;
    block.section = sections[sectionIndex]?.ordinal ?? 0;
    if (!blocksBySection.has(block.section)) blocksBySection.set(block.section, []);
    blocksBySection.get(block.section)!.push(block);
  }
  for (const section of sections) {
    section.text = (blocksBySection.get(section.ordinal) ?? [])
      .filter((b) => b.kind !== "heading" || b.firstLine !== section.startLine)
      .map(blockText)
      .join("\n")
      .trim();
  }
  return { blocks, sections, blocksBySection };
}

/** A block as plain text: table rows as tab-separated cells, list items with a bullet. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case "table":
      return [block.header, ...block.rows.map((r) => r.cells)]
        .filter((cells): cells is string[] => cells !== null)
        .map((cells) => cells.join("\t"))
        .join("\n");
    case "listItem":
      return `• ${block.text}`;
    case "heading":
      return block.number && !/^\p{L}/u.test(block.number) ? `${block.number} ${block.text}` : block.text;
    default:
      return block.text;
  }
}

/** True when a folded header names a follow-up table (Vad/När/Hur, Slutdatum, Rapportering). */
export function isTableBlock(block: Block): block is TableBlock {
  return block.kind === "table";
}

export function foldedCells(cells: string[]): string[] {
  return cells.map((c) => fold(c));
}
