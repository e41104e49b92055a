// The follow-up periods of an agreement year: vår (tertial 1), delår and helår, each from 1 January
// to a configurable last day.
import type { FollowUpOccasion } from "../agreements/agreement-model.ts";
import { fold } from "../shared/text/fold.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";

export type FollowUpPeriod = FollowUpOccasion;

export const followUpPeriods: readonly FollowUpPeriod[] = ["var", "delar", "helar"];

/** Last day of each period as MM-DD. */
export type PeriodEnds = Record<FollowUpPeriod, string>;

export const defaultPeriodEnds: PeriodEnds = { var: "04-30", delar: "08-31", helar: "12-31" };

export function isMonthDay(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2001, month, 0)).getUTCDate();
}

export function periodRange(
  period: FollowUpPeriod,
  year: number,
  ends: PeriodEnds = defaultPeriodEnds,
): { from: IsoDate; to: IsoDate } {
  return { from: `${year}-01-01`, to: `${year}-${ends[period]}` };
}

export const periodNames: Record<"sv" | "en", Record<FollowUpPeriod, string>> = {
  sv: { var: "våruppföljning (tertial 1)", delar: "delårsuppföljning", helar: "helårsuppföljning" },
  en: { var: "spring follow-up (tertial 1)", delar: "interim follow-up", helar: "full-year follow-up" },
};

/** "delår", "delar", "tertial 1", "T1", "helår", "full year", "annual", "interim", "half-year" → the period. */
export function readPeriodWord(text: string): FollowUpPeriod | null {
  const t = fold(text).replace(/[-_]/g, " ").replace(/\s+/g, " ").trim();
  if (/\b(var|varen|varuppfoljning|tertial 1|t1|spring|first tertial)\b/.test(t)) return "var";
  if (/\b(delar|delars\w*|delarsrapport|interim|half year|halfyear|mid year|t2|tertial 2)\b/.test(t)) return "delar";
  if (
    /\b(helar|helars\w*|full year|fullyear|annual|year end|whole year|arsredovisning|verksamhetsberattelse)\b/.test(t)
  )
    return "helar";
  return null;
}
