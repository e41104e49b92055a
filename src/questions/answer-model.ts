// What the question engine returns, for every adapter (Teams, CLI, benchmark) alike.
import type { DeadlineRecord } from "../agreements/agreement-store.ts";
import type { Language } from "../shared/language.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import type { QuestionIntent } from "./read-question.ts";

export interface Citation {
  /** Agreement id ("kan-dso-2025") or, for other documents, null. */
  agreement: string | null;
  documentTitle: string;
  source: string;
  year: number | null;
  /** Section number ("3.1"), or null for an unnumbered heading. */
  section: string | null;
  heading: string;
  /** The sentence or table row that answers, as written in the document (Swedish). */
  quote: string;
}

export interface DeadlineGroup {
  date: IsoDate | null;
  past: boolean;
  items: DeadlineRecord[];
}

export interface Answer {
  question: string;
  language: Language;
  intent: QuestionIntent;
  found: boolean;
  /** The text a user sees. */
  text: string;
  /** Deadline answers: the items, and the same items grouped by date. */
  deadlines: DeadlineRecord[];
  groups: DeadlineGroup[];
  /** What time the deadlines cover, in the answer's language ("före 28 maj 2025"). */
  scope: string | null;
  citations: Citation[];
  /** The agreement year the answer is taken from, when one. */
  answeredYear: number | null;
  /** "extractive" (default) or "llm" when a configured model wrote the text from the citations. */
  composedBy: "extractive" | "llm";
  /** A question that asked two things ("När redovisas X, och vem ansvarar …?"): the text's answer to the other. */
  also?: Answer;
}
