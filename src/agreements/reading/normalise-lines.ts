// Stage 1 of the reader: raw text lines → clean lines. Removes converter leftovers and page
// furniture, turns bullet glyphs (and OCR's "e " for "•") into one marker, re-joins dates and
// words that the PDF's line wrapping broke ("2025-05-" + "31", "arbets-" + "marknaden"), and
// repairs OCR-damaged Swedish with the dictionary. Every later stage works on these lines.
import { fold, squash } from "../../shared/text/fold.ts";
import type { PositionedLine } from "./reader-input.ts";
import { delimitedRows } from "./delimited-rows.ts";
import { alignedColumnLines } from "./aligned-columns.ts";
import { spacedLabelLines } from "./spaced-labels.ts";
import { rejoinInterleavedColumns } from "./interleaved-columns.ts";
import { damagedShare, repairOcrText, repairPercentSigns } from "./repair-ocr.ts";
import { repairDomainPhrases } from "./repair-phrases.ts";
import { swedishDomainPhrases } from "../../shared/lexicon/domain-phrases.ts";
import type { SpellingDictionary } from "./spelling-dictionary.ts";

export interface Line {
  index: number;
  /** Clean (and repaired) text; cells joined by " | " for tab-separated rows. */
  text: string;
  /** The line as it came from the document, for quoting evidence. */
  source: string;
  /** Cells of a tab-separated row, else null. */
  cells: string[] | null;
  positioned: PositionedLine | null;
  blank: boolean;
  /** A Markdown heading ("## 3 Grunduppdrag"): the number of # marks, else 0. */
  headingMark: number;
  /** A line emptied because its text went into the table row on that line (columns interleaved line by line). */
  movedInto?: number;
}

const htmlLeftovers = /<\/?(ul|ol|li|p|i|b|u|em|strong|span|br|div|table|tr|td|th)\b[^>]*>/gi;
const bulletGlyphs = /[\u25AA\u25CF\u2022\u25E6\u2023\u2043\u25A0\u25A1\u25C6\u25C7\u2219\uF0B7\uF0A7\uF076\uF0D8]/g;

/** Characters that differ between converters but mean the same (spaces, soft hyphens, ligatures). */
export function cleanCharacters(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u00A0\u2007\u202F\u2009\u200A]/g, " ")
    .replace(/\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/g, "")
    .replace(/\uFB01/g, "fi")
    .replace(/\uFB02/g, "fl")
    .replace(/[\u2010\u2011]/g, "-");
}

/** Removes HTML leftovers from converters and turns list glyphs into "• ". */
export function cleanInline(text: string): string {
  return squash(cleanCharacters(text).replace(htmlLeftovers, " ").replace(bulletGlyphs, " • ")).replace(
    /^•\s*(?=•)/,
    "",
  );
}

/**
 * OCR reads a round bullet as "e", "¢", "«" or "o" before the item's first word. A lone such
 * letter before a capitalised word at the start of a line is a bullet, not a word.
 */
function ocrBullet(text: string): string {
  return text.replace(/^(?:[e¢«°o»]|\*)\s+(?=\p{Lu}\p{L})/u, "• ");
}

const pageNumberLine =
  /^sida\s+\d{1,3}(?:\s*(?:\(|av|\/)\s*\d{1,3}\)?)?$|^\d{1,3}\s*(?:\(|av|\/)\s*\d{1,3}\)?$|^-\s*\d{1,3}\s*-$|^page\s+\d+(\s+of\s+\d+)?$/i;
/**
 * "26/2" alone on a line is a day in a table whose cells arrive one per line, not page 26 of 2: a
 * page count ("3/11") never counts past the last page, and stands apart from the text around it.
 */
function couldBeDay(line: string, lines: string[], index: number): boolean {
  const slash = /^(\d{1,2})\s*\/\s*(\d{1,2})$/.exec(line);
  if (!slash) return false;
  if (Number(slash[1]) > Number(slash[2])) return true;
  const blank = (j: number) => j < 0 || j >= lines.length || lines[j]!.trim() === "";
  return !blank(index - 1) && !blank(index + 1);
}

/** A bare number ("12") is a page number only at a page break; inside a table it is a value ("78"). */
const bareNumberLine = /^\d{1,3}$/;
const structuralWords =
  /^(titel|beskrivning|slutdatum|startdatum|vad|nar|hur|till vem|uppfoljning|indikator|indikatorer|nyckeltal|mal|mal kf|mal namnd|sarskilt uppdrag|grundverksamhet|kalla)\b/;

/**
 * Bare numbers at page breaks (beside a blank line or a form feed) that count pages: each one or
 * two more than the one before. A lone "78" or "90" in a table read one cell per line is a value.
 */
export function barePageNumbers(lines: string[], original: string[]): Set<number> {
  const atBreak = (i: number) =>
    [i - 1, i + 1].some((j) => j < 0 || j >= lines.length || lines[j]!.trim() === "" || /\f/.test(original[j] ?? "")) ||
    /\f/.test(original[i] ?? "");
  const candidates: Array<{ line: number; value: number }> = [];
  lines.forEach((line, i) => {
    if (bareNumberLine.test(line.trim()) && atBreak(i)) candidates.push({ line: i, value: Number(line.trim()) });
  });
  // The longest run of candidates that count upwards; a document of one page has no page numbers.
  const chainTo = candidates.map(() => 1);
  const previous = candidates.map(() => -1);
  for (let k = 0; k < candidates.length; k++) {
    for (let j = 0; j < k; j++) {
      const step = candidates[k]!.value - candidates[j]!.value;
      if (step >= 1 && step <= 2 && chainTo[j]! + 1 > chainTo[k]!) {
        chainTo[k] = chainTo[j]! + 1;
        previous[k] = j;
      }
    }
  }
  const result = new Set<number>();
  const end = chainTo.indexOf(Math.max(0, ...chainTo));
  if (end < 0 || chainTo[end]! < 2) return result;
  for (let k = end; k >= 0; k = previous[k]!) result.add(candidates[k]!.line);
  return result;
}

/**
 * Lines that repeat at page breaks (a header with the municipality's name, "#/Nykoping", a page
 * number). A short line that recurs three or more times and is not a structural word, or a
 * short line made of symbols and one name, is furniture.
 */
function furniture(raw: string[]): Set<string> {
  const counts = new Map<string, number>();
  // A page header or footer sits at a page break: beside a run of blank lines or a form feed.
  // Repeated cells of a table read one per line ("Muntlig", "Nämnden.") do not.
  const breaks = new Map<string, number>();
  const blankRun = (from: number, step: 1 | -1) => {
    let n = 0;
    for (let j = from + step; j >= 0 && j < raw.length && raw[j]!.trim() === ""; j += step) n++;
    return n >= 2 || from + step < 0 || from + step >= raw.length || /\f/.test(raw[from + step] ?? "");
  };
  raw.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.length === 0 || trimmed.length > 40) return;
    const key = fold(trimmed).replace(/[^a-z0-9]/g, "");
    if (key.length < 3) return;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (blankRun(index, -1) || blankRun(index, 1)) breaks.set(key, (breaks.get(key) ?? 0) + 1);
  });
  const noisy = new Set<string>();
  for (const line of raw) {
    const trimmed = line.trim();
    if (trimmed.length === 0 || trimmed.length > 40) continue;
    const folded = fold(trimmed);
    const key = folded.replace(/[^a-z0-9]/g, "");
    const count = counts.get(key) ?? 0;
    if (structuralWords.test(folded)) continue;
    if (/\d{4}-\d{2}-\d{2}/.test(trimmed)) continue;
    // (A share is a value, not a symbol: "Utgångsvärde 2025: 41 %" twice is two indicators' baselines.)
    const symbolic = /[#/|©]/.test(trimmed) && /^[\W\d_]*\p{L}+[\W\d_]*$/u.test(trimmed);
    if (symbolic && count >= 2) noisy.add(key);
    else if (count >= 3 && (breaks.get(key) ?? 0) >= count * 0.6) noisy.add(key);
  }
  return noisy;
}

/** A page number inside a running header or footer: "Sida 2 (6)", "· 3", "4 av 5", "| 7". */
const pageNumberPart =
  /(?:^|[\s|·•,–-])\s*(?:sida|page|s\.)?\s*(\d{1,3})(?:\s*(?:\(\s*\d{1,3}\s*\)|av\s+\d{1,3}|\/\s*\d{1,3}))?\s*$/i;
/** What marks a line as the page's furniture rather than the document's text. */
const furnitureCue = /\b(kommun|stad|region|dnr|diarienummer|diarienr)\b|[|·]|\b\d{4}\/\d{1,5}\b/;

/**
 * Running page headers and footers: a line that comes back at the top or bottom of several pages,
 * perhaps with the page's number ("Solvik kommun · Uppdragsplan 2026 AON · 2", "Havsby kommun
 * Dnr KFN 2025/77", "Granby kommun | Överenskommelse TN 2026 | Sida 1 (6)"). Compared without
 * the page number, diacritics and spacing; a lead-in that recurs under each goal is not
 * furniture, so the line must carry a page number or a cue (the municipality, a diarienummer, a
 * separator) and sit at a page edge most times it occurs. Returns the line indexes.
 */
export function runningHeaders(raw: string[]): Set<number> {
  const blank = (j: number) => j < 0 || j >= raw.length || raw[j]!.trim() === "" || /\f/.test(raw[j]!);
  const pageNumber = (j: number) => j >= 0 && j < raw.length && pageNumberLine.test(squash(raw[j]!));
  const atEdge = (j: number) => blank(j - 1) || blank(j + 1) || pageNumber(j - 1) || pageNumber(j + 1);
  const groups = new Map<string, Array<{ line: number; page: number | null; edge: boolean }>>();
  raw.forEach((line, index) => {
    if (line.includes("\t")) return;
    const text = squash(line).replace(/^[|·•]\s*/, "");
    if (text.length < 12 || text.length > 120) return;
    const number = pageNumberPart.exec(text);
    const rest = number ? text.slice(0, number.index) : text;
    const folded = fold(rest);
    // "kvartal 2" ending a line is text; "Sida 2" or "· 2" is a page number.
    const marksPage = number !== null && /sida|page|[|·•]|\d\s*(\(|av|\/)/i.test(number[0]);
    if (!furnitureCue.test(folded) && !marksPage) return;
    const key = folded.replace(/[^a-z0-9]/g, "");
    if (key.length < 6 || /[.:;,]$/.test(rest.trim())) return;
    const group = groups.get(key) ?? [];
    group.push({ line: index, page: number ? Number(number[1]) : null, edge: atEdge(index) });
    groups.set(key, group);
  });
  const result = new Set<number>();
  for (const group of groups.values()) {
    const pages = group.map((g) => g.page).filter((p): p is number => p !== null);
    // Page numbers that count upwards mark a footer even on two pages; without them, three.
    const counting = pages.length >= 2 && pages.every((p, k) => k === 0 || p > pages[k - 1]!);
    const spread = group.every((g, k) => k === 0 || g.line - group[k - 1]!.line >= 8);
    const edges = group.filter((g) => g.edge).length;
    // Three or more lines whose page numbers count upwards are footers wherever the export put them:
    // a PDF's text runs one page into the next without a blank line between.
    const paged = counting && pages.length >= 3;
    if (!spread || (edges < group.length * 0.6 && !paged)) continue;
    if (group.length >= 3 || (group.length >= 2 && counting)) for (const g of group) result.add(g.line);
  }
  // A line that comes back beside the footers found ("ÖVERENSKOMMELSE 2027 ÄLN – DVO" right under
  // each "… Sida 5 av 11") is the running header of the next page, cue or not.
  if (result.size >= 2) {
    // The line right after the furniture, blank lines between.
    const nearFurniture = (index: number) => {
      for (let j = index - 1; j >= 0; j--) if (!blank(j)) return result.has(j);
      return false;
    };
    const beside = new Map<string, number[]>();
    raw.forEach((line, index) => {
      const text = squash(line);
      if (result.has(index) || line.includes("\t") || text.length < 6 || text.length > 120 || !nearFurniture(index))
        return;
      const key = fold(text).replace(/[^a-z0-9]/g, "");
      beside.set(key, [...(beside.get(key) ?? []), index]);
    });
    for (const indexes of beside.values()) {
      if (indexes.length < 2 || indexes.length < result.size * 0.5) continue;
      for (const index of indexes) result.add(index);
    }
  }
  return result;
}

/**
 * A tab-separated row whose date cell the layout wrapped: "Vinterväghållning …\t2026-04-\t–" over
 * "\t21", or two such cells over "\t22\t01". The rest of each date sits in the same column of the
 * next line, a line with nothing else in it; it is joined back and that line emptied.
 */
export function joinWrappedCellDates(lines: string[]): void {
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i]!.includes("\t")) continue;
    const cells = lines[i]!.split("\t");
    const open = cells.map((cell) => /(?<!\d)\d{4}-(?:\d{1,2}-?)?\s*$/.test(cell));
    if (!open.some(Boolean)) continue;
    const next = lines[i + 1]!;
    if (!next.includes("\t")) continue;
    const rest = next.split("\t");
    // Only the date's missing parts: every filled cell is a number under an open date cell.
    const fits = rest.every(
      (cell, c) => cell.trim() === "" || (open[c] && /^\s*-?\d{1,2}(?:-\d{1,2})?\s*$/.test(cell)),
    );
    if (!fits || !rest.some((cell) => cell.trim() !== "")) continue;
    rest.forEach((cell, c) => {
      const part = cell.trim();
      if (!part) return;
      const head = cells[c]!.trim();
      cells[c] = /-$/.test(head) || part.startsWith("-") ? head + part : `${head}-${part}`;
    });
    lines[i] = cells.join("\t");
    lines[i + 1] = "";
  }
}

/** "2025-05-" + "31", "2025-" + "05-31", "2025-05" + "-31": a date the line wrap broke. */
function joinBrokenDates(lines: string[]): void {
  for (let i = 0; i < lines.length - 1; i++) {
    // In a table read row by row the date column's rest sits at the end of the next line:
    // "… till namndens 2025-11-" / "… sammantrade den 11 december. 20".
    const columnHead = /(?<!\d)(\d{4}-\d{1,2}-)\s*$/.exec(lines[i]!);
    if (columnHead) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === "" && j <= i + 2) j++;
      const columnTail = j < lines.length ? /\s(\d{1,2})\s*$/.exec(lines[j]!) : null;
      if (columnTail && !/^\s*\d/.test(lines[j]!)) {
        lines[i] = lines[i]!.replace(/\s+$/, "") + columnTail[1];
        lines[j] = lines[j]!.slice(0, columnTail.index);
        continue;
      }
    }
    const current = lines[i]!.replace(/\s+$/, "");
    const head = /(?<!\d)(\d{4}-(?:\d{1,2}-?)?)$/.exec(current);
    if (!head) continue;
    const partial = head[1]!;
    const needsMonth = /^\d{4}-$/.test(partial);
    const needsDash = /^\d{4}-\d{1,2}$/.test(partial);
    const tailPattern = needsMonth
      ? /^(\d{1,2}-\d{1,2})(?!\d)/
      : needsDash
        ? /^(-\d{1,2})(?!\d)/
        : /^(\d{1,2})(?![\d-])/;
    // The rest is on the next line, or — when two columns are interleaved line by line — on the
    // next line but one. "2025-05" alone is also a month: only join when a line starts with the missing part.
    let j = i + 1;
    let tail: RegExpExecArray | null = null;
    for (let seen = 0; j < lines.length && seen < 3; j++) {
      if (lines[j]!.trim() === "") continue;
      seen++;
      tail = tailPattern.exec(lines[j]!.replace(/^\s+/, ""));
      if (tail || (needsDash && seen === 1)) break;
    }
    if (!tail) continue;
    const next = lines[j]!.replace(/^\s+/, "");
    lines[i] = current + tail[1];
    lines[j] = next.slice(tail[1]!.length).replace(/^\s+/, "");
  }
}

const conjunctionAfterHyphen = /^(och|eller|samt|respektive|resp\.?|som|till|alternativt)\b/;

/** "arbets-" + "marknaden …": a word the line wrap hyphenated is joined onto the first line. */
function joinHyphenatedWords(lines: string[], dictionary: SpellingDictionary | null): void {
  for (let i = 0; i < lines.length - 1; i++) {
    const current = lines[i]!.replace(/\s+$/, "");
    const head = /(\p{L}{2,})-$/u.exec(current);
    if (!head || current.includes("\t")) continue;
    // The rest of the word may come after a blank line (an extractor's or OCR's paragraph gap).
    let j = i + 1;
    while (j < lines.length - 1 && j < i + 3 && lines[j]!.trim() === "") j++;
    const next = lines[j]!;
    const word = /^\s*(\p{Ll}[\p{L}]*)([.,;:)]?)/u.exec(next);
    if (!word || conjunctionAfterHyphen.test(word[1]!)) continue;
    // Across a blank line only a word the dictionary knows is joined: "ny-" before a new paragraph is left alone.
    if (j > i + 1 && !dictionary?.isWord(head[1]! + word[1]!)) continue;
    const joined = head[1]! + word[1]!;
    const hyphenated = `${head[1]}-${word[1]}`;
    let replacement: string;
    if (dictionary) {
      if (dictionary.isWord(joined)) replacement = joined;
      else if (dictionary.isWord(hyphenated) || /^\p{Lu}/u.test(head[1]!)) replacement = hyphenated;
      else continue;
    } else if (head[1]!.length >= 3) replacement = joined;
    else continue;
    lines[i] = current.slice(0, current.length - head[0].length) + replacement + word[2]!;
    lines[j] = next.slice(word.index + word[0].length).replace(/^\s+/, "");
  }
}

export interface NormaliseOptions {
  dictionary: SpellingDictionary | null;
  positionedLines?: PositionedLine[] | null;
}

export interface NormalisedText {
  lines: Line[];
  /** Share of words repaired as OCR damage. */
  damage: number;
  repairs: Array<{ from: string; to: string; count: number }>;
  /** The running headers and footers removed from the pages, each once ("Havsby kommun Dnr KFN 2025/77"). */
  pageFurniture: string[];
}

/** A list item's bullet, then its text: "• Antal …", "– Andel …". */
const listBullet = /^\s*[•▪◦*–-]\s/u;
/** A bullet set off from the line's only text by a tab: "•<tab>Antal besök …". */
const bulletThenTab = /^(\s*[•▪◦*–-])\t+(?=[^\t]*$)/u;

/** The cells of a tab-separated line that hold text (a bullet of a list item is no cell). */
function filledCellsOf(line: string | undefined): number {
  return (line ?? "").split("\t").filter((cell) => cell.trim() && !/^[•▪◦*–-]$/u.test(cell.trim())).length;
}

export function normaliseLines(text: string, options: NormaliseOptions): NormalisedText {
  const original = text.replace(/\r\n?/g, "\n").split("\n");
  const positioned =
    options.positionedLines && options.positionedLines.length === original.length ? options.positionedLines : null;
  const noisy = furniture(original);
  const running = runningHeaders(original);
  const headingMarks = original.map((raw) => /^\s{0,3}(#{1,6})\s+\S/.exec(raw)?.[1]?.length ?? 0);
  // A PDF's positioned lines keep their columns by position; plain text keeps them by spaces.
  const aligned = positioned ? null : alignedColumnLines(original);
  // Tables exported as delimited text ("Nr;Uppdrag;…", "Nr|Rapport|Form|…"), records over several lines included.
  const delimited = delimitedRows(original);
  const spacedLabels = positioned ? new Map<number, string>() : spacedLabelLines(original);
  const working = original.map((raw, index) => {
    if (delimited.moved.has(index)) return "";
    raw =
      delimited.rows.get(index) ??
      delimited.trimmed.get(index) ??
      aligned?.rows.get(index) ??
      spacedLabels.get(index) ??
      raw;
    if (headingMarks[index]) raw = raw.replace(/^\s*#{1,6}\s+/, "").replace(/\s+#+\s*$/, "");
    // Markdown emphasis is layout, not text.
    raw = raw.replace(/\*\*(.+?)\*\*|__(.+?)__/g, "$1$2");
    if (raw.includes("\t")) return raw.split("\t").map(cleanInline).join("\t").replace(/^\t+$/, "");
    return ocrBullet(cleanInline(raw));
  });
  // Columns first: a cell's wrapped date or word is only whole again once its lines are together.
  // Positioned lines keep their columns by position, for the positions detector.
  const moved = rejoinInterleavedColumns(working, options.dictionary, () => positioned !== null);
  for (const [line, row] of aligned?.moved ?? []) moved.set(line, row);
  for (const [line, row] of delimited.moved) moved.set(line, row);
  // Dates first: the "20" that ends a wrapped "2026-05-" looks like a page number on its own.
  joinWrappedCellDates(working);
  joinBrokenDates(working);
  const pageNumbers = barePageNumbers(working, original);
  for (let i = 0; i < working.length; i++) {
    const trimmed = working[i]!.trim();
    const pageNumber = (pageNumberLine.test(trimmed) && !couldBeDay(trimmed, working, i)) || pageNumbers.has(i);
    // A rule of dashes or equals signs ("=====", "-----") frames a heading; it is layout, not text.
    if (running.has(i) || /^[-=_~*]{5,}$/.test(trimmed)) working[i] = "";
    else if (trimmed.length <= 40 && (noisy.has(fold(trimmed).replace(/[^a-z0-9]/g, "")) || pageNumber))
      working[i] = "";
  }
  joinHyphenatedWords(working, options.dictionary);
  let repairs: NormalisedText["repairs"] = [];
  let damage = 0;
  let repaired = working;
  if (options.dictionary) {
    const result = repairOcrText(working.join("\n"), options.dictionary);
    // In a damaged document, a word Swedish either way ("vald") is read in the lexicon's terms ("våld i nära relationer").
    const phrased =
      result.damage >= damagedShare
        ? repairDomainPhrases(result.text, swedishDomainPhrases)
        : { text: result.text, repairs: [] };
    const split = phrased.text.split("\n");
    // Repair changes words, never lines; if it ever did, keep the unrepaired lines.
    if (split.length === working.length) {
      repaired = split;
      repairs = [...result.repairs, ...phrased.repairs];
      damage = result.damage;
    }
  }
  // Whether the line before was a list item set off by tabs, or a line that carries one on.
  let inTabbedList = false;
  const lines = repaired.map((line, index): Line => {
    // "•<tab>Antal besök …": Word sets a list item's text off its bullet with a tab; that is no table row.
    const bulletTab = bulletThenTab.test(line);
    let text = repairPercentSigns(line).replace(bulletThenTab, "$1 ");
    const source = original[index]!;
    // "<tab>•<tab>Rektorer och förskolechefer lämnar …" over "<tab><tab>till utföraren via …": a
    // Word list indented by tabs, an item and the lines it wraps onto. Tabs before the only text
    // of a line are its indent, not empty cells; a line of cells after a list starts a table again.
    // An item whose next line is a row of cells ("<tab><tab>Källa: Kolada<tab>Utfall: 31 %") names
    // that row: a table.
    const indented = /^(\t+)([^\t]+)$/.exec(text);
    const tabbedItem = indented !== null && listBullet.test(indented[2]!) && filledCellsOf(repaired[index + 1]) < 2;
    if (indented && (tabbedItem || inTabbedList)) text = `${"  ".repeat(indented[1]!.length)}${indented[2]}`;
    inTabbedList = tabbedItem || bulletTab || (inTabbedList && indented !== null);
    if (text.includes("\t")) {
      const cells = text.split("\t").map((cell) => squash(cell.replace(/^•\s*/, "")));
      const joined = cells.filter((cell) => cell.length > 0).join(" | ");
      return {
        index,
        text: joined,
        source,
        cells,
        positioned: positioned?.[index] ?? null,
        blank: joined.length === 0,
        headingMark: 0,
      };
    }
    const clean = squash(text);
    const movedInto = moved.get(index);
    return {
      index,
      text: clean,
      source,
      cells: null,
      positioned: positioned?.[index] ?? null,
      blank: clean.length === 0,
      headingMark: headingMarks[index]!,
      ...(movedInto === undefined ? {} : { movedInto }),
    };
  });
  const pageFurniture = [...new Set([...running].map((i) => squash(original[i]!).replace(/^[|·•]\s*/, "")))];
  return { lines, damage, repairs, pageFurniture };
}
