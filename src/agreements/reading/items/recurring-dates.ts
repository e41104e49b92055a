// Recurring reporting as dated items. The rule, kept consistent with how the reader dates
// everything else (a day when the text gives a day, a month when it gives only a month, no date
// when it gives only an occasion):
//   - "varje månad" / "månadsvis": one item per month of the agreement year, month precision
//     ("2026-03"), leaving out the months the text excepts ("utom januari och juli"). With a day
//     rule ("senast den 10:e i månaden efter") each month's item is that day, day precision.
//   - "kvartalsvis", "tertialvis", "halvårsvis": only with a day rule ("senast den 15:e i månaden
//     efter kvartalets utgång") — a quarter's report is due that day of the month after the
//     quarter ends (Q1 → 15 April, …, Q4 → 15 January the next year). Without one the text does
//     not say when in the quarter, so the item stays undated (a recurrence, no date).
//   - weekly and yearly recurrences stay undated.
// The year is the agreement's validity year; dates past December roll into the next year.
import { swedishMonthNames } from "../../../shared/lexicon/months.ts";
import { monthOf, swedishMonthPattern } from "../../../shared/lexicon/months.ts";
import type { PeriodCode, Recurrence } from "../../../shared/lexicon/periods.ts";
import { isoDate } from "../../../shared/text/swedish-dates.ts";

/** "senast den 15:e i månaden efter kvartalets utgång": day 15, one month after the period. */
export interface RecurringDue {
  day: number;
  monthsAfter: number;
}

export interface RecurringDate {
  /** "2026-04-15" or "2026-03". */
  value: string;
  precision: "day" | "month";
  periodCode: PeriodCode | null;
  /** "kvartal 1 2026", "mars 2026". */
  label: string;
  /** The period's own name without the year, for titles ("kvartal 1"); null for months. */
  periodName: string | null;
}

/** The day a recurring report is due, from folded text: "den 15:e i månaden efter", "senast den 10 varje månad". */
export function recurringDue(folded: string): RecurringDue | null {
  const match =
    /\bden\s+(\d{1,2})(?::?[ae])?\s+(?:i\s+|varje\s+)?(?:manad(?:en)?|efterfoljande manad)(\s+(?:efter|darpa))?/.exec(
      folded,
    );
  // "Varje månad, senast den 10:e": a day of the month without a month named after it.
  const bare =
    match ??
    new RegExp(`\\bsenast\\s+(?:den\\s+)?(\\d{1,2})(?::?[ae])?\\b(?!\\s*(?:${swedishMonthPattern}|\\/|-|\\.\\d))`).exec(
      folded,
    );
  if (!bare) return null;
  if (!match) {
    const day = Number(bare[1]);
    return day >= 1 && day <= 31 ? { day, monthsAfter: 0 } : null;
  }
  const day = Number(match[1]);
  if (day < 1 || day > 31) return null;
  return { day, monthsAfter: match[2] || /efterfoljande/.test(match[0]) ? 1 : 0 };
}

/**
 * The months a recurrence leaves out: "varje månad utom januari och juli" → [1, 7]; a stated span
 * leaves out the months outside it ("februari–december" → [1]).
 */
export function exceptedMonths(folded: string): number[] {
  const outside: number[] = [];
  const span = new RegExp(
    `\\b(?:fran\\s+)?(${swedishMonthPattern})\\s*(?:[–-]|till|t\\.?\\s?o\\.?\\s?m\\.?)\\s*(${swedishMonthPattern})\\b`,
  ).exec(folded);
  if (span) {
    const first = monthOf(span[1]!);
    const last = monthOf(span[2]!);
    if (first !== null && last !== null && first < last)
      for (let month = 1; month <= 12; month++) if (month < first || month > last) outside.push(month);
  }
  const list = new RegExp(
    `\\b(?:utom|forutom|med undantag (?:for|av))\\s+((?:${swedishMonthPattern})(?:\\s*(?:,|och|samt)\\s*(?:${swedishMonthPattern}))*)`,
  ).exec(folded);
  if (!list) return outside;
  const excepted = [...list[1]!.matchAll(new RegExp(`${swedishMonthPattern}`, "g"))]
    .map((m) => monthOf(m[0]))
    .filter((m): m is number => m !== null);
  return [...new Set([...outside, ...excepted])].sort((a, b) => a - b);
}

const periodsOf: Partial<Record<Recurrence, { months: number; code: (k: number) => PeriodCode | null; name: string }>> =
  {
    quarterly: { months: 3, code: (k) => `Q${k}` as PeriodCode, name: "kvartal" },
    tertially: { months: 4, code: (k) => `T${k}` as PeriodCode, name: "tertial" },
    "half-yearly": { months: 6, code: (k) => (k === 1 ? "D" : "H"), name: "halvår" },
  };

function dayOf(year: number, month: number, day: number): string | null {
  const rolled = year + Math.floor((month - 1) / 12);
  return isoDate(rolled, ((month - 1) % 12) + 1, day);
}

/** The dated occasions of a recurrence in `year` (see the rule at the top); empty when it stays undated. */
export function recurringDates(
  recurrence: Recurrence,
  year: number,
  due: RecurringDue | null,
  except: number[] = [],
): RecurringDate[] {
  if (recurrence === "monthly") {
    const dates: RecurringDate[] = [];
    for (let month = 1; month <= 12; month++) {
      if (except.includes(month)) continue;
      const label = `${swedishMonthNames[month - 1]} ${year}`;
      const value = due ? dayOf(year, month + due.monthsAfter, due.day) : `${year}-${String(month).padStart(2, "0")}`;
      if (value) dates.push({ value, precision: due ? "day" : "month", periodCode: null, label, periodName: null });
    }
    return dates;
  }
  const periods = periodsOf[recurrence];
  if (!periods || !due) return [];
  const dates: RecurringDate[] = [];
  for (let k = 1; k * periods.months <= 12; k++) {
    const value = dayOf(year, k * periods.months + due.monthsAfter, due.day);
    if (!value) continue;
    const periodName = `${periods.name} ${k}`;
    dates.push({ value, precision: "day", periodCode: periods.code(k), label: `${periodName} ${year}`, periodName });
  }
  return dates;
}
