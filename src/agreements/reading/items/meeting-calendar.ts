// The committee's meeting days as the document lists them ("Sammanträdesplan 2026: 27 januari,
// 24 mars …", "Nämndens sammanträden 2026 hålls på onsdagar: 18 februari, 22 april …"). A report
// the text places only by month ("en muntlig lägesbeskrivning till nämnden i maj") is given at
// that month's meeting when the list has exactly one; the list itself reports nothing.
import { fold } from "../../../shared/text/fold.ts";
import { isoDate, type IsoDate } from "../../../shared/text/swedish-dates.ts";
import type { Block, TableBlock } from "../blocks/block-model.ts";
import type { DocumentStructure } from "../blocks/build-blocks.ts";
import { blockText } from "../blocks/build-blocks.ts";
import { findTimeMentions } from "../time-mentions.ts";
import { dueWordsBefore } from "./reporting-language.ts";

export interface MeetingCalendar {
  /** The meeting days, in order. */
  days: IsoDate[];
  /** The blocks that list them: a list of meeting days is no reporting item. */
  blocks: Set<number>;
  /** The last day for papers the list gives a meeting ("12 februari – sista dag för handlingar 29 januari"). */
  dueDays: Map<IsoDate, IsoDate>;
}

const calendarHeading =
  /\b(sammantradesplan|sammantradesdatum|sammantradesdagar|sammantradestider|motesplan|motesdatum|namndens (sammantraden|moten))\b/;
const calendarSentence = /\b(sammantrader|sammantradena|sammantraden|sammantradesdagar|moten|motena)\b/;

/** A calendar only counts with three days or more: one or two dates are what some sentence reports. */
const minimumDays = 3;

/** Columns a table of meeting days has besides the day and the papers' last day: weekday, time, place. */
const calendarColumn =
  /^(veckodag|dag|vecka|v|veckonummer|tid|klockan|kl|lokal|plats|motesplats|motesrum|sal|anteckning\w*|anm\w*|kommentar)$/;

/**
 * A table of the committee's meetings ("Sammanträde | Veckodag | Tid | Lokal | Handlingar senast"):
 * its day column names the meeting and every other column is the day's weekday, time or place, or
 * the papers' last day — nothing that is reported.
 */
/** The columns of a meeting list that name the meeting or its day. */
function meetingColumnsOf(header: string[]): number[] {
  return header.flatMap((h, c) => (/^(sammantrade\w*|namndsammantrade\w*|mote\w*|datum)$/.test(h) ? [c] : []));
}

function isCalendarTable(table: TableBlock, underHeading: boolean): boolean {
  const header = (table.header ?? []).map((h) =>
    fold(h)
      .replace(/[^a-z0-9 ]/g, " ")
      .trim(),
  );
  // ("Sammanträde | Datum | Dag | Anm.": the meeting's name and its day are both the meeting.)
  const meetingColumns = meetingColumnsOf(header);
  if (meetingColumns.length === 0 || table.rows.length < minimumDays) return false;
  const others = header.filter((h, c) => !meetingColumns.includes(c) && table.roles[c] !== "due" && h !== "");
  // "Sammanträde | Sista dag för skriftligt underlag": a meeting and its papers' day, nothing reported.
  const withDue = table.roles.includes("due");
  return (underHeading || others.length > 0 || withDue) && others.every((h) => calendarColumn.test(h));
}

function readCalendarTable(
  table: TableBlock,
  year: number | null,
  days: Set<IsoDate>,
  dueDays: Map<IsoDate, IsoDate>,
  blocks: Set<number>,
): void {
  const header = (table.header ?? []).map((h) =>
    fold(h)
      .replace(/[^a-z0-9 ]/g, " ")
      .trim(),
  );
  const meetingColumns = meetingColumnsOf(header);
  const dueColumn = table.roles.indexOf("due");
  for (const row of table.rows) {
    const meeting = meetingColumns
      .flatMap((c) => findTimeMentions(row.cells[c] ?? "", year))
      .find((m) => m.precision === "day");
    if (!meeting || meeting.precision !== "day") continue;
    days.add(meeting.date);
    const due =
      dueColumn >= 0
        ? findTimeMentions(row.cells[dueColumn] ?? "", year).find((m) => m.precision === "day")
        : undefined;
    if (due && due.precision === "day" && due.date < meeting.date) dueDays.set(meeting.date, due.date);
  }
  blocks.add(table.id);
}

const weekday = /\b(mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag)(ar|en)?\b/g;

/**
 * The day a row of a list of meetings names ("torsdag 29/1 (v. 5)", "Tisdag 23 februari kl.
 * 13.15"): the written day before a week number. Null when the row holds anything but days.
 */
function listedMeetingDay(text: string, year: number | null): IsoDate | null {
  const days = findTimeMentions(text, year).filter((m) => m.precision === "day");
  if (days.length === 0) return null;
  let rest = text;
  for (const m of [...days].sort((a, b) => b.index - a.index))
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m.length)}`;
  const onlyDays =
    fold(rest)
      .replace(weekday, " ")
      .replace(/\b(v|vecka|kl|klockan)\b\.?/g, " ")
      .replace(/[\d\s().,:;/–—-]+/g, "") === "";
  if (!onlyDays) return null;
  const written = days.find((m) => m.precision === "day" && !m.week);
  if (written?.precision === "day") return written.date;
  // A bare "29/1" is no day to findTimeMentions without a meeting word beside it; here the list is that word.
  const numeric = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(text);
  if (numeric && year) return isoDate(year, Number(numeric[2]), Number(numeric[1]));
  return days[0]!.precision === "day" ? days[0]!.date : null;
}

/** The paragraph's lead-in: a list's own, or the paragraph just before ending in a colon ("Sammanträdena 2026 är:"). */
function leadInOf(structure: DocumentStructure, block: Block): string {
  if (block.kind === "listItem") return block.leadIn ?? "";
  const previous = structure.blocks[block.id - 1];
  return previous?.kind === "paragraph" && /:\s*$/.test(blockText(previous)) ? blockText(previous) : "";
}

export function meetingCalendarOf(structure: DocumentStructure, year: number | null): MeetingCalendar {
  const days = new Set<IsoDate>();
  const blocks = new Set<number>();
  const dueDays = new Map<IsoDate, IsoDate>();
  for (const [index, section] of structure.sections.entries()) {
    // ("Rapportering utanför nämndens sammanträden" is about everything but the meetings.)
    const underHeading =
      calendarHeading.test(fold(section.heading)) &&
      !/\b(utanfor|utover|forutom|mellan)\s+(namndens\s+)?(sammantraden|moten)\b/.test(fold(section.heading));
    for (const block of structure.blocksBySection.get(index) ?? []) {
      const leadIn = leadInOf(structure, block);
      if (block.kind === "table") {
        if (isCalendarTable(block, underHeading)) readCalendarTable(block, year, days, dueDays, blocks);
        // "torsdag 29/1   (v. 5)" row after row under "Sammanträdena 2026 är:": a list of days laid out in columns.
        else if (
          !block.header &&
          (underHeading || calendarSentence.test(fold(leadIn))) &&
          block.rows.length >= minimumDays
        ) {
          const listed = block.rows.map((row) => listedMeetingDay(row.cells.join(" "), year));
          if (listed.every((day) => day !== null)) {
            for (const day of listed) days.add(day!);
            blocks.add(block.id);
          }
        }
        continue;
      }
      if (block.kind !== "paragraph" && block.kind !== "listItem") continue;
      const text = blockText(block);
      // Under a calendar heading, or after a lead-in that says the committee meets ("Nämnden
      // sammanträder på tisdagar:"), each line may hold one day; a sentence must list several.
      // The paragraph before may be the lead-in of lines that merged into one paragraph of days.
      const listed = underHeading || calendarSentence.test(fold(leadIn));
      if (!listed && !calendarSentence.test(fold(text))) continue;
      const found = findTimeMentions(text, year).filter((m) => m.precision === "day" && !m.inRange);
      if (found.length === 0 || (!listed && found.length < minimumDays)) continue;
      let meeting: IsoDate | null = null;
      for (const mention of found) {
        if (mention.precision !== "day") continue;
        // A day after "sista dag för handlingar" is the papers' day for the meeting before it.
        if (meeting && dueWordsBefore(fold(text.slice(Math.max(0, mention.index - 45), mention.index)))) {
          if (mention.date < meeting) dueDays.set(meeting, mention.date);
          continue;
        }
        days.add(mention.date);
        meeting = mention.date;
      }
      blocks.add(block.id);
    }
  }
  if (days.size < minimumDays) return { days: [], blocks: new Set(), dueDays: new Map() };
  return { days: [...days].sort(), blocks, dueDays };
}

/** The one meeting of `month` ("2026-05"), or null when the calendar has none or several then. */
export function onlyMeetingOf(calendar: MeetingCalendar, month: string): IsoDate | null {
  const inMonth = calendar.days.filter((day) => day.startsWith(month));
  return inMonth.length === 1 ? inMonth[0]! : null;
}
