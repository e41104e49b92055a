// Answers a question from the imported agreements: deadline questions from the reporting items,
// content questions from the best passage, always with where it comes from, and plainly "not
// found" when the documents do not answer. Pure: the corpus and the asking date come in.
import type { DeadlineRecord } from "../agreements/agreement-store.ts";
import type { Language } from "../shared/language.ts";
import { fold } from "../shared/text/fold.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import type { Answer, Citation, DeadlineGroup } from "./answer-model.ts";
import { renderAnswerText } from "./answer-text.ts";
import { PassageIndex, type PassageHit, type QueryTerm } from "./passage-index.ts";
import type { CorpusDocument, QuestionCorpus } from "./question-corpus.ts";
import { readQuestion, type QuestionWord, type ReadQuestion } from "./read-question.ts";
import { tokenize, isStopKey } from "./text-analysis.ts";

/** Share of the question's (rarity-weighted) words the best passage must contain to count as an answer. */
export const minimumCoverage = 0.6;

export interface PreparedCorpus {
  corpus: QuestionCorpus;
  index: PassageIndex;
  documentsByAgreement: Map<string, CorpusDocument>;
  /** Per deadline: keys of its title, assignment and section heading; and of its section's text. */
  deadlineKeys: Array<{ primary: Set<string>; secondary: Set<string> }>;
  /** Committee name words and codes → agreement ids they select. */
  committeeKeys: Map<string, Set<string>>;
  committeeCodes: Map<string, Set<string>>;
}

function keysOf(text: string, index: PassageIndex): Set<string> {
  const keys = new Set<string>();
  for (const token of tokenize(text)) {
    if (isStopKey(token.key)) continue;
    keys.add(token.key);
    for (const part of index.vocabulary.compoundParts(token.key)) keys.add(part);
  }
  return keys;
}

export function prepareCorpus(corpus: QuestionCorpus): PreparedCorpus {
  const index = new PassageIndex(corpus.documents, corpus.sections);
  const documentsByAgreement = new Map<string, CorpusDocument>();
  for (const document of corpus.documents) if (document.agreementId) documentsByAgreement.set(document.agreementId, document);
  const sectionsByNumber = new Map<string, { heading: string; text: string }>();
  for (const section of corpus.sections) {
    if (section.number) sectionsByNumber.set(`${section.documentId}|${section.number}`, section);
  }
  const deadlineKeys = corpus.deadlines.map((item) => {
    const document = documentsByAgreement.get(item.agreement.id);
    const section = document && item.section ? sectionsByNumber.get(`${document.documentId}|${item.section}`) : undefined;
    return {
      primary: keysOf([item.title, item.assignment ?? "", section?.heading ?? ""].join(" "), index),
      secondary: keysOf(section?.text ?? "", index),
    };
  });
  const committeeKeys = new Map<string, Set<string>>();
  const committeeCodes = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, agreementId: string) => {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(agreementId);
  };
  for (const document of corpus.documents) {
    if (!document.agreementId) continue;
    for (const token of tokenize(document.committee ?? "")) {
      // Only the distinctive word of a committee's name ("socialnämnden"), not "kompetens" or "och".
      if (/(namnd|styrels)/.test(token.key) && token.key.length >= 8) add(committeeKeys, token.key, document.agreementId);
    }
    if (document.committeeCode) add(committeeCodes, document.committeeCode.toUpperCase(), document.agreementId);
    if (document.divisionCode) add(committeeCodes, document.divisionCode.toUpperCase(), document.agreementId);
  }
  return { corpus, index, documentsByAgreement, deadlineKeys, committeeKeys, committeeCodes };
}

export interface AskContext {
  today: IsoDate;
  /** The language to fall back on when the question's words do not tell (the person's last language). */
  language?: Language;
}

/** Which agreements the question names by committee or code; null when it names none. */
function namedAgreements(prepared: PreparedCorpus, question: ReadQuestion): { ids: Set<string> | null; words: Set<string> } {
  const ids = new Set<string>();
  const words = new Set<string>();
  for (const word of question.contentWords) {
    const hit = prepared.committeeKeys.get(word.key);
    if (hit) {
      hit.forEach((id) => ids.add(id));
      words.add(word.key);
    }
  }
  for (const code of question.codes) {
    const hit = prepared.committeeCodes.get(code);
    if (hit) {
      hit.forEach((id) => ids.add(id));
      words.add(tokenize(code)[0]?.key ?? code.toLowerCase());
    }
  }
  return { ids: ids.size ? ids : null, words };
}

function queryTerms(prepared: PreparedCorpus, words: QuestionWord[]): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const word of words) {
    const vocabulary = prepared.index.vocabulary;
    // A compound the documents never use is searched as its parts ("arbetsträningsplatser").
    const parts = vocabulary.has(word.key) ? [] : vocabulary.compoundParts(word.key);
    const optional = word.optional ? { optional: true } : {};
    if (parts.length) for (const part of parts) terms.push({ ...prepared.index.queryTerm(word.text, part), ...optional });
    else terms.push({ ...prepared.index.queryTerm(word.text, word.key), ...optional });
  }
  return terms;
}

function topicScore(prepared: PreparedCorpus, topic: QueryTerm[], keys: Set<string>): number {
  const total = topic.reduce((sum, t) => sum + t.weight, 0);
  let matched = 0;
  for (const term of topic) {
    if (term.alternatives.some((alternative) => alternative.weight >= 0.75 && keys.has(alternative.key))) matched += term.weight;
  }
  return total ? matched / total : 0;
}

function occasionCode(item: DeadlineRecord): string | null {
  if (item.periodCode) return item.periodCode;
  return item.occasion === "var" ? "V" : item.occasion === "delar" ? "D" : item.occasion === "helar" ? "H" : null;
}

function answerDeadlines(prepared: PreparedCorpus, question: ReadQuestion, today: IsoDate): Answer | null {
  const { dates } = question;
  const named = namedAgreements(prepared, question);
  const topicWords = question.topicWords.filter((w) => !named.words.has(w.key));
  const topic = queryTerms(prepared, topicWords);

  let candidates = prepared.corpus.deadlines.map((item, i) => ({ item, keys: prepared.deadlineKeys[i]! }));
  if (named.ids) candidates = candidates.filter(({ item }) => named.ids!.has(item.agreement.id));
  if (dates.year !== null) candidates = candidates.filter(({ item }) => (item.agreement.year ?? Number(item.date?.slice(0, 4))) === dates.year);
  if (question.form) candidates = candidates.filter(({ item }) => item.form === question.form || item.form === "both");

  let topicMissed = false;
  if (topic.length) {
    const scored = candidates.map((c) => ({ ...c, score: topicScore(prepared, topic, c.keys.primary) }));
    let best = Math.max(0, ...scored.map((s) => s.score));
    if (best < 0.5) {
      // The topic may only be named in the assignment's section text ("Jobbtorg").
      for (const s of scored) s.score = Math.max(s.score, 0.8 * topicScore(prepared, topic, new Set([...s.keys.primary, ...s.keys.secondary])));
      best = Math.max(0, ...scored.map((s) => s.score));
    }
    if (best < 0.5) {
      topicMissed = true;
      candidates = [];
    } else {
      // Reporting words ("ekonomisk uppföljning") only decide between equally good topic matches.
      const reporting = queryTerms(prepared, question.reportingWords);
      const ranked = scored.map((s) => ({ ...s, score: s.score + (reporting.length ? 0.3 * topicScore(prepared, reporting, s.keys.primary) : 0) }));
      const top = Math.max(...ranked.map((s) => s.score));
      candidates = ranked.filter((s) => s.score >= best && s.score >= top - 1e-9);
    }
  }
  if (topicMissed && question.weakDeadlineSignal) return null;

  let items = candidates.map((c) => c.item);
  let scopeSv = dates.description?.sv ?? null;
  let scopeEn = dates.description?.en ?? null;
  if (dates.periodCodes) {
    const codes = new Set<string>(dates.periodCodes);
    items = items.filter((item) => codes.has(occasionCode(item) ?? ""));
    if (!dates.explicit && dates.year === null) {
      // "När ska delåret redovisas?": the current agreement year's, or the latest one that has it.
      const years = [...new Set(items.map((item) => item.agreement.year ?? 0))].sort((a, b) => b - a);
      const year = years.find((y) => y <= Number(today.slice(0, 4))) ?? years[years.length - 1];
      items = items.filter((item) => (item.agreement.year ?? 0) === year);
      if (year) {
        scopeSv = `${scopeSv} ${year}`;
        scopeEn = `${scopeEn} ${year}`;
      }
    }
  } else items = items.filter((item) => item.date !== null);

  if (dates.nextMeeting) {
    const meetingOf = (item: DeadlineRecord) => item.meetingDate ?? item.date;
    const next = items.map(meetingOf).filter((d): d is string => d !== null && d >= today).sort()[0];
    items = next ? items.filter((item) => meetingOf(item) === next) : [];
    scopeSv = next ? `till nästa sammanträde (${next})` : "till nästa sammanträde";
    scopeEn = next ? `for the next meeting (${next})` : "for the next meeting";
  } else if (dates.explicit) {
    // "Vad ska lämnas in senast …" is about the day written material is due, not the meeting.
    // "Before/by X" looks ahead from today; past items only when the question names a start.
    const from = dates.from ?? today;
    const dayOf = (item: DeadlineRecord) => (question.aboutSubmission ? (item.submissionDate ?? item.date) : item.date);
    items = items.filter((item) => {
      const day = dayOf(item);
      return day === null || (day >= from && (!dates.to || day <= dates.to));
    });
  } else if (!dates.periodCodes && dates.year === null) {
    // Without a time in the question, list what is still ahead.
    items = items.filter((item) => item.date !== null && item.date >= today);
    scopeSv ??= `från och med i dag (${today})`;
    scopeEn ??= `from today (${today})`;
  }

  const groups: DeadlineGroup[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.date === item.date) last.items.push(item);
    else groups.push({ date: item.date, past: item.date !== null && item.date < today, items: [item] });
  }
  const years = [...new Set(items.map((item) => item.agreement.year).filter((y): y is number => y !== null))];
  const upcoming = items.length === 0 ? nextAfter(prepared, question, today, topic.length > 0 && !topicMissed ? candidates.map((c) => c.item) : null) : null;
  const answer: Answer = {
    question: question.text,
    language: question.language,
    intent: "deadlines",
    found: items.length > 0,
    text: "",
    deadlines: items,
    groups,
    scope: question.language === "sv" ? scopeSv : scopeEn,
    citations: [],
    answeredYear: years.length === 1 ? years[0]! : null,
    composedBy: "extractive",
  };
  answer.text = renderAnswerText(answer, {
    topic: topicPhrase(question.text, topicWords),
    topicMissed,
    nextDate: upcoming,
    agreementLabel: (id) => agreementLabel(prepared, id),
  });
  return answer;
}

/** The topic as the person wrote it ("Sikta mot arbetslivet"), not as the list of its key words. */
function topicPhrase(text: string, words: QuestionWord[]): string {
  const lower = text.toLowerCase();
  const first = words.length ? lower.indexOf(words[0]!.text.toLowerCase()) : -1;
  const lastWord = words[words.length - 1];
  const last = lastWord ? lower.lastIndexOf(lastWord.text.toLowerCase()) : -1;
  if (first >= 0 && last >= first && last - first < 80) return text.slice(first, last + lastWord!.text.length);
  return words.map((w) => w.text).join(" ");
}

/** The next dated item (among `within`, or all) after today: offered when nothing matched. */
function nextAfter(prepared: PreparedCorpus, question: ReadQuestion, today: IsoDate, within: DeadlineRecord[] | null): IsoDate | null {
  const pool = within ?? prepared.corpus.deadlines;
  return pool.map((item) => item.date).filter((d): d is string => d !== null && d >= today && (!question.dates.to || d > question.dates.to)).sort()[0] ?? null;
}

export function agreementLabel(prepared: PreparedCorpus, agreementId: string): string {
  const document = prepared.documentsByAgreement.get(agreementId);
  if (!document) return agreementId;
  const parties = [document.committeeCode, document.divisionCode].filter(Boolean).join("–");
  return parties ? `${parties} ${document.year ?? ""}`.trim() : document.title;
}

const sentenceSplit = /(?<=[.!?])\s+(?=[\p{Lu}\d])|\s*[•▪]\s*|\s+·\s+/u;

/** The part of a passage that answers: the best sentence, list item or cell (with the row's label). */
function quoteFor(hit: PassageHit, terms: QueryTerm[]): string {
  const { passage } = hit;
  const prefix = passage.label ? `${passage.label}${/[.:!?]$/.test(passage.label) ? "" : ":"} ` : "";
  if (passage.cells && passage.headerCells && passage.headerCells.length === passage.cells.length + 1) {
    // A row of a table with named columns: "Integrationsvägledning: Volym 1 · Ersättning, tkr 3 250".
    const pairs = passage.cells.map((cell, i) => (cell ? `${passage.headerCells![i + 1] || ""} ${cell}`.trim() : null)).filter(Boolean);
    return `${prefix}${pairs.join(" · ")}`;
  }
  if (passage.cells && passage.header) {
    // Cells that cannot be paired with their columns (empty cells were lost): show the columns too.
    return `${prefix}${passage.text} [${passage.header}]`;
  }
  const text = passage.text.replace(/\s+/g, " ").trim();
  if (text.length <= 320) return `${prefix}${text}`.trim();
  const units = text.split(sentenceSplit).map((u) => u.trim()).filter((u) => u.length > 0);
  let best = { score: -1, index: 0 };
  units.forEach((unit, i) => {
    const keys = new Set(tokenize(unit).map((t) => t.key));
    const score = terms.reduce((sum, term) => sum + (term.alternatives.some((a) => keys.has(a.key)) ? term.weight : 0), 0);
    if (score > best.score) best = { score, index: i };
  });
  let quote = units[best.index]!;
  // A very short unit ("Arbetsträning") says more with the one after it.
  if (quote.length < 60 && units[best.index + 1]) quote = `${quote} ${units[best.index + 1]}`;
  if (quote.length > 400) quote = `${quote.slice(0, 397).replace(/\s+\S*$/, "")} …`;
  return `${prefix}${quote}`;
}

function citationOf(hit: PassageHit, terms: QueryTerm[]): Citation {
  return {
    agreement: hit.document.agreementId,
    documentTitle: hit.document.title,
    source: hit.document.source,
    year: hit.document.year,
    section: hit.section.number,
    heading: hit.section.heading,
    quote: quoteFor(hit, terms),
  };
}

function answerContent(prepared: PreparedCorpus, question: ReadQuestion, today: IsoDate): Answer {
  const named = namedAgreements(prepared, question);
  const words = question.contentWords.filter((w) => !named.words.has(w.key));
  const terms = queryTerms(prepared, words);
  const todayYear = Number(today.slice(0, 4));
  const askedYear = question.dates.year;
  const agreementYears = new Set(prepared.corpus.documents.filter((d) => d.agreementId).map((d) => d.year));
  const documentWeight = (document: CorpusDocument): number => {
    if (named.ids && !(document.agreementId && named.ids.has(document.agreementId))) return 0;
    if (!document.agreementId) return askedYear !== null && document.year !== null && document.year !== askedYear ? 0 : 0.7;
    if (askedYear !== null) return document.year === askedYear ? 1 : 0;
    // Prefer the agreement in force on the asking date; then the nearest year.
    if (document.year === todayYear || document.year === null) return 1;
    return Math.max(0.5, 0.85 - 0.05 * Math.abs((document.year ?? todayYear) - todayYear));
  };
  const hits = prepared.index.search(terms, documentWeight, 12);
  const answerable = hits.filter((h) => h.coverage >= minimumCoverage);
  const best = answerable[0];
  const citations: Citation[] = [];
  if (best) {
    citations.push(citationOf(best, terms));
    const seen = new Set([best.section.index]);
    for (const hit of answerable.slice(1)) {
      if (citations.length >= 3 || hit.score < 0.5 * best.score || seen.has(hit.section.index)) continue;
      seen.add(hit.section.index);
      citations.push(citationOf(hit, terms));
    }
  }
  const amount = best ? economyFact(prepared, best) : null;
  const answer: Answer = {
    question: question.text,
    language: question.language,
    intent: "content",
    found: best !== undefined,
    text: "",
    deadlines: [],
    groups: [],
    scope: null,
    citations,
    answeredYear: best?.document.year ?? null,
    composedBy: "extractive",
  };
  answer.text = renderAnswerText(answer, {
    amount,
    missingYear: askedYear !== null && !agreementYears.has(askedYear) ? askedYear : null,
    otherYearThanToday: Boolean(best?.document.agreementId) && best!.document.year !== null && best!.document.year !== todayYear && askedYear === null,
    agreementLabel: (id) => agreementLabel(prepared, id),
  });
  return answer;
}

/** A table row that is an economy line: its amount, stated plainly. */
function economyFact(prepared: PreparedCorpus, hit: PassageHit): { activity: string; amountTkr: number } | null {
  if (!hit.passage.label || !hit.document.agreementId) return null;
  const label = fold(hit.passage.label);
  const line = prepared.corpus.economyLines.find((l) => l.agreementId === hit.document.agreementId && fold(l.activity) === label);
  return line && line.amountTkr !== null ? { activity: line.activity, amountTkr: line.amountTkr } : null;
}

/** Answers `question` from a prepared corpus, as asked on `context.today`. */
export function answerFromCorpus(prepared: PreparedCorpus, question: string, context: AskContext): Answer {
  const read = readQuestion(question, context.today, context.language ?? "sv");
  if (read.intent === "deadlines") {
    const answer = answerDeadlines(prepared, read, context.today);
    if (answer) return answer;
  }
  return answerContent(prepared, read, context.today);
}
