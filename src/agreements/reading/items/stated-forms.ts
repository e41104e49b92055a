// A form stated once for a section's reports: "Vårrapport, delårsrapport och helårsrapport lämnas
// skriftligt i Stratsys", "Rapporterna lämnas muntligt". It applies to the reports of the section
// and of its timetable that do not say their own form.
import { swedishMonthPattern } from "../../../shared/lexicon/months.ts";
import { fold } from "../../../shared/text/fold.ts";
import type { ReportForm } from "../../agreement-model.ts";
import { findTimeMentions } from "../time-mentions.ts";
import { findSubmissionRule, formOf } from "./reporting-language.ts";
import { splitSentences } from "./sentences.ts";

export interface FormStatement {
  form: ReportForm;
  /** The kinds of report it names ("varrapport", "delarsrapport"), or "all" for reports in general. */
  kinds: string[] | "all";
}

const monthWord = new RegExp(`\\b(${swedishMonthPattern})\\b`, "u");
const deliveryVerb =
  /\b(lamnas|redovisas|rapporteras|aterrapporteras|foredras|presenteras|sker|ges|gors|skickas|foljs upp)\b/;
const generalSubject =
  /^(rapport|rapporter|rapporterna|aterrapportering\w*|uppfoljning\w*|redovisning\w*|rapportering\w*)$/;

/** The form a sentence states for reports without giving a date; null when it states none. */
export function formStatementOf(sentence: string): FormStatement | null {
  const folded = fold(sentence);
  const verb = deliveryVerb.exec(folded);
  if (!verb) return null;
  // A dated sentence is a report of its own; a rule for written material is not a form.
  if (
    findTimeMentions(sentence, null).length > 0 ||
    monthWord.test(folded) ||
    findSubmissionRule(sentence) ||
    /tillhanda/.test(folded)
  )
    return null;
  // The form is said of the delivery ("lämnas skriftligt"), not of the subject ("Skriftliga rapporter …").
  const form = formOf(folded.slice(verb.index));
  if (!form) return null;
  const subject = folded
    .slice(0, verb.index)
    .split(/[^a-z]+/)
    .filter(Boolean);
  const kinds = subject
    .filter((w) => /^\p{L}+rapport(en|er|erna)?$/u.test(w))
    .map((w) => w.replace(/(en|er|erna)$/, ""));
  if (kinds.length > 0) return { form, kinds };
  const last = subject.at(-1) ?? "";
  return subject.length <= 3 && generalSubject.test(last) ? { form, kinds: "all" } : null;
}

/** The statements of a text, in order. */
export function formStatementsIn(text: string): FormStatement[] {
  return splitSentences(text).flatMap((s) => formStatementOf(s) ?? []);
}

/** The stated form for a report with this title, or null. */
export function statedFormFor(title: string, statements: FormStatement[]): ReportForm | null {
  const folded = fold(title).replace(/[^a-z]+/g, " ");
  for (const statement of statements) {
    if (statement.kinds === "all") return statement.form;
    if (statement.kinds.some((kind) => folded.split(" ").some((w) => w.startsWith(kind)))) return statement.form;
  }
  return null;
}
