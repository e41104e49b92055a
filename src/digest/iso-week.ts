// ISO 8601 weeks ("2026-W48"): the digest is sent once per week and recipient.
import { addDays, isoWeekday, isoWeekNumber, type IsoDate } from "../shared/text/swedish-dates.ts";

export type IsoWeek = string;

/** The ISO week a calendar day belongs to (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const { year, week } = isoWeekNumber(date);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function mondayOf(week: IsoWeek): IsoDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`not an ISO week: ${week}`);
  const jan4 = `${match[1]}-01-04`;
  const firstMonday = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(firstMonday, (Number(match[2]) - 1) * 7);
}

/** Accepts "2026-W48" (or "2026w48"); null for anything else or a week the year does not have. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = /^(\d{4})-?[Ww](\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const week = `${match[1]}-W${match[2]!.padStart(2, "0")}`;
  return Number(match[2]) >= 1 && isoWeekOf(mondayOf(week)) === week ? week : null;
}
