// Reporting items: when, how and to whom the division reports. Read from four kinds of places,
// because agreements state the same thing in many layouts:
//   A. tables with a date column ("Vad | När | Hur | Till vem") or a reporting column whose cells
//      pair forms with dates ("Muntlig 2025-03-26 Skriftlig 2025-11-05 …");
//   B. labelled follow-up blocks of scanned agreements ("UPPFÖLJNING" / Titel Beskrivning Slutdatum),
//      whose columns OCR interleaves;
//   C. sentences that name a date and a report ("… muntlig rapport vid nämndens sammanträden
//      2025-05-28 (avser tertial 1 2025) och 2025-09-17 …");
//   D. follow-up in the planning system at vår/delår/helår, which has no date of its own.
import { fold, repairOcrWords, squash } from "../../shared/text/fold.ts";
import {
  addDays,
  findDates,
  findDayMonthRanges,
  isoDate,
  monthNumber,
  monthPattern,
  subtractWorkingDays,
  type DateMention,
  type IsoDate,
} from "../../shared/text/swedish-dates.ts";
import type { AgreementFacts, AssignmentModel, FollowUpOccasion, ReportForm, ReportingItemModel } from "../agreement-model.ts";
import type { AssignmentReading } from "./assignments.ts";
import { blockMarker, numberedAncestor, type Layout, type Table } from "./document-layout.ts";

// ---------------------------------------------------------------- vocabulary

const reportingWords =
  /rapport|redovis|aterrapport|avrapport|uppfoljning|foljs upp|underlag|presenter|inkomma|inlamna|lamnas|lamna\b|delge|informera|information till/;
const meetingWords = /sammantr\w*|namndmot\w*|\bmotet\b|presidiemot\w*|namndens mote/;
const negativeBefore =
  /(beslutsdatum|beslutade|beslutad|beslut fattades|fattade beslut|faststalld|antogs|antagen|startdatum|trader i kraft|tradde i kraft|galler fran|fr\.?o\.?m\.?|fran och med|tecknad|pagar|perioden|giltig|sedan|fodd|infordes|inleddes|startade)\W+(?:\S+\s+){0,6}\S*$/;
const dueBefore = /(senast|slutdatum|deadline|sista dag\w*|inlamning\w*|lamnas in|inkomma med|tillhanda)\W+(?:\S+\s+){0,3}\S*$/;
const meetingBefore = /(sammantr\w*|namndmot\w*|\bmotet\b|\bmote\b)\W+(?:\S+\s+){0,3}\S*$/;

// ---------------------------------------------------------------- small readers

export interface SubmissionRule {
  days: number;
  workingDays: boolean;
  label: string;
}

const numberWords: Record<string, number> = { en: 1, ett: 1, tva: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, atta: 8, tio: 10, fjorton: 14 };

/** "Skriftliga underlag … tre veckor innan sammanträdet" and the like. */
export function findSubmissionRule(text: string): SubmissionRule | null {
  const folded = fold(text).replace(/\s+/g, " ");
  const match =
    /(\d{1,2}|en|ett|tva|tre|fyra|fem|sex|sju|atta|tio|fjorton)\s+(veckor|vecka|dagar|dag|arbetsdagar|arbetsdag)\s+(innan|fore|for|infor)\s+(?:\w+\s+){0,2}?(sammantr\w*|motet|namndmotet|namnd\w*|beslut\w*)/.exec(folded);
  if (!match) return null;
  const sentenceStart = folded.lastIndexOf(".", match.index) + 1;
  const sentence = folded.slice(sentenceStart, match.index + match[0].length);
  if (!/underlag|material|handling|skriftlig|rapport|redovisning/.test(sentence)) return null;
  const count = /^\d+$/.test(match[1]!) ? Number(match[1]) : numberWords[match[1]!]!;
  const unit = match[2]!;
  const working = unit.startsWith("arbetsdag");
  const days = unit.startsWith("veck") ? count * 7 : count;
  const unitLabel = unit.startsWith("veck") ? (count === 1 ? "vecka" : "veckor") : working ? "arbetsdagar" : count === 1 ? "dag" : "dagar";
  return { days, workingDays: working, label: `${count} ${unitLabel} före sammanträdet` };
}

function applyRule(meeting: IsoDate, rule: SubmissionRule): IsoDate {
  return rule.workingDays ? subtractWorkingDays(meeting, rule.days) : addDays(meeting, -rule.days);
}

/** Removes the statement of the submission rule so that "Skriftliga underlag …" does not read as a written report. */
function withoutRuleText(text: string): string {
  return text.replace(/skri\S*\s+underlag[^.]*?(?:sammantr\S*|m\S{1,2}tet)\.?/giu, " ").replace(/underlag[^.]*?veckor[^.]*?(?:sammantr\S*|m\S{1,2}tet)\.?/giu, " ");
}

export function formOf(text: string): ReportForm | null {
  const folded = fold(withoutRuleText(text));
  const oral = /\bmuntlig/.test(folded);
  const written = /\bskri(f|t)?t?lig|\bskriftig|\bskriftl/.test(folded);
  if (oral && written) return "both";
  if (oral) return "oral";
  if (written) return "written";
  return null;
}

interface PeriodReading {
  label: string;
  code: string | null;
}

function codeOfRange(to: IsoDate): string | null {
  const monthDay = to.slice(5);
  return { "04-30": "T1", "08-31": "D", "12-31": "H", "03-31": "Q1", "06-30": "Q2", "09-30": "Q3" }[monthDay] ?? null;
}

/** The period a report covers: "(avser tertial 1 2025)", "helår 2024", "Avser perioden 1/1-30/4 2026". */
export function periodOf(text: string, year: number | null): PeriodReading | null {
  const range = findDayMonthRanges(text, year)[0];
  if (range) {
    const raw = squash(text.slice(range.index, range.index + range.length)).replace(/\s*-\s*/, "–");
    return { label: raw, code: codeOfRange(range.to) };
  }
  const lower = text.toLowerCase();
  const folded = fold(text);
  const tertial = /tertial\s*([1-3])(\s+\d{4})?/.exec(folded);
  if (tertial) return { label: squash(`tertial ${tertial[1]}${tertial[2] ?? ""}`), code: `T${tertial[1]}` };
  const quarter = /kvartal\s*([1-4])(\s+\d{4})?|\bq([1-4])\b/.exec(folded);
  if (quarter) return { label: squash(`kvartal ${quarter[1] ?? quarter[3]}${quarter[2] ?? ""}`), code: `Q${quarter[1] ?? quarter[3]}` };
  const whole = /\b(helar|helarsbokslut|arsbokslut|helarsuppfoljning)(\s+\d{4})?/.exec(folded);
  if (whole) return { label: squash(`helår${whole[2] ?? ""}`), code: "H" };
  const interim = /\b(delar|delarsbokslut|delarsuppfoljning|delarsrapport)(\s+\d{4})?/.exec(folded);
  if (interim) return { label: squash(`delår${interim[2] ?? ""}`), code: "D" };
  if (/\bv[aå]r\s*\(1\/3\)|varuppfoljning/.test(lower)) return { label: "vår", code: "V" };
  return null;
}

/** The meeting a row names: "till nämndens sammanträde den 4 juni", "nämndsammanträde 17 september". */
function namedMeeting(text: string, dueDate: IsoDate): IsoDate | null {
  // OCR interleaves columns, so a few words of the neighbouring column may sit between
  // "sammanträde den" and "4 juni", or between the day and the month.
  const pattern = new RegExp(
    `sammantr\\S{0,5}(?:\\s+\\S+){0,6}?\\s+(\\d{1,2})(?:\\s+[^\\s\\d]+){0,8}?\\s+(${monthPattern})(?![\\p{L}])(?:\\s+(\\d{4}))?`,
    "iu",
  );
  const match = pattern.exec(fold(text).replace(/[|]/g, " "));
  if (!match) return null;
  const month = monthNumber(match[2]!);
  if (!month) return null;
  let year = match[3] ? Number(match[3]) : Number(dueDate.slice(0, 4));
  let meeting = isoDate(year, month, Number(match[1]));
  if (meeting && !match[3] && meeting < dueDate && Number(dueDate.slice(5, 7)) >= 10 && month <= 3) {
    year += 1;
    meeting = isoDate(year, month, Number(match[1]));
  }
  // A meeting long before the due date is a misreading, not a meeting.
  if (meeting && meeting < addDays(dueDate, -7)) return null;
  return meeting;
}

function recipientOf(text: string, committeeName: string | null): string | null {
  const folded = fold(text);
  if (/till (nam\w*s )?sakkunnig/.test(folded)) return "sakkunnig";
  if (/till (namndens )?presidi/.test(folded)) return "presidiet";
  if (/till styrgrupp/.test(folded)) return "styrgruppen";
  if (/till (kommunstyrelsen|ks)\b/.test(folded)) return "Kommunstyrelsen";
  if (/till (kommunfullmaktige|kf)\b/.test(folded)) return "Kommunfullmäktige";
  if (/n\w{1,2}mnd|sammantr/.test(folded)) return committeeName;
  return null;
}

function isExcludedDate(text: string, mention: DateMention, year: number | null): boolean {
  if (mention.inRange) return true;
  if (year !== null && (mention.date < `${year}-01-01` || mention.date > `${year + 1}-03-31`)) return true;
  const before = fold(text.slice(Math.max(0, mention.index - 70), mention.index));
  return negativeBefore.test(before);
}

function roleOf(text: string, mention: DateMention, meetingContext: boolean, dueContext: boolean): "meeting" | "due" | "plain" {
  const before = fold(text.slice(Math.max(0, mention.index - 50), mention.index));
  if (dueBefore.test(before)) return "due";
  if (dueContext) return "due";
  if (meetingBefore.test(before)) return "meeting";
  return meetingContext ? "meeting" : "plain";
}

// ---------------------------------------------------------------- assembling items

interface Draft {
  owner: string | null;
  sectionOrdinal: number;
  title: string;
  evidence: string;
  mention: DateMention;
  role: "meeting" | "due" | "plain";
  /** Text belonging to this date only: before it (since the previous date) and a parenthesis after it. */
  segment: { before: string; after: string };
  fallbackForm: ReportForm | null;
  /** True when the evidence names only this date, so anything in it describes this item. */
  singleDate: boolean;
  rule: SubmissionRule | null;
  recipient: string | null;
}

interface Context {
  layout: Layout;
  facts: AgreementFacts;
  reading: AssignmentReading;
  assignmentsByKey: Map<string, AssignmentModel>;
  documentRule: SubmissionRule | null;
  consumed: Set<number>;
  drafts: Draft[];
}

function sectionOf(context: Context, ordinal: number): string | null {
  const numbered = numberedAncestor(context.layout.sections, ordinal);
  return numbered?.number ?? context.layout.sections[ordinal]?.heading ?? null;
}

/** Splits a cell such as "Muntlig 2025-03-26 Skriftlig 2025-11-05 …" into one segment per date. */
function segmentsOf(text: string, mentions: DateMention[]): Array<{ before: string; after: string }> {
  return mentions.map((mention, k) => {
    const previousEnd = k === 0 ? 0 : mentions[k - 1]!.index + mentions[k - 1]!.length;
    const end = k + 1 < mentions.length ? mentions[k + 1]!.index : text.length;
    // A parenthesis right after the previous date belongs to that date.
    const before = text.slice(previousEnd, mention.index).replace(/^\s*\([^)]*\)/, "");
    const after = /^\s*\([^)]*\)/.exec(text.slice(mention.index + mention.length, end))?.[0] ?? "";
    return { before, after };
  });
}

function dateMentions(text: string, year: number | null): DateMention[] {
  return findDates(text, year).filter((m) => !isExcludedDate(text, m, year));
}

// A. Tables -----------------------------------------------------------------

function columnIndexes(header: string[], pattern: RegExp): number[] {
  return header.flatMap((cell, index) => (pattern.test(fold(cell)) ? [index] : []));
}

function readTables(context: Context): void {
  const { layout, facts, reading } = context;
  for (const table of layout.tables) {
    const header = table.header;
    const headerHasDates = findDates(header.join(" "), facts.year).length > 0;
    const rows = headerHasDates ? [{ line: table.startLine, cells: header }, ...table.rows] : table.rows;
    const dateColumns = headerHasDates ? [] : columnIndexes(header, /\bnar\b|datum|tidpunkt|deadline|sammantrade|^rapportering|^avrapportering|^aterrapportering|^redovisning|^uppfoljning|^tid\b/);
    const formColumns = columnIndexes(header, /^hur\b|^form\b|satt\b/);
    const recipientColumns = columnIndexes(header, /till vem|mottagare/);
    const section = layout.sections[table.sectionOrdinal]!;
    const tableText = [header, ...table.rows.map((r) => r.cells)].map((cells) => cells.join(" ")).join(" ");
    const rule = findSubmissionRule(tableText) ?? findSubmissionRule(section.text) ?? context.documentRule;
    const meetingContext = meetingWords.test(fold(`${tableText} ${header.join(" ")} ${section.text.slice(0, 1500)}`));
    const dueContext = dateColumns.some((c) => /slutdatum|senast|deadline/.test(fold(header[c]!)));
    const rowOwners = reading.rowAssignments.get(table.startLine);
    let lastWhat = "";
    let lastRecipient: string | null = null;
    for (const row of rows) {
      const what = row.cells[0] ?? "";
      if (what) lastWhat = what;
      const recipientCell = recipientColumns.map((c) => row.cells[c] ?? "").join(" ").trim();
      if (recipientCell) lastRecipient = recipientOf(recipientCell, facts.committee?.name ?? null) ?? squash(recipientCell).slice(0, 80);
      const owner = rowOwners?.get(row.line) ?? reading.ownerOfLine[row.line] ?? null;
      const ownerTitle = owner ? context.assignmentsByKey.get(owner)?.title : undefined;
      const candidates = dateColumns.length > 0 ? dateColumns : row.cells.map((_, index) => index);
      const formCell = formColumns.map((c) => row.cells[c] ?? "").join(" ");
      let produced = false;
      for (const column of candidates) {
        const cell = row.cells[column] ?? "";
        if (!cell) continue;
        if (dateColumns.length === 0 && !reportingWords.test(fold(cell)) && !meetingWords.test(fold(cell))) continue;
        const mentions = dateMentions(cell, facts.year);
        const segments = segmentsOf(cell, mentions);
        mentions.forEach((mention, k) => {
          produced = true;
          context.drafts.push({
            owner,
            sectionOrdinal: table.sectionOrdinal,
            title: rowOwners?.has(row.line) && ownerTitle ? ownerTitle : lastWhat || ownerTitle || section.heading,
            evidence: squash(row.cells.filter(Boolean).join(" | ")),
            mention,
            role: roleOf(cell, mention, meetingContext, dueContext),
            segment: { before: `${segments[k]!.before} ${formColumns.includes(column) ? "" : formCell}`, after: segments[k]!.after },
            singleDate: mentions.length === 1,
            fallbackForm: formOf(formCell) ?? formOf(withoutRuleText(row.cells.filter((_, i) => !recipientColumns.includes(i)).join(" "))),
            rule,
            recipient: lastRecipient ?? recipientOf(cell, facts.committee?.name ?? null) ?? (meetingContext ? facts.committee?.name ?? null : null),
          });
        });
      }
      if (produced) context.consumed.add(row.line);
    }
  }
}

// B. Labelled follow-up blocks of scanned agreements ---------------------------------------

const headerWord = /^(titel|beskrivning|slutdatum|datum|nar|tidpunkt|sammantrade|titel beskrivning slutdatum|beskrivning slutdatum|titel beskrivning)$/;
const descriptionStart = /\s(?=(?:Muntlig|Skriftlig|Genom|Rapportering|Redovisning|Information|En plan|Framtagna|Grunduppdraget|Uppföljningen|Uppfoljningen|Styrgruppen|Rapport)\b)/u;

function splitTitle(firstLine: string): string {
  const pipe = firstLine.indexOf(" | ");
  if (pipe > 0) return firstLine.slice(0, pipe);
  const known = descriptionStart.exec(firstLine);
  if (known && known.index > 3) return firstLine.slice(0, known.index);
  // Otherwise the description column starts at the first capitalised word after the title's first word.
  const words = firstLine.split(/\s+/);
  for (let k = 1; k < words.length; k++) {
    const word = words[k]!;
    if (/^\p{Lu}\p{Ll}/u.test(word)) return words.slice(0, k).join(" ");
  }
  return firstLine;
}

function completeTitle(title: string, owner: AssignmentModel | undefined): string {
  const cleaned = repairOcrWords(squash(title.replace(/[|']/g, " ")));
  const words = cleaned.split(/\s+/);
  const generic = words.length <= 3 || /\b(av|att|med|for|för|och|i|till|inom)$/i.test(cleaned);
  if (generic && owner && /^uppf/i.test(fold(cleaned))) return `${cleaned.replace(/\s+(av|att|med|for|för|och|i|till|inom)$/i, "")}: ${owner.title}`;
  return cleaned;
}

function paragraphsOf(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (!line) {
      if (current.length) paragraphs.push(current.join(" "));
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push(current.join(" "));
  // "Alla barn i skolan -" continues in the next paragraph.
  const merged: string[] = [];
  for (const paragraph of paragraphs) {
    const previous = merged.at(-1);
    if (previous && (/-$/.test(previous) || (!/[.!?)]$/.test(previous) && /^[\p{Ll}\d]/u.test(paragraph)))) merged[merged.length - 1] = `${previous} ${paragraph}`;
    else merged.push(paragraph);
  }
  return merged;
}

function readLabelledBlocks(context: Context): void {
  const { layout, facts, reading } = context;
  const { lines } = layout;
  const numberedStarts = new Set(layout.sections.filter((s) => s.number).map((s) => s.startLine));
  for (let start = 0; start < lines.length; start++) {
    if (blockMarker(lines[start]!) !== "follow-up") continue;
    let end = start + 1;
    while (end < lines.length && !numberedStarts.has(end) && !["kind", "follow-up", "indicators"].includes(blockMarker(lines[end]!) ?? "")) end++;
    const owner = reading.ownerOfLine[start] ?? null;
    const ownerModel = owner ? context.assignmentsByKey.get(owner) : undefined;
    const sectionOrdinal = layout.sectionOfLine[start]!;
    const headers: string[] = [];
    const body: Array<{ line: number; text: string }> = [];
    for (let l = start + 1; l < end; l++) {
      const line = lines[l]!;
      if (line.cells) continue;
      const folded = fold(line.text).replace(/[^a-z ]/g, "").trim();
      if (headerWord.test(folded) || /^titel (utfall|beskrivning)/.test(folded)) {
        headers.push(folded);
        continue;
      }
      body.push({ line: l, text: line.blank ? "" : line.text });
    }
    const headerText = headers.join(" ");
    const dueContext = /slutdatum|senast|deadline/.test(headerText) || headers.length === 0;
    const dateLine = (text: string) => {
      const mentions = findDates(text, facts.year).filter((m) => m.style === "iso");
      const last = mentions.at(-1);
      if (!last) return null;
      const rest = text.slice(last.index + last.length).replace(/[\s|'‘’.]/g, "");
      return rest.length === 0 ? last : null;
    };
    const dated = body.filter((b) => b.text && dateLine(b.text));
    if (dated.length === 0) continue;
    const rowWise = dated.some((b) => b.text.slice(0, dateLine(b.text)!.index).replace(/[\s|]/g, "").length > 0);
    const rows: Array<{ title: string; text: string; mention: DateMention; lines: number[] }> = [];
    if (rowWise) {
      let current: { title: string; parts: string[]; mention: DateMention; lines: number[] } | null = null;
      const leading: string[] = [];
      for (const entry of body) {
        const mention = entry.text ? dateLine(entry.text) : null;
        if (mention) {
          if (current) rows.push({ title: current.title, text: current.parts.join(" "), mention: current.mention, lines: current.lines });
          const before = squash(entry.text.slice(0, mention.index));
          const withLeading = [...leading, before].filter(Boolean).join(" ");
          leading.length = 0;
          current = { title: splitTitle(withLeading), parts: [withLeading], mention: { ...mention, index: -1 }, lines: [entry.line] };
        } else if (current) {
          if (entry.text) current.parts.push(entry.text);
          current.lines.push(entry.line);
        } else if (entry.text) leading.push(entry.text);
      }
      if (current) rows.push({ title: current.title, text: current.parts.join(" "), mention: current.mention, lines: current.lines });
    } else {
      // Column by column: titles, then descriptions, then the dates.
      const dates = dated.map((b) => dateLine(b.text)!);
      const firstDateLine = dated[0]!.line;
      const textLines = body.filter((b) => b.line < firstDateLine);
      const titleIndex = lines.slice(start, firstDateLine).findIndex((l) => /^titel$/.test(fold(l.text).trim()));
      const descriptionIndex = lines.slice(start, firstDateLine).findIndex((l) => /^beskrivning$/.test(fold(l.text).trim()));
      let titles: string[] = [];
      let descriptions: string[] = [];
      if (titleIndex >= 0 && descriptionIndex > titleIndex) {
        titles = paragraphsOf(textLines.filter((b) => b.line < start + descriptionIndex).map((b) => b.text));
        descriptions = paragraphsOf(textLines.filter((b) => b.line > start + descriptionIndex).map((b) => b.text));
      } else {
        descriptions = paragraphsOf(textLines.map((b) => b.text));
      }
      // A short trailing line ("Skriftlig och muntlig rapport.") can be its own paragraph: fold the
      // shortest paragraphs into the one before until there is one per date.
      const fit = (paragraphs: string[]) => {
        const result = [...paragraphs];
        while (result.length > dates.length && result.length > 1) {
          let shortest = 1;
          for (let k = 2; k < result.length; k++) if (result[k]!.length < result[shortest]!.length) shortest = k;
          result.splice(shortest - 1, 2, `${result[shortest - 1]} ${result[shortest]}`);
        }
        return result;
      };
      titles = fit(titles);
      descriptions = fit(descriptions);
      dates.forEach((mention, k) => {
        const title = titles.length === dates.length ? titles[k]! : titles.length === 0 && descriptions.length === dates.length ? splitTitle(descriptions[k]!) : titles.join(" ") || ownerModel?.title || "";
        const description = descriptions.length === dates.length ? descriptions[k]! : descriptions.join(" ");
        rows.push({ title, text: `${title} ${description}`, mention: { ...mention, index: -1 }, lines: [dated[k]!.line] });
      });
    }
    for (let l = start; l < end; l++) context.consumed.add(l);
    for (const row of rows) {
      const text = squash(row.text);
      context.drafts.push({
        owner,
        sectionOrdinal,
        title: completeTitle(row.title, ownerModel),
        evidence: text,
        mention: row.mention,
        role: dueContext ? "due" : "meeting",
        segment: { before: text, after: "" },
        singleDate: true,
        fallbackForm: null,
        rule: null,
        recipient: recipientOf(text, facts.committee?.name ?? null),
      });
    }
  }
}

// C. Sentences ---------------------------------------------------------------

interface Sentence {
  text: string;
  firstLine: number;
  sectionOrdinal: number;
  /** Set when the sentence is a cell of an assignment table row. */
  rowOwner?: string | null;
  /** For list items: the sentence that introduces the list ("… vid följande sammanträden:"). */
  leadIn?: string;
}

/** Paragraph sentences outside tables; OCR wraps sentences over blank lines, so those are joined. */
function sentencesOf(context: Context): Sentence[] {
  const { lines, sectionOfLine } = context.layout;
  const sentences: Sentence[] = [];
  const headingLines = new Set(context.layout.sections.map((s) => s.startLine));
  let buffer: Array<{ text: string; line: number }> = [];
  let leadIn: string | undefined;
  let bufferIsListItem = false;
  const flush = () => {
    if (buffer.length === 0) return;
    const itemLeadIn = bufferIsListItem ? leadIn : undefined;
    const text = buffer.map((b) => b.text).join(" ");
    const offsets: number[] = [];
    let position = 0;
    for (const b of buffer) {
      offsets.push(position);
      position += b.text.length + 1;
    }
    const parts = text.split(/(?<=[.!?])\s+(?=[\p{Lu}•-])/u);
    let cursor = 0;
    for (const part of parts) {
      const at = text.indexOf(part, cursor);
      cursor = at + part.length;
      let lineIndex = 0;
      while (lineIndex + 1 < offsets.length && offsets[lineIndex + 1]! <= at) lineIndex++;
      const firstLine = buffer[lineIndex]!.line;
      sentences.push({ text: part, firstLine, sectionOrdinal: sectionOfLine[firstLine]!, leadIn: itemLeadIn });
    }
    const last = sentences.at(-1)!.text;
    // A list keeps the lead-in of its first item; a sentence ending in ":" starts a new list.
    if (/:\s*$/.test(last)) leadIn = last;
    else if (!bufferIsListItem) leadIn = undefined;
    buffer = [];
    bufferIsListItem = false;
  };
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.cells || context.consumed.has(l) || context.reading.periodLines.has(l) || blockMarker(line)) {
      flush();
      continue;
    }
    if (line.blank) {
      const previous = buffer.at(-1)?.text ?? "";
      const next = lines.slice(l + 1).find((n) => !n.blank);
      const wraps = previous && !/[.!?:]$/.test(previous) && next && !next.cells && /^\p{Ll}/u.test(next.text);
      if (!wraps) flush();
      continue;
    }
    if (sectionOfLine[l] !== sectionOfLine[buffer.at(-1)?.line ?? l]) flush();
    if (headingLines.has(l)) {
      flush();
      leadIn = undefined;
      continue;
    }
    // Each list item is read on its own, so that its date and its form stay together.
    if (/^([-•*–]|\d{1,2}[.)])\s/.test(line.text)) {
      flush();
      bufferIsListItem = true;
    } else if (bufferIsListItem) flush();
    buffer.push({ text: line.text, line: l });
  }
  flush();
  return sentences;
}

function readSentences(context: Context, sentences: Sentence[]): void {
  const { facts, reading, layout } = context;
  for (const sentence of sentences) {
    const folded = fold(sentence.text);
    const leadIn = sentence.leadIn ? fold(sentence.leadIn) : "";
    if (!reportingWords.test(folded) && !meetingWords.test(folded) && !reportingWords.test(leadIn) && !meetingWords.test(leadIn)) continue;
    const mentions = dateMentions(sentence.text, facts.year);
    if (mentions.length === 0) continue;
    const section = layout.sections[sentence.sectionOrdinal]!;
    const owner = reading.ownerOfLine[sentence.firstLine] ?? null;
    const segments = segmentsOf(sentence.text, mentions);
    const meetingContext = meetingWords.test(folded) || meetingWords.test(leadIn);
    mentions.forEach((mention, k) => {
      context.drafts.push({
        owner,
        sectionOrdinal: sentence.sectionOrdinal,
        title: owner ? context.assignmentsByKey.get(owner)!.title : repairOcrWords(section.heading),
        evidence: squash(sentence.text),
        mention,
        role: roleOf(sentence.text, mention, meetingContext, false),
        segment: segments[k]!,
        singleDate: mentions.length === 1,
        fallbackForm: formOf(sentence.text),
        rule: findSubmissionRule(sentence.text) ?? findSubmissionRule(section.text) ?? context.documentRule,
        recipient: recipientOf(sentence.text, facts.committee?.name ?? null),
      });
    });
  }
}

// D. Vår / delår / helår in the planning system -----------------------------------------------

const occasionOrder: FollowUpOccasion[] = ["var", "delar", "helar"];
const occasionLabels: Record<FollowUpOccasion, string> = { var: "vår", delar: "delår", helar: "helår" };
const occasionCodes: Record<FollowUpOccasion, string> = { var: "V", delar: "D", helar: "H" };

export function occasionsOf(text: string): FollowUpOccasion[] {
  const folded = fold(text);
  const found = new Set<FollowUpOccasion>();
  if (/\bv\s*\+\s*d\s*\+\s*h\b|\bv\/d\/h\b/.test(folded)) return [...occasionOrder];
  if (/\bdelar(s|et)?\b|\bdelars\w*/.test(folded)) found.add("delar");
  if (/\bhelar(s|et)?\b|\bhelars\w*/.test(folded)) found.add("helar");
  // "vår" folds to "var" (also "was"): only count it in a list with delår/helår.
  if (found.size > 0 && /\bvar\s*(,|och|samt|\+)\s*(delar|helar)/.test(folded)) found.add("var");
  return occasionOrder.filter((o) => found.has(o));
}

function channelOf(text: string): string | null {
  const hasVp = /\bVP\b|verksamhetsplan/i.test(text);
  const hasHypergene = /hypergene/i.test(text);
  if (hasVp && hasHypergene) return "VP/Hypergene";
  if (hasHypergene) return "Hypergene";
  if (hasVp) return "VP";
  return null;
}

interface PeriodicDraft {
  owner: string;
  occasion: FollowUpOccasion;
  sectionOrdinal: number;
  evidence: string;
  channel: string | null;
  form: ReportForm | null;
}

function kindsNamedBy(text: string): Array<AssignmentModel["kind"]> {
  const opening = fold(text).split(/\s+/).slice(0, 6).join(" ");
  const kinds: Array<AssignmentModel["kind"]> = [];
  if (/^(alla |samtliga )?mal(en)?\b/.test(opening)) kinds.push("mal_kf", "mal_namnd");
  if (/^(alla |samtliga )?(sarskilda|sarskilt) uppdrag/.test(opening)) kinds.push("sarskilt_uppdrag_kf", "sarskilt_uppdrag_namnd");
  if (/^(alla |samtliga )?(grunduppdrag|grundverksamhet)/.test(opening) || /\bgrunduppdrag(et|en)\b/.test(fold(text))) kinds.push("grunduppdrag");
  return kinds;
}

function readPeriodic(context: Context, sentences: Sentence[], assignments: AssignmentModel[]): PeriodicDraft[] {
  const { reading } = context;
  const drafts: PeriodicDraft[] = [];
  let previous: { occasions: FollowUpOccasion[]; channel: string | null } | null = null;
  for (const sentence of sentences) {
    const folded = fold(sentence.text);
    let occasions = occasionsOf(sentence.text);
    let channel = channelOf(sentence.text);
    const sameWay = /pa samma satt/.test(folded) && previous !== null;
    if (occasions.length === 0 && sameWay) {
      occasions = previous!.occasions;
      channel = previous!.channel;
    }
    if (occasions.length === 0) {
      previous = null;
      continue;
    }
    const inReportingCell = sentence.rowOwner !== undefined;
    if (!/rapport|redovis|uppfolj|foljs upp|lamnas|sammanfattning/.test(folded) && !sameWay && !inReportingCell && !channel) continue;
    if (dateMentions(sentence.text, context.facts.year).length > 0) continue;
    previous = { occasions, channel };
    let owners: string[];
    if (sentence.rowOwner !== undefined) owners = sentence.rowOwner ? [sentence.rowOwner] : [];
    else {
      owners = reading.assignmentsBySection.get(sentence.sectionOrdinal) ?? [];
      const lineOwner = reading.ownerOfLine[sentence.firstLine];
      if (owners.length === 0 && lineOwner) owners = [lineOwner];
      if (owners.length === 0) {
        // A general rule ("Mål från KF och nämnd … redovisas vår, delår samt helår") names the kinds it covers.
        const kinds = kindsNamedBy(sentence.text);
        owners = assignments.filter((a) => kinds.includes(a.kind)).map((a) => a.key);
      }
    }
    for (const owner of owners) {
      for (const occasion of occasions) {
        drafts.push({ owner, occasion, sectionOrdinal: sentence.sectionOrdinal, evidence: squash(sentence.text), channel, form: formOf(sentence.text) ?? "written" });
      }
    }
  }
  return drafts;
}

/** Cells of assignment tables, read as sentences of that row's assignment ("Vår, delår och helår i VP"). */
function tableCellSentences(context: Context): Sentence[] {
  const result: Sentence[] = [];
  for (const table of context.layout.tables) {
    const owners = context.reading.rowAssignments.get(table.startLine);
    if (!owners) continue;
    for (const row of table.rows) {
      for (const cell of row.cells.slice(1)) {
        if (cell) result.push({ text: cell, firstLine: row.line, sectionOrdinal: table.sectionOrdinal, rowOwner: owners.get(row.line) ?? null });
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------- entry point

export function readReportingItems(layout: Layout, facts: AgreementFacts, reading: AssignmentReading): ReportingItemModel[] {
  const context: Context = {
    layout,
    facts,
    reading,
    assignmentsByKey: new Map(reading.assignments.map((a) => [a.key, a])),
    // A rule stated in the general part applies everywhere unless a table or section says otherwise.
    documentRule: findSubmissionRule(layout.sections.filter((s) => (s.number ?? "").startsWith("1") || !s.number).map((s) => s.text).join("\n")) ?? null,
    consumed: new Set(),
    drafts: [],
  };
  readLabelledBlocks(context);
  readTables(context);
  const sentences = sentencesOf(context);
  readSentences(context, sentences);

  const items: ReportingItemModel[] = [];
  const seen = new Set<string>();
  for (const draft of context.drafts) {
    const date = draft.mention.date;
    const form = formOf(`${draft.segment.before} ${draft.segment.after}`) ?? draft.fallbackForm;
    const meetingDate = draft.role === "meeting" ? date : draft.role === "due" ? namedMeeting(draft.evidence, date) : null;
    let submissionDate: IsoDate | null = null;
    let submissionRule: string | null = null;
    if (draft.role === "due") {
      submissionDate = date;
      submissionRule = "stated";
    } else if (draft.rule && meetingDate && (form === "written" || form === "both")) {
      submissionDate = applyRule(meetingDate, draft.rule);
      submissionRule = draft.rule.label;
    }
    const period =
      periodOf(draft.segment.after, facts.year) ?? periodOf(draft.segment.before, facts.year) ?? (draft.singleDate ? periodOf(draft.evidence, facts.year) : null);
    const section = sectionOf(context, draft.sectionOrdinal);
    const key = `${draft.owner ?? section ?? ""}|${date}|${form ?? ""}|${fold(draft.title).replace(/[^a-z]/g, "").slice(0, 24)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      key,
      ordinal: items.length,
      assignmentKey: draft.owner,
      title: squash(draft.title),
      evidence: draft.evidence.slice(0, 2000),
      date,
      meetingDate,
      submissionDate,
      submissionRule,
      form,
      recipient: draft.recipient,
      period: period?.label ?? null,
      periodCode: period?.code ?? null,
      occasion: null,
      channel: null,
      section,
    });
  }

  const periodic = readPeriodic(context, [...sentences, ...tableCellSentences(context)], reading.assignments);
  for (const draft of periodic) {
    const key = `${draft.owner}|${draft.occasion}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const assignment = context.assignmentsByKey.get(draft.owner)!;
    items.push({
      key,
      ordinal: items.length,
      assignmentKey: draft.owner,
      title: assignment.title,
      evidence: draft.evidence.slice(0, 2000),
      date: null,
      meetingDate: null,
      submissionDate: null,
      submissionRule: null,
      form: draft.form,
      recipient: null,
      period: `${occasionLabels[draft.occasion]}${facts.year ? ` ${facts.year}` : ""}`,
      periodCode: occasionCodes[draft.occasion],
      occasion: draft.occasion,
      channel: draft.channel,
      section: assignment.section ?? sectionOf(context, draft.sectionOrdinal),
    });
  }
  return items;
}
