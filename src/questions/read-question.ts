// Reads a question: its language, whether it asks for deadlines or for content, the time it
// is about, and the words that say what it is about.
import { detectLanguage, type Language } from "../shared/language.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import { readDateConstraint, type DateConstraint } from "./date-expressions.ts";
import { isStopKey, termKey, tokenize, translateEnglishTerms } from "./text-analysis.ts";

export type QuestionIntent = "deadlines" | "content";

export interface QuestionWord {
  text: string;
  key: string;
  /** Stands for the question's form ("hur många" → antal): ranks answers but is not required. */
  optional?: boolean;
}

export interface ReadQuestion {
  text: string;
  language: Language;
  intent: QuestionIntent;
  /** "när …" without a reporting word: answer with deadlines when the topic has any, else search the text. */
  weakDeadlineSignal: boolean;
  dates: DateConstraint;
  /** Words for the text search (stop words removed, English translated). */
  contentWords: QuestionWord[];
  /** Words that narrow deadlines to a topic (reporting words removed as well). */
  topicWords: QuestionWord[];
  /** Oral or written, when the question asks for one. */
  form: "oral" | "written" | null;
  /** Upper-case abbreviations written in the question ("KAN", "DSO"). */
  codes: string[];
  /** Reporting words of the question ("uppföljning"): they rank topic matches but do not narrow them. */
  reportingWords: QuestionWord[];
  /** True when the question is about handing in written material, so dates mean submission dates. */
  aboutSubmission: boolean;
}

const strongDeadline =
  /\b(redovis\p{L}*|rapporter\p{L}*|återrapport\p{L}*|lämna\p{L}* in|lämnas|inlämning\p{L}*|skicka\p{L}* in|due|deadlines?|submit\p{L}*|hand(?:ed)? in|sammanträde\p{L}*|nämndmöte\p{L}*|meetings?|frist\p{L}*|ska vara inne|reporting dates?|when .{0,40} report\p{L}*)\b/iu;
const weakDeadline = /\b(när|when|datum|dates?|upcoming|kommande)\b/iu;
// Words that ask about what an agreement says, even next to a reporting word ("vad ska ingå i redovisningen").
const contentMarker =
  /\b(hur mycket|how much|hur många|how many|hur länge|how long|målgrupp\p{L}*|target groups?|syfte\p{L}*|purpose|ingå\p{L}*|innehåll\p{L}*|contain\p{L}*|include\p{L}*|ersättning\p{L}*|budget\p{L}*|receive\p{L}*|vad innebär|what does .{0,40} mean|vad står|what does .{0,30} say)\b/iu;

// Words that ask for reporting in general and so do not narrow deadlines to a topic.
const reportingWords = new Set(
  (
    "redovisa redovisas redovisning redovisningar rapportera rapporteras rapport rapporter återrapportera återrapportering " +
    "lämna lämnas inlämning inlämnad inlämnat inlämnade underlag underlaget material vara skicka skickas due deadline deadlines submit submitted sammanträde sammanträdet sammanträden " +
    "möte mötet nämndmöte meeting meetings datum date dates upcoming kommande nästa next uppföljning follow skriftlig skriftligt " +
    "skriftliga muntlig muntligt muntliga written oral orally writing in inne klart ready list lista visa show vilket vilka " +
    "dags frist period perioden when när vad what whats nämnden committee överenskommelse överenskommelsen agreement avtal avtalet"
  )
    .split(/\s+/)
    .map(termKey),
);

export function readQuestion(question: string, today: IsoDate, fallbackLanguage: Language = "sv"): ReadQuestion {
  const text = question.trim();
  const language = detectLanguage(text, fallbackLanguage);
  const dates = readDateConstraint(text, today);
  const timeless = [...text].map((char, i) => (dates.spans.some(([s, e]) => i >= s && i < e) ? " " : char)).join("");
  const codes = [...new Set(timeless.match(/\b[A-ZÅÄÖ]{2,5}\b/gu) ?? [])];
  // Swedish question phrases that stand for a concept the documents name ("hur länge" → längd).
  const swedishPhrases = timeless.replace(/\bhur länge\b/giu, "längd").replace(/\bhur många\b/giu, "antal").replace(/\bhur mycket\b/giu, "belopp");
  const searchable = language === "en" ? translateEnglishTerms(timeless) : swedishPhrases;
  const formWords = new Set<string>();
  if (/\b(hur länge|how long)\b/iu.test(timeless)) formWords.add(termKey("längd"));
  if (/\b(hur många|how many)\b/iu.test(timeless)) formWords.add(termKey("antal"));
  if (/\b(hur mycket|how much)\b/iu.test(timeless)) formWords.add(termKey(language === "en" ? "ersättning" : "belopp"));
  const tokens = tokenize(searchable).filter((t) => !isStopKey(t.key) && !/^\d{1,3}$/.test(t.key));
  const contentWords = tokens.map((t) => {
    // The form word is optional unless the person also wrote it ("how much ... receive" → ersättning twice).
    const optional = formWords.has(t.key) && tokens.filter((o) => o.key === t.key).length === 1;
    return { text: t.word, key: t.key, ...(optional ? { optional: true } : {}) };
  });
  const unique = (words: QuestionWord[]) => words.filter((w, i) => words.findIndex((o) => o.key === w.key) === i);
  const topicWords = unique(contentWords.filter((w) => !reportingWords.has(w.key)));
  const questionReportingWords = unique(contentWords.filter((w) => reportingWords.has(w.key)));
  const aboutSubmission = /\b(inlämn\p{L}*|lämna\p{L}* in|underlag\p{L}*|material\p{L}*|submi\p{L}*|hand(?:ed)? in)\b/iu.test(text);

  const hasContentMarker = contentMarker.test(text);
  const timed = dates.explicit || dates.nextMeeting;
  let intent: QuestionIntent = "content";
  let weakDeadlineSignal = false;
  if (hasContentMarker && !timed) intent = "content";
  else if (strongDeadline.test(text) || timed || dates.periodCodes) intent = "deadlines";
  else if (weakDeadline.test(text)) {
    intent = "deadlines";
    weakDeadlineSignal = true;
  }
  const form = /\b(skriftlig\p{L}*|written|in writing)\b/iu.test(text) ? "written" : /\b(muntlig\p{L}*|oral\p{L}*)\b/iu.test(text) ? "oral" : null;
  return {
    text,
    language,
    intent,
    weakDeadlineSignal,
    dates,
    contentWords: unique(contentWords),
    topicWords,
    form,
    codes,
    reportingWords: questionReportingWords,
    aboutSubmission,
  };
}
