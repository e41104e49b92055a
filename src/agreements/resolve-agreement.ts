// Which agreement someone means: "sn", "kan 2025", "socialnämnden", "sn-dso-2026". One rule for the
// bot's commands and every `--agreement` of the CLI: committee and division codes, the id and its
// parts and the year match whole; names match from the start of a word, so "sn" never matches
// "arbetsmarknadsnämnden" and "kan" never matches "kandidat".
import { fold } from "../shared/text/fold.ts";

/** What the resolver reads of an agreement. */
export interface AgreementNames {
  id: string;
  title: string;
  committee: string | null;
  committeeCode: string | null;
  division: string | null;
  divisionCode: string | null;
  year: number | null;
}

export interface AgreementResolution<T extends AgreementNames> {
  /** The agreements every word (and the year) names. */
  matches: T[];
  /** Words that name none of the agreements: a typo, or words about something else. */
  unknownWords: string[];
}

/** Words of a name that say nothing about which agreement it is. */
const noiseWords = new Set(["och", "and", "med", "mellan", "for", "om", "the", "of", "between"]);

export function agreementWords(text: string): string[] {
  return fold(text)
    .split(/[\s,;:_/()-]+/)
    .map((w) => w.replace(/^[.'"”“]+|[.'"”“?!]+$/g, ""))
    .filter((w) => w.length > 0 && !noiseWords.has(w));
}

/** True when the word names the agreement by its id, a part of the id, a committee or division code, or its year. */
export function namesAgreementByKey(agreement: AgreementNames, word: string): boolean {
  const w = fold(word);
  if (/^20\d{2}$/.test(w)) return agreement.year === Number(w);
  const id = fold(agreement.id);
  if (w === id || id.split("-").includes(w)) return true;
  return [agreement.committeeCode, agreement.divisionCode].some((code) => code !== null && fold(code) === w);
}

/** True when the word names the agreement by key, or starts a word of its title, committee or division (three letters or more). */
export function namesAgreement(agreement: AgreementNames, word: string): boolean {
  if (namesAgreementByKey(agreement, word)) return true;
  const w = fold(word);
  if (w.length < 3 || /^\d+$/.test(w)) return false;
  return agreementWords(`${agreement.title} ${agreement.committee ?? ""} ${agreement.division ?? ""}`).some((name) =>
    name.startsWith(w),
  );
}

/**
 * The agreements a text (and optionally a year) names: every word must name the agreement. An exact
 * id wins outright, so "kan-dso-2025-2" is that agreement and not also "kan-dso-2025".
 */
export function resolveAgreement<T extends AgreementNames>(
  agreements: readonly T[],
  query: { text?: string; words?: readonly string[]; year?: number | null },
): AgreementResolution<T> {
  const inYear = agreements.filter((a) => query.year === undefined || query.year === null || a.year === query.year);
  const exact = query.text !== undefined ? inYear.filter((a) => fold(a.id) === fold(query.text!.trim())) : [];
  if (exact.length === 1) return { matches: exact, unknownWords: [] };
  const words = query.words ? query.words.flatMap(agreementWords) : agreementWords(query.text ?? "");
  return {
    matches: inYear.filter((a) => words.every((w) => namesAgreement(a, w))),
    unknownWords: words.filter((w) => !agreements.some((a) => namesAgreement(a, w))),
  };
}
