// "Vilka mål har äldrenämnden satt för 2027?", "list the special assignments in the KFN plan": a
// question that asks for the agreement's goals or assignments as such, about nothing else, is
// answered from what the reader read — the list, each with its number — not from a passage that
// happens to hold the words.
import type { Language } from "../shared/language.ts";
import { fold } from "../shared/text/fold.ts";
import type { Answer, Citation } from "./answer-model.ts";
import { namedAgreements, type PreparedCorpus } from "./prepared-corpus.ts";
import type { CorpusAssignment } from "./question-corpus.ts";
import type { ReadQuestion } from "./read-question.ts";
import { tokenize } from "./text-analysis.ts";

type Kinds = "goals" | "special" | "core" | "all";

// Folded words that name the kind asked for, Swedish and English.
const kindWords: Array<{ kinds: Kinds; pattern: RegExp }> = [
  { kinds: "special", pattern: /\b(sarskilda uppdrag\w*|sarskilt uppdrag\w*|special assignments?|special tasks?)\b/ },
  { kinds: "core", pattern: /\b(grunduppdrag\w*|core assignments?|basic assignments?|core tasks?)\b/ },
  {
    kinds: "goals",
    pattern: /\b(mal|malen|malet|namndmal\w*|kf-mal\w*|verksamhetsmal\w*|goals?|objectives?|aims?)\b/,
  },
  { kinds: "all", pattern: /\b(uppdrag|uppdragen|assignments?|tasks?)\b/ },
];
const asksForList = /\b(vilka|vilket|lista|list|which|what are|what goals|name the|rakna upp|ange)\b/;
// The words of such a question that are not its topic: the kind words, and how it is put.
const notTopic =
  /^(mal|malen|malet|namndmal\w*|kf|sarskild\w*|sarskilt|uppdrag\w*|grunduppdrag\w*|goal\w*|objective\w*|aim\w*|special|assignment\w*|task\w*|core|basic|lista|list|satt|satta|ge|gett|givit|har|finns|set|given|gave|agreement\w*|overenskommelse\w*|uppdragsplan\w*|uppdragsavtal\w*|bestallning\w*|plan|namnd\w*|committee\w*|division\w*|forvaltning\w*|kontor\w*|20\d\d)$/;

function kindsOf(folded: string): Kinds | null {
  for (const { kinds, pattern } of kindWords) if (pattern.test(folded)) return kinds;
  return null;
}

function matchesKinds(assignment: CorpusAssignment, kinds: Kinds): boolean {
  if (kinds === "all") return true;
  if (kinds === "goals") return assignment.kind.startsWith("mal");
  if (kinds === "special") return assignment.kind.startsWith("sarskilt");
  return assignment.kind === "grunduppdrag";
}

const headings: Record<Kinds, Record<Language, string>> = {
  goals: { sv: "Mål", en: "Goals" },
  special: { sv: "Särskilda uppdrag", en: "Special assignments" },
  core: { sv: "Grunduppdrag", en: "Core assignments" },
  all: { sv: "Uppdrag och mål", en: "Assignments and goals" },
};

/** The list answer, or null when the question is not one (or no agreement in its scope has such items). */
export function readStructureList(prepared: PreparedCorpus, question: ReadQuestion): Answer | null {
  const assignments = prepared.corpus.assignments ?? [];
  if (assignments.length === 0) return null;
  const folded = fold(question.text);
  const kinds = kindsOf(folded);
  if (!kinds || !asksForList.test(folded)) return null;
  const named = namedAgreements(prepared, question);
  const year = question.dates.year;
  let agreements = prepared.corpus.documents.filter(
    (d) => d.agreementId && (!named.ids || named.ids.has(d.agreementId)) && (year === null || d.year === year),
  );
  // About nothing but the kind: "vilka mål finns för biblioteken?" is about the libraries. A word of
  // an agreement's title ("… verksamhetsområde Funktionsstöd") names that agreement instead.
  const titleKeys = (title: string) => new Set(tokenize(title).map((t) => t.key));
  const topic = question.topicWords.filter(
    (w) => !named.words.has(w.key) && !w.soft && !w.optional && !w.hint && !notTopic.test(fold(w.text)),
  );
  for (const word of [...topic]) {
    const titled = agreements.filter((d) => titleKeys(d.title).has(word.key));
    if (titled.length === 0) continue;
    agreements = titled;
    topic.splice(topic.indexOf(word), 1);
  }
  if (topic.length > 0) return null;
  // One agreement, named or the only one of the year: a list of every agreement's goals answers no one.
  if (agreements.length !== 1) return null;
  const agreement = agreements[0]!;
  const listed = assignments.filter((a) => a.agreementId === agreement.agreementId && matchesKinds(a, kinds));
  if (listed.length === 0) return null;
  const language = question.language;
  const citations: Citation[] = listed.map((a) => ({
    agreement: agreement.agreementId,
    documentTitle: agreement.title,
    source: agreement.source,
    year: agreement.year,
    section: a.section,
    heading: a.title,
    quote: a.number ? `${a.number} ${a.title}` : a.title,
  }));
  // "Uppdragsplan 2026" alone does not say whose: the committee then goes with it.
  const committee = agreement.committee && !fold(agreement.title).includes(fold(agreement.committee).slice(0, 8));
  const name = committee ? `${agreement.title} (${agreement.committee})` : agreement.title;
  const intro =
    language === "en"
      ? `${headings[kinds].en} in ${name} (${listed.length}):`
      : `${headings[kinds].sv} i ${name} (${listed.length} st):`;
  const lines = listed.map((a, k) => `- ${a.number ? `${a.number} ` : ""}${a.title} [${k + 1}]`);
  return {
    question: question.text,
    language,
    intent: "content",
    found: true,
    text: [intro, "", ...lines].join("\n"),
    deadlines: [],
    groups: [],
    scope: null,
    citations,
    answeredYear: agreement.year,
    composedBy: "extractive",
  };
}
