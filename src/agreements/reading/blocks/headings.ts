// Headings: the numbered outline ("3", "3.2", "5.5.11"), goal labels ("Mål 2: …"), unnumbered
// subheadings, all-capital block markers ("UPPFÖLJNING", "MÅL KF") and table-of-contents lines.
import { followUpMarker, indicatorMarker } from "../../../shared/lexicon/agreement-vocabulary.ts";
import { swedishMonthPattern } from "../../../shared/lexicon/months.ts";
import { fold, squash } from "../../../shared/text/fold.ts";
import type { Line } from "../normalise-lines.ts";
import type { MarkerKind } from "./block-model.ts";

export interface HeadingCandidate {
  line: number;
  endLine: number;
  number: number[] | null;
  /** For goal labels such as "Mål 2": the label, kept as the section number. */
  label: string | null;
  heading: string;
  /** Text on the heading's line after its first sentence: "4.1 E-tjänst. Kontoret ska …" — body, not heading. */
  rest?: string;
  /** How the document writes the number when it is not digits: "B" for the second lettered part. */
  display?: string;
}

// "3.2 Barn och familj", and a part's number after its name: "DEL 2  GRUNDUPPDRAG", "Kapitel 4 Mål".
// Paragraphs numbered as in a letter or a statute: "§ 4  Rapportering".
const numberedHeading = /^(?:(?:del|kapitel|avsnitt)\s+|§\s*)?(\d{1,2}(?:\.\d{1,3}){0,4})\.?\s+(\S.*)$/iu;
// A wrapped heading goes on in lower case or with "(" — a "- " or "– " starts a list item instead.
// ("a) Ej verkställda …" is a lettered list item, not the heading going on.)
const headingContinuation = /^(?![a-zåäö][.)]\s)(?:[\p{Ll}(]|-(?!\s))/u;

/** "4.2<tab>Ny simhall": a Word heading whose number a tab sets off reads as two cells. */
function tabbedHeadingText(line: Line): string | null {
  const filled = line.cells?.filter((cell) => cell.trim()) ?? [];
  if (filled.length !== 2 || !/^\d{1,2}(?:\.\d{1,3}){0,4}\.?$/.test(filled[0]!.trim())) return null;
  return `${filled[0]!.trim()} ${filled[1]!.trim()}`;
}

/**
 * A numbered line that opens a paragraph ("1.1.2 Verksamhetsplanen utgör nämndens beställning. …",
 * "3.1.1.1 DAL ska … anordna" over two more lines ending in a full stop): its first sentence has
 * nine words or more and ends in a full stop, on its line or where the lines after it end. A long
 * heading may wrap over several lines too, but ends without one ("… – nya SoL (SN, BUN)").
 */
export function isNumberedParagraph(text: string, following: Line[]): boolean {
  // A paragraph's first line is a full line of text; its sentence goes on in lines that start in lower case.
  if (text.split(/\s+/).length < 7) return false;
  const lines = [text];
  for (const line of following) {
    if (line.blank || line.cells || lines.length >= 8 || !/^[\p{Ll}(]/u.test(line.text.trim())) break;
    lines.push(line.text.trim());
  }
  const joined = lines.join(" ").replace(/(\p{L})- (\p{Ll})/gu, "$1$2");
  const firstSentence = joined.split(/(?<=[^\s.]{2}\.)\s+(?=\p{Lu})/u)[0]!;
  return firstSentence.split(/\s+/).length >= 9 && /[^\s.]{2}\.$/u.test(firstSentence);
}

/** The outline number of a numbered paragraph ("1.1.2 Verksamhetsplanen utgör …"), or null. */
export function numberedParagraphNumber(lines: Line[], i: number): number[] | null {
  const line = lines[i]!;
  if (line.blank || line.cells) return null;
  const match = numberedHeading.exec(line.text);
  if (!match) return null;
  const parts = match[1]!.split(".").map(Number);
  const text = match[2]!.trim();
  return parts.length > 1 && /^\p{Lu}/u.test(text) && isNumberedParagraph(text, lines.slice(i + 1, i + 9))
    ? parts
    : null;
}

const indent = (line: Line) => /^ */.exec(line.source)![0].length;

/**
 * "Indikatorer:" over "  1.1  Antal hushåll …" and "       Källa: …": a numbered line indented
 * under a lead-in, or under a line indented as far, is an entry of that list, not a heading.
 */
function isIndentedEntry(lines: Line[], i: number): boolean {
  if (indent(lines[i]!) < 2) return false;
  let k = i - 1;
  while (k >= 0 && lines[k]!.blank) k--;
  const previous = lines[k];
  if (!previous || k < i - 2) return false;
  return /:\s*$/.test(previous.text) || indent(previous) >= 2;
}

export function numberedCandidate(lines: Line[], i: number): HeadingCandidate | null {
  const line = lines[i]!;
  if (line.blank) return null;
  const tabbed = line.cells ? tabbedHeadingText(line) : null;
  if (line.cells && !tabbed) return null;
  const match = numberedHeading.exec(tabbed ?? line.text);
  if (!match) return null;
  if (isIndentedEntry(lines, i)) return null;
  const parts = match[1]!.split(".").map(Number);
  let heading = match[2]!.trim();
  if (!/^[\p{Lu}"”«]/u.test(heading)) return null;
  if (heading.length > 160 || /\d{4}-\d{2}-\d{2}/.test(heading.slice(0, 12))) return null;
  if (parts.length === 1) {
    if (parts[0]! > 40 || parts[0] === 0) return null;
    if (/[.:;,]$/.test(heading) || heading.length > 90) return null;
  }
  // A list item ("1. Personer med …") reads as a sentence; a heading does not end with a full stop.
  if (/\.$/.test(heading) && heading.split(/\s+/).length > 6) return null;
  // "1.1.2 Verksamhetsplanen utgör nämndens beställning. Den ersätter …", "3.1.1.1 DAL ska genom
  // … anordna kommunal vuxen-" over its next line: a numbered paragraph, not a heading. Its first
  // sentence is long, and it ends with a full stop or runs on into the next line.
  if (parts.length > 1 && isNumberedParagraph(heading, lines.slice(i + 1, i + 9))) return null;
  // "4.1 Digital bygglovsprocess. Kontoret ska införa …": the heading ends at its first full stop.
  const sentence = /^(.{3,100}?[^\s.]{2})\.\s+(\p{Lu}.{15,})$/u.exec(heading);
  if (sentence && parts.length > 1)
    return { line: i, endLine: i, number: parts, label: null, heading: squash(sentence[1]!), rest: sentence[2]! };
  // Long headings wrap: continuation lines start in lower case, with "(" or "-".
  let endLine = i;
  if (!/\)$/.test(heading)) {
    for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
      const next = lines[j]!;
      if (next.blank || next.cells || !headingContinuation.test(next.text) || next.text.length > 90) break;
      heading = `${heading} ${next.text}`;
      endLine = j;
      if (/\)$/.test(next.text)) break;
    }
  }
  return { line: i, endLine, number: parts, label: null, heading: squash(heading) };
}

// The number is an outline number ("2", "3.1", "2b") or a year and an ordinal ("2026:1").
// A letter numbers a goal only when a separator follows it ("Mål A – Trygghet"), so that "Mål i
// arbete" stays a sentence.
const goalLabel =
  /^(Mål|MÅL|Mal|MAL|Delmål|Resultatmål|Effektmål|Verksamhetsmål|Nämndmål|Uppdrag|UPPDRAG|Särskilt uppdrag|SÄRSKILT UPPDRAG|Målområde|Fokusområde|Inriktningsmål)\s+(20\d{2}:\d{1,2}|\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?(?![.:]?\d)|[A-ZÅÄÖ](?=\s*[:.–—-]\s|\s+\p{Lu}\p{Ll}))\s*[:.–—-]?\s*(.*)$/u;

/** "Mål 1: Fler i arbete", "Uppdrag 3 – …", "Uppdrag 2026:1 Samlat jobbcenter", "Målområde 2 Trygghet", "Mål A – …". */
export function goalLabelCandidate(lines: Line[], i: number): HeadingCandidate | null {
  const line = lines[i]!;
  if (line.cells || line.blank || line.text.length > 200) return null;
  const match = goalLabel.exec(line.text);
  if (!match) return null;
  const rest = match[3]!.trim();
  // "Mål 2 är att …" is a sentence about the goal, not its heading.
  if (/^\p{Ll}/u.test(rest) && !/^(?:\p{Ll}+\s+){0,1}$/u.test(rest)) return null;
  // The heading is the goal's own text; its label ("Mål 1") is the block's number.
  let heading = rest || `${match[1]} ${match[2]}`;
  let endLine = i;
  if (!rest) {
    // "Mål 1" on its own line, the goal's text on the next.
    const next = lines.slice(i + 1, i + 3).find((l) => !l.blank);
    if (next && !next.cells && next.text.length <= 160 && /^\p{Lu}/u.test(next.text)) {
      heading = next.text;
      endLine = next.index;
    }
  }
  // "Särskilt uppdrag 2026:1 – Organisation för aktivitetskrav inom" / "försörjningsstödet": a
  // title wrapped onto the next line, which goes on in lower case — or after a word no title ends
  // with ("… överenskommelse med" / "Arbetsförmedlingen").
  if (rest && !/[.!?:;]$/.test(rest) && !/[.!?]\s+\p{Lu}/u.test(rest)) {
    const next = lines[i + 1];
    const open = functionWords.has(fold(rest.split(/\s+/).at(-1)!));
    if (
      next &&
      !next.blank &&
      !next.cells &&
      next.text.length <= 90 &&
      (/^\p{Ll}/u.test(next.text) || (open && /^\p{Lu}/u.test(next.text)))
    ) {
      heading = `${heading} ${next.text}`;
      endLine = i + 1;
    }
  }
  // "Mål 1: Det ska vara enkelt … Hallsta. Målet är uppfyllt när …": the goal is the first
  // sentence, what follows on the line is body text.
  const sentence = /^(.{12,}?[.!?])\s+(\p{Lu}.*)$/u.exec(heading);
  const label = `${match[1]![0]!.toUpperCase()}${match[1]!.slice(1).toLowerCase()} ${match[2]}`;
  if (sentence && endLine === i)
    return {
      line: i,
      endLine,
      number: null,
      label,
      heading: squash(sentence[1]!.replace(/\.$/, "")),
      rest: sentence[2]!,
    };
  return { line: i, endLine, number: null, label, heading: squash(heading) };
}

// "A. OM BESTÄLLNINGEN", "B) Ekonomi", "C   GRUNDUPPDRAG": the letter set off by a stop, a bracket or a wide gap.
const letteredHeading = /^([A-ZÅÄÖ])(?:[.)]\s+|\s{2,})(\p{Lu}[^.:;]{1,90})$/u;
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Parts lettered in order ("A. OM BESTÄLLNINGEN", "B. GRUNDBESTÄLLNING", "C. NÄMNDENS MÅL 2026"):
 * three or more lines whose letters follow one another from A. The letter is the part's number
 * at the outline's first level. A run that starts again at A after a first one is the document
 * itself, the first run its table of contents ("A  Avtalets syfte" … "F  Rapportering" over the
 * same parts later): the last run of three or more is kept.
 */
export function letteredOutline(lines: Line[], claimed: Set<number>): HeadingCandidate[] {
  const runs: HeadingCandidate[][] = [];
  let found: HeadingCandidate[] = [];
  for (const line of lines) {
    if (claimed.has(line.index) || line.blank || line.cells) continue;
    const match = letteredHeading.exec(line.source.trim());
    if (!match || /\d{4}-\d{2}-\d{2}/.test(line.text)) continue;
    if (match[1] === "A" && found.length > 0) {
      runs.push(found);
      found = [];
    }
    const expected = alphabet[found.length];
    if (match[1] !== expected) continue;
    const ordinal = found.length + 1;
    found.push({
      line: line.index,
      endLine: line.index,
      number: [ordinal],
      label: null,
      heading: squash(match[2]!),
      display: match[1]!,
    });
  }
  runs.push(found);
  return runs.filter((run) => run.length >= 3).at(-1) ?? [];
}

// "III. GRUNDUPPDRAG", "VII  Uppföljning": a Roman numeral set off by a stop or a wide gap; "III.1
// Biblioteksverksamhet", "V.2 Meröppet bibliotek (uppdrag från KFN)": a part of one.
const romanPart = /^([IVX]{1,6})(?:\.\s+|\s{2,})(\p{Lu}[^.:;]{1,90})$/u;
const romanSubpart = /^([IVX]{1,6})\.(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(\p{Lu}.{1,150})$/u;

/** The value of a Roman numeral written in the usual way (I … XXXIX), or null. */
export function romanValue(numeral: string): number | null {
  const match = /^(X{0,3})(IX|IV|V?I{0,3})$/.exec(numeral);
  if (!match || numeral === "") return null;
  const ones: Record<string, number> = { "": 0, I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9 };
  return match[1]!.length * 10 + ones[match[2]!]!;
}

/**
 * Parts numbered in Roman numerals in order ("I. INLEDNING", "II. BAKGRUND", "III. GRUNDUPPDRAG" …),
 * three or more, and their numbered parts ("III.1 Biblioteksverksamhet"): the outline's first and
 * second levels, as "3" and "3.1" are. As with lettered parts, the last run is the document's (a
 * first one is its table of contents).
 */
export function romanOutline(lines: Line[], claimed: Set<number>): HeadingCandidate[] {
  const runs: HeadingCandidate[][] = [];
  let found: HeadingCandidate[] = [];
  for (const line of lines) {
    if (claimed.has(line.index) || line.blank || line.cells) continue;
    const text = line.source.trim();
    // A table of contents' line ("III.   Grunduppdrag ........ 4") is not the part itself.
    if (/\.{4,}|…{2,}/.test(text)) continue;
    const part = romanPart.exec(text);
    if (part) {
      const value = romanValue(part[1]!);
      if (value === null) continue;
      if (value === 1 && found.some((h) => h.number!.length === 1)) {
        runs.push(found);
        found = [];
      }
      const parts = found.filter((h) => h.number!.length === 1);
      if (value !== parts.length + 1) continue;
      found.push({
        line: line.index,
        endLine: line.index,
        number: [value],
        label: null,
        heading: squash(part[2]!),
        display: part[1]!,
      });
      continue;
    }
    const sub = romanSubpart.exec(text);
    if (!sub) continue;
    const value = romanValue(sub[1]!);
    const current = found.filter((h) => h.number!.length === 1).at(-1);
    if (value === null || current?.number?.[0] !== value) continue;
    const heading = squash(sub[3]!);
    // "V.1 Förstudien ska jämföra minst två alternativ." is a numbered sentence, not a heading.
    if (/[.:;]$/.test(heading) && heading.split(/\s+/).length > 6) continue;
    found.push({
      line: line.index,
      endLine: line.index,
      number: [value, ...sub[2]!.split(".").map(Number)],
      label: null,
      heading,
      display: `${sub[1]}.${sub[2]}`,
    });
  }
  runs.push(found);
  return runs.filter((run) => run.filter((h) => h.number!.length === 1).length >= 3).at(-1) ?? [];
}

// "U1  Införa digital ansökan", "B3  Korttidsvistelse och växelvård", "D2: Trygg hemgång", "L1<tab>Lokalvård":
// a code of one to three capitals and a number, set off from its title by a gap, a tab or a separator.
// ("GU 1 Bygglov", "SU 2. Digital tillsyn": two or three capitals may stand a space before the number.)
const codeLabel = /^([A-ZÅÄÖ]{2,3} (?=\d)|[A-ZÅÄÖ]{1,3})(\d{1,2})(?:\s*[:.–—-]\s+|\s+)(\p{Lu}.{2,150})$/u;
const codeGap = /^\s*(?:[A-ZÅÄÖ]{2,3} (?=\d)|[A-ZÅÄÖ]{1,3})\d{1,2}(?:\s{2,}|\t|\s*[:.–—-]\s)/u;
/** "C1 Myndighetsutövning": a code set off by one space, read as a label only in a series of three or more. */
const codeSpace = /^\s*(?:[A-ZÅÄÖ]{2,3} (?=\d)|[A-ZÅÄÖ]{1,3})\d{1,2}\s\p{Lu}/u;

/**
 * Items labelled with codes of one series (U1, U2 …; B1 … B8): two or more lines that start with
 * codes of the same letters, each with a title and no date. Each is a labelled heading, the code
 * its number; what kind of item it is comes from the part it stands in. A code set off by a
 * single space could start a sentence ("E1 och E2 …" does not, "C1 Myndighetsutövning" does), so
 * such lines count only when the series has three codes or more, each on a line of its own.
 */
export function codeLabelCandidates(lines: Line[], claimed: Set<number>): HeadingCandidate[] {
  const byPrefix = new Map<string, Array<HeadingCandidate & { spaced: boolean }>>();
  for (const line of lines) {
    if (claimed.has(line.index) || line.blank) continue;
    // "L1<tab>Skolmåltider i grundskolan": a code and its title in two cells.
    const tabbed = line.cells?.filter((cell) => cell.trim()) ?? null;
    if (tabbed && tabbed.length !== 2) continue;
    // A Markdown heading ("## N1 Fler barn …") sets its code off by the heading's own mark.
    const laidOut = tabbed
      ? tabbed.join("\t")
      : line.headingMark > 0
        ? line.source.replace(/^\s*#{1,6}\s+/, "").replace(/(?<=^\S+)\s/, "  ")
        : line.source;
    // "A<tab>Halvera tallrikssvinnet …": a letter alone in its cell, the letters of a series in order.
    const lettered = tabbed && /^[A-ZÅÄÖ]$/.test(tabbed[0]!.trim()) && /^\p{Lu}/u.test(tabbed[1]!.trim());
    const gapped = lettered || codeGap.test(laidOut);
    if (!gapped && !codeSpace.test(laidOut)) continue;
    const coded = lettered ? null : codeLabel.exec(tabbed ? tabbed.join(" ") : line.text);
    // The series' letters ("" for letters alone), the code's number or letter, the title.
    const parts = lettered
      ? { series: "", mark: tabbed![0]!.trim(), rest: tabbed![1]! }
      : coded
        ? { series: coded[1]!, mark: coded[2]!, rest: coded[3]! }
        : null;
    if (!parts) continue;
    const title = squash(parts.rest);
    if (/\d{4}-\d{2}-\d{2}/.test(title) || (/\.$/.test(title) && title.split(/\s+/).length > 6)) continue;
    // A single space: the title is a heading's, short and without a sentence's stops.
    if (!gapped && (/[.,;:]$/.test(title) || title.split(/\s+/).length > 12)) continue;
    const label = `${parts.series}${parts.mark}`;
    const list = byPrefix.get(parts.series) ?? [];
    // A code that comes back ("S1 Sommarlovsprogram – utvärdering" in the timetable) names its item
    // in a table or list; it heads nothing.
    if (list.some((c) => c.label === label)) continue;
    // Letters alone count only in order from A: "A", "B", "C" under "5 Tilläggsuppdrag".
    if (lettered && parts.mark !== alphabet[list.length]) continue;
    list.push({ line: line.index, endLine: line.index, number: null, label, heading: title, spaced: !gapped });
    byPrefix.set(parts.series, list);
  }
  return [...byPrefix.values()]
    .map((list) => {
      const spaced = list.filter((c) => c.spaced);
      return spaced.length > 0 && new Set(spaced.map((c) => c.label)).size < 3 ? list.filter((c) => !c.spaced) : list;
    })
    .filter((list) => new Set(list.map((c) => c.label)).size >= 2)
    .flat()
    .map(({ spaced: _spaced, ...candidate }) => candidate)
    .sort((a, b) => a.line - b.line);
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
export function outline(candidates: HeadingCandidate[], listed: Set<number> = new Set()): HeadingCandidate[] {
  const n = candidates.length;
  if (n === 0) return [];
  // A line the table of contents lists is a heading whatever else looks like one.
  const weight = candidates.map((c) => 1 + (c.number!.length - 1) * 0.5 + (listed.has(c.line) ? 5 : 0));
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

const entryKey = (candidate: HeadingCandidate) =>
  `${candidate.number!.join(".")} ${fold(candidate.heading)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()}`;

/**
 * A table of contents written as plain numbered lines without page numbers ("1. Inledning",
 * "3.1 Gata", … with only blank lines between): a run of three or more increasing numbered lines
 * whose entries (number and words) come back later in the document. Its lines are contents, not
 * headings; the later lines it lists are the document's headings.
 */
export function plainTableOfContents(
  lines: Line[],
  candidates: HeadingCandidate[],
): { contents: Set<number>; listed: Set<number> } {
  const contents = new Set<number>();
  const listed = new Set<number>();
  let start = 0;
  while (start < candidates.length) {
    let end = start;
    while (
      end + 1 < candidates.length &&
      compareNumbers(candidates[end]!.number!, candidates[end + 1]!.number!) < 0 &&
      lines.slice(candidates[end]!.endLine + 1, candidates[end + 1]!.line).every((l) => l.blank)
    )
      end++;
    const run = candidates.slice(start, end + 1);
    if (run.length >= 3) {
      const later = new Map(candidates.slice(end + 1).map((c) => [entryKey(c), c.line] as const));
      const found = run.map((c) => later.get(entryKey(c))).filter((l): l is number => l !== undefined);
      if (found.length >= run.length * (2 / 3)) {
        for (const c of run) for (let l = c.line; l <= c.endLine; l++) contents.add(l);
        for (const l of found) listed.add(l);
      }
    }
    start = end + 1;
  }
  return { contents, listed };
}

/** "1.2 <tab> Giltighetstid <tab> 1", "3.4 Uppföljning ........ 8": contents, not body. */
export function isTableOfContentsLine(line: Line): boolean {
  if (line.cells) {
    // Number, title, page: a row with more cells ("4.2 | Nöjd Medborgar-Index | SCB | 63 | 66") is data.
    const filled = line.cells.filter(Boolean);
    return filled.length <= 3 && /^\d+(\.\d+)*$/.test(line.cells[0] ?? "") && /^\d{1,3}$/.test(filled.at(-1) ?? "");
  }
  return (
    /^\d+(\.\d+)*\.?\s+\S.*?(\.{3,}|…|\s{2,})\s*\d{1,3}$/.test(line.text) ||
    /^\S.{2,80}?\.{4,}\s*\d{1,3}$/.test(line.text)
  );
}

/** An all-capital label that opens a labelled block. */
export function markerOf(line: Line): MarkerKind | null {
  // OCR may read a wide gap inside a marker as a column break: "MÅL\tNÄMND" is one marker.
  const filled = line.cells?.filter((cell) => cell.length > 0) ?? [];
  if (line.blank || (line.cells && filled.length < 2) || line.text.length > 44) return null;
  const text = line.cells ? filled.join(" ") : line.text;
  const letters = fold(text)
    .replace(/[^a-z ]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (/^startdatum( slutdatum)?$/.test(letters)) return "period";
  const upper = text === text.toUpperCase() && /\p{Lu}{2}/u.test(text);
  if (!upper) return null;
  if (followUpMarker.test(letters) || /^uppf\w{0,4}l\w{0,5}g(ar)?$/.test(letters)) return "follow-up";
  if (indicatorMarker.test(letters)) return "indicators";
  if (
    /^(mal|malet|sarskilt uppdrag|sarskilda uppdrag|uppdrag|grundverksamhet|grunduppdrag|namndmal|kf mal)( (kf|ks|namnd|namnden|kommunfullmaktige|nam\w*))?$/.test(
      letters,
    )
  )
    return "kind";
  return null;
}

const functionWords = new Set([
  "och",
  "i",
  "for",
  "av",
  "med",
  "att",
  "som",
  "till",
  "pa",
  "en",
  "ett",
  "den",
  "det",
  "de",
  "eller",
  "samt",
  "om",
  "fran",
  "vid",
  "har",
  "ar",
  "ska",
  "enligt",
  "under",
  "inom",
  "mot",
]);
const columnWords =
  /^(titel|beskrivning|slutdatum|startdatum|startdatum slutdatum|vad|nar|hur|till vem|kalla|ansvarig|tidpunkt|datum|mottagare)$/;

function neighbour(lines: Line[], i: number, step: 1 | -1): { line: Line; blankBetween: boolean } | null {
  let blankBetween = false;
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    if (lines[j]!.blank) {
      blankBetween = true;
      continue;
    }
    return { line: lines[j]!, blankBetween };
  }
  return null;
}

/** A short capitalised line between paragraphs: "Investeringar", "Parter/Kontaktpersoner (SN)". */
export function unnumberedCandidate(lines: Line[], i: number): HeadingCandidate | null {
  const line = lines[i]!;
  if (line.cells || line.blank) return null;
  const text = line.text;
  // The document marked it as a heading (Markdown "##", a Word heading style).
  if (line.headingMark > 0 && text.length <= 200)
    return { line: i, endLine: i, number: null, label: null, heading: text };
  if (text.length < 3 || text.length > 70) return null;
  if (!/^\p{Lu}/u.test(text) || /[.,;:]$/.test(text) || /^\d/.test(text) || /^•/.test(text)) return null;
  // "Ansvarig: Eva Lund, badchef": a field and its value, not a heading.
  if (/^\p{Lu}[\p{L} /-]{1,30}:\s+\S/u.test(text)) return null;
  const words = text.split(/\s+/);
  if (words.length > 8) return null;
  const folded = fold(text).replace(/\s+/g, " ");
  if (columnWords.test(folded) || functionWords.has(fold(words.at(-1)!))) return null;
  if (text === text.toUpperCase() && /\p{L}{2}/u.test(text) && words.length <= 3) return null;
  // A number at the end is a table's value ("Summa 84 200") — unless it is the year a heading is for
  // ("Särskilda uppdrag 2026", "Tidplan för uppföljning 2026").
  const endsInYear = /\p{L}{3,}\s+20\d{2}$/u.test(text) && !/\d[\s,.]+\d/.test(text);
  if (/\d{4}-\d{2}-\d{2}|\|/.test(text) || (/\d%?$/.test(text) && !endsInYear) || /^titel\b/.test(folded)) return null;
  // "D = delårsrapport (avser januari–augusti)": a line of a legend.
  if (/^\p{Lu}{1,4}\s*=\s/u.test(text)) return null;
  // "Mars – Verksamhetsberättelse", "Varje månad – …": a timetable entry, not a heading.
  if (
    new RegExp(`^(${swedishMonthPattern}|varje (manad|kvartal|vecka)|lopande)\\s*(\\d{4})?\\s*[:–—-]\\s`).test(folded)
  )
    return null;
  const previous = neighbour(lines, i, -1);
  if (previous && !previous.blankBetween && !/[.!?:)”"]$/.test(previous.line.text) && !/^•/.test(previous.line.text))
    return null;
  // "Indikatorer:" right above it: the first line of what the lead-in introduces.
  if (previous && !previous.blankBetween && /:$/.test(previous.line.text)) return null;
  // "Skriftlig rapport" above "2025-06-11 …" is a cell of a table read line by line.
  if (/^(muntlig|skriftlig)\w*\b/.test(folded) && words.length <= 4) return null;
  const next = neighbour(lines, i, 1);
  if (!next || next.line.cells) return null;
  if (/^\d{4}-\d{1,2}/.test(next.line.text)) return null;
  // "Divisionen ska" over "• delta i …": the start of a sentence that the list items finish.
  if (!next.blankBetween && /^•\s*\p{Ll}/u.test(next.line.text)) return null;
  if (next.line.text.length < Math.min(25, text.length)) return null;
  if (/^\p{Ll}/u.test(next.line.text) && !next.blankBetween) return null;
  return { line: i, endLine: i, number: null, label: null, heading: text };
}
