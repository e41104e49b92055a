// Small readers of cell text shared by the table detectors: is this line only a date, only a
// form, only a recipient? Used to tell the columns of a table apart when its cells arrive one per
// line, and to split a wrapped two-column row.
import { dueCue, oralCue, recipientOf, writtenCue } from "../../../shared/lexicon/agreement-vocabulary.ts";
import { swedishMonthPattern } from "../../../shared/lexicon/months.ts";
import { fold } from "../../../shared/text/fold.ts";

const isoDay = /\d{4}-\d{1,2}-\d{1,2}/;
const dateOnly = new RegExp(
  `^(?:(?:senast|den|fore|före|vid|datum|sammantrade\\w*|sammanträde\\w*|t\\.?o\\.?m\\.?)\\s+){0,2}(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}(?::?[ae])?\\s+(?:${swedishMonthPattern})\\.?(?:\\s+\\d{4})?|(?:i\\s+)?(?:slutet|borjan|mitten)\\s+av\\s+(?:${swedishMonthPattern})(?:\\s+\\d{4})?|(?:${swedishMonthPattern})\\.?(?:\\s+\\d{4})?|\\d{1,2}/\\d{1,2}(?:[ -]\\d{4})?|v(?:ecka)?\\.?\\s*\\d{1,2}(?:\\s+\\d{4})?)[.,;]?(?:\\s*\\([^)]{0,60}\\))?$`,
  "iu",
);

/** "2025-05-28", "28 maj", "Maj 2025", "senast 2025-10-15", "v. 23": the line is a date and nothing else. */
export function isDateOnly(text: string): boolean {
  return dateOnly.test(fold(text.trim()));
}

export function hasIsoDay(text: string): boolean {
  return isoDay.test(text);
}

/** "Muntlig", "Skriftlig rapport (avser tertial 1 2025)", "Muntlig och skriftlig redovisning". */
export function isFormCell(text: string): boolean {
  const folded = fold(text.trim());
  if (folded.length > 110) return false;
  return (
    new RegExp(`^(${oralCue.source}|${writtenCue.source})`).test(folded) &&
    !/underlag/.test(folded.split(/\s+/).slice(0, 2).join(" "))
  );
}

/** "Till nämnden", "Sakkunnig", "Skriftliga underlag till sakkunnig tre veckor innan sammanträdet". */
export function isRecipientCell(text: string): boolean {
  const folded = fold(text.trim());
  if (folded.length > 160) return false;
  if (/underlag/.test(folded) && /(veck|dag)\w*\s+(innan|fore|for|infor)/.test(folded)) return true;
  if (folded.length > 60) return false;
  return recipientOf(folded, "namnden") !== null && !dueCue.test(folded) && !/\d{4}-\d{2}/.test(folded);
}
