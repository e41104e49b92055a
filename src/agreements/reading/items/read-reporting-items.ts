// Stage 4: reporting items — when, how and to whom the division reports. Every time mention in
// a block is a candidate; it becomes an item when the block says it is a report (a follow-up
// table's time column, a sentence with a reporting or meeting word, a follow-up section or a
// month timetable), and not something else (a decision, a start date, a range, a figure's year).
import { collapseRepeats } from "./collapse-repeats.ts";
import {
  channelOf,
  dueCue,
  meetingCue,
  notADeadlineCue,
  recipientOf,
  reportingCue,
} from "../../../shared/lexicon/agreement-vocabulary.ts";
import {
  findOccasions,
  findPeriods,
  findRecurrence,
  occasionNames,
  type OccasionCode,
  type Recurrence,
} from "../../../shared/lexicon/periods.ts";
import { fold, squash } from "../../../shared/text/fold.ts";
import { monthOf, swedishMonthPattern } from "../../../shared/lexicon/months.ts";
import type { IsoDate } from "../../../shared/text/swedish-dates.ts";
import type { AgreementFacts, AssignmentModel, ReportForm, ReportingItemModel } from "../../agreement-model.ts";
import { isOutlineNumber, type Block, type TableBlock } from "../blocks/block-model.ts";
import { blockText, type DocumentStructure } from "../blocks/build-blocks.ts";
import {
  type DocumentCalendar,
  findTimeMentions,
  meetingWeekdayOf,
  mentionValue,
  periodCovered,
  type PeriodReading,
  type TimeMention,
} from "../time-mentions.ts";
import { type MeetingCalendar, meetingCalendarOf, onlyMeetingOf } from "./meeting-calendar.ts";
import { type MonthEntry, monthReportTitle, readMonthEntry } from "./month-timetable.ts";
import { legendEntriesOf, type LegendEntry, occasionCodesIn } from "./occasion-legend.ts";
import { type DocumentOccasion, documentOccasionsOf, occasionFor } from "./document-occasions.ts";
import { numberedAncestor, type AssignmentReading } from "./read-assignments.ts";
import { exceptedMonths, type RecurringDue, recurringDates, recurringDue } from "./recurring-dates.ts";
import { isHeaderTable } from "./read-facts.ts";
import { type FormStatement, formStatementsIn, statedFormFor } from "./stated-forms.ts";
import { codedEntries, formLegendOf, formOfCodeCell } from "./form-legend.ts";
import {
  applyRule,
  dueWordsBefore,
  findSubmissionRule,
  formOf,
  namedMeeting,
  type SubmissionRule,
} from "./reporting-language.ts";
import { splitSentences } from "./sentences.ts";

type Role = "meeting" | "due" | "plain";

interface Draft {
  owner: string | null;
  section: number;
  title: string;
  description: string;
  mention: TimeMention;
  role: Role;
  /** Text that belongs to this date only (the words around it up to the neighbouring dates). */
  segment: string;
  form: ReportForm | null;
  period: PeriodReading | null;
  rule: SubmissionRule | null;
  recipient: string | null;
  meeting: IsoDate | null;
  /** A due date for the written material stated separately ("Skriftligt underlag … senast 2025-05-07"). */
  statedDue?: IsoDate;
  blockId: number;
}

interface Context {
  structure: DocumentStructure;
  facts: AgreementFacts;
  reading: AssignmentReading;
  byKey: Map<string, AssignmentModel>;
  /** The meeting weekday the document names, for weeks ("v. 13") read as days. */
  calendar: DocumentCalendar;
  documentRule: SubmissionRule | null;
  drafts: Draft[];
  periodic: PeriodicDraft[];
  recurring: RecurringDraft[];
  periods: PeriodOnlyDraft[];
  /** The occasions of the previous sentence, for "… följs upp på samma sätt". */
  lastOccasions: { occasions: OccasionCode[]; channel: string | null } | null;
}

// ------------------------------------------------------------------------------ helpers

function sectionLabel(context: Context, ordinal: number): string | null {
  const sections = context.structure.sections;
  const numbered = numberedAncestor(sections, ordinal);
  if (numbered?.number) return numbered.number;
  const own = sections[ordinal];
  return own && own.ordinal > 0 ? own.heading : null;
}

/** Whether the section (or its parents) is about follow-up: "Uppföljning", "Återrapportering", "Tidplan". */
function isFollowUpSection(context: Context, ordinal: number): boolean {
  const sections = context.structure.sections;
  for (let k = ordinal; k >= 0; k--) {
    const section = sections[k]!;
    if (
      /uppf\w{0,3}ljning|rapportering|redovisning|tidplan|tidsplan|arshjul|rapporttillfall/.test(fold(section.heading))
    )
      return true;
    if (isOutlineNumber(section.number)) break;
  }
  return false;
}

/** The marker or heading right above a block says it is a follow-up block ("UPPFÖLJNING"). */
function followsFollowUpMarker(context: Context, block: Block): boolean {
  for (let k = block.id - 1; k >= Math.max(0, block.id - 3); k--) {
    const previous = context.structure.blocks[k]!;
    if (previous.kind === "marker") return previous.marker === "follow-up";
    if (previous.kind === "heading") return /uppf\w{0,3}ljning|tidplan|rapportering/.test(fold(previous.text));
  }
  return false;
}

function inYearWindow(value: string, year: number | null): boolean {
  if (year === null) return true;
  return value >= `${year}-01` && value <= `${year + 1}-06-30`;
}

function ownerOf(context: Context, block: Block): string | null {
  return context.reading.ownerOfSection.get(block.section) ?? null;
}

function ruleFor(context: Context, block: Block, localText: string): SubmissionRule | null {
  const local = findSubmissionRule(localText);
  if (local) return local;
  const sections = context.structure.sections;
  for (let k = block.section; k >= 0; k--) {
    const rule = findSubmissionRule(sections[k]!.text);
    if (rule) return rule;
    if (isOutlineNumber(sections[k]!.number) && sections[k]!.level <= 1) break;
  }
  return context.documentRule;
}

const genericTitle =
  /^(uppf\w{0,3}ljning|redovisning|rapportering|aterrapportering|avrapportering)(\s+av)?(\s+(sarskilt uppdrag|grunduppdrag|uppdrag|arbetet|arbete|mal|malet))?(\s+(med|att|om|for|kring|av))?$/;

/** A row title such as "Uppföljning av särskilt uppdrag" says nothing without its assignment. */
/** "Patientsäkerhetsberättelse 2026 (skriftlig)": the form a title cell ends with, in brackets. */
const formInBrackets =
  /\s*\(((?:skriftlig|muntlig)\w*(?:\s+(?:och|eller|\/)\s+(?:skriftlig|muntlig)\w*)?(?:\s+\p{L}+)?)\)\s*$/iu;

function completeTitle(title: string, owner: AssignmentModel | undefined): string {
  const clean = squash(title.replace(/[|']/g, " ").replace(formInBrackets, "")).replace(/[\s,;:–-]+$/, "");
  if (!owner) return clean || "Rapportering";
  const folded = fold(clean);
  const incomplete = /\s(av|att|med|for|och|i|till|inom|om|kring)$/.test(folded);
  if (!clean || genericTitle.test(folded) || incomplete) {
    const head = clean.replace(/\s+(av|att|med|för|for|och|i|till|inom|om|kring)$/i, "");
    return head ? `${head}: ${owner.title}` : owner.title;
  }
  return clean;
}

/** The text between two mentions only lists them: "2025-04-23 och 2025-10-22", "5 maj, 9 juni samt 20 oktober". */
function joinsDates(text: string, previous: TimeMention, mention: TimeMention): boolean {
  const between = text.slice(previous.index + previous.length, mention.index);
  return /^\s*(,|och|samt|and|&|,\s*och)?\s*$/i.test(between);
}

/** Splits `text` into one segment per mention: from the end of the previous mention to the start of the next. */
function segmentsOf(text: string, mentions: TimeMention[]): string[] {
  return mentions.map((mention, k) => {
    const start = k === 0 ? 0 : mentions[k - 1]!.index + mentions[k - 1]!.length;
    const end = k + 1 < mentions.length ? mentions[k + 1]!.index : text.length;
    // A parenthesis right after the previous date belongs to that date: "2025-05-28 (avser tertial 1)".
    const before = text.slice(start, mention.index).replace(/^\s*\([^)]*\)/, "");
    const after = /^\s*\([^)]*\)/.exec(text.slice(mention.index + mention.length, end))?.[0] ?? "";
    return `${before} ${text.slice(mention.index, mention.index + mention.length)} ${after}`;
  });
}

function excluded(text: string, mention: TimeMention, year: number | null): boolean {
  if (mention.precision === "day" && mention.inRange) return true;
  if (!inYearWindow(mentionValue(mention), year)) return true;
  const before = fold(text.slice(Math.max(0, mention.index - 60), mention.index));
  if (endsPeriod(before)) return true;
  return notADeadlineCue.test(before);
}

/** "Delårsrapport per 2026-08-31": a date after "per" is the day the report's period ends, not when it is due. */
export function endsPeriod(folded: string): boolean {
  return /\b(?:per|t\.o\.m\.?|till och med)\s*$/.test(folded);
}

function roleBefore(text: string, mention: TimeMention): Role | null {
  // ("… ska handlingarna till augustisammanträdet vara inlämnade redan före semestern, senast den 26 juni".)
  const before = fold(text.slice(Math.max(0, mention.index - 110), mention.index));
  if (dueWordsBefore(before)) return "due";
  if (new RegExp(`${meetingCue.source}(?:\\W+\\S+){0,3}\\W*$`).test(before)) return "meeting";
  return null;
}

/**
 * Months without a year after December in one cell or sentence belong to the next year: "december
 * … februari". Not the date material is due for the meeting just named ("19 februari 2026 – …,
 * underlag senast 29 januari"): it comes before the meeting.
 */
function rollYears(mentions: TimeMention[], text?: string): TimeMention[] {
  let previous: string | null = null;
  return mentions.map((mention) => {
    let value = mentionValue(mention);
    if (text !== undefined && previous && isMaterialDue(text, mention)) return mention;
    if (!mention.explicitYear && previous && value.slice(0, 7) < previous.slice(0, 7)) {
      const next = `${Number(value.slice(0, 4)) + 1}${value.slice(4)}`;
      value = next;
      mention = mention.precision === "day" ? { ...mention, date: next } : { ...mention, month: next };
    }
    previous = value;
    return mention;
  });
}

/** "… underlag senast 7 maj", "handlingar senast 2026-04-28": the day written material is due. */
function isMaterialDue(text: string, mention: TimeMention): boolean {
  // ("… ska handlingarna till augustisammanträdet vara inlämnade redan före semestern, senast den 26 juni".)
  const before = fold(text.slice(Math.max(0, mention.index - 110), mention.index));
  return (
    mention.precision === "day" && roleBefore(text, mention) === "due" && /underlag|handling|material/.test(before)
  );
}

// ------------------------------------------------------------------------------ tables

function tableText(table: TableBlock): string {
  return blockText(table);
}

function isReportingTable(table: TableBlock): boolean {
  return table.roles.some((r) => r === "when" || r === "due" || r === "reporting" || r === "occasion" || r === "week");
}

/**
 * The column that says what is reported: the one headed so ("Rapport", "Ärende", "Vad"), else the
 * first other column whose cells are more than codes ("R1", "U8", "3.2" number the rows).
 */
export function whatColumnOf(table: TableBlock): number {
  const named = table.roles.indexOf("what");
  if (named >= 0) return named;
  const codeLike = (cell: string) =>
    /^[\p{L}]{0,3}[\s.-]?\d+(?:[.:–-]\d+)*[a-z]?$|^[\p{Lu}]{1,3}$|^$/u.test(cell.trim());
  const unknown = table.roles.flatMap((r, c) => (r === "unknown" ? [c] : []));
  const worded = unknown.find(
    (c) => table.rows.filter((row) => !codeLike(row.cells[c] ?? "")).length > table.rows.length / 2,
  );
  return worded ?? unknown[0] ?? -1;
}

function readTable(context: Context, table: TableBlock): void {
  const { facts, byKey } = context;
  if (isHeaderTable(table) || context.reading.periodBlocks.has(table.id)) return;
  const header = table.header ?? [];
  const headerFolded = fold(header.join(" "));
  if (/^(indikator|nyckeltal|matt)/.test(fold(header[0] ?? "")) && !isReportingTable(table)) return;
  if (/startdatum/.test(headerFolded) && !/slutdatum.*(rapport|redovis)/.test(headerFolded)) return;
  const text = tableText(table);
  const rule = ruleFor(context, table, text);
  const followUp =
    isReportingTable(table) || isFollowUpSection(context, table.section) || followsFollowUpMarker(context, table);
  const meetingContext = meetingCue.test(
    fold(`${text} ${context.structure.sections[table.section]?.text.slice(0, 2000) ?? ""}`),
  );
  const rowOwners = context.reading.rowOwners.get(table.id);
  const dayColumns = table.roles.flatMap((r, c) => (r === "when" || r === "due" || r === "reporting" ? [c] : []));
  // A week column beside a date column indexes the calendar ("v. 9 | – | Ansökningstiden löper ut"
  // has no meeting); alone it gives the rows their time.
  const timeColumns = dayColumns.length ? dayColumns : table.roles.flatMap((r, c) => (r === "week" ? [c] : []));
  const whatColumn = whatColumnOf(table);
  const descriptionColumns = table.roles.flatMap((r, c) => (r === "description" ? [c] : []));
  const howColumns = table.roles.flatMap((r, c) => (r === "how" ? [c] : []));
  const recipientColumns = table.roles.flatMap((r, c) => (r === "recipient" ? [c] : []));
  const occasionColumns = table.roles.flatMap((r, c) => (r === "occasion" ? [c] : []));
  let lastWhat = "";
  let lastRecipient: string | null = null;
  table.rows.forEach((row, rowIndex) => {
    const rowStart = context.drafts.length;
    readTableRow(row, rowIndex);
    // "Sammanträde 2026-02-18 | Underlag senast 2026-02-04": the due column's day is the
    // material's due date for the row's meeting, not a report of its own.
    const fromRow = context.drafts.slice(rowStart);
    const dueDrafts = fromRow.filter((d) => d.role === "due" && d.mention.precision === "day");
    const meetingDrafts = fromRow.filter((d) => d.role === "meeting" && d.mention.precision === "day");
    // As many due days as meetings ("2026-04-22, 2026-09-16 | … | 2026-04-08, 2026-09-02"): in order, each before its meeting.
    const dayOf = (d: Draft) => (d.mention.precision === "day" ? d.mention.date : "");
    const dues = [...dueDrafts].sort((a, b) => dayOf(a).localeCompare(dayOf(b)));
    const meetingsInOrder = [...meetingDrafts].sort((a, b) => dayOf(a).localeCompare(dayOf(b)));
    // One due day for several meetings ("a) 27/5 lägesrapport b) 18/11 slutrapport | b) 4/11") is
    // the next meeting's after it, or every meeting's when it comes before them all.
    const nextAfter = dues.length === 1 ? meetingsInOrder.find((m) => dayOf(m) > dayOf(dues[0]!)) : undefined;
    const pairs: Array<[Draft, string]> =
      dues.length === 1 && nextAfter
        ? (nextAfter === meetingsInOrder[0] ? meetingsInOrder : [nextAfter]).map((m) => [m, dayOf(dues[0]!)])
        : dues.length === meetingsInOrder.length
          ? meetingsInOrder.map((m, k) => [m, dayOf(dues[k]!)])
          : [];
    const beforeItsMeeting = pairs.every(
      ([meeting, due], k) => due < dayOf(meeting) && (k === 0 || dues.length === 1 || due > dayOf(pairs[k - 1]![0])),
    );
    if (pairs.length > 0 && beforeItsMeeting) {
      // The row's one form is each meeting's (the due column stood between the date and the form).
      const rowForm = formOf(howColumns.map((c) => table.rows[rowIndex]!.cells[c] ?? "").join(" "));
      for (const [meeting, due] of pairs) {
        meeting.statedDue ??= due as IsoDate;
        meeting.form ??= rowForm;
      }
      for (const due of dueDrafts) context.drafts.splice(context.drafts.indexOf(due), 1);
    }
  });
  function readTableRow(row: TableBlock["rows"][number], rowIndex: number): void {
    const what = whatColumn >= 0 ? squash(row.cells[whatColumn] ?? "") : "";
    if (what) lastWhat = what;
    // "Sommarlovsaktiviteter – återrapport (V.3)", "Fördelning av säsongstider (Mål C)": a row of a
    // timetable that names its assignment in brackets is that assignment's report.
    const referenced = [...what.matchAll(/\(([^()]{1,40})\)/g)].map((m) => m[1]!).join(" ; ");
    const owner =
      rowOwners?.get(rowIndex) ?? (referenced ? namedAssignment(context, referenced) : null) ?? ownerOf(context, table);
    const ownerModel = owner ? byKey.get(owner) : undefined;
    const isAssignmentRow = rowOwners?.has(rowIndex) ?? false;
    const recipientText = recipientColumns
      .map((c) => row.cells[c] ?? "")
      .join(" ")
      .trim();
    if (recipientText)
      lastRecipient = recipientOf(fold(recipientText), facts.committee?.name ?? null) ?? recipientText.slice(0, 80);
    const rowText = squash(row.cells.filter(Boolean).join(" | "));
    const description = squash(descriptionColumns.map((c) => row.cells[c] ?? "").join(" "));
    // A row of an assignment's own table is titled by the assignment; a row that names what is
    // reported in a column of its own ("Vad redovisas") by that, as one assignment has several reports.
    const namesReport = table.roles[whatColumn] === "what" && what !== "";
    const title =
      isAssignmentRow && ownerModel && !namesReport
        ? ownerModel.title
        : completeTitle(lastWhat || description.split(/(?<=[.!?])\s/)[0] || "", ownerModel);
    // Entries of the time columns, in reading order, each with the form/recipient entry that follows it.
    const candidates =
      timeColumns.length > 0 ? timeColumns : row.cells.map((_, c) => c).filter((c) => c !== whatColumn || !followUp);
    const entries = row.entries.filter((e) => candidates.includes(e.column));
    for (const entry of entries) {
      const cellFolded = fold(entry.text);
      if (timeColumns.length === 0 && !followUp && !reportingCue.test(cellFolded) && !meetingCue.test(cellFolded))
        continue;
      const all = rollYears(findTimeMentions(entry.text, facts.year, context.calendar));
      const allSegments = segmentsOf(entry.text, all);
      const mentions = all.filter((m) => !excluded(entry.text, m, facts.year));
      // "Kvartalsvis" in the time column: the row recurs instead of having a date.
      const recurrence = all.length === 0 && timeColumns.includes(entry.column) ? findRecurrence(cellFolded) : null;
      if (recurrence && recurrence !== "ongoing")
        context.recurring.push({
          owner,
          section: table.section,
          recurrence,
          evidence: rowText,
          title,
          form: formOf(howColumns.map((c) => row.cells[c] ?? "").join(" ")),
          recipient: lastRecipient,
          due: recurringDue(fold(rowText)),
          except: exceptedMonths(fold(rowText)),
          blockId: table.id,
        });
      if (mentions.length === 0) continue;
      const segments = mentions.map((m) => allSegments[all.indexOf(m)]!);
      // The form and period written in the Hur column next to this date: the next how-entry before the next time entry.
      const position = row.entries.indexOf(entry);
      const nextTime = row.entries.findIndex(
        (e, k) =>
          k > position &&
          candidates.includes(e.column) &&
          findTimeMentions(e.text, facts.year, context.calendar).length > 0,
      );
      let pairedHow = row.entries
        .slice(position + 1, nextTime < 0 ? undefined : nextTime)
        .filter((e) => howColumns.includes(e.column))
        .map((e) => e.text)
        .join(" ");
      // Cells one per line may give all the row's dates, then all its forms: pair them in order.
      const timeEntries = entries.filter((e) => findTimeMentions(e.text, facts.year, context.calendar).length > 0);
      const howEntries = row.entries.filter((e) => howColumns.includes(e.column));
      if (!pairedHow && timeEntries.length > 1 && howEntries.length === timeEntries.length)
        pairedHow = howEntries[timeEntries.indexOf(entry)]?.text ?? "";
      const columnRole = table.roles[entry.column];
      let previousForm: ReturnType<typeof formOf> = null;
      mentions.forEach((mention, k) => {
        const segment = segments[k]!;
        // "Skriftlig rapport vid sammanträdena 2025-04-23 och 2025-10-22": a date listed after another shares its form.
        const listedAfter = k > 0 && joinsDates(entry.text, mentions[k - 1]!, mention);
        const role: Role =
          columnRole === "due"
            ? "due"
            : (roleBefore(entry.text, mention) ?? (meetingContext || columnRole === "when" ? "meeting" : "plain"));
        const bracketed = formInBrackets.exec(what)?.[1];
        const form =
          formOf(segment) ??
          (listedAfter ? previousForm : null) ??
          formOf(pairedHow) ??
          // The row's only date (an empty "–" in its due column is none) has the row's form.
          (mentions.length === 1 && timeEntries.length === 1
            ? (formOf(howColumns.map((c) => row.cells[c] ?? "").join(" ")) ?? formOf(description))
            : null) ??
          (bracketed ? formOf(bracketed) : null);
        previousForm = form;
        const otherCells = row.cells.filter((_, c) => !candidates.includes(c)).join(" ");
        const period =
          periodCovered(segment, facts.year) ??
          periodCovered(pairedHow, facts.year) ??
          (mentions.length === 1 && entries.length === 1 ? periodCovered(otherCells, facts.year) : null);
        context.drafts.push({
          owner,
          section: table.section,
          title,
          description: rowText,
          mention,
          role,
          segment: `${segment} ${pairedHow}`,
          form,
          period,
          rule,
          recipient:
            lastRecipient ??
            recipientOf(fold(`${segment} ${description}`), facts.committee?.name ?? null) ??
            (meetingContext ? (facts.committee?.name ?? null) : null),
          meeting:
            role === "due" && mention.precision === "day"
              ? namedMeeting(`${description} ${what} ${rowText}`, mention.date)
              : null,
          blockId: table.id,
        });
      });
    }
    // Follow-up at occasions written in a row's cells: "Vår, delår och helår i VP".
    if (occasionColumns.length === 0) {
      for (const [c, cell] of row.cells.entries()) {
        if (c === whatColumn && !isAssignmentRow) continue;
        const folded = fold(cell);
        const occasions = findOccasions(folded);
        if (occasions.length === 0 || findTimeMentions(cell, facts.year).some((m) => m.precision === "day")) continue;
        if (!reportingCue.test(folded) && !channelOf(cell) && !isAssignmentRow) continue;
        for (const occasion of occasions)
          context.periodic.push({
            owner,
            section: table.section,
            occasion,
            evidence: squash(cell),
            channel: channelOf(cell),
            form: formOf(cell) ?? "written",
            title,
          });
      }
    }
    // Occasion codes per row: "V+D+H", "D+H".
    for (const c of occasionColumns) {
      const occasions = findOccasions(fold(row.cells[c] ?? "")).length
        ? findOccasions(fold(row.cells[c] ?? ""))
        : singleLetterOccasions(row.cells[c] ?? "");
      for (const occasion of occasions)
        context.periodic.push({
          owner,
          section: table.section,
          occasion,
          evidence: rowText,
          channel: channelOf(text),
          form: "written",
          title,
        });
    }
  }
}

/** "V", "D, H", "H" alone in an occasion column (the table's legend says what the letters mean). */
function singleLetterOccasions(cell: string): OccasionCode[] {
  const letters: string[] = cell.toUpperCase().match(/(?<![A-ZÅÄÖ])[VDH](?![A-ZÅÄÖ])/g) ?? [];
  return (["V", "D", "H"] as OccasionCode[]).filter((code) => letters.includes(code));
}

// ------------------------------------------------------------------------------ sentences

interface PeriodicDraft {
  owner: string | null;
  section: number;
  occasion: OccasionCode;
  evidence: string;
  channel: string | null;
  form: ReportForm | null;
  title: string;
}

interface RecurringDraft {
  owner: string | null;
  section: number;
  recurrence: Recurrence;
  evidence: string;
  title: string;
  form: ReportForm | null;
  recipient: string | null;
  /** "senast den 15:e i månaden efter kvartalets utgång". */
  due: RecurringDue | null;
  /** Months left out: "varje månad utom januari och juli". */
  except: number[];
  blockId: number;
}

interface PeriodOnlyDraft {
  owner: string | null;
  section: number;
  code: string;
  label: string;
  evidence: string;
  title: string;
  form: ReportForm | null;
}

/** A recurrence that is a report of something (not "delta i avstämningsmöten en gång per månad"). */
const recurringReport = /\b(\w*rapport\w*|redovis\w*|\w*uppfoljning\w*|lamna\w*|statistik\w*)\b/;

/** A heading that names the follow-up itself ("6. Uppföljning och rapportering") says nothing about one item. */
const genericFollowUpHeading =
  /^((?:\d[\d.]*|[ivx]{1,6}(?:\.\d+)*\.?)\s+)?(lopande\s+|ovrig\s+|allman\s+)?(uppf\w{1,3}ljning|rapportering|redovisning|aterrapportering|tidplan|sammanst\w{1,2}llning|allmant|rapporteringsplan|uppfoljningsplan|rapportplan)\b[\w\s,och-]*$/;

const reportingVerb =
  "(?:redovisas|rapporteras|återrapporteras|lämnas|presenteras|föredras|delredovisas|slutredovisas|läggs in|registreras)";

/**
 * What a sentence says is reported, when no assignment or specific heading names it: the subject
 * of a passive ("Verksamhetsberättelse för 2025 redovisas …") or the object of an active verb
 * ("… ska lämna underlag till nämndens internkontrollplan senast 2026-10-31").
 */
export function reportedThing(sentence: string): string | null {
  const text = squash(sentence).replace(/[.;,]+$/, "");
  const capital = (t: string) => t.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const passive = new RegExp(`^(.{4,200}?)\\s+(?:ska\\s+)?${reportingVerb}\\b`, "iu").exec(text);
  // "Delårsrapporten per den 31 augusti, med uppföljning av samtliga uppdrag …, lämnas": a long
  // subject is named before its first comma, the rest describes it.
  if (passive && passive[1]!.length > 60) passive[1] = passive[1]!.split(/,\s+/)[0]!;
  if (passive && passive[1]!.length > 90) passive[1] = "";
  // (Not a sentence that opens with a time or a condition: "Utöver kvartal 1, som nämnts ovan, rapporteras …".)
  if (
    passive?.[1] &&
    !/^(det|detta|den|denna|de|som|uppdraget|utredningen|m\p{L}let|m\p{L}len|arbetet)\b/iu.test(passive[1]!) &&
    !/^(utöver|vid|i|under|till|efter|före|inför|på|för|med|enligt|om|när|samtidigt)\b/iu.test(passive[1]!)
  )
    return capital(passive[1]!);
  const active =
    /\b(?:lämna|lämnar|redovisa|redovisar|rapportera|rapporterar|presentera|presenterar|skicka|skickar)\s+(?:in\s+)?(?:en\s+|ett\s+)?((?:muntlig|skriftlig)\w*\s+)?(.{4,90}?)(?=\s+(?:senast|vid|den|i|inom|före|innan)\b|\s+\d{4}-|$)/iu.exec(
      text,
    );
  if (active && !/^(det|detta|den|dem|de)\b/iu.test(active[2]!)) return capital(active[2]!);
  // "… ge nämnden en muntlig dragning om införandeplanen för digital nattillsyn (Uppdrag 2026:5)":
  // the report the sentence names, with what it is about.
  const named =
    /\b(?:en|ett|den|det)\s+((?:muntlig|skriftlig)\p{L}*\s+)?((?:\p{L}+)?(?:dragning|redovisning|rapport|information|presentation|lägesbeskrivning|genomgång)\p{L}{0,3})\s+(om|av|kring|över|för|från)\s+(.{4,90}?)(?=\s*\(|,|;|\s+(?:där|som|med särskilt|vid|senast|till nämnden)\b|$)/iu.exec(
      text,
    );
  if (named) return capital(squash(`${named[1] ?? ""}${named[2]} ${named[3]} ${named[4]}`));
  return null;
}

/**
 * The report a sentence names, or else the one its paragraph's first sentence names: "Rapporten
 * om ej verkställda beslut lämnas kvartalsvis. … rapporteras kvartal 2 skriftligt vid sammanträdet
 * den 23 september".
 */
function namedReport(block: Block, sentence: string): string | null {
  const thing = reportedThing(sentence);
  if (thing) return thing;
  const text = block.kind === "paragraph" ? block.text : "";
  const opening = text.split(/(?<=[^\s.]{2}\.)\s+(?=\p{Lu})/u)[0];
  return opening && opening !== sentence ? reportedThing(opening) : null;
}

/** Words that name a report: "Tertialrapport 1", "Årsredovisningen", "Uppföljningen av internkontrollplan 2026". */
const reportName =
  /(rapport|redovisning|berattelse|bokslut|uppfoljning|prognos|statistik|sammanstallning|utvardering)\w*/;

function sentenceTitle(context: Context, block: Block, sentence: string): string {
  const owner = ownerOf(context, block);
  const ownerModel = owner ? context.byKey.get(owner) : undefined;
  // "Återrapportering: Resultatet av … redovisas": the label says only what the sentence is.
  sentence = sentence.replace(/^\s*(?:åter)?(?:rapportering|redovisning|uppföljning)\s*:\s*/iu, "");
  // A core assignment or a goal has many reports; the one the sentence (or its paragraph's
  // first sentence) names is the title, the assignment stays the item's owner. A special
  // assignment's report is a report on the assignment itself: its title says that best.
  if (ownerModel && /^sarskilt_uppdrag/.test(ownerModel.kind)) return ownerModel.title;
  if (ownerModel) return namedReport(block, sentence) ?? ownerModel.title;
  const section = context.structure.sections[block.section];
  // A heading put as a question ("Hur ska förvaltningen rapportera till nämnden?") names no report either.
  const generic =
    !section ||
    section.ordinal === 0 ||
    genericFollowUpHeading.test(fold(section.heading)) ||
    /\?\s*$/.test(section.heading);
  if (generic) {
    const named = namedReport(block, sentence);
    if (named) return named;
  }
  // "Återrapportering: Tertialrapport 1 med ekonomiskt utfall … redovisas skriftligt" under "Ekonomisk
  // återrapportering": a report the sentence names by a report's name is its title, whatever the heading.
  // (Unless the report is the heading's with more words: "Besöksstatistik för biblioteken kvartal 1"
  // under "Besöksstatistik" is that heading's report.)
  const reported = reportedThing(sentence);
  const headingWords = fold(section?.heading ?? "")
    .split(/[^a-z]+/)
    .filter((w) => w.length >= 4);
  if (reported && reportName.test(fold(reported)) && !headingWords.every((w) => fold(reported).includes(w.slice(0, 6))))
    return reported;
  if (section && section.ordinal > 0) return section.heading;
  return squash(sentence).slice(0, 120);
}

/** "Februari: Verksamhetsberättelse", "Maj – tertialrapport": a timetable line names what is due that month. */
function timetableTitle(text: string, mention: TimeMention): string | null {
  if (mention.precision !== "month" || !mention.label) return null;
  if (mention.length === 0) return squash(text) || null;
  return squash(text.slice(mention.index + mention.length).replace(/^[\s:–—-]+/, "")) || null;
}

/**
 * "19 mars 2026 – Förberedelser inför …, särskilt uppdrag 2026:1 (muntlig)", "2026-05-28: Tertialrapport
 * 1 (skriftlig), underlag senast 7 maj": an entry of a dated list names its report after the date,
 * up to its form or its material's due date.
 */
export function datedEntryTitle(sentence: string, mention: TimeMention): string | null {
  if (mention.precision !== "day" || sentence.slice(0, mention.index).trim().length > 0) return null;
  // ("2026-03-17 (BUN): Intern kontroll 2025 – slutrapport, skriftlig": the committee's code may stand between.)
  const entry = /^\s*(?:\([^()]{1,24}\)\s*)?[–—:-]\s*(\S.*)$/u.exec(sentence.slice(mention.index + mention.length));
  if (!entry) return null;
  const title = entry[1]!
    .replace(/\s*\([^)]*\b(?:muntlig|skriftlig)\w*[^)]*\).*$/iu, "")
    .replace(/,?\s*(?:underlag|handlingar|material)\w*\s+senast\b.*$/iu, "")
    // ("…, skriftlig – underlag senast …": the form after a comma is the entry's form, not its name.)
    .replace(/[\s,–-]+(?:muntlig|skriftlig)\p{L}*(?:\s+(?:och|eller)\s+(?:muntlig|skriftlig)\p{L}*)?[\s,.;:–-]*$/iu, "")
    .replace(/[\s,.;:–-]+$/u, "");
  return title.length >= 4 ? title : null;
}

const nothingReported =
  /\b(?:sammantrader|moter|motes|traffas) (?:inte|ej)\b|\b(?:har|halls) (?:inget|inga|inte nagot) (?:\p{L}+ )?(?:sammantrade|mote)|\b(?:inga|inte nagra|nagra) (?:\p{L}+ )?(?:rapporter|arenden|redovisningar)\b[^.]*\b(?:inte|ej) (?:planerade|planerad|aktuella)\b|\b(?:inga|inte nagra) (?:\p{L}+ )?(?:rapporter|redovisningar) (?:ar )?planerade\b/u;

const codeDefinition = /(?<![\p{L}])[\p{Lu}]{1,4}\s*=\s*\p{L}/gu;

/**
 * A year wheel's month heading above a list ("MARS" over "- Lägesrapport SU 1 …"): the month the
 * list's entries without a day of their own are due in; null for any other list or block.
 */
function monthHeadingAbove(context: Context, block: Block): TimeMention | null {
  if (block.kind !== "listItem") return null;
  const blocks = context.structure.blocks;
  let k = block.id - 1;
  while (k >= 0 && blocks[k]!.kind === "listItem") k--;
  const above = blocks[k];
  if (!above || (above.kind !== "paragraph" && above.kind !== "heading")) return null;
  const heading = new RegExp(`^(${swedishMonthPattern})(?:\\s+(\\d{4}))?$`, "i").exec(fold(squash(blockText(above))));
  const number = heading ? monthOf(heading[1]!) : null;
  const year = heading?.[2] ? Number(heading[2]) : context.facts.year;
  if (!number || !year) return null;
  return {
    precision: "month",
    month: `${year}-${String(number).padStart(2, "0")}`,
    index: 0,
    length: 0,
    explicitYear: Boolean(heading![2]),
    label: true,
  };
}

function readText(context: Context, block: Block, text: string, leadIn: string | null): void {
  const { facts } = context;
  const followUp = isFollowUpSection(context, block.section) || followsFollowUpMarker(context, block);
  const owner = ownerOf(context, block);
  // In a timetable line ("December: Slutrapport … (skriftlig). Genomgång av mål 3 (muntlig).") every
  // sentence after the month label is due that month.
  let timetableMonth: TimeMention | null = monthHeadingAbove(context, block);
  const legendLines = (text.match(codeDefinition) ?? []).length >= 2;
  for (const sentence of splitSentences(text)) {
    const folded = fold(sentence);
    // "Sommaruppehåll – inga ärenden": a month of the timetable in which nothing is reported.
    if (timetableMonth && /\b(inga arenden|ingen (sarskild )?rapportering|inget rapporteras|uppehall)\b/.test(folded))
      continue;
    // "Nämnden sammanträder inte i juli", "… och några rapporter är inte planerade till det sammanträdet".
    if (nothingReported.test(folded)) continue;
    // A legend ("V = vår (rapport per april), D = delår …") defines codes; its months are not
    // deadlines, nor are its lines follow-up occasions (a legend of one code a line).
    if ((sentence.match(codeDefinition) ?? []).length >= (legendLines ? 1 : 2)) continue;
    const cueText = `${folded} ${leadIn ? fold(leadIn) : ""}`;
    // "Muntlig 2026-03-25", "skriftlig rapport till nämnden": a form beside a date makes it a report.
    // "Statistiken läggs in i Hypergene senast fredag vecka 42": a due day for the follow-up system is a report too.
    const hasCue =
      reportingCue.test(cueText) ||
      meetingCue.test(cueText) ||
      /\b(muntlig|skriftlig)\w*\s+(\w+\s+){0,3}\d{4}-\d/.test(folded) ||
      (channelOf(sentence) !== null && dueCue.test(folded));
    const all = rollYears(findTimeMentions(sentence, facts.year, context.calendar), sentence);
    const allSegments = segmentsOf(sentence, all);
    let mentions = all.filter((m) => !excluded(sentence, m, facts.year));
    // "Juni – … sammanträdet 2025-06-18": the day says more than its month.
    mentions = mentions.filter(
      (m) => m.precision === "day" || !mentions.some((d) => d.precision === "day" && d.date.startsWith(m.month)),
    );
    const label = mentions.find((m) => m.precision === "month" && m.label);
    if (label) timetableMonth = label;
    else if (timetableMonth && mentions.length === 0 && followUp)
      mentions = [{ ...timetableMonth, index: 0, length: 0 }];
    const timetable = mentions.some((m) => m.precision === "month" && m.label);
    // "Skriftligt underlag ska vara sakkunnig tillhanda senast …" after a meeting sentence: the
    // material's due date for the meeting just named, not an item of its own.
    const previous = context.drafts.at(-1);
    const due = mentions.find(
      (m): m is Extract<TimeMention, { precision: "day" }> =>
        m.precision === "day" && roleBefore(sentence, m) === "due",
    );
    if (
      due &&
      /underlag|material|handling/.test(folded) &&
      previous &&
      previous.blockId === block.id &&
      previous.role === "meeting" &&
      previous.mention.precision === "day"
    ) {
      const meeting = previous.mention.date;
      if (due.date <= meeting && due.date >= `${Number(meeting.slice(0, 4)) - 1}${meeting.slice(4)}`) {
        for (const draft of context.drafts)
          if (draft.blockId === block.id && draft.role === "meeting" && !draft.statedDue) draft.statedDue = due.date;
        continue;
      }
    }
    if (mentions.length > 0 && (hasCue || followUp || (timetable && followUp))) {
      // A month without a day counts only where the sentence is clearly about reporting.
      const usable = mentions.filter(
        (m) => m.precision === "day" || hasCue || (m.precision === "month" && m.label && followUp),
      );
      const segments = usable.map((m) => allSegments[all.indexOf(m)] ?? sentence);
      const rule = ruleFor(context, block, sentence);
      const meetingContext = meetingCue.test(cueText);
      // "19 februari 2026 – Verksamhetsberättelse …, underlag senast 29 januari": the material's due
      // date belongs to the entry's meeting, not an item of its own.
      // (So is it when the sentence gives the meeting first: "… redovisas skriftligt vid nämndens
      // sammanträde den 28 maj (underlag till nämndsekreteraren senast 7 maj)".)
      const meetingFirst = usable.find(
        (m, k) =>
          m.precision === "day" &&
          roleBefore(sentence, m) === "meeting" &&
          usable.slice(k + 1).some((d) => isMaterialDue(sentence, d) && mentionValue(d) <= m.date),
      );
      const entryDay =
        usable[0]?.precision === "day" && datedEntryTitle(sentence, usable[0]) ? usable[0] : (meetingFirst ?? null);
      const materialDue =
        entryDay?.precision === "day"
          ? usable.find((m) => m !== entryDay && isMaterialDue(sentence, m) && mentionValue(m) <= entryDay.date)
          : undefined;
      usable.forEach((mention, k) => {
        if (mention === materialDue) return;
        const segment = segments[k]!;
        const role =
          mention === entryDay ? "meeting" : (roleBefore(sentence, mention) ?? (meetingContext ? "meeting" : "plain"));
        context.drafts.push({
          owner,
          section: block.section,
          title:
            timetableTitle(sentence, mention) ??
            datedEntryTitle(sentence, mention) ??
            sentenceTitle(context, block, sentence),
          // A short paragraph says what the report is about even when the dated sentence does not.
          description: squash(text.length <= 600 && !timetable ? text : sentence),
          mention,
          role,
          segment,
          form: formOf(segment) ?? formOf(sentence),
          period:
            periodCovered(segment, facts.year) ?? (usable.length === 1 ? periodCovered(sentence, facts.year) : null),
          rule,
          recipient: recipientOf(folded, facts.committee?.name ?? null),
          meeting: role === "due" && mention.precision === "day" ? namedMeeting(sentence, mention.date) : null,
          blockId: block.id,
          ...(mention === entryDay && materialDue ? { statedDue: mentionValue(materialDue) } : {}),
        });
      });
    }
    if (mentions.some((m) => m.precision === "day")) continue;
    // Follow-up without a date: at vår/delår/helår in the planning system, or every quarter/month.
    const occasions = findOccasions(folded);
    const channel = channelOf(sentence);
    if (occasions.length > 0 && (reportingCue.test(cueText) || channel || followUp)) {
      context.periodic.push(
        ...owners(context, block, sentence).flatMap((o) =>
          occasions.map((occasion) => ({
            owner: o,
            section: block.section,
            occasion,
            evidence: squash(sentence),
            channel,
            form: formOf(sentence) ?? "written",
            title: o ? context.byKey.get(o)!.title : sentenceTitle(context, block, sentence),
          })),
        ),
      );
      context.lastOccasions = { occasions, channel };
    } else if (/pa samma satt/.test(folded) && context.lastOccasions) {
      const previous = context.lastOccasions;
      context.periodic.push(
        ...owners(context, block, sentence).flatMap((o) =>
          previous.occasions.map((occasion) => ({
            owner: o,
            section: block.section,
            occasion,
            evidence: squash(sentence),
            channel: previous.channel,
            form: "written" as ReportForm,
            title: o ? context.byKey.get(o)!.title : sentenceTitle(context, block, sentence),
          })),
        ),
      );
    } else context.lastOccasions = null;
    const recurrence = findRecurrence(folded);
    const recipient = recipientOf(folded, facts.committee?.name ?? null);
    // "… lämnas till avgiftshandläggarna senast den femte vardagen varje månad": sent to someone
    // else than the committee, so not the committee's report.
    const sentElsewhere = recipient === null && /\b(?:lamnas|skickas|levereras|rapporteras) till \p{L}/u.test(folded);
    if (recurrence && recurrence !== "ongoing" && reportingCue.test(cueText) && !sentElsewhere) {
      context.recurring.push({
        owner,
        section: block.section,
        recurrence,
        evidence: squash(sentence),
        title: sentenceTitle(context, block, sentence),
        form: formOf(sentence),
        recipient,
        due: recurringDue(folded),
        except: exceptedMonths(folded),
        blockId: block.id,
      });
    }
    // Periods named without a date: "rapporteras vid kvartal 2 och helår".
    const periods = findPeriods(folded).filter((p) => p.code.startsWith("Q") || p.code.startsWith("T"));
    if (periods.length > 0 && reportingCue.test(cueText) && mentions.length === 0) {
      for (const p of periods)
        context.periods.push({
          owner,
          section: block.section,
          code: p.code,
          label: p.label,
          evidence: squash(sentence),
          title: sentenceTitle(context, block, sentence),
          form: formOf(sentence),
        });
    }
  }
}

/** Who a general statement covers: the assignments of the section, or the kinds it names ("Mål … redovisas vår, delår samt helår"). */
function owners(context: Context, block: Block, sentence: string): Array<string | null> {
  const inSection = context.reading.assignmentsBySection.get(block.section) ?? [];
  const own = ownerOf(context, block);
  if (inSection.length > 0) return inSection;
  if (own) return [own];
  const opening = fold(sentence).split(/\s+/).slice(0, 8).join(" ");
  const kinds: string[] = [];
  if (/\bmal(en)?\b/.test(opening)) kinds.push("mal_kf", "mal_namnd");
  if (/(sarskilda|sarskilt) uppdrag/.test(opening)) kinds.push("sarskilt_uppdrag_kf", "sarskilt_uppdrag_namnd");
  if (/grunduppdrag|grundverksamhet/.test(opening)) kinds.push("grunduppdrag");
  const named = context.reading.assignments.filter((a) => kinds.includes(a.kind)).map((a) => a.key);
  return named;
}

// ------------------------------------------------------------------------------ occasion codes

/** The column of a table whose cells list legend codes ("M1, T2"), if most of its rows do. */
function occasionColumn(table: TableBlock, codes: Set<string>): number {
  const width = Math.max(0, ...table.rows.map((r) => r.cells.length));
  for (let c = 1; c < width; c++) {
    const filled = table.rows.filter((r) => squash(r.cells[c] ?? ""));
    const coded = filled.filter((r) => occasionCodesIn(r.cells[c]!, codes));
    if (coded.length >= 2 && coded.length >= filled.length * 0.6) return c;
  }
  return -1;
}

/** The assignment a row's point names: its number ("D1"; "Mål A" → goal A) or its title. */
function pointOwner(context: Context, label: string, what: string): string | null {
  const goal = /^m(?:å|a)l\s+/iu.test(label);
  const number = label.replace(/^\p{L}+\s+/u, "");
  const found =
    context.reading.assignments.find(
      (a) => a.number !== null && a.number === number && (!goal || a.kind.startsWith("mal")),
    ) ?? context.reading.assignments.find((a) => fold(a.title) === fold(what));
  return found?.key ?? null;
}

/**
 * A legend of occasion codes and a table of what is reported at which: one item per dated
 * occasion (what it is, with the points reported then), and one per point that is an assignment
 * or goal and occasion. Returns the blocks read, which are not read again as text.
 */
function readOccasionCodes(context: Context): Set<number> {
  const { structure, facts } = context;
  const legend = new Map<string, LegendEntry>();
  const legendBlocks: number[] = [];
  for (const block of structure.blocks) {
    if (block.kind !== "paragraph") continue;
    const entries = legendEntriesOf(block.lines, facts.year);
    if (!entries) continue;
    legendBlocks.push(block.id);
    for (const entry of entries) if (!legend.has(entry.code)) legend.set(entry.code, entry);
  }
  const read = new Set<number>();
  if (legend.size === 0) return read;
  const codes = new Set(legend.keys());
  const day = (date: IsoDate): TimeMention => ({
    precision: "day",
    date,
    index: 0,
    length: 0,
    explicitYear: true,
    inRange: false,
  });
  const draft = (
    table: TableBlock,
    entry: LegendEntry,
    fields: Pick<Draft, "owner" | "title" | "description" | "form">,
  ) => {
    const written = fields.form === "written" || fields.form === "both";
    context.drafts.push({
      ...fields,
      section: table.section,
      mention: day(entry.meeting!),
      role: "meeting",
      segment: entry.text,
      period: periodCovered(entry.name, facts.year),
      rule: ruleFor(context, table, entry.text),
      recipient: facts.committee?.name ?? null,
      meeting: null,
      blockId: table.id,
      ...(written && entry.due ? { statedDue: entry.due } : {}),
    });
  };
  for (const table of structure.blocks) {
    if (table.kind !== "table") continue;
    const column = occasionColumn(table, codes);
    if (column < 0) continue;
    read.add(table.id);
    const whatColumn = table.roles.findIndex((r, c) => c > 0 && c !== column && (r === "what" || r === "unknown"));
    const formColumn = table.roles.findIndex((r) => r === "how");
    const atOccasion = new Map<string, string[]>();
    const formsAt = new Map<string, Set<ReportForm | null>>();
    for (const row of table.rows) {
      const listed = occasionCodesIn(row.cells[column] ?? "", codes);
      if (!listed) continue;
      const label = squash(row.cells[0] ?? "");
      const what = squash(row.cells[whatColumn >= 0 ? whatColumn : 0] ?? "") || label;
      const rowForm = formColumn >= 0 ? formOf(row.cells[formColumn] ?? "") : null;
      const owner = pointOwner(context, label, what);
      for (const code of listed) {
        const entry = legend.get(code)!;
        atOccasion.set(code, [...(atOccasion.get(code) ?? []), label && label !== what ? `${what} (${label})` : what]);
        formsAt.set(code, (formsAt.get(code) ?? new Set()).add(rowForm));
        if (!owner || !entry.meeting) continue;
        // "Muntlig/skriftlig" over occasions of both kinds: each occasion says which it is.
        const form = rowForm === "both" || rowForm === null ? (entry.form ?? rowForm) : rowForm;
        draft(table, entry, {
          owner,
          title: `${entry.name}: ${what}${label && label !== what ? ` (${label})` : ""}`,
          description: squash(`${entry.text} ${row.cells.join(" ")}`),
          form,
        });
      }
    }
    for (const [code, entry] of legend) {
      if (!entry.meeting) continue;
      const points = atOccasion.get(code) ?? [];
      draft(table, entry, {
        owner: null,
        title: `${entry.name} (${code})`,
        description: squash(`${entry.text}${points.length ? ` Redovisas: ${points.join("; ")}.` : ""}`),
        // Unless the legend says, the occasion has the form all its rows agree on.
        form: entry.form ?? (formsAt.get(code)?.size === 1 ? ([...formsAt.get(code)!][0] ?? null) : null),
      });
    }
  }
  if (read.size > 0) for (const id of legendBlocks) read.add(id);
  return read;
}

// ------------------------------------------------------------------------------ month timetables

/** "Månad | Sammanträde | Ärende": a row read as the entry "Maj: Sammanträde 27 maj. Tertialrapport 1 …". */
function monthRowText(table: TableBlock, cells: string[], year: number): string {
  const header = (table.header ?? []).map(fold);
  const parts = cells.slice(1).map((cell, k) => {
    const text = squash(cell).replace(/[.;]+$/, "");
    const meetingColumn = /sammantr|mote/.test(header[k + 1] ?? "");
    return meetingColumn && findTimeMentions(text, year).length > 0 && !meetingCue.test(fold(text))
      ? `Sammanträde ${text}`
      : text;
  });
  return `${squash(cells[0] ?? "")}: ${parts.filter(Boolean).join(". ")}`;
}

/** The assignment a report names by its code ("uppdrag U2", "om U1") or number ("uppdrag 2026:1", "mål 3"). */
function namedAssignment(context: Context, text: string): string | null {
  const folded = fold(text);
  const named = context.reading.assignments.filter((a) => {
    if (!a.number) return false;
    const number = a.number.replace(/[.:]/g, (c) => `\\${c}`);
    if (/\p{L}/u.test(a.number)) return new RegExp(`(?<![\\p{L}\\d])${number}(?![\\d]|[.:]\\d)`, "u").test(text);
    const word = a.kind.startsWith("mal") ? "mal(?:et)?" : "uppdrag(?:et)?";
    return new RegExp(`\\b${word}\\s+(?:nr\\s+)?${number}(?![\\d]|[.:]\\d)`).test(folded);
  });
  return named.length === 1 ? named[0]!.key : null;
}

/**
 * A timetable of months in a follow-up section ("Maj: Nämndens sammanträde den 27 maj. Tertialrapport 1
 * (skriftlig) …"): one item per report an entry names, presented at the entry's meeting (its
 * material due by the submission rule), none for a month without a meeting; an entry without a
 * day is due that month. Month labels that never name a meeting are left to the text reading
 * ("Februari: Verksamhetsberättelse"). Returns the drafts of each block read, to be added where
 * the block stands.
 */
function readMonthTimetables(context: Context, skip: Set<number>): Map<number, Draft[]> {
  const { structure, facts } = context;
  const read = new Map<number, Draft[]>();
  if (!facts.year) return read;
  const year = facts.year;
  const entriesOf = (block: Block): Array<{ entry: MonthEntry; text: string }> => {
    if (block.kind === "paragraph" || block.kind === "listItem") {
      const entry = readMonthEntry(block.text, year);
      return entry ? [{ entry, text: block.text }] : [];
    }
    if (block.kind !== "table" || !/^manad/.test(fold(block.header?.[0] ?? ""))) return [];
    return block.rows.flatMap((row) => {
      const text = monthRowText(block, row.cells, year);
      const entry = readMonthEntry(text, year);
      return entry ? [{ entry, text }] : [];
    });
  };
  const bySection = new Map<number, Block[]>();
  for (const block of structure.blocks) {
    if (skip.has(block.id)) continue;
    const entries = entriesOf(block);
    if (entries.length === 0) continue;
    bySection.set(block.section, [...(bySection.get(block.section) ?? []), block]);
  }
  for (const [section, blocks] of bySection) {
    // A timetable of meetings: some entry names its meeting, or that there is none that month.
    const meetings = blocks.some((b) => entriesOf(b).some(({ entry }) => entry.meeting || entry.noMeeting));
    if (!meetings) continue;
    const followUp = isFollowUpSection(context, section) || blocks.some((b) => followsFollowUpMarker(context, b));
    const rows = blocks.reduce((sum, b) => sum + (b.kind === "table" ? b.rows.length : 1), 0);
    if (!followUp && rows < 3) continue;
    for (const block of blocks) {
      const entries = entriesOf(block);
      const drafts: Draft[] = [];
      read.set(block.id, drafts);
      for (const { entry, text } of entries) {
        const mention: TimeMention = entry.meeting
          ? { precision: "day", date: entry.meeting, index: 0, length: 0, explicitYear: true, inRange: false }
          : { precision: "month", month: entry.month, index: 0, length: 0, explicitYear: true, label: true };
        const rule = ruleFor(context, block, text);
        for (const report of entry.reports) {
          const due = report.materialDue ?? entry.materialDue;
          const form = formOf(report.text);
          drafts.push({
            owner: namedAssignment(context, report.text) ?? ownerOf(context, block),
            section: block.section,
            title: monthReportTitle(report.text) || report.text,
            description: squash(text),
            mention,
            role: entry.meeting ? "meeting" : "plain",
            segment: report.text,
            form,
            period: periodCovered(monthReportTitle(report.text), facts.year),
            rule,
            recipient: recipientOf(fold(report.text), facts.committee?.name ?? null),
            meeting: null,
            blockId: block.id,
            ...(due && form !== "oral" ? { statedDue: due } : {}),
          });
        }
      }
    }
  }
  return read;
}

// ------------------------------------------------------------------------------ summary tables

/** A heading over a table that sums up the follow-up the text has given ("7.4 Sammanställning"). */
const summaryHeading = /^(\d[\d.]*\s+)?(sammanst\w{1,2}llning|sammanfattning|oversikt|summering)\b/;

function compatibleForms(a: ReportForm | null, b: ReportForm | null): boolean {
  return a === null || b === null || a === b || a === "both" || b === "both";
}

function isGenericTitle(title: string): boolean {
  const folded = fold(title);
  return !folded || genericTitle.test(folded) || genericFollowUpHeading.test(folded);
}

const contentWords = (text: string) => new Set(fold(text).match(/[a-z]{5,}/g) ?? []);

/**
 * Rows of a summary table repeat items the text has already given. A row merges into the text's
 * item with the same date and a compatible form — one item per row, or one of each form for a row
 * with two ("Skriftlig / Muntlig") — and names it when the row's title is specific (a table's "Vad"
 * is the item's name; the text's title is often its section or assignment). A table is a summary
 * under a summary heading, or when it has no assignment of its own and at least two thirds of its
 * dated rows (two or more) repeat dates of the text. A recurring row ("Kvartalsvis | Besöksstatistik
 * | Skriftlig") merges into the text's recurrence of the same kind and subject, giving it its form.
 */
function mergeSummaryRows(context: Context): void {
  const { blocks, sections } = context.structure;
  const fromText = (draft: { blockId: number }) => blocks[draft.blockId]?.kind !== "table";
  const textDrafts = context.drafts.filter(fromText);
  const absorbed = new Set<Draft>();
  const dropped = new Set<Draft>();
  for (const id of new Set(context.drafts.filter((d) => !fromText(d)).map((d) => d.blockId))) {
    const table = blocks[id]!;
    const rows = context.drafts.filter((d) => d.blockId === id);
    // A table whose rows name their assignments ("Kulturplan – lägesrapport (V.4)") repeats the
    // text's report only where the text's is the same assignment's, on the same day.
    const owned =
      (context.reading.rowOwners.get(id)?.size ?? 0) > 0 ||
      ownerOf(context, table) !== null ||
      rows.some((r) => r.owner !== null);
    const repeated = rows.filter((r) => textDrafts.some((t) => mentionValue(t.mention) === mentionValue(r.mention)));
    const summary =
      !((context.reading.rowOwners.get(id)?.size ?? 0) > 0 || ownerOf(context, table) !== null) &&
      (summaryHeading.test(fold(sections[table.section]?.heading ?? "")) ||
        (rows.length >= 2 && repeated.length >= rows.length * (2 / 3)));
    if (!summary && !owned) continue;
    for (const row of rows) {
      const value = mentionValue(row.mention);
      // The same date is not enough: the text's item must be about what the row names ("Förutom
      // återrapporteringen under respektive åtagande gäller följande:" lists other reports).
      const rowWords = contentWords(row.title);
      const sameSubject = (t: Draft) =>
        isGenericTitle(t.title) ||
        rowWords.size === 0 ||
        [...contentWords(`${t.title} ${t.description} ${t.segment}`)].some((w) => rowWords.has(w));
      const matches = textDrafts.filter(
        (t) =>
          !absorbed.has(t) &&
          mentionValue(t.mention) === value &&
          compatibleForms(t.form, row.form) &&
          (row.owner !== null ? t.owner === row.owner : summary && sameSubject(t)),
      );
      if (matches.length === 0) continue;
      const oral = matches.find((m) => m.form === "oral");
      const written = matches.find((m) => m.form === "written");
      const taken =
        row.form === "both" && oral && written
          ? [oral, written]
          : [matches.find((m) => m.form === row.form) ?? matches[0]!];
      for (const item of taken) absorbed.add(item);
      dropped.add(row);
      if (taken.length === 1) {
        const item = taken[0]!;
        if (!isGenericTitle(row.title)) item.title = row.title;
        item.form ??= row.form;
        // The day the table states for the papers beats a rule the text's section gives.
        if (row.statedDue) item.statedDue = row.statedDue;
      }
    }
  }
  context.drafts = context.drafts.filter((d) => !dropped.has(d));
  const textRecurring = context.recurring.filter(fromText);
  context.recurring = context.recurring.filter((row) => {
    if (fromText(row)) return true;
    const words = contentWords(row.title);
    const same = textRecurring.find(
      (t) =>
        t.recurrence === row.recurrence &&
        compatibleForms(t.form, row.form) &&
        [...contentWords(`${t.title} ${t.evidence}`)].some((w) => words.has(w)),
    );
    if (!same) return true;
    same.form ??= row.form;
    if (isGenericTitle(same.title) && !isGenericTitle(row.title)) same.title = row.title;
    return false;
  });
}

/**
 * Reports at an occasion the document dates itself ("T1 – tertialrapport 1 … behandlas den 21 maj
 * 2026"; "Målet följs upp i T1 och T3"): each is due when its occasion is. The occasion's own line
 * is the report of that name.
 */
function dateAtDocumentOccasions(context: Context, occasions: DocumentOccasion[]): void {
  if (occasions.length === 0) return;
  const dated = (
    occasion: DocumentOccasion,
    fields: { owner: string | null; section: number; title: string; evidence: string; form: ReportForm | null },
  ): Draft => ({
    owner: fields.owner,
    section: fields.section,
    title: fields.title,
    description: fields.evidence,
    mention: occasion.mention,
    role: occasion.mention.precision === "day" ? "meeting" : "plain",
    segment: fields.evidence,
    form: fields.form,
    period: periodCovered(occasion.name, context.facts.year),
    rule: context.documentRule,
    recipient: context.facts.committee?.name ?? null,
    meeting: null,
    blockId: occasion.blockId,
  });
  // The occasion's own line ("T1 – tertialrapport 1, … den 21 maj 2026") is read as text too: it is named.
  for (const draft of context.drafts) {
    const occasion = occasions.find((o) => o.blockId === draft.blockId);
    if (occasion && mentionValue(draft.mention) === mentionValue(occasion.mention))
      draft.title = `${occasion.name} (${occasion.code})`;
  }
  // A sentence of no assignment that names every occasion ("Tertialrapporterna T1, T2 och T3 följer
  // kommunens mall") says what the occasions are; they are the reports already.
  const namesEvery = (evidence: string) =>
    occasions.every((o) => new RegExp(`(?<![\\p{L}\\d])${o.code}(?![\\p{L}\\d])`, "u").test(evidence));
  context.periods = context.periods.filter((draft) => {
    const occasion = occasionFor(occasions, draft.code);
    if (!occasion) return true;
    if (!draft.owner && namesEvery(draft.evidence)) return false;
    context.drafts.push(dated(occasion, draft));
    return false;
  });
  context.periodic = context.periodic.filter((draft) => {
    const occasion = occasionFor(occasions, draft.occasion);
    if (!occasion) return true;
    context.drafts.push(dated(occasion, draft));
    return false;
  });
}

/**
 * "Resultaten redovisas i kvalitetsrapporten i juni": what goes into a report the document dates
 * that month (the quality report at the June meeting), named in its definite form, is part of
 * that report, not a report of its own by month.
 */
function dropMonthsInsideDatedReports(context: Context): void {
  const dayTitles = new Map<string, string[]>();
  for (const draft of context.drafts) {
    if (draft.mention.precision !== "day") continue;
    // The report's name without its definite ending: "kvalitetsrapporten" → "kvalitetsrapport".
    const first = fold(draft.title)
      .match(/[a-z]{6,}/)?.[0]
      ?.replace(/(?<=[a-z]{6})(erna|en|et|na)$/, "");
    // A word for any report ("uppföljning", "lägesrapport") does not tell which one.
    if (
      !first ||
      /^(uppfoljning|redovisning|aterrapportering|rapportering|lagesrapport|information|dragning)$/.test(first)
    )
      continue;
    const month = draft.mention.date.slice(0, 7);
    dayTitles.set(month, [...(dayTitles.get(month) ?? []), first]);
  }
  context.drafts = context.drafts.filter((draft) => {
    if (draft.mention.precision !== "month") return true;
    const reports = dayTitles.get(mentionValue(draft.mention)) ?? [];
    const words = fold(draft.segment || draft.description).match(/[a-z]{6,}/g) ?? [];
    return !reports.some((report) =>
      words.some((w) => w.startsWith(report) && w.length > report.length && w.length - report.length <= 4),
    );
  });
}

/**
 * One item per date and meaning: an assignment's own sentence ("lämnar en muntlig lägesrapport i
 * maj") and a timetable line that names the assignment ("Maj: Muntlig lägesrapport för uppdrag
 * 2026:1 Samlat jobbcenter") are the same report. The timetable's draft keeps its words (it names
 * the report, the assignment's draft only the assignment) and takes the assignment as its owner.
 */
function mergeNamedRepeats(context: Context): void {
  const dropped = new Set<Draft>();
  for (const own of context.drafts) {
    const assignment = own.owner ? context.byKey.get(own.owner) : undefined;
    if (!assignment) continue;
    const title = fold(assignment.title);
    const number = assignment.number?.replace(/[.]/g, "\\.") ?? null;
    // A code of letters and digits ("SU1", "G4") names its assignment on its own: "SU1 Utfall …".
    const code = assignment.number && /^\p{L}{1,4}\d{1,3}$/u.test(assignment.number) ? fold(assignment.number) : null;
    const names = (text: string) => {
      const folded = fold(text);
      return (
        (title.length >= 8 && folded.includes(title)) ||
        (code !== null && new RegExp(`(?<![\\p{L}\\d])${code}(?![\\d])`, "u").test(folded)) ||
        (number !== null && new RegExp(`\\b(uppdrag|uppdraget|mal|malet)\\s+${number}(?![\\d.:]?\\d)`).test(folded))
      );
    };
    const repeat = context.drafts.find(
      (other) =>
        other !== own &&
        !dropped.has(other) &&
        other.owner !== own.owner &&
        (other.owner === null || !context.byKey.has(other.owner)) &&
        mentionValue(other.mention) === mentionValue(own.mention) &&
        (other.form === own.form || other.form === null || own.form === null) &&
        names(`${other.title} ${other.segment}`),
    );
    if (!repeat) continue;
    repeat.owner = own.owner;
    repeat.form ??= own.form;
    repeat.rule ??= own.rule;
    if (fold(own.title) !== title) repeat.title = own.title;
    dropped.add(own);
  }
  context.drafts = context.drafts.filter((d) => !dropped.has(d));
}

/**
 * An assignment's own sentence gives a month ("muntlig lägesrapport i april"), a timetable the day
 * of that month's meeting ("April: Nämndens sammanträde den 22 april. Muntlig lägesrapport om U1"),
 * or the month with the report's own name: the same report, and the other says more.
 */
function dropMonthsGivenByDay(context: Context): void {
  const assignmentTitle = (draft: Draft) => fold(context.byKey.get(draft.owner ?? "")?.title ?? "");
  context.drafts = context.drafts.filter(
    (month) =>
      month.mention.precision !== "month" ||
      month.owner === null ||
      !context.drafts.some(
        (other) =>
          other !== month &&
          other.owner === month.owner &&
          other.blockId !== month.blockId &&
          mentionValue(other.mention).startsWith(mentionValue(month.mention)) &&
          compatibleForms(other.form, month.form) &&
          (other.mention.precision === "day" ||
            (fold(month.title) === assignmentTitle(month) && fold(other.title) !== assignmentTitle(other))),
      ),
  );
}

/**
 * The document's list of meeting days reports nothing itself; a report placed only by month and
 * given to the committee ("muntlig lägesbeskrivning till nämnden i maj") is at that month's
 * meeting when the list has exactly one.
 */
function placeMonthsAtMeetings(context: Context, calendar: MeetingCalendar): void {
  if (calendar.days.length === 0) return;
  const committee = context.facts.committee?.name ?? null;
  for (const draft of context.drafts) {
    if (draft.mention.precision !== "month" || draft.role === "due") continue;
    const toCommittee =
      draft.form !== null ||
      (committee !== null && draft.recipient === committee) ||
      /\bnamnd(en|ens)?\b/.test(fold(draft.segment));
    // "… (skriftlig till presidiet)", "… till förvaltningens ledningsgrupp": not at the committee's meeting.
    const elsewhere =
      /\b(till|for|infor) (namndens |nämndens )?(presidiet|presidium|ledningsgrupp\w*|arbetsutskott\w*|au)\b/.test(
        fold(`${draft.title} ${draft.segment}`),
      ) && !(committee !== null && draft.recipient === committee && !/presidi/.test(fold(draft.segment)));
    if (!toCommittee || elsewhere) continue;
    const meeting = onlyMeetingOf(calendar, draft.mention.month);
    if (!meeting) continue;
    const { index, length } = draft.mention;
    draft.mention = { precision: "day", date: meeting, index, length, explicitYear: true, inRange: false };
    draft.role = "meeting";
  }
}

// ------------------------------------------------------------------------------ entry point

const followUpHeading = /uppfoljning|aterrapport|rapportering|redovisning|tidplan|arshjul/;

/**
 * The sections whose stated form reaches a report in this section: its own, and the follow-up
 * sections it continues ("Uppföljning och återrapportering" over "Tidplan för uppföljning 2026").
 */
function formScope(sections: DocumentStructure["sections"], ordinal: number): number[] {
  const scope = [ordinal];
  let k = sections.findIndex((s) => s.ordinal === ordinal);
  while (k > 0) {
    const current = sections[k]!;
    const previous = sections[k - 1]!;
    if (!followUpHeading.test(fold(current.heading)) || !followUpHeading.test(fold(previous.heading))) break;
    if (previous.level > current.level) break;
    scope.push(previous.ordinal);
    k--;
  }
  return scope;
}

/** A form stated once for a section or its timetable applies to its reports that state none. */
function inheritStatedForms(context: Context): void {
  const { structure } = context;
  const statements = new Map<number, FormStatement[]>();
  const statementsOf = (ordinal: number) => {
    if (!statements.has(ordinal))
      statements.set(
        ordinal,
        (structure.blocksBySection.get(ordinal) ?? [])
          .filter((b) => b.kind === "paragraph" || b.kind === "listItem")
          .flatMap((b) => formStatementsIn(blockText(b))),
      );
    return statements.get(ordinal)!;
  };
  for (const draft of context.drafts) {
    if (draft.form !== null) continue;
    const stated = formScope(structure.sections, draft.section).flatMap(statementsOf);
    draft.form = statedFormFor(draft.title, stated);
  }
}

/**
 * Entries whose form is a code the document's legend explains ("Tertialrapport T1 (S)" under "S =
 * skriftlig avrapportering"): the form from the code, and two reports of one row ("… (M); … (S)")
 * apart. An entry that says nothing is reported ("(inga leveransärenden)") is no report.
 */
function formsFromLegend(context: Context): void {
  const pairs: Array<[string, string]> = [];
  for (const block of context.structure.blocks) {
    if (block.kind === "table") for (const row of block.rows) pairs.push([row.cells[0] ?? "", row.cells[1] ?? ""]);
    if (block.kind === "paragraph")
      for (const [k, line] of block.lines.entries()) pairs.push([line, block.lines[k + 1] ?? ""]);
  }
  const legend = formLegendOf(context.structure.blocks.map((b) => blockText(b)).join("\n"), pairs);
  context.drafts = context.drafts.flatMap((draft) => {
    if (/^\(?\s*(inga|inget|ingen|inte nagra)\b/.test(fold(draft.title))) return [];
    if (draft.form !== null) return [draft];
    const coded = formOfCodeCell(draft.description.split(" | "), legend);
    if (coded) return [{ ...draft, form: coded }];
    // "… samlat i tertialrapport 1 (S) vid nämndens sammanträde 2026-05-20.": one code in brackets
    // in the sentence the item was read from.
    const inSentence = [...draft.description.matchAll(/\(([A-ZÅÄÖ]{1,3}(?:\+[A-ZÅÄÖ]{1,3})?)\)/gu)]
      .map((m) => legend.get(m[1]!))
      .filter((form): form is ReportForm => form !== undefined);
    if (inSentence.length === 1 && !draft.description.includes(" | ")) return [{ ...draft, form: inSentence[0]! }];
    const entries = codedEntries(draft.title, legend);
    if (entries.length === 1 && entries[0]!.form === null) return [draft];
    return entries.map((entry) => ({ ...draft, title: entry.title, form: entry.form }));
  });
}

export function readReportingItems(
  structure: DocumentStructure,
  facts: AgreementFacts,
  reading: AssignmentReading,
): ReportingItemModel[] {
  const generalText = structure.sections
    .filter((s) => !s.number || /^1(\.|$)/.test(s.number))
    .map((s) => s.text)
    .join("\n");
  // Failing that, a rule stated in prose anywhere (not in one table's cell) is the document's rule.
  const proseText = structure.blocks
    .filter((b) => b.kind === "paragraph" || b.kind === "listItem")
    .map((b) => blockText(b))
    .join("\n");
  const meetings = meetingCalendarOf(structure, facts.year);
  const context: Context = {
    structure,
    facts,
    reading,
    byKey: new Map(reading.assignments.map((a) => [a.key, a])),
    calendar: {
      meetingWeekday: meetingWeekdayOf(structure.sections.map((s) => s.text).join("\n")),
      meetingDays: meetings.days,
    },
    // A rule stated in the general part applies everywhere unless a table or section says otherwise.
    documentRule: findSubmissionRule(generalText) ?? findSubmissionRule(proseText),
    drafts: [],
    periodic: [],
    recurring: [],
    periods: [],
    lastOccasions: null,
  };
  const readByCodes = readOccasionCodes(context);
  const timetableDrafts = readMonthTimetables(context, readByCodes);
  for (const block of structure.blocks) {
    if (reading.periodBlocks.has(block.id) || readByCodes.has(block.id)) continue;
    const timetable = timetableDrafts.get(block.id);
    if (timetable) context.drafts.push(...timetable);
    else if (block.kind === "table") readTable(context, block);
    else if (block.kind === "paragraph") readText(context, block, block.text, null);
    else if (block.kind === "listItem") readText(context, block, block.text, block.leadIn);
  }
  // The list of meeting days reports nothing: gone before a table's rows are matched to the text's dates.
  if (meetings.days.length > 0)
    context.drafts = context.drafts.filter((draft) => !(meetings.blocks.has(draft.blockId) && draft.form === null));
  dateAtDocumentOccasions(context, documentOccasionsOf(structure.blocks, facts.year));
  mergeSummaryRows(context);
  mergeNamedRepeats(context);
  dropMonthsInsideDatedReports(context);
  dropMonthsGivenByDay(context);
  placeMonthsAtMeetings(context, meetings);
  formsFromLegend(context);
  inheritStatedForms(context);

  const items: ReportingItemModel[] = [];
  const seen = new Set<string>();
  // Items read from a sentence that only restates a last day for papers under its section's
  // heading ("Handlingarna ska därför vara nämndsekreteraren tillhanda senast den 6 februari"):
  // checked below against the items whose papers are due that day.
  const bareDueDays = new Set<ReportingItemModel>();
  const fromTables = new Set<ReportingItemModel>();
  for (const draft of context.drafts) {
    const value = mentionValue(draft.mention);
    const isDay = draft.mention.precision === "day";
    // An oral or written report to the committee on a day is given at its meeting that day.
    if (
      draft.role === "plain" &&
      isDay &&
      (draft.form !== null || (draft.recipient !== null && draft.recipient === facts.committee?.name))
    )
      draft.role = "meeting";
    const meetingDate = isDay && draft.role === "meeting" ? value : draft.meeting;
    let submissionDate: IsoDate | null = null;
    let submissionRule: string | null = null;
    if (isDay && draft.role === "due") {
      submissionDate = value;
      submissionRule = "stated";
    } else if (draft.statedDue) {
      submissionDate = draft.statedDue;
      submissionRule = "stated";
    } else if (
      meetingDate &&
      meetings.dueDays.has(meetingDate) &&
      (draft.form === "written" || draft.form === "both")
    ) {
      // The meeting list gives each meeting its last day for papers ("12 februari – sista dag för handlingar 29 januari").
      submissionDate = meetings.dueDays.get(meetingDate)!;
      submissionRule = "stated";
    } else if (draft.rule && meetingDate && (draft.form === "written" || draft.form === "both")) {
      submissionDate = applyRule(meetingDate, draft.rule);
      submissionRule = draft.rule.label;
    }
    const section = sectionLabel(context, draft.section);
    const identity = `${draft.owner ?? section ?? ""}|${value}|${draft.form ?? ""}|${fold(draft.title)
      .replace(/[^a-z]/g, "")
      .slice(0, 24)}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    items.push({
      key: identity,
      ordinal: items.length,
      assignmentKey: draft.owner,
      // "Kvalitetsberättelse 2024 (skriftlig)." is titled without the form it states; the form is a field.
      title: (squash(draft.title.replace(/\.\s*$/, "").replace(formInBrackets, "")) || squash(draft.title)).slice(
        0,
        300,
      ),
      description: draft.description.slice(0, 2000),
      evidence: draft.description.slice(0, 2000),
      date: value,
      // A week read as a day by rule (not the document's meeting day) is only as precise as its week.
      precision:
        draft.mention.precision !== "day"
          ? "month"
          : draft.mention.week && draft.mention.week.day !== "meeting day" && draft.mention.week.day !== "named day"
            ? "week"
            : "day",
      meetingDate,
      submissionDate,
      submissionRule,
      form: draft.form,
      recipient: draft.recipient,
      period: draft.period?.label ?? null,
      periodCode: draft.period?.code ?? null,
      occasion: null,
      recurrence: null,
      channel: null,
      section,
    });
    const block = context.structure.blocks[draft.blockId];
    if (block?.kind === "table") fromTables.add(items.at(-1)!);
    else if (isDay && draft.role === "due" && !meetingDate && draft.form === null) bareDueDays.add(items.at(-1)!);
  }
  // … a row of the same section's table with its papers due that day is what the sentence speaks of,
  // when the sentence names no report (its title is the heading) or names that one.
  const headingOf = (item: ReportingItemModel) =>
    fold(context.structure.sections.find((s) => s.number === item.section)?.heading ?? "");
  const sameReport = (bare: ReportingItemModel, other: ReportingItemModel) => {
    const title = fold(bare.title);
    const stem = title
      .split(/[^a-z0-9]+/)
      .find((w) => w.length >= 6)
      ?.slice(0, 8);
    return title === headingOf(bare) || (stem !== undefined && fold(other.title).includes(stem));
  };
  for (const bare of bareDueDays)
    if (
      items.some(
        (other) =>
          other !== bare &&
          fromTables.has(other) &&
          other.section === bare.section &&
          other.meetingDate !== null &&
          other.submissionDate === bare.date &&
          sameReport(bare, other),
      )
    )
      items.splice(items.indexOf(bare), 1);
  for (const [i, item] of items.entries()) item.ordinal = i;
  for (const draft of context.periodic) {
    const key = `${draft.owner ?? sectionLabel(context, draft.section) ?? ""}|${draft.occasion}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const assignment = draft.owner ? context.byKey.get(draft.owner) : undefined;
    items.push({
      key,
      ordinal: items.length,
      assignmentKey: draft.owner,
      title: draft.title,
      description: draft.evidence.slice(0, 2000),
      evidence: draft.evidence.slice(0, 2000),
      date: null,
      precision: "period",
      meetingDate: null,
      submissionDate: null,
      submissionRule: null,
      form: draft.form,
      recipient: null,
      period: `${occasionNames[draft.occasion].sv}${facts.year ? ` ${facts.year}` : ""}`,
      periodCode: draft.occasion,
      occasion: occasionNames[draft.occasion].model,
      recurrence: null,
      channel: draft.channel,
      section: assignment?.section ?? sectionLabel(context, draft.section),
    });
  }
  for (const draft of context.periods) {
    const key = `${draft.owner ?? sectionLabel(context, draft.section) ?? ""}|${draft.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      key,
      ordinal: items.length,
      assignmentKey: draft.owner,
      title: draft.title,
      description: draft.evidence.slice(0, 2000),
      evidence: draft.evidence.slice(0, 2000),
      date: null,
      precision: "period",
      meetingDate: null,
      submissionDate: null,
      submissionRule: null,
      form: draft.form,
      recipient: null,
      period: facts.year ? `${draft.label} ${facts.year}` : draft.label,
      periodCode: draft.code,
      occasion: null,
      recurrence: null,
      channel: null,
      section: sectionLabel(context, draft.section),
    });
  }
  for (const draft of context.recurring) {
    const key = `${draft.owner ?? sectionLabel(context, draft.section) ?? ""}|${draft.recurrence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A report that recurs on known days or months becomes one dated item per occasion (see recurring-dates.ts).
    const dates =
      facts.year && recurringReport.test(fold(draft.evidence))
        ? recurringDates(draft.recurrence, facts.year, draft.due, draft.except)
        : [];
    for (const occasion of dates) {
      const dayKey = `${key}|${occasion.value}`;
      if (seen.has(dayKey)) continue;
      seen.add(dayKey);
      items.push({
        key: dayKey,
        ordinal: items.length,
        assignmentKey: draft.owner,
        title: occasion.periodName ? `${draft.title} ${occasion.periodName}` : draft.title,
        description: draft.evidence.slice(0, 2000),
        evidence: draft.evidence.slice(0, 2000),
        date: occasion.value,
        precision: occasion.precision,
        meetingDate: null,
        // "senast den 15:e …" is when the report is due.
        submissionDate: occasion.precision === "day" ? occasion.value : null,
        submissionRule: occasion.precision === "day" ? "stated" : null,
        form: draft.form,
        recipient: draft.recipient,
        period: occasion.label,
        periodCode: occasion.periodCode,
        occasion: null,
        recurrence: draft.recurrence,
        channel: null,
        section: sectionLabel(context, draft.section),
      });
    }
    if (dates.length > 0) continue;
    items.push({
      key,
      ordinal: items.length,
      assignmentKey: draft.owner,
      title: draft.title,
      description: draft.evidence.slice(0, 2000),
      evidence: draft.evidence.slice(0, 2000),
      date: null,
      precision: "period",
      meetingDate: null,
      submissionDate: null,
      submissionRule: null,
      form: draft.form,
      recipient: draft.recipient,
      period: null,
      periodCode: null,
      occasion: null,
      recurrence: draft.recurrence,
      channel: null,
      section: sectionLabel(context, draft.section),
    });
  }
  return collapseRepeats(items);
}
