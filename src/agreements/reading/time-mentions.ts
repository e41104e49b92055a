// Stage 3 of the reader: every mention of a time in a piece of text — a day ("2025-05-28", "den 4
// juni", "31/5 2025", "den 19/3", a week "v. 13" read as one of its days), a month ("i maj 2025", "under oktober", a timetable label "Februari:"), a
// period ("tertial 1", "kvartal 2", "delår", "helår") or a recurrence ("kvartalsvis", "varje
// månad") — with where it sits, so the item stage can read what the text says about it.
import { findPeriods, findRecurrence, type PeriodCode, type Recurrence } from "../../shared/lexicon/periods.ts";
import { monthOf, swedishMonthPattern } from "../../shared/lexicon/months.ts";
import { fold } from "../../shared/text/fold.ts";
import { addDays, isoDate, type IsoDate } from "../../shared/text/swedish-dates.ts";

export interface DayMention {
  precision: "day";
  date: IsoDate;
  index: number;
  length: number;
  explicitYear: boolean;
  /** One end of a period such as "2023-10-01--2028-09-30" or "2026-01-01 till 2028-12-31". */
  inRange: boolean;
  /** Set when the text names a week ("v. 13", "senast vecka 10"), not the day: how the day was chosen. */
  week?: WeekReading;
}

/**
 * A week of the year as a day. The text names only the week, so the day follows a rule:
 *   - "senast v. 10", "före vecka 10": the week's Friday, its last working day — "by week 10"
 *     means before week 10 is over ("last working day");
 *   - otherwise the committee's meeting day in that week when the document names one ("Nämnden
 *     sammanträder på torsdagar"; a report "v. 13" is presented at that week's meeting) ("meeting day");
 *   - otherwise the week's Monday, the first day it can fall on, so a reminder is never late ("first day");
 *   - but a weekday written before the week ("fredag vecka 42") is that day of it ("named day").
 * Weeks are ISO 8601 weeks (Monday first; week 1 holds 4 January), as Swedish calendars number them.
 */
export interface WeekReading {
  /** ISO week number; of a range ("v. 12–13") its last week, when the window closes. */
  week: number;
  firstWeek: number;
  day: "meeting day" | "last working day" | "first day" | "named day";
}

/** What the document says about its own calendar, beyond its year. */
export interface DocumentCalendar {
  /** ISO weekday (1 = Monday … 7 = Sunday) the committee meets on, when the document says. */
  meetingWeekday?: number | null;
  /** The meeting days the document lists, in order ("Sammanträdesplan 2026 …"). */
  meetingDays?: IsoDate[];
}

// "vid årets sista sammanträde", "nämndens första sammanträde för året": a day of the calendar.
const yearMeeting =
  /\b(?:arets|namndens)\s+(forsta|sista)\s+(?:namnd)?(?:sammantrade|mote)t?(?:\s+(?:for|under)\s+aret)?(?!\s+(?:\d{4}|fore|efter|innan))/g;

export interface MonthMention {
  precision: "month";
  /** "2025-05". */
  month: string;
  index: number;
  length: number;
  explicitYear: boolean;
  /** "Februari: …" at the start of a line or cell: a timetable entry. */
  label: boolean;
}

export type TimeMention = DayMention | MonthMention;

const isoDay = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/g;
const wordDay = new RegExp(
  `(?<![\\p{L}\\d])(?:den\\s+)?(\\d{1,2})(?::?[ae])?\\s+(${swedishMonthPattern})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}])`,
  "giu",
);
const numericDayWithYear = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\s+|-)(20\d{2})(?!\d)/g;
// "den 19/3", "senast 11/6": a day and month without a year only after a word that makes it a date
// (not "1/2 tjänst", not a share).
const numericDayAfterCue = /(?<![\p{L}\d])(?:den|senast)\s+(\d{1,2})\/(\d{1,2})(?![\d/])(?!\s*(?:-|–|—|till)\s*\d)/gu;
const bareNumericDay = /(?<![\d/\p{L}])(\d{1,2})\/(\d{1,2})(?![\d/])/gu;
// (A weekday before the day, "tis 17/3", "fredag 4/9", is a cue too.)
const numericDayCue =
  /(?:\bden|\bsenast|(?<![a-z])(?:man|tis|ons|tor|tors|fre|lor|son)(?:dag(?:en)?)?\.?|namnden|namndens|\bsammantrade\w*|\bmotet|\bmote|utskottet|utskottets|\bpresidiet|\bpresidiets|\(|\):|(?:sammantrad|moten\b|motesdag)[^.]{0,60}:)\s*$/;
// "v. 13", "v 13 2026", "vecka 37", "veckorna 12–13" (a bare "v" glued to a number, "V1", is a code).
const weekPattern =
  /(?<![\p{L}\d])(?:v\.\s?|v\s|vecka\s?|veckan\s|veckorna\s|vecko\s)(\d{1,2})(?:\s*(?:-|–|—|och|till)\s*(?:v\.?\s?|vecka\s?)?(\d{1,2}))?(?:\s*,?\s+(20\d{2}))?(?![\d\p{L}-])/gu;
const weekDueCue = /\b(?:senast|fore|innan|till och med|t\.?\s?o\.?\s?m\.?|deadline|sista)\s*$/;

/** The Monday of ISO week `week` of `year`, or null when the year has no such week. */
export function isoWeekMonday(year: number, week: number): IsoDate | null {
  if (week < 1 || week > 53) return null;
  const january4 = isoDate(year, 1, 4)!;
  const weekday = new Date(`${january4}T00:00:00Z`).getUTCDay() || 7;
  const monday = addDays(january4, (week - 1) * 7 - (weekday - 1));
  // Week 53 exists only in years whose week 53 still holds a Thursday of that year.
  if (week === 53 && Number(addDays(monday, 3).slice(0, 4)) !== year) return null;
  return monday;
}

const weekdayNames: Array<[RegExp, number]> = [
  [/^mandag/, 1],
  [/^tisdag/, 2],
  [/^onsdag/, 3],
  [/^torsdag/, 4],
  [/^fredag/, 5],
];

/**
 * The weekday the committee meets on, when the document says so: "Nämnden sammanträder på
 * torsdagar", "Sammanträdena hålls på tisdagar", "nämndens möten är normalt på onsdagar".
 */
export function meetingWeekdayOf(text: string): number | null {
  const folded = fold(text).replace(/\s+/g, " ");
  const match =
    /\b(?:sammantrader|sammantradena|sammantraden|sammantradesdag\w*|moten|motena|namndmoten\w*)\b(?:\s+\S+){0,4}?\s+(?:pa|om)\s+(mandag|tisdag|onsdag|torsdag|fredag)(?:ar|arna|en)\b/.exec(
      folded,
    );
  if (!match) return null;
  return weekdayNames.find(([pattern]) => pattern.test(match[1]!))?.[1] ?? null;
}

const monthWithYear = new RegExp(`(?<![\\p{L}\\d])(${swedishMonthPattern})\\.?\\s+(\\d{4})(?![\\d])`, "giu");
const monthInContext = new RegExp(
  `(?<![\\p{L}])(?:i|under|till|fore|infor|senast i|i slutet av|i borjan av|i mitten av|slutet av|borjan av|mitten av|per)\\s+(${swedishMonthPattern})(?![\\p{L}])`,
  "giu",
);
// "i februari, maj, augusti och november": a month listed after one in context (sticky: read from lastIndex).
const listedMonth = new RegExp(
  `(?:\\s*,\\s*|\\s+(?:och|samt|respektive|resp\\.)\\s+)(${swedishMonthPattern})(?![\\p{L}])`,
  "iuy",
);
// "junisammanträdet", "decembermötet": the meeting of that month.
const monthMeeting = new RegExp(
  `(?<![\\p{L}])(${swedishMonthPattern})(?:s)?(?:sammantradet|sammantrade|motet|namndsmotet)(?![\\p{L}])`,
  "giu",
);
// "den artonde mars", "den tjugotredje september": a day written as an ordinal word (folded).
const ordinalDays = [
  "forsta",
  "andra",
  "tredje",
  "fjarde",
  "femte",
  "sjatte",
  "sjunde",
  "attonde",
  "nionde",
  "tionde",
  "elfte",
  "tolfte",
  "trettonde",
  "fjortonde",
  "femtonde",
  "sextonde",
  "sjuttonde",
  "artonde",
  "nittonde",
  "tjugonde",
  "tjugoforsta",
  "tjugoandra",
  "tjugotredje",
  "tjugofjarde",
  "tjugofemte",
  "tjugosjatte",
  "tjugosjunde",
  "tjugoattonde",
  "tjugonionde",
  "trettionde",
  "trettioforsta",
];
const ordinalDay = new RegExp(
  `(?<![\\p{L}])den\\s+(${ordinalDays.join("|")})\\s+(${swedishMonthPattern})(?:\\s+(\\d{4}))?(?![\\p{L}])`,
  "giu",
);
/** The patterns of a day in a named month, each with how its day is read. */
const namedMonthDays: Array<[RegExp, (m: RegExpMatchArray) => number]> = [
  [wordDay, (m) => Number(m[1])],
  [ordinalDay, (m) => ordinalDays.indexOf(m[1]!.toLowerCase()) + 1],
];

// Every pattern here needs a digit, a month's name (all begin with its first three letters) or
// "första"/"sista" (the year's first or last meeting): most sentences have none and are skipped.
// Each family of patterns has its own cheap test, so a sentence with only a section number
// ("2.3") or a month but no digits runs only the patterns that can match it.
const monthPrefix = new RegExp([...new Set(swedishMonthPattern.split("|").map((m) => m.slice(0, 3)))].join("|"));
const mayMention = new RegExp(`\\d|${monthPrefix.source}|forsta|sista`);
const mayHoldIsoDay = /\d{4}-/;
const mayHoldDottedDay = /\d\.\d{1,2}\.20\d{2}/;
const dottedDay = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(20\d{2})(?![\d.]?\d)/g;
const mayHoldNumericDay = /\d\/\d/;
const mayHoldWeek = /(?<![\p{L}\d])v(?:\.|\s|eck)/u;
const monthLabel = new RegExp(`^\\s*(?:•\\s*)?(${swedishMonthPattern})\\s*(?:(\\d{4})\\s*)?[:–—-]\\s+\\S`, "iu");

function rangeAround(text: string, index: number, length: number): boolean {
  const before = text.slice(Math.max(0, index - 16), index);
  const after = text.slice(index + length, index + length + 16);
  return (
    /\d\s*(--|–|—|-|till|t\.?o\.?m\.?)\s*$/.test(before) ||
    /^\s*(--|–|—|-|till|t\.?o\.?m\.?)\s*(\d{4}-\d|\d{1,2}\.\d{1,2}\.\d{4})/.test(after)
  );
}

/** In order, without the weeks that only say which week the day before them is in: "torsdag 29/1 (v. 5)". */
function withoutRestatedWeeks(text: string, mentions: TimeMention[]): TimeMention[] {
  mentions.sort((a, b) => a.index - b.index);
  return mentions.filter((mention, k) => {
    const before = mentions[k - 1];
    if (mention.precision !== "day" || !mention.week || before?.precision !== "day" || before.week) return true;
    const gap = text.slice(before.index + before.length, mention.index);
    const monday = isoWeekMonday(Number(mention.date.slice(0, 4)), mention.week.week);
    const inThatWeek = monday !== null && before.date >= monday && before.date <= addDays(monday, 6);
    return !(inThatWeek && /^\s*[(,–-]?\s*$/.test(gap));
  });
}

/**
 * Days and months mentioned in `text`. Dates without a year take `defaultYear` (the agreement's
 * year); without one they are skipped, because guessing a year invents a deadline.
 */
export function findTimeMentions(
  text: string,
  defaultYear: number | null,
  calendar: DocumentCalendar = {},
): TimeMention[] {
  const mentions: TimeMention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (index: number, length: number) => taken.every(([a, b]) => index + length <= a || index >= b);
  const take = (index: number, length: number) => taken.push([index, index + length]);
  // A day at the match, unless an earlier pattern took its text.
  const addDay = (m: RegExpMatchArray, date: IsoDate | null, explicitYear: boolean, inRange: boolean) => {
    if (!date) return;
    mentions.push({ precision: "day", date, index: m.index!, length: m[0].length, explicitYear, inRange });
    take(m.index!, m[0].length);
  };
  const folded = fold(text);
  if (!mayMention.test(folded)) return mentions;
  const monthNamed = monthPrefix.test(folded);
  const numericDay = mayHoldNumericDay.test(folded);
  if (mayHoldIsoDay.test(text))
    for (const m of text.matchAll(isoDay))
      addDay(m, isoDate(Number(m[1]), Number(m[2]), Number(m[3])), true, rangeAround(text, m.index, m[0].length));
  // "17.3.2026", "1.1.2026 – 31.12.2026": a day, month and year set off by stops.
  if (mayHoldDottedDay.test(text))
    for (const m of text.matchAll(dottedDay)) {
      if (!free(m.index, m[0].length)) continue;
      addDay(m, isoDate(Number(m[3]), Number(m[2]), Number(m[1])), true, rangeAround(text, m.index, m[0].length));
    }
  // "den 19 mars 2026", "den artonde mars": a day of a named month, in digits or as an ordinal word.
  if (monthNamed)
    for (const [pattern, dayOf] of namedMonthDays)
      for (const m of folded.matchAll(pattern)) {
        if (!free(m.index, m[0].length)) continue;
        const month = monthOf(m[2]!);
        const year = m[3] ? Number(m[3]) : defaultYear;
        if (!month || !year) continue;
        addDay(m, isoDate(year, month, dayOf(m)), Boolean(m[3]), false);
      }
  if (numericDay) {
    for (const m of folded.matchAll(numericDayWithYear)) {
      if (!free(m.index, m[0].length)) continue;
      addDay(m, isoDate(Number(m[3]), Number(m[2]), Number(m[1])), true, rangeAround(text, m.index, m[0].length));
    }
    for (const m of folded.matchAll(numericDayAfterCue)) {
      if (!free(m.index, m[0].length) || !defaultYear) continue;
      addDay(m, isoDate(defaultYear, Number(m[2]), Number(m[1])), false, rangeAround(text, m.index, m[0].length));
    }
    // "Omsorgsnämnden 17/6 och 16/12", "(19/8)", a cell that is only "15/9" or "b) 4/11", a line of
    // meeting days "28/1   25/2   25/3": a day and month after a meeting or committee word, in
    // brackets, listed after such a day, or with nothing but days around it.
    if (defaultYear) {
      const onlyDate = /^\s*(?:[a-z]\)\s*)?\d{1,2}\/\d{1,2}(?:\s*(?:,|och|\s)\s*\d{1,2}\/\d{1,2})*\s*\.?\s*$/.test(
        folded,
      );
      let previousEnd = -1;
      for (const m of folded.matchAll(bareNumericDay)) {
        const before = folded.slice(Math.max(0, m.index - 80), m.index);
        const listed =
          previousEnd >= 0 && /^\s*(?:,|och|samt|resp\.?|respektive|\s)\s*$/.test(folded.slice(previousEnd, m.index));
        const cued = numericDayCue.test(before) || listed || onlyDate;
        const after = folded.slice(m.index + m[0].length);
        // A span ("1/1–30/4") is a period, not a day; "1/2 tjänst" is a share.
        const span = /^\s*(?:-|–|—|till)\s*\d/.test(after) || /\d\s*(?:-|–|—)\s*$/.test(before);
        if (!cued || span || !free(m.index, m[0].length) || /^\s*(?:tjanst|del|av|procent|%)/.test(after)) continue;
        const date = isoDate(defaultYear, Number(m[2]), Number(m[1]));
        if (!date) continue;
        addDay(m, date, false, rangeAround(text, m.index, m[0].length));
        previousEnd = m.index + m[0].length;
      }
    }
  }
  const days = calendar.meetingDays ?? [];
  if (days.length)
    for (const m of folded.matchAll(yearMeeting)) {
      if (!free(m.index, m[0].length)) continue;
      addDay(m, m[1] === "forsta" ? days[0]! : days.at(-1)!, true, false);
    }
  if (mayHoldWeek.test(folded))
    for (const m of folded.matchAll(weekPattern)) {
      if (!free(m.index, m[0].length)) continue;
      // "(se V.2)", "enligt avsnitt V.3": a section numbered in Roman numerals, referred to.
      if (
        /^v\.\d/.test(m[0]) &&
        /(?:\bse|\benligt|\bavsnitt|\bkap\.?|\bpunkt)\s+$/.test(folded.slice(Math.max(0, m.index - 10), m.index))
      )
        continue;
      const year = m[3] ? Number(m[3]) : defaultYear;
      const firstWeek = Number(m[1]);
      const week = m[2] ? Number(m[2]) : firstWeek;
      if (!year || week < firstWeek) continue;
      const monday = isoWeekMonday(year, week);
      if (!monday || !isoWeekMonday(year, firstWeek)) continue;
      const due = weekDueCue.test(folded.slice(Math.max(0, m.index - 20), m.index));
      const meetingWeekday = calendar.meetingWeekday ?? null;
      // The document's own meeting that week, when its list of meeting days has one then.
      const sunday = addDays(monday, 6);
      const meetingsThatWeek = (calendar.meetingDays ?? []).filter((d) => d >= monday && d <= sunday);
      const listedMeeting = !due && week === firstWeek && meetingsThatWeek.length === 1 ? meetingsThatWeek[0]! : null;
      const named = /(?<![a-z])(mandag|tisdag|onsdag|torsdag|fredag)(?:en)?(?:\s+(?:i|under))?\s+$/.exec(
        folded.slice(Math.max(0, m.index - 20), m.index),
      );
      const namedWeekday = named ? weekdayNames.find(([pattern]) => pattern.test(named[1]!))![1] : null;
      const day: WeekReading["day"] = namedWeekday
        ? "named day"
        : due
          ? "last working day"
          : meetingWeekday || listedMeeting
            ? "meeting day"
            : "first day";
      const date =
        day === "named day"
          ? addDays(monday, namedWeekday! - 1)
          : (listedMeeting ??
            addDays(monday, day === "last working day" ? 4 : day === "meeting day" ? meetingWeekday! - 1 : 0));
      // A span of three weeks or more ("v. 26–32") is when something goes on, not a day to report on.
      mentions.push({
        precision: "day",
        date,
        index: m.index,
        length: m[0].length,
        explicitYear: Boolean(m[3]),
        inRange: week - firstWeek >= 2,
        week: { week, firstWeek, day },
      });
      take(m.index, m[0].length);
    }
  const addMonth = (monthWord: string, yearText: string | undefined, index: number, length: number, label: boolean) => {
    if (!free(index, length)) return;
    const month = monthOf(monthWord);
    const year = yearText ? Number(yearText) : defaultYear;
    if (!month || !year) return;
    mentions.push({
      precision: "month",
      month: `${year}-${String(month).padStart(2, "0")}`,
      index,
      length,
      explicitYear: Boolean(yearText),
      label,
    });
    take(index, length);
  };
  if (!monthNamed) return withoutRestatedWeeks(text, mentions);
  const labelMatch = monthLabel.exec(folded);
  if (labelMatch) addMonth(labelMatch[1]!, labelMatch[2], labelMatch.index, labelMatch[0].length - 1, true);
  for (const m of folded.matchAll(monthWithYear)) addMonth(m[1]!, m[2], m.index, m[0].length, false);
  for (const m of folded.matchAll(monthInContext)) {
    addMonth(m[1]!, undefined, m.index, m[0].length, false);
    // "vid sammanträdena i februari, maj, augusti och november": the months listed after it too.
    listedMonth.lastIndex = m.index + m[0].length;
    for (let next = listedMonth.exec(folded); next; next = listedMonth.exec(folded))
      addMonth(next[1]!, undefined, listedMonth.lastIndex - next[1]!.length, next[1]!.length, false);
  }
  for (const m of folded.matchAll(monthMeeting)) addMonth(m[1]!, undefined, m.index, m[0].length, false);
  return withoutRestatedWeeks(text, mentions);
}

/** The day or month a mention stands for, as stored: "2025-05-28" or "2025-05". */
export function mentionValue(mention: TimeMention): string {
  return mention.precision === "day" ? mention.date : mention.month;
}

export interface PeriodReading {
  code: PeriodCode | null;
  label: string;
}

/** The period a report covers: "(avser tertial 1 2025)", "helår 2024", "Avser perioden 1/1–30/4 2026". */
export function periodCovered(text: string, year: number | null): PeriodReading | null {
  const range = /(?<![\d/])(\d{1,2})\/(\d{1,2})\s*(?:-|–|—|till)\s*(\d{1,2})\/(\d{1,2})(?:\s+(\d{4}))?/.exec(text);
  if (range) {
    const toMonth = Number(range[4]);
    const toDay = Number(range[3]);
    const code: PeriodCode | null =
      toMonth === 4 && toDay === 30
        ? "T1"
        : toMonth === 8 && toDay === 31
          ? "D"
          : toMonth === 12 && toDay === 31
            ? "H"
            : toMonth === 3
              ? "Q1"
              : toMonth === 6
                ? "Q2"
                : toMonth === 9
                  ? "Q3"
                  : null;
    const label = `${range[1]}/${range[2]}–${range[3]}/${range[4]}${range[5] ? ` ${range[5]}` : year ? ` ${year}` : ""}`;
    return { code, label };
  }
  const period = findPeriods(fold(text))[0];
  if (period) return { code: period.code, label: period.label };
  return null;
}

export function recurrenceOf(text: string): Recurrence | null {
  return findRecurrence(fold(text));
}
