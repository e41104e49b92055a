// Calendar dates as they are written in Swedish agreements: ISO ("2025-05-28"), words
// ("den 4 juni", "17 december 2026", "28 maj") and day/month periods ("1/1–30/4 2026").
// Dates are plain "YYYY-MM-DD" strings: a reporting date is a day in the municipality's
// calendar, not an instant, so no time zone may shift it.

export type IsoDate = string;

const monthNames: Array<[RegExp, number]> = [
  [/^jan(uari)?$/, 1],
  [/^feb(ruari)?$/, 2],
  [/^mar(s)?$/, 3],
  [/^apr(il)?$/, 4],
  [/^maj$/, 5],
  [/^jun(i)?$/, 6],
  [/^jul(i)?$/, 7],
  [/^aug(usti)?$/, 8],
  [/^sep(t|tember)?$/, 9],
  [/^okt(ober)?$/, 10],
  [/^nov(ember)?$/, 11],
  [/^dec(ember)?$/, 12],
];

export const monthPattern =
  "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec";

export function monthNumber(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, "");
  for (const [pattern, month] of monthNames) if (pattern.test(lower)) return month;
  return null;
}

export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Subtracts working days (Monday–Friday); public holidays are not known here. */
export function subtractWorkingDays(date: IsoDate, days: number): IsoDate {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, -1);
    const weekday = new Date(`${current}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return current;
}

export function isValidIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isoDate(Number(match[1]), Number(match[2]), Number(match[3])) === text;
}

export interface DateMention {
  date: IsoDate;
  /** Offset and length of the mention in the searched text. */
  index: number;
  length: number;
  /** "iso" for 2025-05-28; "words" for "den 4 juni"; words without a year take the default year. */
  style: "iso" | "words";
  explicitYear: boolean;
  /** True when the date is one end of a range such as "2023-10-01--2028-09-30". */
  inRange: boolean;
}

const isoPattern = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/g;
const wordPattern = new RegExp(
  `(?<![\\p{L}\\d])(?:den\\s+)?(\\d{1,2})(?::[ae])?\\s+(${monthPattern})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}])`,
  "giu",
);

/**
 * Every calendar date mentioned in `text`. Dates written without a year ("den 4 juni") take
 * `defaultYear`; without one they are skipped, because guessing a year invents a deadline.
 */
export function findDates(text: string, defaultYear: number | null): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(isoPattern)) {
    const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    if (!date) continue;
    // "2023-10-01--2028-09-30", "2026-01-01 till 2028-12-31": both ends of a period, not single dates.
    const before = text.slice(Math.max(0, match.index - 16), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 16);
    const inRange =
      /\d\s*(--|–|—|-|till|t\.?o\.?m\.?)\s*$/.test(before) || /^\s*(--|–|—|-|till|t\.?o\.?m\.?)\s*\d{4}-\d/.test(after);
    mentions.push({ date, index: match.index, length: match[0].length, style: "iso", explicitYear: true, inRange });
  }
  for (const match of text.matchAll(wordPattern)) {
    const month = monthNumber(match[2]!);
    const year = match[3] ? Number(match[3]) : defaultYear;
    if (!month || !year) continue;
    const date = isoDate(year, month, Number(match[1]));
    if (!date) continue;
    mentions.push({
      date,
      index: match.index,
      length: match[0].length,
      style: "words",
      explicitYear: Boolean(match[3]),
      inRange: false,
    });
  }
  return mentions.sort((a, b) => a.index - b.index);
}

export interface DayMonthRange {
  from: IsoDate;
  to: IsoDate;
  index: number;
  length: number;
}

/** Periods written as day/month pairs: "1/1-30/4 2026", "1/1–31/8". */
export function findDayMonthRanges(text: string, defaultYear: number | null): DayMonthRange[] {
  const ranges: DayMonthRange[] = [];
  const pattern = /(?<![\d/])(\d{1,2})\/(\d{1,2})\s*(?:-|–|—|till)\s*(\d{1,2})\/(\d{1,2})(?:\s+(\d{4}))?/g;
  for (const match of text.matchAll(pattern)) {
    const year = match[5] ? Number(match[5]) : defaultYear;
    if (!year) continue;
    const from = isoDate(year, Number(match[2]), Number(match[1]));
    const to = isoDate(year, Number(match[4]), Number(match[3]));
    if (from && to && from <= to) ranges.push({ from, to, index: match.index, length: match[0].length });
  }
  return ranges;
}

/** Month named without a day ("i april", "sammanträdet i oktober"): 1–12, or null. */
export function findMonthOnly(text: string): Array<{ month: number; index: number }> {
  const result: Array<{ month: number; index: number }> = [];
  const pattern = new RegExp(`(?<![\\p{L}])(?:i|den|under)\\s+(${monthPattern})(?![\\p{L}])`, "giu");
  for (const match of text.matchAll(pattern)) {
    const month = monthNumber(match[1]!);
    if (month) result.push({ month, index: match.index });
  }
  return result;
}

/** The calendar date of `instant` in `timeZone` (the municipality's day, Europe/Stockholm by default). */
export function calendarDate(instant: Date, timeZone = "Europe/Stockholm"): IsoDate {
  // sv-SE formats as YYYY-MM-DD, which is exactly our IsoDate.
  return formatter(
    `date|${timeZone}`,
    () => new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
  ).format(instant);
}

// Building an Intl formatter costs far more than using one; summaries and digests format thousands of instants.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = make()));
  return found;
}

/** "2026-11-23 09:41" in the municipality's time zone, for receipts and history lines. */
export function localDateTime(instant: Date, timeZone = "Europe/Stockholm"): string {
  const parts = formatter(
    `datetime|${timeZone}`,
    () =>
      new Intl.DateTimeFormat("sv-SE", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
  ).format(instant);
  return parts.replace(",", "");
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The ISO year and week a day belongs to (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekNumber(date: IsoDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week =
    Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / (7 * 86_400_000)) + 1;
  return { year, week };
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The day something is due by: the day itself, or for a month ("2026-05", "redovisas i maj") its last day. */
export function dueByDay(date: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  return month ? lastDayOfMonth(Number(month[1]), Number(month[2])) : date;
}
