// Assignments and goals: headings under a kind marker ("MÅL KF" / "SÄRSKILT UPPDRAG NÄMND" /
// "GRUNDVERKSAMHET" above "5.5.4 …"), headings that name their kind ("3.1 Grunduppdrag …",
// "Mål 2: …", "Särskilt uppdrag: …"), and tables whose rows are goals or special assignments.
// Follow-up sections ("3.2 Uppföljning av grunduppdrag X") are linked to their assignment.
import {
  coreAssignmentCue,
  councilCue,
  goalCue,
  specialAssignmentCue,
} from "../../../shared/lexicon/agreement-vocabulary.ts";
import { fold, squash } from "../../../shared/text/fold.ts";
import type { AssignmentKind, AssignmentModel, SectionModel } from "../../agreement-model.ts";
import { isOutlineNumber, type Block, type HeadingBlock, type TableBlock } from "../blocks/block-model.ts";
import { blockText, type DocumentStructure } from "../blocks/build-blocks.ts";
import { findTimeMentions } from "../time-mentions.ts";

export interface AssignmentReading {
  assignments: AssignmentModel[];
  /** The assignment a section belongs to (its own section, subsections and linked follow-up sections). */
  ownerOfSection: Map<number, string>;
  /** Tables whose rows are assignments: block id → row index → assignment key. */
  rowOwners: Map<number, Map<number, string>>;
  /** Assignments defined in each section, for statements like "Uppdragen ska …". */
  assignmentsBySection: Map<number, string[]>;
  /** Blocks that hold an assignment's start and end dates, which are not deadlines. */
  periodBlocks: Set<number>;
}

/** A key that survives re-imports and OCR noise: kind plus the consonants of the title. */
export function assignmentKey(kind: AssignmentKind, title: string): string {
  const skeleton = fold(title)
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z0-9]/g, "")
    .replace(/[aeiouy]/g, "")
    .slice(0, 40);
  return `${kind}:${skeleton}`;
}

export function kindFromMarker(markerText: string): AssignmentKind | null {
  const text = fold(markerText)
    .replace(/[^a-z ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const fromCouncil = councilCue.test(text);
  if (coreAssignmentCue.test(text)) return "grunduppdrag";
  if (specialAssignmentCue.test(text)) return fromCouncil ? "sarskilt_uppdrag_kf" : "sarskilt_uppdrag_namnd";
  if (goalCue.test(text)) return fromCouncil ? "mal_kf" : "mal_namnd";
  return null;
}

function kindFromHeading(heading: string): AssignmentKind | null {
  const text = fold(heading);
  if (/^(uppfoljning|aterrapportering|redovisning|rapportering|tidplan|ekonomi|indikator|nyckeltal)/.test(text))
    return null;
  if (coreAssignmentCue.test(text) && !/^grunduppdragen\b/.test(text)) return "grunduppdrag";
  // "Särskilda uppdrag från nämnden" (plural) heads a list of assignments; it is not one.
  if (/^sarskilt uppdrag\b|^uppdrag (\d|[a-z]\s*:)|^uppdrag\s*:/.test(text))
    return councilCue.test(text) ? "sarskilt_uppdrag_kf" : "sarskilt_uppdrag_namnd";
  if (/^(mal|malet|delmal|namndmal|inriktningsmal|effektmal|resultatmal|verksamhetsmal)\s*(\d|[a-z]?:)/.test(text))
    return councilCue.test(text.split(":")[0]!) ? "mal_kf" : "mal_namnd";
  return null;
}

function isKindOnly(heading: string): boolean {
  const rest = fold(heading)
    .replace(/\b\d{4}(\s*[-–]\s*\d{4})?\b/g, " ")
    .replace(
      /\b(grunduppdrag\w*|grundverksamhet\w*|sarskil\w*|uppdrag\w*|mal|malen|malet|namndmal\w*|namndens|namnden|kommunfullmaktige\w*|kf|for|fran|och|verksamhetsuppdrag\w*|\w+namndens|\w+namnden|nya)\b/g,
      " ",
    )
    .replace(/[^a-z]/g, "");
  return rest.length === 0;
}

/**
 * The kind of item a part's heading says its children are: "Särskilda uppdrag", "Mål 2025",
 * "Nämndens mål", "Socialkontorets grunduppdrag", "Särskilda beställningspunkter 2026".
 */
export function kindOfPart(heading: string): AssignmentKind | null {
  const folded = fold(heading)
    .replace(/\b\d{4}\b/g, "")
    .trim();
  const fromCouncil = councilCue.test(folded);
  // The owner before the kind ("socialkontorets", "namndens") does not change it.
  const text = folded.replace(/^[a-z]+s\s+(?=[a-z])/, "");
  if (
    /^(sarskilda uppdrag|uppdrag|nya uppdrag|tillaggsuppdrag|utvecklingsuppdrag|sarskilda bestallningspunkter|bestallningspunkter|sarskilda bestallningar|utvecklingsbestallning\w*)\b/.test(
      text,
    )
  )
    return fromCouncil ? "sarskilt_uppdrag_kf" : "sarskilt_uppdrag_namnd";
  if (
    /^(grunduppdrag|grundverksamhet|grunduppdragen|ordinarie uppdrag|verksamhetsuppdrag|uppdrag och verksamhet|grundbestallning\w*|basuppdrag\w*|bestalld verksamhet|bestallda verksamhete\w*|verksamhetens omfattning|uppdragets omfattning|verksamhetsatagande\w*|basverksamhet\w*|karnverksamhet\w*|leveranser|bestallda leveranser)\b/.test(
      text,
    )
  )
    return "grunduppdrag";
  if (
    /^(mal|malen|mal och indikatorer|mal for|namndmal|verksamhetsmal|resultatmal|effektmal|inriktningsmal\w*)\b/.test(
      text,
    )
  )
    return fromCouncil ? "mal_kf" : "mal_namnd";
  return null;
}

/**
 * "Mål 1 – Äldre ska …" → "Äldre ska …", "Uppdrag B: Förstudie …" → "Förstudie …", "Nämndmål: Fler
 * barn …" → "Fler barn …"; where it comes from, in brackets at the end, goes too ("… ny simhall
 * (uppdrag från kommunfullmäktige)"). Other titles stay as they are.
 */
export function withoutLeadingLabel(title: string): string {
  const text = title.trim();
  const label =
    /^(?:mål|delmål|uppdrag|särskilt uppdrag|målområde|fokusområde|kf-mål|nämndmål|inriktningsmål|grunduppdrag)\s+(?:\d{1,2}(?:\.\d{1,2})?|[A-ZÅÄÖ]{1,3}\d{0,2})\s*[:.–—-]\s+(\S.*)$/iu.exec(
      text,
    ) ??
    /^(?:nämndmål|kf-mål|kf:s mål|mål|särskilt uppdrag|uppdrag|grunduppdrag|tilläggsuppdrag|utvecklingsuppdrag|inriktningsmål|(?:kommunfullmäktiges|fullmäktiges|nämndens|styrelsens) mål)(?:\s*\([^()]{1,30}\))?\s*:\s+(\p{Lu}.*)$/iu.exec(
      text,
    );
  // "Mål 1 (KF): Vretlunda växer …" read as the label and "(KF): Vretlunda växer …": the owner goes too.
  const rest = (label ? label[1]! : text).replace(/^\([^()]{1,30}\)\s*:\s+(?=\p{Lu})/u, "");
  return rest.replace(/\s*\((?:uppdrag\s+)?(?:från|av)\s+(?:kommunfullmäktige|kf|kommunstyrelsen|ks)\)\s*$/iu, "");
}

const leadingOwnerMark = /^\((\p{Lu}{2,5})\)\s*[:–-]?\s*(?=\p{Lu})/u;
const trailingOwnerMark = /\s*\((\p{Lu}{2,5})\)\s*$/u;
const councilCodes = new Set(["KF", "KS", "KSAU"]);

/**
 * Codes in brackets after two or more headings ("SU 1 Inrätta Öppna entrén (IFN)", "Mål 3 (IFN) …"):
 * marks of whose goal or assignment it is. A code after one heading only may be the title's own
 * abbreviation ("Ekonomiskt bistånd (EKB)").
 */
function repeatedOwnerMarks(blocks: Block[]): Set<string> {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind !== "heading") continue;
    const code = trailingOwnerMark.exec(block.text)?.[1] ?? leadingOwnerMark.exec(block.text)?.[1];
    if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return new Set([...counts].filter(([code, n]) => n >= 2 || councilCodes.has(code)).map(([code]) => code));
}

/**
 * "(KF) Fler invånare ska ha egen försörjning", "Digital ansökan (KF)": the owner's mark is not part
 * of the title, and a council's mark makes a goal or special assignment the council's.
 */
function withoutOwnerMark<T extends { title: string; kind: AssignmentKind }>(draft: T, marks: Set<string>): T {
  const leading = leadingOwnerMark.exec(draft.title);
  const trailing = leading ? null : trailingOwnerMark.exec(draft.title);
  const code = leading?.[1] ?? trailing?.[1];
  if (!code || !(leading || marks.has(code))) return draft;
  const title = leading ? draft.title.slice(leading[0].length) : draft.title.slice(0, trailing!.index);
  if (!title.trim()) return draft;
  const council = councilCodes.has(code);
  const kind =
    council && draft.kind === "mal_namnd"
      ? "mal_kf"
      : council && draft.kind === "sarskilt_uppdrag_namnd"
        ? "sarskilt_uppdrag_kf"
        : draft.kind;
  return { ...draft, title: title.trim(), kind };
}

/** The kind a parent heading gives its numbered children: "5 Särskilda uppdrag" over "5.1 …". */
function kindOfParent(sections: SectionModel[], heading: HeadingBlock): AssignmentKind | null {
  const number = heading.number ?? "";
  const parentNumber = number.split(".").slice(0, -1).join(".");
  const parent = sections.find((s) => s.number === parentNumber);
  return parent ? kindOfPart(parent.heading) : null;
}

/**
 * The kind the part a labelled heading stands in gives it ("D. SÄRSKILDA BESTÄLLNINGSPUNKTER"
 * over "D1 …", "DEL 2 GRUNDUPPDRAG" over "Uppdrag 1: …"): the nearest outline heading above it
 * that names a kind, up to the outline's first level.
 */
function kindOfEnclosingPart(sections: SectionModel[], ordinal: number): AssignmentKind | null {
  let level = Number.POSITIVE_INFINITY;
  for (let k = ordinal - 1; k >= 0; k--) {
    const section = sections[k]!;
    if (!isOutlineSection(section) || section.level >= level) continue;
    const kind = kindOfPart(section.heading);
    if (kind) return kind;
    level = section.level;
    if (level <= 1) break;
  }
  if (level < Number.POSITIVE_INFINITY) return null;
  // A document without an outline: the heading right above the run of labels ("Grunduppdrag" over
  // "GU 1 …", "GU 2 …") names what they are.
  for (let k = ordinal - 1; k >= 0; k--) {
    const section = sections[k]!;
    if (isLabelSection(section)) continue;
    return kindOfPart(section.heading);
  }
  return null;
}

/**
 * A title cell may say more than the title: "Genomföra Kulturnatten … civilsamhället. Kulturnatten
 * äger rum …" (the first sentence is the title) or "… i Östra Sjövreta (uppdrag från KF)" (where
 * the assignment comes from).
 */
export function splitTitleCell(cell: string): { title: string; more: string | null; fromCouncil: boolean } {
  let title = squash(cell);
  let fromCouncil = false;
  const origin =
    /\s*\((?:uppdrag |beslut )?(?:från|av|enligt) (KF|kommunfullmäktige|kommunstyrelsen|KS)\)\s*\.?$/iu.exec(title);
  if (origin) {
    fromCouncil = /kf|fullmäktige/i.test(origin[1]!);
    title = title.slice(0, origin.index);
  }
  let more: string | null = null;
  // A sentence end followed by a new sentence; "t.ex." and "bl.a." do not end one.
  const end = /(?<!\b(?:t\.ex|bl\.a|m\.m|o\.s\.v|dvs|ca|nr|kap))\.\s+(?=\p{Lu})/u.exec(title);
  if (end && end.index >= 12) {
    more = title.slice(end.index + 1).trim();
    title = title.slice(0, end.index);
  }
  return { title: title.replace(/\s*\.$/, ""), more, fromCouncil };
}

/** Committees tagged at the end of a title: "… arbete (KAN, SN)". */
function committeesOf(title: string): string[] {
  const match = /\(([A-ZÅÄÖ]{2,5}(?:\s*,\s*[A-ZÅÄÖ]{2,5})*)\)\s*$/.exec(title);
  return match ? match[1]!.split(/\s*,\s*/) : [];
}

/** The column that names the assignments: the first header cell that names a kind (after a "Nr" column and a "Typ" column). */
function titleColumnOf(table: TableBlock): number {
  const header = table.header ?? [];
  const kindColumn = kindColumnOf(table);
  let column = header.length > 1 && codeColumnHeader.test(fold(header[0] ?? "").trim()) ? 1 : 0;
  if (column === kindColumn) column++;
  return column;
}

const kindColumnHeader = /^(typ|kategori|slag|art|uppdragstyp|typ av uppdrag|sort)$/;

/**
 * "Nr | Typ | Uppdrag | Beskrivning" whose Typ cells say "Grunduppdrag", "Nämndmål", "Särskilt
 * uppdrag (KF)": the column that gives each row its kind, or -1.
 */
function kindColumnOf(table: TableBlock): number {
  const header = table.header ?? [];
  const column = header.findIndex((cell) =>
    kindColumnHeader.test(
      fold(cell)
        .replace(/[^a-z ]/g, "")
        .trim(),
    ),
  );
  if (column < 0 || table.rows.length === 0) return -1;
  const kinds = table.rows.filter((row) => kindFromMarker(row.cells[column] ?? "") !== null).length;
  return kinds >= Math.max(2, table.rows.length / 2) ? column : -1;
}

const codeColumnHeader = /^(nr|nummer|#|id|kod|beteckning|ref)\.?$/;
/** "G1", "SU3", "3.1", "7": the code of an assignment in its own column or before its title. */
const assignmentCode = /^(?:\p{Lu}{1,3}\d{1,2}|\d{1,2}(?:\.\d{1,3}){0,3})$/u;

/**
 * "Kod | Verksamhet | Omfattning" with "G1", "G2" … under "2 Grunduppdrag": a table of codes says
 * what its rows are only through the part it stands in.
 */
function kindOfCodeTable(table: TableBlock, sections: SectionModel[]): AssignmentKind | null {
  const header = table.header ?? [];
  if (header.length < 2 || !codeColumnHeader.test(fold(header[0] ?? "").trim())) return null;
  if (header.some((cell) => /indikator|nyckeltal|kalla|utfall|belopp|tkr/.test(fold(cell)))) return null;
  const codes = table.rows.map((row) => squash(row.cells[0] ?? "")).filter(Boolean);
  if (codes.length < 2 || !codes.every((code) => assignmentCode.test(code))) return null;
  const own = sections[table.section];
  return (own ? kindOfPart(own.heading) : null) ?? kindOfEnclosingPart(sections, table.section);
}

function kindOfAssignmentTable(table: TableBlock): AssignmentKind | null {
  // Each row says its own kind: the first one stands for the table (every row is read by its own).
  const kindColumn = kindColumnOf(table);
  if (kindColumn >= 0)
    return table.rows.map((row) => kindFromMarker(row.cells[kindColumn] ?? "")).find((k) => k !== null) ?? null;
  const headerCell = table.header?.[titleColumnOf(table)] ?? "";
  if (!headerCell) return null;
  const first = fold(headerCell);
  if (/indikator|nyckeltal|kalla|matt\b|utfall/.test(first)) return null;
  // "Mål | Indikator | Källa": a column of goal numbers ("4.1") beside the indicators refers to
  // goals written elsewhere; its rows are indicators, not goals.
  const refersToGoals =
    (table.header ?? []).some((cell) => /indikator|nyckeltal/.test(fold(cell))) &&
    table.rows.length > 0 &&
    table.rows.every((row) =>
      /^(?:mal\s*)?\d{1,2}(?:[.:]\d{1,3}){0,3}\.?$|^$/.test(fold(squash(row.cells[titleColumnOf(table)] ?? ""))),
    );
  if (refersToGoals) return null;
  const fromCouncil = councilCue.test(first);
  if (/\bmal\b|\bmalen\b|malsattning/.test(first)) return fromCouncil ? "mal_kf" : "mal_namnd";
  if (/grunduppdrag|grundverksamhet/.test(first)) return "grunduppdrag";
  if (/uppdrag/.test(first) && !/syfte|beskrivning/.test(first))
    return fromCouncil ? "sarskilt_uppdrag_kf" : "sarskilt_uppdrag_namnd";
  return null;
}

function previousBlock(blocks: Block[], id: number): Block | undefined {
  for (let k = id - 1; k >= 0; k--) if (blocks[k]!.kind !== "toc") return blocks[k];
  return undefined;
}

/**
 * A lettered part ("C  GRUNDUPPDRAG") is at the outline's first level; a letter below it ("A" under
 * "5 Tilläggsuppdrag") labels an item of a series, as "U1" does.
 */
const isLetter = (number: string | null) => number !== null && /^\p{Lu}$/u.test(number);
const isOutlineSection = (section: SectionModel) =>
  isOutlineNumber(section.number) && !(isLetter(section.number) && section.level > 1);
const isLabelSection = (section: SectionModel) => section.number !== null && !isOutlineSection(section);
/** "Mål 2" → "mal", "U3" → "u": labels of one series share it. */
const labelWord = (section: SectionModel) => fold(section.number!.split(/\s+/)[0]!).replace(/\d.*$/, "");
const headingWords = (section: SectionModel) =>
  fold(section.heading)
    .replace(/[^a-z]+/g, " ")
    .trim();

/** A heading that opens a part of the document of its own, not a part of one goal or assignment. */
const documentPart =
  /^(uppfoljning|aterrapportering|rapportering|redovisning|tidplan|tidsplan|arshjul|ekonomi|ekonomisk|budget|ersattning|internkontroll|kontakt|underskrift|bilag|sarskilda uppdrag|grunduppdragen|malen\b|namndens mal|indikatorer for)/;

/** A heading that is itself an assignment's: asked about ("Vad innebär uppdraget om …?") or of a kind. */
function isAssignmentHeading(heading: string): boolean {
  return askedAssignment(heading) !== null || (kindFromHeading(heading) !== null && !isKindOnly(heading));
}

/**
 * Sections from `start` up to (not including) the next heading at `level` or above. A goal label
 * ("Mål 2") ends at the next label or numbered heading; the unnumbered headings after the last
 * label of a run belong to it only if its siblings have them too ("Måluppfyllelse",
 * "Indikatorer") — "Uppföljning och återrapportering" after "Mål 3" is the document's, not goal 3's.
 * A label without siblings ends at a heading that opens a part of the document.
 */
function extentOf(sections: SectionModel[], start: number, headingLevel: number): number[] {
  const result = [start];
  const own = sections[start]!;
  const labelled = headingLevel === 0 && isLabelSection(own);
  const siblings = labelled
    ? sections.filter((s) => s.ordinal !== start && isLabelSection(s) && labelWord(s) === labelWord(own))
    : [];
  const siblingHeadings = new Set<string>();
  for (const sibling of siblings)
    for (let k = sibling.ordinal + 1; k < sections.length; k++) {
      const section = sections[k]!;
      if (isOutlineSection(section) || isLabelSection(section)) break;
      siblingHeadings.add(headingWords(section));
    }
  const siblingLater = (from: number) => {
    for (let k = from; k < sections.length; k++) {
      const section = sections[k]!;
      if (isOutlineSection(section)) return false;
      if (isLabelSection(section) && labelWord(section) === labelWord(own)) return true;
    }
    return false;
  };
  for (let k = start + 1; k < sections.length; k++) {
    const section = sections[k]!;
    const isOutline = isOutlineSection(section);
    const isLabel = isLabelSection(section);
    if (headingLevel === 0 && (isOutline || isLabel)) break;
    if (isOutline && section.level <= headingLevel) break;
    if (isLabel) break;
    // "Vad innebär uppdraget om trygghetsboende?" after "Vad innebär uppdraget om digital
    // nattillsyn?": unnumbered, but the next assignment's heading, so this one ends there.
    if (!isOutline && section.level <= own.level && isAssignmentHeading(section.heading)) break;
    if (labelled && !siblingLater(k)) {
      const belongs =
        siblings.length > 0 ? siblingHeadings.has(headingWords(section)) : !documentPart.test(headingWords(section));
      if (!belongs) break;
    }
    result.push(k);
  }
  return result;
}

/**
 * A title that ends in its kind in brackets: "Digital nattillsyn (särskilt uppdrag från nämnden)",
 * "Fler äldre ska känna sig trygga (nämndmål)". The title without it, and the kind; null otherwise
 * ("Svenska för invandrare (SFI)" keeps its brackets).
 */
export function kindInBrackets(title: string): { title: string; kind: AssignmentKind } | null {
  const match = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(title);
  if (!match || !isKindOnly(match[2]!)) return null;
  const kind = kindFromMarker(match[2]!);
  return kind ? { title: match[1]!, kind } : null;
}

/**
 * A heading that asks what an assignment holds: "Vad ingår i grunduppdraget Hemtjänst och
 * trygghetslarm?" → a core assignment "Hemtjänst och trygghetslarm"; "Vad innebär uppdraget om
 * digital nattillsyn?" → a special assignment "Digital nattillsyn". Null for any other heading.
 */
export function askedAssignment(heading: string): { kind: AssignmentKind; title: string } | null {
  const match =
    /^(?:vad (?:ingår i|innebär|omfattar|gäller för)|om)\s+(grunduppdraget|grunduppdrag|det särskilda uppdraget|särskilda uppdraget|uppdraget|nämndmålet|målet)\s+(?:om\s+)?(.{3,120}?)\s*\?$/iu.exec(
      heading.trim(),
    );
  if (!match) return null;
  const word = fold(match[1]!);
  const kind: AssignmentKind = /grunduppdrag/.test(word)
    ? "grunduppdrag"
    : /mal/.test(word)
      ? "mal_namnd"
      : "sarskilt_uppdrag_namnd";
  const title = match[2]!.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return { kind, title };
}

export function readAssignments(structure: DocumentStructure): AssignmentReading {
  const { blocks, sections, blocksBySection } = structure;
  const assignments: AssignmentModel[] = [];
  const ownerOfSection = new Map<number, string>();
  const rowOwners = new Map<number, Map<number, string>>();
  const assignmentsBySection = new Map<number, string[]>();
  const periodBlocks = new Set<number>();
  const usedKeys = new Set<string>();
  const ownerMarks = repeatedOwnerMarks(blocks);
  const add = (given: Omit<AssignmentModel, "key" | "ordinal">, sectionOrdinal: number): string => {
    // "Hemtjänst och hemsjukvård (grunduppdrag)": the kind in brackets after the title is the kind.
    const tagged = kindInBrackets(given.title);
    const draft = withoutOwnerMark(tagged ? { ...given, kind: tagged.kind, title: tagged.title } : given, ownerMarks);
    const base = assignmentKey(draft.kind, draft.title);
    let key = base;
    for (let n = 2; usedKeys.has(key); n++) key = `${base}-${n}`;
    usedKeys.add(key);
    assignments.push({ ...draft, key, ordinal: assignments.length });
    assignmentsBySection.set(sectionOrdinal, [...(assignmentsBySection.get(sectionOrdinal) ?? []), key]);
    return key;
  };

  /** The goal a heading of its owner stands over: one sentence alone, the first block under it. */
  const goalSentenceUnder = (heading: HeadingBlock): string | null => {
    const first = blocksBySection.get(heading.section)?.find((b) => b.id > heading.id);
    if (first?.kind !== "paragraph") return null;
    const text = squash(first.text);
    const words = text.split(/\s+/).length;
    if (words < 4 || words > 30 || !/^\p{Lu}[^.!?]*\.$/u.test(text)) return null;
    // A goal says what shall be ("ska"), not when something is reported.
    if (!/\b(ska|skall)\b/u.test(text) || findTimeMentions(text, null).length > 0) return null;
    return text.replace(/\.$/, "");
  };

  // 1. Headings that are assignments or goals.
  for (const block of blocks) {
    if (block.kind !== "heading") continue;
    const heading = block as HeadingBlock;
    const previous = previousBlock(blocks, block.id);
    let kind: AssignmentKind | null =
      previous?.kind === "marker" && previous.marker === "kind" ? kindFromMarker(previous.text) : null;
    // A labelled heading ("Mål 1" → "Barn och unga …") is classified by its label and text together.
    const labelled =
      heading.number !== null &&
      (!isOutlineNumber(heading.number) || (heading.level === 0 && isLetter(heading.number)));
    const classified = labelled ? `${heading.number}: ${heading.text}` : heading.text;
    // "Uppdrag 1" under "Grunduppdrag" is a core assignment; a code ("U1", "D3") says no kind of its
    // own: both are what the part they stand in lists.
    const enclosing = labelled ? kindOfEnclosingPart(sections, heading.section) : null;
    const generic = labelled && /^(uppdrag \S+|[a-z]{1,3} ?\d{1,2}|[a-z])$/.test(fold(heading.number!));
    if (generic && enclosing) kind ??= enclosing;
    kind ??= kindFromHeading(classified);
    // "Vad ingår i grunduppdraget Hemtjänst?", "Vad innebär uppdraget om digital nattillsyn?": a
    // heading put as a question names the assignment it is about.
    const asked = askedAssignment(heading.text);
    if (asked) kind ??= asked.kind;
    if (labelled && !kind) kind = enclosing;
    // "5 Särskilda uppdrag" / "4 Mål": the numbered headings under it are of that kind.
    kind ??=
      heading.level > 1 &&
      !/^(uppfoljning|aterrapportering|redovisning|rapportering|tidplan|indikator|nyckeltal|matt\b)/.test(
        fold(heading.text),
      )
        ? kindOfParent(sections, heading)
        : null;
    // "3 Grunduppdrag", "4 Mål 2025", "Särskilda uppdrag från nämnden": a heading over assignments, not one —
    // unless it names a goal's owner and the goal is the one sentence under it ("5.1 Kommunfullmäktiges
    // mål" over "I Mälarbo ska det vara enkelt att bygga, bo och driva företag.").
    const kindOnly = isKindOnly(classified);
    const ownersGoals = kindOnly || (/\bmål$/iu.test(heading.text) && heading.text.split(/\s+/).length <= 5);
    const statedGoal = kind?.startsWith("mal") && !labelled && ownersGoals ? goalSentenceUnder(heading) : null;
    if (kind && kindOnly && !statedGoal) kind = null;
    // The owner the heading names says whose goal it is: "Kommunfullmäktiges mål" under "5 Mål".
    if (statedGoal) kind = councilCue.test(fold(heading.text)) ? "mal_kf" : "mal_namnd";
    if (!kind) continue;
    const sectionOrdinal = heading.section;
    const extent = extentOf(sections, sectionOrdinal, heading.level);
    let startDate: string | null = null;
    let endDate: string | null = null;
    const description: string[] = [];
    let inBlock = false;
    for (const ordinal of extent) {
      for (const inner of blocksBySection.get(ordinal) ?? []) {
        if (inner.id === heading.id) continue;
        if (inner.kind === "marker") {
          if (inner.marker === "period") {
            // "Startdatum Slutdatum" and the two dates that follow.
            const dates: string[] = [];
            for (let k = inner.id + 1; k < Math.min(blocks.length, inner.id + 4) && dates.length < 2; k++) {
              const next = blocks[k]!;
              if (next.kind === "heading" || next.kind === "marker") break;
              for (const m of findTimeMentions(blockText(next), null))
                if (m.precision === "day" && dates.length < 2) dates.push(m.date);
              periodBlocks.add(next.id);
            }
            [startDate = null, endDate = null] = dates;
          }
          inBlock = true;
          continue;
        }
        if (inner.kind === "table" && /startdatum/.test(fold((inner.header ?? []).join(" ")))) {
          periodBlocks.add(inner.id);
          const dates = inner.rows
            .flatMap((r) => findTimeMentions(r.cells.join(" "), null))
            .filter((m) => m.precision === "day");
          startDate = dates[0]?.precision === "day" ? dates[0].date : startDate;
          endDate = dates[1]?.precision === "day" ? dates[1].date : endDate;
          continue;
        }
        if (!inBlock && (inner.kind === "paragraph" || inner.kind === "listItem") && ordinal === sectionOrdinal)
          description.push(blockText(inner));
      }
    }
    // "3.1 Mål 1 – Äldre ska känna sig trygga": the label after the outline number is not the title.
    // "3.1 G1 Idrotts- och fritidsanläggningar": the code after the outline number is the assignment's number.
    const coded = labelled || asked ? null : /^(\p{Lu}{1,3}\s?\d{1,2})[:.]?\s+(\p{Lu}.*)$/u.exec(heading.text);
    const title = statedGoal ?? asked?.title ?? withoutLeadingLabel(coded ? coded[2]! : heading.text);
    const key = add(
      {
        kind,
        // "Uppdrag 3.1" is assignment 3.1; the label stays the section's name.
        // ("GU 1" keeps its letters: a code, not a word.)
        number: labelled ? heading.number!.replace(/^(?:\p{Lu}?\p{Ll}+\s+)+/u, "") : (coded?.[1] ?? heading.number),
        title,
        description: squash(description.join(" ")).slice(0, 4000),
        section: heading.number,
        startDate,
        endDate,
        committees: committeesOf(heading.text),
      },
      sectionOrdinal,
    );
    for (const ordinal of extent) if (!ownerOfSection.has(ordinal)) ownerOfSection.set(ordinal, key);
  }

  // 2. Tables whose rows are goals or special assignments.
  for (const block of blocks) {
    if (block.kind !== "table") continue;
    const kind = kindOfAssignmentTable(block) ?? kindOfCodeTable(block, sections);
    if (!kind) continue;
    const section = numberedAncestor(sections, block.section);
    const owners = new Map<number, string>();
    let current: { key: string; description: string[] } | null = null;
    // One table may hold several sub-tables: goals, then their indicators, then the next goals.
    let readingGoals = true;
    const flush = () => {
      if (!current) return;
      const assignment = assignments.find((a) => a.key === current!.key)!;
      assignment.description = squash(current.description.join(" ")).slice(0, 4000);
    };
    const titleColumn = titleColumnOf(block);
    const kindColumn = kindColumnOf(block);
    block.rows.forEach((row, index) => {
      let title = squash(row.cells[titleColumn] ?? "");
      const rowKind = kindColumn >= 0 ? (kindFromMarker(row.cells[kindColumn] ?? "") ?? kind) : kind;
      // "4.1 Fler barn …" in the title cell, or the number in its own column.
      // (or a code: "M1 Fler barn …", "SU2 Meröppet …").
      const numbered = /^(\d{1,2}(?:\.\d{1,3}){1,3}|\p{Lu}{1,3}\d{1,2})[.:]?\s+(\p{Lu}.+)$/u.exec(title);
      const number =
        titleColumn >= 1 && kindColumn !== 0 ? squash(row.cells[0] ?? "") || null : numbered ? numbered[1]! : null;
      if (numbered) title = numbered[2]!;
      const others = row.cells.filter(
        (cell, c) =>
          c !== titleColumn &&
          c !== (titleColumn >= 1 ? 0 : -1) &&
          c !== kindColumn &&
          cell &&
          !["reporting", "when", "due", "occasion"].includes(block.roles[c] ?? ""),
      );
      // A header row of the next goal table inside the same table ("Kompetens- och … nämndens mål | Önskat resultat").
      const headerLike = row.cells.filter(Boolean).length >= 2 && row.cells.every((c) => c.length < 80);
      if (title && headerLike && kindOfAssignmentTable({ ...block, header: row.cells })) {
        flush();
        current = null;
        readingGoals = true;
        return;
      }
      if (title && headerLike && /^(indikator|nyckeltal|matt)/.test(fold(title))) {
        flush();
        current = null;
        readingGoals = false;
        return;
      }
      if (!readingGoals) return;
      // A cell that is only a code ("SU 1", "M2") in a table of reports names the assignment the row
      // reports on: the row belongs to the assignment of that number, it is not one of its own.
      const codeOnly = /^(?:\p{Lu}{1,3}\s?\d{1,2}|\d{1,2}(?:\.\d{1,3}){1,3})$/u.test(title);
      if (codeOnly && number === null) {
        const named = assignments.find(
          (a) => a.number !== null && a.number.replace(/\s/g, "") === title.replace(/\s/g, ""),
        );
        flush();
        current = null;
        if (named) owners.set(index, named.key);
        return;
      }
      if (title) {
        flush();
        const dates = findTimeMentions(row.cells.join(" "), null).filter((m) => m.precision === "day" && m.inRange);
        const { title: clean, more, fromCouncil } = splitTitleCell(title);
        if (more) others.unshift(more);
        const key = add(
          {
            kind: fromCouncil && rowKind === "sarskilt_uppdrag_namnd" ? "sarskilt_uppdrag_kf" : rowKind,
            number,
            title: clean,
            description: "",
            section: section?.number ?? null,
            startDate: dates[0]?.precision === "day" ? dates[0].date : null,
            endDate: dates[1]?.precision === "day" ? dates[1].date : null,
            committees: committeesOf(clean),
          },
          block.section,
        );
        current = { key, description: [...others] };
      } else if (current) current.description.push(...others);
      if (current) owners.set(index, current.key);
    });
    flush();
    rowOwners.set(block.id, owners);
  }

  // 3. Follow-up sections that name their assignment ("3.2 Uppföljning av grunduppdrag X").
  const words = (text: string) =>
    fold(text)
      .replace(/\([^)]*\)/g, " ")
      .replace(/[^a-z ]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  for (const section of sections) {
    const match = /^(uppfoljning|aterrapportering|redovisning|rapportering)( av| for)? (.+)$/.exec(
      words(section.heading),
    );
    if (!match) continue;
    const subject = match[3]!;
    const target = assignments.find((a) => {
      const title = words(a.title);
      return title.length > 0 && (subject === title || subject.endsWith(title) || title.endsWith(subject));
    });
    if (!target) continue;
    assignmentsBySection.set(section.ordinal, [...(assignmentsBySection.get(section.ordinal) ?? []), target.key]);
    if (!ownerOfSection.has(section.ordinal)) ownerOfSection.set(section.ordinal, target.key);
  }

  return { assignments, ownerOfSection, rowOwners, assignmentsBySection, periodBlocks };
}

/** The nearest numbered section at or above `ordinal`: citations use its number. */
export function numberedAncestor(sections: SectionModel[], ordinal: number): SectionModel | null {
  for (let k = ordinal; k >= 0; k--) if (sections[k]?.number) return sections[k]!;
  return null;
}
