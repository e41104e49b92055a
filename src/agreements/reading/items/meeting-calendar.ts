// The committee's meeting days as the document lists them ("Sammanträdesplan 2026: 27 januari,
// 24 mars …", "Nämndens sammanträden 2026 hålls på onsdagar: 18 februari, 22 april …"). A report
// the text places only by month ("en muntlig lägesbeskrivning till nämnden i maj") is given at
// that month's meeting when the list has exactly one; the list itself reports nothing.
import { fold } from "../../../shared/text/fold.ts";
import type { IsoDate } from "../../../shared/text/swedish-dates.ts";
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

export function meetingCalendarOf(structure: DocumentStructure, year: number | null): MeetingCalendar {
  const days = new Set<IsoDate>();
  const blocks = new Set<number>();
  const dueDays = new Map<IsoDate, IsoDate>();
  for (const [index, section] of structure.sections.entries()) {
    const underHeading = calendarHeading.test(fold(section.heading));
    for (const block of structure.blocksBySection.get(index) ?? []) {
      if (block.kind !== "paragraph" && block.kind !== "listItem") continue;
      const text = blockText(block);
      // Under a calendar heading, or after a lead-in that says the committee meets ("Nämnden
      // sammanträder på tisdagar:"), each line may hold one day; a sentence must list several.
      const listed = underHeading || (block.kind === "listItem" && calendarSentence.test(fold(block.leadIn ?? "")));
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
