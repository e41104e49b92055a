// The physical layout of an agreement's text: cleaned lines, tab-separated tables, numbered and
// unnumbered headings. Everything later in the parser works on this, never on the raw string.
import { fold, squash } from "../../shared/text/fold.ts";
import type { SectionModel } from "../agreement-model.ts";

export interface Line {
  index: number;
  /** Cleaned text of the whole line (cells joined by " | " for table rows). */
  text: string;
  /** Cells for tab-separated rows, otherwise null. */
  cells: string[] | null;
  blank: boolean;
}

export interface Table {
  startLine: number;
  endLine: number;
  header: string[];
  rows: Array<{ line: number; cells: string[] }>;
  /** Section the table sits in. */
  sectionOrdinal: number;
}

export interface Layout {
  lines: Line[];
  sections: SectionModel[];
  tables: Table[];
  /** Section ordinal for every line. */
  sectionOfLine: number[];
  /** Last line of each section's (possibly wrapped) heading, by ordinal. */
  headingEndLine: number[];
}

/** Removes HTML leftovers from converters ("<ul style=…>", "<p>") and list glyphs inside cells. */
export function cleanInline(text: string): string {
  return squash(
    text
      .replace(/<\/?(ul|ol|li|p|i|b|em|strong|span|br)\b[^>]*>/gi, " ")
      .replace(/[\u25AA\u25CF\u2022\u25E6\u2023]/g, " • ")
      .replace(/\u00A0/g, " ")
      .replace(/^\s*•\s*/, ""),
  );
}

/** Page furniture repeated on every page of a scanned document ("#/Nykoping", "%/ Nykoping"). */
function pageFurniture(rawLines: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const raw of rawLines) {
    const trimmed = raw.trim();
    if (trimmed.length === 0 || trimmed.length > 24 || !/[#%/|]/.test(trimmed)) continue;
    const key = fold(trimmed).replace(/[^a-z]/g, "");
    if (key.length >= 4) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const noisy = new Set<string>();
  for (const [key, count] of counts) if (count >= 2) noisy.add(key);
  return noisy;
}

export function splitLines(text: string): Line[] {
  const rawLines = text.replace(/\r\n?/g, "\n").split("\n");
  const noisy = pageFurniture(rawLines);
  return rawLines.map((raw, index) => {
    const trimmed = raw.trim();
    const key = fold(trimmed).replace(/[^a-z]/g, "");
    if (trimmed.length <= 24 && noisy.has(key)) return { index, text: "", cells: null, blank: true };
    if (raw.includes("\t")) {
      const cells = raw.split("\t").map(cleanInline);
      const joined = cells.filter((cell) => cell.length > 0).join(" | ");
      return { index, text: joined, cells, blank: joined.length === 0 };
    }
    const cleaned = cleanInline(raw);
    return { index, text: cleaned, cells: null, blank: cleaned.length === 0 };
  });
}

const functionWords = new Set(["och", "i", "for", "av", "med", "att", "som", "till", "pa", "en", "ett", "den", "det", "de", "eller", "samt", "om", "fran", "vid", "har", "ar", "ska", "enligt", "under", "inom", "mot"]);
const columnWords = new Set(["titel", "beskrivning", "slutdatum", "startdatum", "startdatum slutdatum", "vad", "nar", "hur", "till vem", "kalla"]);

interface HeadingCandidate {
  line: number;
  endLine: number;
  number: number[] | null;
  heading: string;
}

function numberedCandidate(lines: Line[], i: number): HeadingCandidate | null {
  const line = lines[i]!;
  if (line.cells || line.blank) return null;
  const match = /^(\d{1,2}(?:\.\d{1,3}){0,4})\.?\s+(\S.*)$/u.exec(line.text);
  if (!match) return null;
  const parts = match[1]!.split(".").map(Number);
  let heading = match[2]!.trim();
  if (!/^[\p{Lu}"”«]/u.test(heading)) return null;
  if (heading.length > 160) return null;
  if (parts.length === 1) {
    if (parts[0]! > 40 || parts[0] === 0) return null;
    if (/[.:;,]$/.test(heading) || heading.length > 90) return null;
  }
  // Long headings wrap: continuation lines start in lower case, with "(" or "-".
  let endLine = i;
  if (!/\)$/.test(heading)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
      const next = lines[j]!;
      if (next.blank || next.cells || !/^[\p{Ll}(-]/u.test(next.text) || next.text.length > 90) break;
      heading = `${heading} ${next.text}`;
      endLine = j;
      if (/\)$/.test(next.text)) break;
    }
  }
  return { line: i, endLine, number: parts, heading: squash(heading) };
}

function isSentenceEnd(text: string): boolean {
  return /[.!?:)”"]$/.test(text);
}

function unnumberedCandidate(lines: Line[], i: number): HeadingCandidate | null {
  const line = lines[i]!;
  if (line.cells || line.blank) return null;
  const text = line.text;
  if (text.length < 3 || text.length > 70) return null;
  if (!/^[\p{Lu}]/u.test(text) || /[.,;:]$/.test(text) || /^\d/.test(text)) return null;
  const words = text.split(/\s+/);
  if (words.length > 8) return null;
  const folded = fold(text).replace(/\s+/g, " ");
  if (columnWords.has(folded) || functionWords.has(fold(words.at(-1)!))) return null;
  // All-capital lines in scanned agreements are block markers (MÅL KF, UPPFÖLJNING), not headings.
  if (text === text.toUpperCase() && /\p{L}{2}/u.test(text) && words.length <= 3) return null;
  if (/\d{4}-\d{2}-\d{2}|\d%?$|\|/.test(text) || /^titel\b/.test(folded)) return null;
  const previous = previousNonBlank(lines, i);
  if (previous && !previous.blankBefore && !isSentenceEnd(previous.line.text) && !/^[-•e]\s/.test(previous.line.text)) return null;
  const next = nextNonBlank(lines, i);
  if (!next || next.line.cells) return null;
  if (next.line.text.length < Math.min(25, text.length)) return null;
  if (/^[\p{Ll}]/u.test(next.line.text) && !next.blankBefore) return null;
  return { line: i, endLine: i, number: null, heading: text };
}

function previousNonBlank(lines: Line[], i: number): { line: Line; blankBefore: boolean } | null {
  let blankBefore = false;
  for (let j = i - 1; j >= 0; j--) {
    if (lines[j]!.blank) {
      blankBefore = true;
      continue;
    }
    return { line: lines[j]!, blankBefore };
  }
  return null;
}

function nextNonBlank(lines: Line[], i: number): { line: Line; blankBefore: boolean } | null {
  let blankBefore = false;
  for (let j = i + 1; j < lines.length; j++) {
    if (lines[j]!.blank) {
      blankBefore = true;
      continue;
    }
    return { line: lines[j]!, blankBefore };
  }
  return null;
}

function compareNumbers(a: number[], b: number[]): number {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k] ?? -1;
    const y = b[k] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}

/**
 * Keeps the numbered headings that form one increasing sequence (the document's outline) and
 * drops numbered list items and table-of-contents lines that merely look like headings.
 */
function outline(candidates: HeadingCandidate[]): HeadingCandidate[] {
  const n = candidates.length;
  if (n === 0) return [];
  const weight = candidates.map((c) => 1 + (c.number!.length - 1) * 0.5);
  const best = new Array<number>(n).fill(0);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    best[i] = weight[i]!;
    for (let j = 0; j < i; j++) {
      if (compareNumbers(candidates[j]!.number!, candidates[i]!.number!) < 0 && best[j]! + weight[i]! > best[i]!) {
        best[i] = best[j]! + weight[i]!;
        previous[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < n; i++) if (best[i]! >= best[end]!) end = i;
  const chain: HeadingCandidate[] = [];
  for (let i = end; i >= 0; i = previous[i]!) chain.unshift(candidates[i]!);
  return chain;
}

/** Table-of-contents rows ("1.2 <tab> Giltighetstid <tab> 1") are not headings of the body. */
function isTableOfContentsRow(line: Line): boolean {
  return line.cells !== null && /^\d+(\.\d+)*$/.test(line.cells[0] ?? "") && /^\d+$/.test(line.cells.at(-1) ?? "");
}

export type BlockMarker = "follow-up" | "indicators" | "kind" | "period";

/**
 * Lines that open a labelled block in scanned agreements: "UPPFÖLJNING", "INDIKATOR",
 * "MÅL KF", "SÄRSKILT UPPDRAG NÄMND", "GRUNDVERKSAMHET", "Startdatum Slutdatum".
 */
export function blockMarker(line: Line): BlockMarker | null {
  if (line.blank || line.cells || line.text.length > 40) return null;
  const letters = fold(line.text).replace(/[^a-z ]/g, "").replace(/\s+/g, " ").trim();
  if (/^startdatum( slutdatum)?$/.test(letters)) return "period";
  const upper = line.text === line.text.toUpperCase();
  if (!upper) return null;
  if (/^(uppf\w{0,3}l\w{0,3}n\w{0,3}g|aterrapportering|avrapportering|rapportering|redovisning)$/.test(letters)) return "follow-up";
  if (/^(indikator|indikatorer|nyckeltal)$/.test(letters)) return "indicators";
  if (/^(mal|malet|sarskilt uppdrag|sarskilda uppdrag|uppdrag|grundverksamhet|grunduppdrag)( (kf|ks|namnd|namnden|kommunfullmaktige|nam\w*))?$/.test(letters)) return "kind";
  return null;
}

/** Lines inside labelled follow-up and indicator blocks: their short lines are table cells, not headings. */
function labelledBlockLines(lines: Line[], numberedLines: Set<number>): Set<number> {
  const inside = new Set<number>();
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const marker = blockMarker(lines[i]!);
    if (marker === "follow-up" || marker === "indicators") open = true;
    else if (marker === "kind" || numberedLines.has(i)) open = false;
    if (open) inside.add(i);
  }
  return inside;
}

export function detectSections(lines: Line[]): SectionModel[] {
  return detectSectionsWithHeadings(lines).sections;
}

function detectSectionsWithHeadings(lines: Line[]): { sections: SectionModel[]; headingEndLine: number[] } {
  const numbered: HeadingCandidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (isTableOfContentsRow(lines[i]!)) continue;
    const candidate = numberedCandidate(lines, i);
    if (candidate) numbered.push(candidate);
  }
  const kept = outline(numbered);
  const keptLines = new Set<number>();
  for (const c of kept) for (let l = c.line; l <= c.endLine; l++) keptLines.add(l);
  const unnumbered: HeadingCandidate[] = [];
  const insideBlocks = labelledBlockLines(lines, new Set(kept.map((c) => c.line)));
  for (let i = 0; i < lines.length; i++) {
    if (keptLines.has(i) || insideBlocks.has(i) || blockMarker(lines[i]!)) continue;
    const candidate = unnumberedCandidate(lines, i);
    if (candidate) unnumbered.push(candidate);
  }
  const all = [...kept, ...unnumbered].sort((a, b) => a.line - b.line);
  const sections: SectionModel[] = [];
  const firstHeadingLine = all[0]?.line ?? lines.length;
  if (firstHeadingLine > 0) {
    sections.push({ ordinal: 0, number: null, heading: "Inledning", level: 0, text: "", startLine: 0, endLine: firstHeadingLine - 1 });
  }
  let currentLevel = 0;
  for (let k = 0; k < all.length; k++) {
    const candidate = all[k]!;
    const next = all[k + 1];
    const level = candidate.number ? candidate.number.length : currentLevel + 1;
    if (candidate.number) currentLevel = candidate.number.length;
    sections.push({
      ordinal: sections.length,
      number: candidate.number ? candidate.number.join(".") : null,
      heading: candidate.heading,
      level,
      text: "",
      startLine: candidate.line,
      endLine: (next?.line ?? lines.length) - 1,
    });
  }
  const headingEndLine: number[] = [];
  for (const section of sections) {
    const headingEnd = all.find((c) => c.line === section.startLine)?.endLine ?? section.startLine - 1;
    headingEndLine[section.ordinal] = headingEnd;
    const bodyStart = section.number === null && section.heading === "Inledning" ? section.startLine : headingEnd + 1;
    section.text = lines
      .slice(bodyStart, section.endLine + 1)
      .map((l) => (l.cells ? l.cells.filter((c) => c).join("\t") : l.text))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }
  return { sections, headingEndLine };
}

/** A row after a blank line that starts a new table rather than continuing the previous one. */
function looksLikeHeaderRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.length > 0);
  if (filled.length < 2 || filled.some((c) => c.length > 80)) return false;
  const first = fold(filled[0]!);
  return /^(indikator|nyckeltal|vad|titel|verksamhet|aktivitet)\b|\bmal\b|uppdrag fran/.test(first);
}

/** Groups consecutive tab-separated rows (single blank lines allowed inside) into tables. */
export function detectTables(lines: Line[], sectionOfLine: number[]): Table[] {
  const tables: Table[] = [];
  let current: Table | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.cells && !line.blank && !isTableOfContentsRow(line)) {
      const afterBlank = i > 0 && lines[i - 1]!.blank;
      if (!current || sectionOfLine[i] !== current.sectionOrdinal || (afterBlank && looksLikeHeaderRow(line.cells))) {
        current = { startLine: i, endLine: i, header: line.cells, rows: [], sectionOrdinal: sectionOfLine[i]! };
        tables.push(current);
      } else {
        current.rows.push({ line: i, cells: line.cells });
        current.endLine = i;
      }
      continue;
    }
    if (line.blank && current && i - current.endLine <= 1) continue;
    current = null;
  }
  return tables;
}

export function buildLayout(text: string): Layout {
  const lines = splitLines(text);
  const { sections, headingEndLine } = detectSectionsWithHeadings(lines);
  const sectionOfLine = new Array<number>(lines.length).fill(0);
  for (const section of sections) for (let l = section.startLine; l <= section.endLine; l++) sectionOfLine[l] = section.ordinal;
  const tables = detectTables(lines, sectionOfLine);
  return { lines, sections, tables, sectionOfLine, headingEndLine };
}

/** The nearest numbered section at or above `ordinal`: citations use its number. */
export function numberedAncestor(sections: SectionModel[], ordinal: number): SectionModel | null {
  for (let k = ordinal; k >= 0; k--) if (sections[k]?.number) return sections[k]!;
  return null;
}

/** "3.2" for numbered sections, otherwise the heading of an unnumbered one. */
export function sectionLabel(sections: SectionModel[], ordinal: number): string | null {
  const section = sections[ordinal];
  if (!section) return null;
  if (section.number) return section.number;
  const parent = numberedAncestor(sections, ordinal);
  if (section.heading === "Inledning" && section.ordinal === 0) return null;
  return parent ? `${parent.number} ${section.heading}` : section.heading;
}
