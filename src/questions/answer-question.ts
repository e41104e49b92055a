// Answers a question from the imported documents. Both readings are made — the reporting items
// it may be about, and the passages that may answer it — and the one with the stronger evidence
// answers: a question that names a time or asks when something is due gets its deadlines; one
// that asks who, how often, how much or what gets the text, even when it uses a reporting word.
// Pure: the prepared corpus and the asking day come in.
import type { Language } from "../shared/language.ts";
import { findDates, type IsoDate } from "../shared/text/swedish-dates.ts";
import type { Answer } from "./answer-model.ts";
import { readContent } from "./answer-content.ts";
import { readDeadlines } from "./answer-deadlines.ts";
import { readStructureList } from "./answer-structure.ts";
import type { EnglishToSwedish } from "./english-to-swedish.ts";
import type { SemanticQuery } from "./hybrid-ranking.ts";
import { namedAgreements, type PreparedCorpus } from "./prepared-corpus.ts";
import { readQuestion } from "./read-question.ts";

export { agreementLabel, prepareCorpus, type PreparedCorpus } from "./prepared-corpus.ts";

export interface AskContext {
  today: IsoDate;
  /** The language to fall back on when the question's words do not tell (the person's last language). */
  language?: Language;
  /** Read the question as one (a half of a two-part question is not split again). */
  single?: boolean;
}

/** Answers `question` from a prepared corpus, as asked on `context.today`; `semantic` is the question's vector when embeddings are on. */
export function answerFromCorpus(
  prepared: PreparedCorpus,
  question: string,
  context: AskContext,
  translator?: EnglishToSwedish | null,
  semantic?: SemanticQuery | null,
): Answer {
  const read = readQuestion(question, context.today, context.language ?? "sv", translator);
  // Several years ("the 2025 target value and the 2024 outcome"): the agreement is of a year we
  // hold; the other years name columns of its tables.
  const years = read.dates.years ?? [];
  if (years.length > 1) {
    const held = new Set(prepared.corpus.documents.filter((d) => d.agreementId && d.year !== null).map((d) => d.year));
    const agreementYear = years.find((y) => held.has(y));
    if (agreementYear !== undefined) read.dates = { ...read.dates, year: agreementYear };
  }
  // "Vilka mål har nämnden satt för 2027?": the agreement's goals as the reader read them.
  const structure = readStructureList(prepared, read);
  if (structure) return structure;
  const timed =
    read.dates.explicit ||
    read.dates.nextMeeting ||
    read.dates.nextOccasion ||
    Boolean(read.dates.yearMeeting) ||
    read.dates.periodCodes !== null;
  const asksForText = [
    "who",
    "where",
    "hours",
    "frequency",
    "amount",
    "number",
    "duration",
    "definition",
    "manner",
  ].includes(read.answerType);
  const deadlines = read.deadlineSignal !== "none" || timed ? readDeadlines(prepared, read, context.today) : null;
  const content = readContent(prepared, read, context.today, semantic);
  const halves = context.single ? null : splitTwoQuestions(question);
  const answerHalves = () =>
    halves!.map((half) =>
      answerFromCorpus(prepared, half, { ...context, language: read.language, single: true }, translator, semantic),
    );
  if (!deadlines)
    return halves && content.answer.found ? bothTextHalves(content.answer, answerHalves(), question) : content.answer;
  // The words that only name the parties or the municipality ("Ulvsjöbergs KFN") narrow the
  // agreements; they are no topic the items must be about.
  const named = namedAgreements(prepared, read);
  const ownTopic = read.topicWords.filter((w) => !named.words.has(w.key)).length;
  const chosen = choose(read, timed, asksForText, deadlines, content, ownTopic);
  // One question whose items and text each say something: the items first, the text as evidence.
  // (A half of a two-part question stays one answer; the halves are combined below.)
  if (
    !halves &&
    !context.single &&
    deadlines.answer.citations.length === 0 &&
    givesBoth(read, timed, chosen, deadlines, content)
  )
    return bothAnswers(deadlines.answer, content.answer, question);
  // "Vem ansvarar för X, och när redovisas Y?": two questions in one. Each half is read on its own;
  // when one is answered by reporting items and the other by the text, both answers are given.
  if (halves) {
    const parts = answerHalves();
    const list = parts.find((p) => p.intent === "deadlines" && p.found);
    const text = parts.find((p) => p.intent === "content" && p.found);
    if (list && text && list.citations.length === 0) return bothAnswers(list, text, question);
    // A half that leans on the other ("… and which points are reported on that occasion?"): the whole
    // question's two readings, when both answer it well.
    const other = chosen === deadlines.answer ? content.answer : deadlines.answer;
    const otherAnswers =
      other === content.answer
        ? content.answer.found && content.coverage >= 0.75
        : deadlines.answer.found && !deadlines.topicMissed && deadlines.topicScore >= 0.75;
    if (otherAnswers) {
      const [first, second] = chosen.intent === "deadlines" ? [chosen, other] : [other, chosen];
      if (first.citations.length === 0) return bothAnswers(first, second, question);
    }
    if (chosen.intent === "content") return bothTextHalves(chosen, parts, question);
  }
  return chosen;
}

/**
 * "Vem är produktionschef, och till vem skickar man underlagen?": two questions the text answers
 * in different places. The whole question's answer usually quotes one of them; when each half is
 * answered on its own from another passage, both are quoted, the second's sources numbered on.
 */
function bothTextHalves(whole: Answer, [first, second]: Answer[], question: string): Answer {
  if (!whole.found || !first || !second || !first.found || !second.found) return whole;
  // "… and who leads it?": a half that points back at the other is no question of its own.
  if (
    /\b(it|its|they|them|this|that|these|those|det|den|dess|dem|detta|denna|dessa|hen|han|hon)\b/i.test(second.question)
  )
    return whole;
  if (first.intent !== "content" || second.intent !== "content" || second.citations.length === 0) return whole;
  // One passage answers both halves: the whole question's answer is enough.
  if (first.citations.some((c) => c.quote === second.citations[0]!.quote)) return whole;
  const offset = first.citations.length;
  const renumbered = second.text.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + offset}]`);
  return {
    ...first,
    question,
    text: `${first.text}\n\n${renumbered}`,
    citations: [...first.citations, ...second.citations],
  };
}

/** Whether a question answered by one reading is better answered by both, the items first. */
function givesBoth(
  read: ReturnType<typeof readQuestion>,
  timed: boolean,
  chosen: Answer,
  deadlines: ReturnType<typeof readDeadlines>,
  content: ReturnType<typeof readContent>,
): boolean {
  if (chosen === content.answer)
    // "När måste förslaget … vara inne?" answered from the text: reporting items of the same topic
    // give the days (the meeting's and the material's).
    return (
      (read.answerType === "date" || (read.answerType === "frequency" && read.deadlineSignal === "strong")) &&
      deadlines.answer.found &&
      !deadlines.topicMissed &&
      deadlines.topicScore >= 0.5 &&
      deadlines.answer.deadlines.length <= 6
    );
  if (timed || !content.answer.found) return false;
  // "När ska årsrapporten för 2026 lämnas?" with a sentence that says it ("… till nämndens första
  // sammanträde 2027") beside the few items of the same words.
  if (read.answerType === "date")
    return (
      content.runningText &&
      (content.coverage >= 0.9 || (asksEvent(read.text) && content.coverage >= 0.6)) &&
      deadlines.answer.deadlines.length <= 3 &&
      saysMoreThanItems(content.answer, deadlines.answer)
    );
  // "Which case management system does the report want …?" read as a list of reports: the text
  // holds the question better than any item does.
  return (
    ["list", "any", "definition", "manner"].includes(read.answerType) &&
    content.coverage >= 0.6 &&
    content.coverage > deadlines.topicScore
  );
}

/**
 * "När ska förskolan öppna?", "when can the residents move in?", "when must the team be up and
 * running?": the day something happens, which the text states; reports about it are beside the point.
 */
export function asksEvent(question: string): boolean {
  return /(?<![\p{L}\d])(öppna\p{L}*|starta\p{L}*|flytta\p{L}* in|inflytt\p{L}*|träda?\p{L}* i kraft|införas|vara (?:i drift|i gång|igång|på plats|klar\p{L}*)|open(?:s|ed|ing)?|start(?:s|ed)?|move in|take effect|come into force|be (?:up and running|in place|operational|completed?|finished|built))(?![\p{L}\d])/iu.test(
    question,
  );
}

/** The text's quote gives no day the items give ("… redovisas skriftligt 2025-03-31" repeats the item; "… första sammanträdet 2027" does not). */
function saysMoreThanItems(text: Answer, list: Answer): boolean {
  const quote = text.citations[0]?.quote ?? "";
  const itemDays = new Set(list.deadlines.flatMap((d) => [d.date, d.meetingDate, d.submissionDate].filter(Boolean)));
  return !findDates(quote, null).some((d) => itemDays.has(d.date));
}

/** The reporting items, then the text's answer (its sources keep their numbers after a list that cites none). */
function bothAnswers(list: Answer, text: Answer, question: string): Answer {
  return { ...list, question, text: `${list.text}\n\n${text.text}`, citations: text.citations, also: text };
}

/** A second question joined to the first ("…, och vem ansvarar …", "…, och till vem …", "… and who is …"): the two, or null. */
function splitTwoQuestions(question: string): [string, string] | null {
  const joint =
    /[\p{L})]\s*,?\s+(?:och|samt|and)\s+(?=(?:(?:till|för|av|med|från|hos|to|for|from|with|by)\s+)?(?:när|vem|vilka|vilken|vilket|hur|var|vad|when|who|how|where|what|which)\b)/iu.exec(
      question,
    );
  if (!joint) return null;
  const first = question.slice(0, joint.index + 1).trim();
  const second = question.slice(joint.index + joint[0].length).trim();
  return first.split(/\s+/).length >= 3 && second.split(/\s+/).length >= 3 ? [`${first}?`, second] : null;
}

function choose(
  read: ReturnType<typeof readQuestion>,
  timed: boolean,
  asksForText: boolean,
  deadlines: ReturnType<typeof readDeadlines>,
  content: ReturnType<typeof readContent>,
  ownTopic: number,
): Answer {
  const deadlinesMatch = deadlines.answer.found && !deadlines.topicMissed;
  // A time in the question, with a reporting word or nothing else to go by: the list of what is due.
  // (Unless no item is of the topic or the structure named and the text answers: "for goal 3, which
  // indicator is reported in the spring report?" is answered by goal 3's table.)
  const textInstead = !deadlinesMatch && content.answer.found && ownTopic > 0;
  if (
    timed &&
    !textInstead &&
    (read.deadlineSignal === "strong" ||
      ownTopic === 0 ||
      !content.answer.found ||
      (read.answerType === "date" && deadlinesMatch))
  )
    return deadlines.answer;
  // "När ska X redovisas?", "when is the next report on X due?": X's reporting items. A plain
  // "när" ("när träder … i kraft?") is answered by the text when the text holds the date.
  // … unless the text holds the question far better than any item does ("när ska den första
  // uppföljningen göras efter att en insats startat?" is about a rule in the text, not a report).
  // A schedule's row is the reporting item itself, so only running text counts here.
  const textClearlyStronger =
    content.answer.found && content.runningText && content.coverage >= deadlines.topicScore + 0.15;
  if (read.answerType === "date" && read.deadlineSignal === "strong" && deadlinesMatch && !textClearlyStronger)
    return deadlines.answer;
  if (read.answerType === "date" && deadlinesMatch && (!content.answer.found || content.coverage < 0.75))
    return deadlines.answer;
  // "När ska utvärderingen in?" answered by a schedule's row: the row is the reporting item, which
  // says more (the material's last day, the form).
  if (read.answerType === "date" && deadlinesMatch && !content.runningText && deadlines.topicScore >= 0.75)
    return deadlines.answer;
  if (asksForText || read.answerType === "date") {
    if (content.answer.found) return content.answer;
    if (deadlinesMatch) return deadlines.answer;
    // "När ska X redovisas?" about something without reporting items: say so as a deadline answer.
    return read.answerType === "date" && read.deadlineSignal === "strong" ? deadlines.answer : content.answer;
  }
  // Lists ("vilka rapporter …", "what do we need to deliver …") with a reporting word.
  if (read.deadlineSignal === "strong" && deadlinesMatch && deadlines.topicScore >= 0.5) return deadlines.answer;
  if (content.answer.found && content.coverage >= 0.75) return content.answer;
  if (deadlinesMatch) return deadlines.answer;
  if (content.answer.found) return content.answer;
  return read.deadlineSignal === "strong" || timed ? deadlines.answer : content.answer;
}
