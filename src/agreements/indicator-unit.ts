// What an indicator's figures are: a number of people or things, a share, an amount of money or a
// rate per inhabitants. The unit decides how the status form asks for the figures and whether a
// total is women + men. Read from the indicator's name; pure, OCR-tolerant (names from scanned
// agreements arrive folded and mangled).
import { fold } from "../shared/text/fold.ts";

export type IndicatorUnit = "count" | "share" | "amount" | "rate";

export const indicatorUnits: readonly IndicatorUnit[] = ["count", "share", "amount", "rate"];

// "antal/1000 inv", "per 1 000 invånare", "antal/inv 21-64 år", "kostnad per brukare": a figure per
// people (not per month or year, which is still a count).
const ratePattern =
  /\/\s*(\d[\d\s]*)?\s*inv|\bper\s+\d[\d\s]*\s*(inv|invanare|barn|elever|brukare|personer)|\bper\s+(invanare|inv\b|capita|brukare|elev|barn|deltagare|person|anstalld|arsarbetare|plats|vardtagare)|promille|‰/;
// "andel (%)", "andel av befolkningen", "procent", "Nöjdhet (%)".
const sharePattern = /\bandel|procent|%/;
// "Kostnad för …, tkr", "belopp", "kronor".
const amountPattern = /\btkr\b|\bmkr\b|\bkr\b|\bkronor\b|\bsek\b|\bkostnad|\bbelopp\b|\bintakt|\bersattning/;
// "Antal personer i arbetsträning", "antalet besök", "… (st)".
const countPattern = /\bantal(et)?\b|\bstycken\b|\(st\)|\bst\.?$/;

/**
 * "Antal personer …" → count, "… andel (%)" → share, "Kostnad …, tkr" → amount, "… antal/1000 inv"
 * → rate; null when the name does not say (then nothing is added up).
 */
export function indicatorUnitOf(name: string): IndicatorUnit | null {
  const text = fold(name).replace(/\s+/g, " ").trim();
  if (ratePattern.test(text)) return "rate";
  if (sharePattern.test(text)) return "share";
  if (amountPattern.test(text)) return "amount";
  if (countPattern.test(text)) return "count";
  return null;
}

/** Counts and amounts add up: women + men is a total. Shares and rates (and unknown units) do not. */
export function isAdditive(unit: IndicatorUnit | null): boolean {
  return unit === "count" || unit === "amount";
}

export function isIndicatorUnit(value: unknown): value is IndicatorUnit {
  return typeof value === "string" && (indicatorUnits as readonly string[]).includes(value);
}

/** A figure as cards, Markdown and Word show it: "1 200", "3,5 %" (sv) or "3.5 %" (en); "–" when missing. */
export function formatFigure(value: number | null, unit: IndicatorUnit | null, language: "sv" | "en"): string {
  if (value === null) return "–";
  const number = value.toLocaleString(language === "sv" ? "sv-SE" : "en-GB");
  return unit === "share" ? `${number} %` : number;
}
