// Whether an answer passes a question of a question file: the facts it must contain, the dates
// it must (not) list, the window its deadlines must fall in, or the honest "not found". The file
// format is the one municipalities keep their own checks in (see README, "Checking the answers").
import { dueByDay } from "../../shared/text/swedish-dates.ts";
import type { Answer } from "../answer-model.ts";

export interface EvaluationQuestion {
  id: string;
  q: string;
  /** The asking day, YYYY-MM-DD. */
  today: string;
  /** Facts that must all be in the answer text. */
  all?: string[];
  /** At least one of these must be. */
  any?: string[];
  /** ISO dates the answer text or its deadlines must contain. */
  dates?: string[];
  /** ISO dates it must not list. */
  absent?: string[];
  /** Every listed deadline must fall in [from, to] by its date or its submission date; { from, to } is read too. */
  window?: [string, string] | { from: string; to: string };
  /** The question has no answer in the documents: found must be false, with no citations. */
  notfound?: boolean;
}

/** Case, diacritics and thousands separators do not matter: "22 250" = "22250", "Brandkärr" = "brandkarr". */
export function foldForGrading(text: unknown): string {
  return String(text ?? "")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/(\d)[\s\u00a0\u202f](?=\d{3}\b)/g, "$1");
}

/** A window as people write it in a question file: ["2026-03-01", "2026-03-31"] or { "from": …, "to": … }. */
export function windowOf(window: unknown): [string, string] | null {
  const iso = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (Array.isArray(window) && window.length === 2 && iso(window[0]) && iso(window[1])) return [window[0], window[1]];
  if (window && typeof window === "object" && !Array.isArray(window)) {
    const { from, to } = window as { from?: unknown; to?: unknown };
    if (iso(from) && iso(to)) return [from, to];
  }
  return null;
}

/** The reasons an answer fails the question; empty when it passes. */
export function gradeAnswer(question: EvaluationQuestion, answer: Answer): string[] {
  const why: string[] = [];
  const text = foldForGrading(answer.text);
  const all = foldForGrading(`${answer.text} ${JSON.stringify(answer.deadlines)}`);
  for (const fact of question.all ?? []) if (!text.includes(foldForGrading(fact))) why.push(`missing '${fact}'`);
  // An empty "any" asks for nothing, as a missing one does.
  if (question.any?.length && !question.any.some((fact) => text.includes(foldForGrading(fact))))
    why.push(`none of ${question.any.join("|")}`);
  for (const date of question.dates ?? []) if (!all.includes(date)) why.push(`missing date ${date}`);
  for (const date of question.absent ?? []) if (all.includes(date)) why.push(`should not list ${date}`);
  const window = windowOf(question.window);
  if (question.window && !window) why.push("window must be [from, to] or { from, to } with ISO dates");
  if (window) {
    const [from, to] = window;
    const inside = (day: string | null) => day !== null && day >= from && day <= to;
    for (const item of answer.deadlines) {
      // As scripts get it (`ask --json`): an item given by month is due by the month's last day.
      const date = dueByDay(item.date ?? "").slice(0, 10);
      if (date && !inside(date) && !inside(item.submissionDate)) why.push(`out of window ${date}`);
    }
  }
  if (question.notfound && (answer.found || answer.citations.length > 0)) why.push("answered an unanswerable question");
  return why;
}
