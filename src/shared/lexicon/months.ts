// Month names and abbreviations in Swedish and English (folded), for dates written in words
// ("den 4 juni", "17 december 2025", "i maj"), month timetables ("Februari: …") and questions.

const months: Array<{ number: number; sv: string[]; en: string[] }> = [
  { number: 1, sv: ["januari", "jan"], en: ["january", "jan"] },
  { number: 2, sv: ["februari", "feb"], en: ["february", "feb"] },
  { number: 3, sv: ["mars", "mar"], en: ["march", "mar"] },
  { number: 4, sv: ["april", "apr"], en: ["april", "apr"] },
  { number: 5, sv: ["maj"], en: ["may"] },
  { number: 6, sv: ["juni", "jun"], en: ["june", "jun"] },
  { number: 7, sv: ["juli", "jul"], en: ["july", "jul"] },
  { number: 8, sv: ["augusti", "aug"], en: ["august", "aug"] },
  { number: 9, sv: ["september", "sept", "sep"], en: ["september", "sept", "sep"] },
  { number: 10, sv: ["oktober", "okt"], en: ["october", "oct"] },
  { number: 11, sv: ["november", "nov"], en: ["november", "nov"] },
  { number: 12, sv: ["december", "dec"], en: ["december", "dec"] },
];

const byName = new Map<string, number>();
for (const month of months) for (const name of [...month.sv, ...month.en]) byName.set(name, month.number);

/** A regular-expression alternation of every Swedish month name, longest first. */
export const swedishMonthPattern = months
  .flatMap((m) => m.sv)
  .sort((a, b) => b.length - a.length)
  .join("|");

export const englishMonthPattern = months
  .flatMap((m) => m.en)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** 1–12 for a (folded, lower-case) month name or abbreviation in either language, else null. */
export function monthOf(word: string): number | null {
  return byName.get(word.toLowerCase().replace(/\.$/, "")) ?? null;
}

export const swedishMonthNames = months.map((m) => m.sv[0]!);
export const englishMonthNames = months.map((m) => m.en[0]!.replace(/^./, (c) => c.toUpperCase()));
