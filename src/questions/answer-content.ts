// The content reading of a question: the passages that answer it, quoted as whole sentences with
// their neighbours where the fact sits in the next sentence, with agreement and section. A
// passage answers when it (with its heading) holds enough of the question's rare words and, for
// questions that ask for a date, a number, an amount, a duration or a frequency, holds one.
import { findDates, type IsoDate } from "../shared/text/swedish-dates.ts";
import type { Answer, Citation } from "./answer-model.ts";
import { renderAnswerText } from "./answer-text.ts";
import { countsThing, holdsAnswer, holdsFoldedAnswer, isStrictType } from "./answer-types.ts";
import { hybridHits, type SemanticQuery } from "./hybrid-ranking.ts";
import { agreementLabel, namedAgreements, queryTerms, type PreparedCorpus } from "./prepared-corpus.ts";
import type { CorpusDocument } from "./question-corpus.ts";
import type { ReadQuestion } from "./read-question.ts";
import { isLeadIn, type IndexedPassage, type IndexedSection, type QueryTerm } from "./search-index.ts";
import { compoundHeadWeight, isStopKey, termKey, tokenize, withinOneEdit } from "./text-analysis.ts";
import { fold } from "../shared/text/fold.ts";
import { englishMonthNames, swedishMonthNames } from "../shared/lexicon/months.ts";

/** Share of the question's (rarity-weighted) words a quoted window must hold to count as an answer. */
export const minimumCoverage = 0.6;

export interface ContentReading {
  answer: Answer;
  /** Coverage of the chosen window (0 when nothing answers). */
  coverage: number;
  /** The chosen window is running text, not a table row or list item (such as a reporting schedule's row). */
  runningText: boolean;
}

interface Window {
  passages: IndexedPassage[];
  anchor: IndexedPassage;
  coverage: number;
  holdsType: boolean;
  /** A year was asked for and the window's document has none and the window does not name it: its figure may be of any year. */
  yearUnsaid: boolean;
  /** A year was asked for that the window's document (of no stated year) never names: it is about other years. */
  yearAbsent: boolean;
  /** The window names a person (a name with a role, a phone number, an e-mail address). */
  person: boolean;
  score: number;
}

const contextKeys = new Map<string, Set<string>>();
function keysOfText(text: string | null): Set<string> {
  if (!text) return new Set();
  let keys = contextKeys.get(text);
  if (!keys) {
    keys = new Set(tokenize(text).map((t) => t.key));
    if (contextKeys.size > 50_000) contextKeys.clear();
    contextKeys.set(text, keys);
  }
  return keys;
}

/** What one form of a Swedish word adds to another ("Toleransprojekt" + "et"), as stems differ by it. */
const inflectionEnding = /^(|e|en|et|n|t|na|ne|er|ar|or|s|es|ets|ens|tet|ten|net|nas)$/;

/**
 * The names the question asks about are in the window as themselves, a synonym or an OCR variant,
 * when the documents hold them at all: a near neighbour ("Kultur…" for "Kulturnatten") is another thing.
 */
function namesWhatIsAsked(required: QueryTerm[], window: IndexedPassage[], questionText: string): boolean {
  const own = {
    has: (key: string) =>
      window.some(
        (passage) =>
          passage.keySet.has(key) || passage.labelKeys?.has(key) === true || keysOfText(passage.context).has(key),
      ),
  };
  // The names in the question (written with a capital inside the sentence: "Kulturnatten",
  // "Toleransprojektet") say what the figure is of; a name the documents do not hold is ignored.
  return required
    .filter((t) => /^\p{Lu}/u.test(t.text) && !questionText.trimStart().startsWith(t.text))
    .every((t) => {
      // The same word inflected ("Toleransprojekt" / "Toleransprojektet") is the name; a word
      // part ("Kultur" / "Kulturnatten") is not.
      const same = (key: string) => {
        const ending = key.length > t.key.length ? key.slice(t.key.length) : t.key.slice(key.length);
        return key.startsWith(t.key.slice(0, Math.min(key.length, t.key.length))) && inflectionEnding.test(ending);
      };
      const strong = t.alternatives.filter((a) => a.weight >= 0.85 || same(a.key) || withinOneEdit(a.key, t.key));
      return strong.length === 0 || strong.some((a) => own.has(a.key));
    });
}

/** How much of the question a window holds: its own words fully, its heading, label and lead-in a little less. */
function coverageOf(
  terms: QueryTerm[],
  window: IndexedPassage[],
  documentTitleKeys: Set<string>,
  sectionKeys: Set<string>,
  /** The question names the window's section ("särskilt uppdrag 4.1.4"): words found in it describe that section. */
  sectionNamed = false,
  /** The corpus's parts of a compound ("äldreomsorg" → "äldre", "omsorg"). */
  partsOf: (key: string) => string[] = () => [],
): number {
  const required = terms.filter((t) => !t.optional);
  const total = required.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return 0;
  // Asked of each passage rather than collected into one set: a question looks up a few dozen keys
  // in each of about a hundred windows, and building their sets was most of the time it took.
  const own = { has: (key: string) => window.some((passage) => passage.keySet.has(key)) };
  const anchor = window[0]!;
  const heading = anchor.sectionRef.headingKeys;
  const label = anchor.labelKeys ?? new Set<string>();
  const context = keysOfText(anchor.context);
  let found = 0;
  for (const term of required) {
    let best = 0;
    for (const alternative of term.alternatives) {
      if (own.has(alternative.key) || label.has(alternative.key)) best = Math.max(best, alternative.weight);
      else if (heading.has(alternative.key) || context.has(alternative.key))
        best = Math.max(best, 0.85 * alternative.weight);
      // A compound whose every part the title or the parties give ("äldreomsorg" in an agreement of
      // "Äldrenämnden" and "Division Vård och omsorg") names the document as its own words do.
      else if (documentTitleKeys.has(alternative.key) || partsAmong(partsOf(alternative.key), documentTitleKeys))
        best = Math.max(best, 0.6 * alternative.weight);
      else if (sectionKeys.has(alternative.key)) best = Math.max(best, (sectionNamed ? 1 : 0.5) * alternative.weight);
    }
    found += term.weight * Math.min(1, best);
  }
  return found / total;
}

function partsAmong(parts: string[], keys: Set<string>): boolean {
  return parts.length >= 2 && parts.every((part) => keys.has(part));
}

const foldedHeadings = new WeakMap<IndexedSection, { heading: string; folded: string }>();

function foldedHeading(section: IndexedSection): string {
  let entry = foldedHeadings.get(section);
  if (entry?.heading !== section.heading) {
    entry = { heading: section.heading, folded: fold(section.heading) };
    foldedHeadings.set(section, entry);
  }
  return entry.folded;
}

/** Whether a passage is in one of the sections a question names ("5.5.1", "4.1.4"): by number, or by its heading's start. */
function sectionMatcher(references: string[]): (passage: IndexedPassage) => boolean {
  // A question naming a section is tested against every passage of the corpus: the references are read once.
  const refs = references.map((ref) => ({ lower: ref.toLowerCase(), folded: fold(ref.toLowerCase()) }));
  return (passage) => {
    const number = (passage.sectionRef.number ?? passage.sectionRef.within ?? "").toLowerCase();
    return refs.some(
      (r) =>
        number === r.lower ||
        number.startsWith(`${r.lower}.`) ||
        foldedHeading(passage.sectionRef).startsWith(r.folded),
    );
  };
}

function windowText(window: IndexedPassage[]): string {
  return window.map((p) => p.text).join(" ");
}

// Passages are immutable for the life of their prepared corpus and take part in many windows of
// many questions; folding each once is most of what reading a window's text costs. Weakly held,
// so a rebuilt index takes its folds with it.
const foldedPassages = new WeakMap<IndexedPassage, string>();

/**
 * fold(windowText(window)), from each passage's fold: folding works letter by letter, and its OCR
 * repairs look only at letters and digits next to the one repaired, which the joining space separates.
 */
export function foldedWindowText(window: IndexedPassage[]): string {
  return window
    .map((p) => {
      let folded = foldedPassages.get(p);
      if (folded === undefined) {
        folded = fold(p.text);
        foldedPassages.set(p, folded);
      }
      return folded;
    })
    .join(" ");
}

const contentKeys = new WeakMap<IndexedPassage, string[]>();

/** A passage's own words (keys, not keySet, which holds the compound parts the index added too) less stop words, each once. */
function contentKeysOf(passage: IndexedPassage): string[] {
  let keys = contentKeys.get(passage);
  if (!keys) {
    keys = [...new Set(passage.keys)].filter((k) => !isStopKey(k));
    contentKeys.set(passage, keys);
  }
  return keys;
}

/** Share of a text's non-blank characters that are digits: a row of figures rather than a sentence. */
export function digitShare(text: string): number {
  let digits = 0;
  let blank = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (isBlank(code)) blank++;
  }
  return digits / Math.max(1, text.length - blank);
}

/** The UTF-16 units JavaScript's \s matches (ECMAScript WhiteSpace and LineTerminator). */
function isBlank(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 5760 ||
    (code >= 8192 && code <= 8202) ||
    code === 8232 ||
    code === 8233 ||
    code === 8239 ||
    code === 8287 ||
    code === 12288 ||
    code === 65279
  );
}

/** A passage as quoted: a table row with its label, a list item after the sentence that introduces it. */
function quoteOf(window: IndexedPassage[]): string {
  const parts = window.map((p) => {
    if (p.kind === "tableRow" && p.label && !p.text.replace(/^[-–|•\s]+/, "").startsWith(p.label))
      return `${p.label}: ${p.text}`;
    return p.text;
  });
  // Rows are kept apart ("Barn och unga -146 900; Myndighet …"), sentences run on.
  let quote = parts
    .map((part, i) =>
      i > 0 && window[i - 1]!.kind === "tableRow" && window[i]!.kind === "tableRow" ? `; ${part}` : ` ${part}`,
    )
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  const anchor = window[0]!;
  if (anchor.kind === "listItem" && anchor.context && quote.length < 200) quote = `${anchor.context} ${quote}`;
  if (quote.length > 700) quote = `${quote.slice(0, 697).replace(/\s+\S*$/, "")} …`;
  return quote;
}

function citationOf(window: Window): Citation {
  const passage = window.anchor;
  return {
    agreement: passage.document.agreementId,
    documentTitle: passage.document.title,
    source: passage.document.source,
    year: passage.document.year,
    section: passage.sectionRef.number,
    heading: passage.sectionRef.heading,
    quote: quoteOf(window.passages),
  };
}

/** A table row that is an economy line: its amount, stated plainly. */
function economyFact(
  prepared: PreparedCorpus,
  passage: IndexedPassage,
): { activity: string; amountTkr: number } | null {
  if (!passage.label || !passage.document.agreementId) return null;
  const label = fold(passage.label);
  const line = prepared.corpus.economyLines.find(
    (l) => l.agreementId === passage.document.agreementId && fold(l.activity) === label,
  );
  return line && line.amountTkr !== null ? { activity: line.activity, amountTkr: line.amountTkr } : null;
}

const definingVerbs = new Set(["ar", "innebar", "betyder", "avser", "omfattar", "syftar", "handlar", "is", "means"]);

/** A verb that says what something is or does (folded): what a definition's sentence has and a row of figures lacks. */
const describingVerb =
  /\b(ar|innebar|avser|betyder|syftar|omfattar|handlar|riktar|bestar|utgor|galler|ska|erbjud\w*|ges|arbetar|har)\b/;

const itemsOnly = (list: IndexedPassage[]) => list.every((p) => p.kind === "tableRow" || p.kind === "listItem");

/** The sentence opens with one of the question's words as its subject followed by a defining verb. */
function definesTopic(text: string, required: QueryTerm[]): boolean {
  // The subject is short ("Heltidsmodellen", "Fokus Nöjd Kund"): the verb comes within four words.
  const tokens = tokenize(text, 4);
  const verbAt = tokens.findIndex((t, i) => i > 0 && definingVerbs.has(fold(t.word)));
  if (verbAt < 0) return false;
  const subject = new Set(tokens.slice(0, verbAt).map((t) => t.key));
  return required.some((t) => t.alternatives.some((a) => subject.has(a.key)));
}

/** A question about one day ("den 1 november 2024"): that day as the documents write it (folded), or null. */
function dayPattern(question: ReadQuestion): RegExp | null {
  const { from, to, explicit } = question.dates;
  if (!explicit || !from || from !== to) return null;
  const [, month, day] = from.split("-").map(Number);
  const name = swedishMonthNames[month! - 1]!;
  const english = englishMonthNames[month! - 1]!.toLowerCase();
  // Only a day the question writes out: "i dag", "today" and "i morgon" are the asking day, not a topic.
  const written = new RegExp(`\\b${from}\\b|\\b${day}:?[ae]? (${name}|${english})\\b|\\b${english} ${day}\\b`);
  if (!written.test(fold(question.text))) return null;
  return new RegExp(`\\b${from}\\b|\\b${day}:?[ae]? ${name}\\b`);
}

/** A person's contact details: "Henrik Alm, nämndens sakkunnige", a phone number or an e-mail address. */
export function holdsPerson(text: string): boolean {
  return (
    /\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)? (?:\p{Lu}\p{Ll}+-)?\p{Lu}\p{Ll}+,\s*\p{Ll}/u.test(text) ||
    // "Föreningssamordnare – Ulrika Tåg (bidrag …)": a name in a role's row, on its own or before what it covers.
    // (A first name may be double: "Ulla-Britt Sandin (KD)".)
    /(?:^|[–:;]\s*)\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)? (?:\p{Lu}\p{Ll}+[ -])?\p{Lu}\p{Ll}+(?:\s*\(|\s*;|\s*$)/u.test(
      text,
    ) ||
    /[\w.-]+@[\w-]+\.[a-z]{2,}/i.test(text) ||
    /\b(tfn|tel|telefon|phone)\.?:?\s*\+?\d[\d\s-]{5,}/i.test(text)
  );
}

/** The sentence opens with a pronoun that stands for something named before ("Hon …", "Till henne …", "Dessa …", "It …"). */
export function pointsBackward(text: string): boolean {
  const trimmed = text.trim();
  const preposition = "(?:(?:till|av|för|med|hos|från|to|by|with|from)\\s+)?";
  // A personal pronoun, or "dessa"/"detta" standing alone before its verb ("Dessa redovisas …"), not
  // as a determiner ("Denna överenskommelse …").
  return (
    new RegExp(
      `^${preposition}(?:hon|han|hen|henne|honom|de|dem|they|she|he|her|him|them|it)(?!\\p{L})(?!\\s*[:–-])`,
      "iu",
    ).test(trimmed) ||
    new RegExp(
      `^${preposition}(?:dessa|detta|denna|this|these)\\s+(?:ska|skall|är|har|kan|bör|måste|innebär|gäller|is|are|will|must|should|\\p{L}+(?:as|s))(?!\\p{L})`,
      "iu",
    ).test(trimmed)
  );
}

/** Two or more list items, or a cell that lists with bullets ("Insatser – • Kartläggning • Arbetsträning"). */
export function isEnumeration(passages: Array<Pick<IndexedPassage, "kind" | "text">>): boolean {
  if (passages.filter((p) => p.kind === "listItem").length >= 2) return true;
  return passages.some((p) => (p.text.match(/•/g) ?? []).length >= 2);
}

/** From one day to a later one: "2026-01-01 – 2026-12-31", "Startdatum: 2026-01-01 – Slutdatum: 2028-12-31", "… till …". */
function spansDates(text: string): boolean {
  for (const m of text.matchAll(/(\d{4}-\d{2}-\d{2})([^\d;]{1,30}?)(?=(\d{4}-\d{2}-\d{2}))/g))
    if (/[–-]|\b(till|to|tom|t\.o\.m|slut\w*)\b/i.test(m[2]!) && m[1]! < m[3]!) return true;
  return false;
}

/** The level of fulfilment a text speaks of (folded): "delvis uppfyllt", "ej uppfyllt", or in full. */
function fulfilmentLevel(folded: string): "partial" | "none" | "full" {
  if (/\b(delvis|partly|partially|partial)\b/.test(folded)) return "partial";
  if (/\b(ej|inte|icke|not|un)\s*(uppfyll|fulfil|met\b|achiev)/.test(folded)) return "none";
  return "full";
}

/**
 * The sentences of a window that state when a goal is met at the level asked ("Målet är uppfyllt om
 * minst två av tre …" for "när räknas målet som uppfyllt?", its "delvis uppfyllt när …" for "bara delvis").
 */
function statesCriterion(passages: IndexedPassage[], level: ReturnType<typeof fulfilmentLevel>): boolean {
  return passages.some((p) =>
    fold(p.text)
      .split(/(?<=[.;])\s+/)
      .some((sentence) => {
        // The level is said before the word it qualifies: "Målet är delvis uppfyllt om …".
        const met = /\b(uppfyllt|uppfyllda|uppnatt|uppnadd)\s+(om|nar|da|if|when)\b/.exec(sentence);
        return met !== null && fulfilmentLevel(sentence.slice(0, met.index + met[1]!.length)) === level;
      }),
  );
}

/** The text spells out the abbreviation: "FIA = Förutsättningar …", "FIA (Förutsättningar …)", "… arbetsmarknad (FIA)". */
function spellsOut(text: string, code: string): boolean {
  const c = code.replace(/[^\p{L}\d]/gu, "");
  if (!c) return false;
  return new RegExp(`\\b${c}\\s*(=|:|\\()\\s*\\p{L}{3,}|\\p{L}{3,}\\s*\\(${c}\\)`, "u").test(text);
}

export function readContent(
  prepared: PreparedCorpus,
  question: ReadQuestion,
  today: IsoDate,
  semantic?: SemanticQuery | null,
  /** Read again with other years' agreements that speak of the year asked (see below). */
  otherYears = false,
): ContentReading {
  const named = namedAgreements(prepared, question);
  // A committee named to narrow the question is not a word the answer must hold.
  // A name the title gives ("Vad är ramen för funktionsstöd?") narrows, and the text names it too.
  const words = question.contentWords.filter(
    (w) => !named.words.has(w.key) || named.titleWords.has(w.key) || question.contentWords.length <= 1,
  );
  // A code a definition is asked of ("What does FIA stand for …?"), not one naming the parties, is
  // what the answer is about: it weighs more than the words around it ("… in the committee's budget").
  // (Only a code the documents write: "KS" for a "kommunstyrelsen" they spell out is an abbreviation of the asker's.)
  const asked = new Set(
    question.codes
      .filter(
        (code) =>
          question.answerType === "definition" &&
          !prepared.committeeCodes.has(code) &&
          prepared.index.vocabulary.has(termKey(code)),
      )
      .map((c) => c.toLowerCase()),
  );
  const terms = queryTerms(prepared, words).map((t) =>
    asked.has(t.text.toLowerCase()) && !t.optional ? { ...t, weight: t.weight * 1.6 } : t,
  );
  const todayYear = Number(today.slice(0, 4));
  const askedYear = question.dates.year;
  const agreementYears = new Set(prepared.corpus.documents.filter((d) => d.agreementId).map((d) => d.year));
  const namedMunicipalities = new Set(
    prepared.corpus.documents
      .filter((d) => d.agreementId && named.ids?.has(d.agreementId) && d.municipality)
      .map((d) => d.municipality!),
  );
  // A year asked for picks that year's agreement. Where the agreements asked about have none of that
  // year, the year is what their text speaks of ("Vad kostade X under 2025?" of a 2026 agreement that
  // gives last year's cost as background): those agreements answer where the window names the year.
  const yearInScope =
    askedYear !== null &&
    prepared.corpus.documents.some(
      (d) => d.agreementId && d.year === askedYear && (!named.ids || named.ids.has(d.agreementId)),
    );
  // (Where the year has an agreement of its own, another year's agreement still answers where it
  // speaks of that year: "Hur många besökare hade konsthallen 2025?" of a 2026 agreement's "Utfall 2025".)
  const otherYearAgreement = (document: CorpusDocument): boolean =>
    askedYear !== null && document.agreementId !== null && document.year !== askedYear;
  const namesYear = (document: CorpusDocument, year: number): boolean =>
    prepared.index.yearsOfDocument(document.documentId).has(year);
  const documentWeight = (document: CorpusDocument): number => {
    if (named.documents && !named.documents.has(document.documentId)) return 0;
    if (otherYearAgreement(document))
      return named.ids && !named.ids.has(document.agreementId!)
        ? 0
        : !yearInScope
          ? 0.6
          : otherYears && namesYear(document, askedYear!)
            ? 0.45
            : 0;
    // A committee named that is no party to any agreement here: no agreement answers for it.
    if (named.unknownCommittee && document.agreementId) return 0;
    if (named.ids) {
      if (document.agreementId)
        return named.ids.has(document.agreementId) &&
          (askedYear === null || document.year === null || document.year === askedYear)
          ? 1
          : 0;
      if (named.documents) return 0.9;
      // Another municipality's report says nothing about the named committee's agreement — unless it
      // is that committee's own paper, naming it ("arbetsmarknadsnämndens internbudget" in its minutes).
      return named.byName &&
        document.municipality &&
        !namedMunicipalities.has(document.municipality) &&
        ![...named.words].some(
          (key) => /namnd/.test(key) && prepared.index.keysOfDocument(document.documentId).has(key),
        )
        ? 0
        : 0.5;
    }
    if (!document.agreementId)
      return askedYear !== null && document.year !== null && document.year !== askedYear ? 0 : 0.8;
    // A year asked for picks that year's agreement; without one for that year, no agreement answers.
    if (askedYear !== null) return document.year === askedYear ? 1 : 0;
    // Prefer the agreement in force on the asking date; then the nearest year.
    if (document.year === todayYear || document.year === null) return 1;
    return Math.max(0.5, 0.85 - 0.05 * Math.abs((document.year ?? todayYear) - todayYear));
  };
  const lexical = prepared.index.search(terms, documentWeight, 40);
  // With embeddings on, the passages nearest the question join the candidates and reorder them.
  const hits =
    semantic && prepared.vectors
      ? hybridHits(lexical, prepared.index.passages, prepared.vectors, semantic, documentWeight, 40)
      : lexical;
  const topScore = hits[0]?.score ?? 1;
  const inQuestionSections = sectionMatcher(question.sections);
  // "Hur följs mål 5.5.1 upp?": the section named is read whole, though its words are common ones.
  if (question.sections.length) {
    const seen = new Set(hits.map((h) => h.passage.id));
    const inSections = prepared.index.passages.filter(
      (p) => !seen.has(p.id) && documentWeight(p.document) > 0 && inQuestionSections(p),
    );
    for (const passage of inSections.slice(0, 30)) hits.push({ passage, score: 0.5 * topScore });
    hits.sort((a, b) => b.score - a.score);
  }
  const titleKeys = new Map<string, Set<string>>();
  const titleKeysOf = (document: CorpusDocument) => {
    let keys = titleKeys.get(document.documentId);
    if (!keys) {
      // The title's compounds count by their parts too ("internbudget" names the budget). The
      // parties and the municipality are named by the whole document, wherever a passage stands:
      // "hur snabbt måste serviceförvaltningen svara …" is answered by "Utföraren besvarar …".
      const parties = [document.committee, document.division, document.municipality].filter(Boolean).join(" ");
      keys = new Set(keysOfText(`${document.title} ${parties}`));
      for (const key of [...keys]) for (const part of prepared.index.vocabulary.compoundParts(key)) keys.add(part);
      titleKeys.set(document.documentId, keys);
    }
    return keys;
  };
  // A document of no stated year (a report, a minute) speaks of the year asked where the window,
  // its heading or its section names it; a section that names only other years is about those, and
  // a document that never names the year is not about it.
  const yearNotSaid = (passage: IndexedPassage, text: string, year: number): boolean => {
    if (passage.document.year !== null) return false;
    if (`${text} ${passage.sectionRef.heading} ${passage.context ?? ""}`.includes(String(year))) return false;
    const inSection = prepared.index.yearsNamed(passage, "section");
    if (inSection.has(year)) return false;
    return inSection.size > 0 || yearAbsent(passage, year);
  };
  const yearAbsent = (passage: IndexedPassage, year: number): boolean =>
    passage.document.year === null && !prepared.index.yearsNamed(passage, "document").has(year);
  const strict = isStrictType(question.answerType);
  const requiredWeight = terms.filter((t) => !t.optional).reduce((sum, t) => sum + t.weight, 0);
  const askedDay = dayPattern(question);
  // As rare as a word can be: a day is named in few passages.
  const askedDayWeight = Math.log(1 + prepared.index.size);
  const required = terms.filter((t) => !t.optional);
  const describing = ["definition", "manner", "criterion", "list", "any", "who", "where"].includes(question.answerType);
  const partiesAsked = /\b(vilka|vilken|which) (namnder|namnd|committees?|divisioner|divisions?)\b/.test(
    fold(question.text),
  );
  // "När följs internbudget 2019 upp?": the year the question names is no answer to when (a day of it is).
  const questionYears = question.answerType === "date" ? (question.text.match(/\b(?:19|20)\d{2}\b/g) ?? []) : [];
  const yearsAsked = questionYears.length
    ? new RegExp(`(?<![\\d-])(?:${questionYears.join("|")})(?![\\d-])`, "g")
    : null;
  const askedLevel = question.answerType === "criterion" ? fulfilmentLevel(fold(question.text)) : null;
  const focusTerm = question.focus
    ? (terms.find((t) => t.key === question.focus || t.alternatives.some((a) => a.key === question.focus)) ?? null)
    : null;
  const questionKeys = new Set(terms.flatMap((t) => t.alternatives.map((a) => a.key)));
  // "Hur många familjecentraler …": a number answers only when it counts familjecentraler.
  const countedTerm = question.counted
    ? (terms.find((t) => t.key === question.counted || t.alternatives.some((a) => a.key === question.counted)) ?? null)
    : null;
  // A thing the documents never name ("medlemmar": no form of it is in their vocabulary) is counted nowhere.
  const countedForms = countedTerm ? countedTerm.alternatives.map((a) => a.key).filter((k) => k.length >= 3) : [];
  // (An English word is searched through its translations, or as parts of one: it is no such sign.)
  const countedKeys =
    countedTerm && countedForms.length === 0 && question.language === "sv" ? [countedTerm.key] : countedForms;
  const isCounted = (word: string) => {
    const key = termKey(word);
    // Stems of one word differ by an ending ("plats"/"plat"); a compound ends in the word counted ("korttidsplatser").
    return countedKeys.some(
      (k) =>
        key === k || (k.length >= 4 && key.length >= 4 && (key.startsWith(k) || k.startsWith(key) || key.endsWith(k))),
    );
  };
  const reportingKeys = new Set(question.reportingWords.map((w) => w.key));
  const topicAsked = question.topicWords.length > 0;
  const windows: Window[] = [];
  const addWindows = (candidates: typeof hits) => {
    for (const hit of candidates) {
      // The passage and the one or two after it: the fact often sits in the sentence after the one
      // that repeats the question's words. A quote starts at the passage that matched.
      const shapes: Array<[number, number]> = [
        [0, 0],
        [0, 1],
        [0, 2],
        // … or in the sentence before, which names what "it" is ("Samordningsförbundet är … Det styrs av Lag …").
        [1, 0],
      ];
      // A lead-in ("… ska uppleva:") is answered by what it introduces: the whole list, up to eight items.
      if (isLeadIn(hit.passage)) shapes.push([0, Math.min(8, prepared.index.followingCount(hit.passage))]);
      // "Vilka verksamheter omfattas?" matched by one item of a list: the whole list answers (up to twelve items).
      const fellows =
        question.answerType === "list" && hit.passage.kind === "listItem" ? prepared.index.fellowsOf(hit.passage) : [];
      // A date, a number or an amount asked for may come a few sentences on ("… Återrapport under kvartal 2 2019."):
      // the window reaches the first of the next four sentences that holds one.
      if (strict) {
        const ahead = prepared.index.neighbours(hit.passage, 0, 4);
        const at = ahead.findIndex((p, i) => i > 2 && holdsAnswer(question.answerType, p.text));
        if (at > 2) shapes.push([0, at]);
      }
      // A passage that opens mid-sentence (an OCR'd or PDF line that wrapped) is quoted from where its sentence begins.
      const seen = new Set<string>();
      const windowsOfHit = shapes.map(([before, after]) => prepared.index.neighbours(hit.passage, before, after));
      if (fellows.length >= 3 && fellows.length <= 12) windowsOfHit.push(fellows);
      for (const around of windowsOfHit) {
        // A window that opens mid-sentence (an OCR'd or PDF line that wrapped) is quoted from where its sentence begins.
        const opening = prepared.index.sentenceStart(around[0]!);
        const passages = opening ? [opening, ...around] : around;
        const signature = passages.map((p) => p.id).join(",");
        if (seen.has(signature)) continue;
        seen.add(signature);
        const text = windowText(passages);
        const foldedText = foldedWindowText(passages);
        // The sentence before the one that matched names what "it" is; the figure or date asked for
        // is in the matched sentence or after it ("… anställningarna 1–2 år. Arbetsförmågebedömningar
        // startades …" does not say how long an assessment takes).
        // (Unless the matched sentence refers back to it: "… träder i kraft 1 juli 2026. Kommunerna
        // görs då skyldiga …".)
        const refersBack =
          /^(?:\S+\s+){0,5}?(?:då|där|därmed|därefter|sedan dess|det|detta|dessa|denna)(?![\p{L}\d])/iu.test(
            hit.passage.text,
          );
        const fromHit = refersBack ? passages : passages.slice(Math.max(0, passages.indexOf(hit.passage)));
        const answerText = fromHit.length < passages.length ? foldedWindowText(fromHit) : foldedText;
        const inNamedSection = question.sections.length > 0 && inQuestionSections(hit.passage);
        const wordCoverage = coverageOf(
          terms,
          passages,
          titleKeysOf(hit.passage.document),
          prepared.index.sectionKeysOf(hit.passage),
          inNamedSection,
          (key) => prepared.index.vocabulary.compoundParts(key),
        );
        // "Vad ändrades den 1 november 2024?": the day asked about is part of what the window must hold.
        const coverage = askedDay
          ? (wordCoverage * requiredWeight + (askedDay.test(foldedText) ? askedDayWeight : 0)) /
            (requiredWeight + askedDayWeight)
          : wordCoverage;
        // A figure answers only for what it is the figure of: "Kulturnatten" is not matched by a
        // "Kultur…" row, however close (a wrong amount is worse than none).
        const countedInLabel =
          countedKeys.length > 0 &&
          countedKeys.some((k) => hit.passage.labelKeys?.has(k) || hit.passage.sectionRef.headingKeys.has(k));
        // "Hur länge pågår uppdraget?" is answered by a duration or by its start and end dates.
        const spans = (question.asksPeriod || question.answerType === "duration") && spansDates(text);
        const holdsType =
          (holdsFoldedAnswer(question.answerType, yearsAsked ? answerText.replace(yearsAsked, " ") : answerText) ||
            spans) &&
          (question.answerType !== "amount" || namesWhatIsAsked(required, passages, question.text)) &&
          (countedKeys.length === 0 || countedInLabel || countsThing(text, isCounted));
        const sectionBonus = inNamedSection ? 0.8 : 0;
        // A row whose label is the question's topic ("Målgrupp" for "vad är målgruppen …") answers it.
        // A label is a field's name ("Målgrupp", "Insatsernas längd"), not a sentence in a row's first cell.
        const shortLabel = hit.passage.label !== null && hit.passage.label.split(/\s+/).length <= 6;
        // A label that names only the reporting ("Uppföljning av …") is not the topic of a question with a topic of its own.
        const labelledTerms =
          hit.passage.labelKeys && shortLabel
            ? required.filter(
                (t) =>
                  !(reportingKeys.has(t.key) && topicAsked) &&
                  // The word itself or an inflection of it: a synonym ("kostnad" for "budgetram") is not the topic.
                  t.alternatives.some((a) => a.weight >= 0.9 && hit.passage.labelKeys!.has(a.key)),
              )
            : [];
        const labelled = labelledTerms.length;
        // A row labelled with the question's topic answers it when its value holds the rest of the
        // question; a row that is only the topic's name does not. For an amount or a number, a row
        // labelled with most of the question's words is the figure asked for.
        const rest = required.filter((t) => !labelledTerms.includes(t));
        const restCovered = rest.length === 0 || coverageOf(rest, passages, new Set(), new Set()) >= 0.5;
        // Of two labelled rows, the one whose label is just the question's topic ("Ekonomiskt bistånd"
        // rather than "varav ekonomiskt bistånd flykting") is the one asked about.
        const labelWords = [...(hit.passage.labelKeys ?? [])].filter((k) => !isStopKey(k) && !/^\d/.test(k));
        const exactness = labelWords.length
          ? labelWords.filter((k) => questionKeys.has(k)).length / labelWords.length
          : 0;
        // A label that holds only a common word of the question ("Uppföljning av …" for "när ska den
        // första uppföljningen göras …") says less than one that holds its rare words: the bonus grows
        // with the labelled words' share of the question's weight, in full from half of it.
        const labelledShare = labelledTerms.reduce((sum, t) => sum + t.weight, 0) / Math.max(1e-9, requiredWeight);
        const labelBonus =
          labelled === 0 || !restCovered
            ? 0
            : (0.8 + 0.4 * exactness + (strict && labelled >= Math.ceil(required.length / 2) ? 0.6 : 0)) *
              Math.min(1, 0.5 + labelledShare);
        // A section about the question's topic ("Heltidsmodell med …" for "vad innebär heltidsmodellen?").
        const headingShare = required.length
          ? required.filter((t) => t.alternatives.some((a) => hit.passage.sectionRef.headingKeys.has(a.key))).length /
            required.length
          : 0;
        // "Heltidsmodellen innebär att …": a sentence with the topic as its subject defines it.
        const firstKeys = tokenize(passages[0]!.text, 4).map((t) => t.key);
        let subjectBonus =
          describing && required.some((t) => t.alternatives.some((a) => firstKeys.includes(a.key))) ? 0.35 : 0;
        // "Heltidsmodellen innebär att …", "FIA är …": the topic, then a verb that defines it.
        const defining = question.answerType === "definition" && definesTopic(passages[0]!.text, required);
        if (defining) subjectBonus += 0.4;
        // What the window says beyond the question's own words; a lead-in ("… är:") alone says nothing.
        // Counted only up to the twelve that give the whole bonus: this runs for every window.
        const novel = new Set<string>();
        for (const p of passages) {
          for (const k of contentKeysOf(p)) if (!questionKeys.has(k)) novel.add(k);
          if (novel.size >= 12) break;
        }
        const noveltyBonus = 0.4 * Math.min(1, novel.size / 12);
        const leadInAlone = passages.length === 1 && isLeadIn(passages[0]!) ? 0.6 : 0;
        // "Vem är nämndens sakkunnige?" is answered by a person: a name with a role, a phone number or an e-mail.
        const namesPerson = question.answerType === "who" && holdsPerson(text) ? 0.5 : 0;
        // "Till henne skickas samtliga handlingar.": a sentence that points back names its subject in the
        // sentence before, which the quote must hold.
        const pointsBack = passages[0]!.kind === "sentence" && pointsBackward(passages[0]!.text) ? 0.4 : 0;
        // A quote that stops inside an enumeration ("… minst 88 procent,") leaves out what it goes on to say.
        const last = passages[passages.length - 1]!;
        // … and so does one that stops inside a list a list question asks for ("vilka verksamheter …": a) and b) of six).
        const cutShort =
          (passages.length > 1 && (isLeadIn(last) || /[,;]$/.test(last.text.trim()))) ||
          (question.answerType === "list" &&
            last.kind === "listItem" &&
            passages.length > 1 &&
            prepared.index.fellowsOf(last).at(-1) !== last)
            ? 0.3
            : 0;
        const digits = digitShare(text);
        const numericRow = !strict && digits > 0.25 ? 0.5 : 0;
        // A list question ("vilka …") is answered by the rows or items together; other questions by the fewest sentences.
        const introduced = passages.length > 1 && isLeadIn(passages[0]!) && itemsOnly(passages.slice(1));
        const listing = (question.answerType === "list" && itemsOnly(passages)) || introduced;
        // "Vilka insatser …" is answered by an enumeration: list items, or a cell of bullets ("• Arbetsträning • …").
        const enumerates = question.answerType === "list" && isEnumeration(passages) ? 0.5 : 0;
        // A definition goes on in the sentence after it ("… är ett program … Det erbjuds …").
        const extra = listing ? 0 : Math.max(0, passages.length - 1 - (defining ? 1 : 0));
        // "Vad är X?" is answered by a sentence about X, not by a short row of figures.
        const terse = question.answerType === "definition" && text.replace(/[\d\s.,–:-]/g, "").length < 70 ? 0.5 : 0;
        // "Vilka nämnder berörs …?" is answered by a window that names committees (codes or names).
        const namesParties =
          partiesAsked &&
          (new Set(text.match(/\b[A-ZÅÄÖ]{2,5}\b/g) ?? []).size >= 3 ||
            new Set(foldedText.match(/\w+namnden\b/g) ?? []).size >= 2)
            ? 0.7
            : 0;
        // "Vad är X?" is answered by a sentence that says what X is or does, not by X's row of figures.
        const undescribed =
          (question.answerType === "definition" && !describingVerb.test(foldedText)) ||
          // "Hur ska … utvecklas?" is answered by a sentence, not by an indicator's name in a table.
          (question.answerType === "manner" &&
            passages.every((p) => p.kind === "tableRow") &&
            !describingVerb.test(foldedText))
            ? 0.8 + labelBonus
            : 0;
        // "Vilka nyckeltal …": a window that holds (or is introduced by) the thing asked for.
        const focusBonus =
          focusTerm &&
          (passages.some((p) => focusTerm.alternatives.some((a) => p.keySet.has(a.key))) ||
            (hit.passage.labelKeys && focusTerm.alternatives.some((a) => hit.passage.labelKeys!.has(a.key))) ||
            focusTerm.alternatives.some((a) => keysOfText(hit.passage.context).has(a.key)))
            ? 0.8
            : 0;
        // "När räknas målet som uppfyllt?": a window that states the criterion of the level asked.
        const criterionBonus = askedLevel && statesCriterion(passages, askedLevel) ? 0.6 : 0;
        // "What are the opening hours?": the hours of the day ("klockan 7–16") say more than "hela året".
        const clockHours =
          question.answerType === "hours" &&
          /\b(kl|klockan)\.? ?\d|\b\d{1,2}(?:[.:]\d{2})? ?[-–] ?\d{1,2}(?:[.:]\d{2})?\b(?! ?(ar|procent|%|tkr|kr))/.test(
            foldedText,
          )
            ? 0.4
            : 0;
        // "Vilken period omfattar uppdraget?": a window from one date to another ("Startdatum … Slutdatum …").
        const spansPeriod = spans ? 1 : 0;
        // The agreement in force on the asking day (or the year asked for) before the others.
        const inForce = 0.8 * (documentWeight(hit.passage.document) - 1);
        // A document without a year answers for the year asked only where it names that year.
        const yearUnsaid = askedYear !== null && yearNotSaid(hit.passage, text, askedYear) ? 0.4 : 0;
        const score =
          inForce -
          yearUnsaid +
          focusBonus +
          criterionBonus +
          spansPeriod +
          clockHours +
          enumerates +
          2 * coverage +
          hit.score / topScore +
          (holdsType && strict ? 0.6 : 0) +
          sectionBonus +
          (question.answerType === "definition" && question.codes.some((code) => spellsOut(text, code)) ? 0.8 : 0) +
          labelBonus +
          (describing ? 0.4 * headingShare : 0) +
          subjectBonus +
          noveltyBonus +
          namesPerson -
          leadInAlone -
          pointsBack -
          cutShort +
          namesParties -
          numericRow -
          terse -
          undescribed -
          0.12 * extra -
          (text.length > 900 ? 0.3 : 0);
        windows.push({
          passages,
          anchor: hit.passage,
          coverage,
          holdsType,
          yearUnsaid: yearUnsaid > 0,
          person: namesPerson > 0,
          yearAbsent:
            askedYear !== null &&
            (yearAbsent(hit.passage, askedYear) ||
              (otherYearAgreement(hit.passage.document) &&
                !`${text} ${hit.passage.sectionRef.heading} ${hit.passage.context ?? ""}`.includes(String(askedYear)) &&
                (!yearInScope || !prepared.index.yearsNamed(hit.passage, "section").has(askedYear)))),
          score,
        });
      }
    }
  };
  const read = hits.slice(0, question.sections.length ? 40 : 25);
  addWindows(read);
  windows.sort((a, b) => b.score - a.score);
  // English questions go through a dictionary, so they are held to a little less coverage.
  const threshold = question.language === "en" ? 0.5 : minimumCoverage;
  // A figure asked for a year answers only where that year is said: a document of no stated year
  // holds figures of other years too ("hur många deltagare 2025?" is not answered by 2024's).
  // A section the question names ("enligt avsnitt 6.1") says where the answer is: a window there that
  // holds the kind of answer asked for needs fewer of the question's words.
  const thresholdFor = (w: Window) =>
    strict && w.holdsType && question.sections.length > 0 && inQuestionSections(w.anchor) ? threshold - 0.2 : threshold;
  // "Vem är ordförande i …?", "who is the contact person …?", "what is the name of …": a person is
  // asked for, and only a window that names one (or a role whose holder the document lists) answers.
  const personAsked =
    question.answerType === "who" &&
    /\b(ordforande\w*|chair\w*|kontaktperson\w*|contact person|heter|named?|namnet|by name|leder|leads?)\b/.test(
      fold(question.text),
    );
  // "How much is budgeted for school meals?": the documents never name the thing the figure is of
  // (only a part of its compound, "skol…" of "skolmåltid"): no figure of theirs answers.
  const unnamedThing =
    (question.answerType === "amount" || question.answerType === "number") &&
    required.some(
      (t) =>
        t.alternatives.length > 0 &&
        t.alternatives.every((a) => a.weight <= compoundHeadWeight) &&
        t.weight >= requiredWeight / 3,
    );
  const answers = (w: Window) =>
    w.coverage >= thresholdFor(w) &&
    !unnamedThing &&
    !w.yearAbsent &&
    (!strict || (w.holdsType && !w.yearUnsaid)) &&
    (!personAsked || w.person || prepared.index.holdersOfRoles(w.passages).length > 0);
  let answering = windows.filter(answers);
  // Nothing the words found answers: the sections whose heading names the question (their sentences
  // need not repeat it) are read too.
  if (answering.length === 0) {
    const seen = new Set(read.map((h) => h.passage.id));
    const about = prepared.index
      .sectionsAbout(required, documentWeight, titleKeysOf, threshold, 6)
      .filter((p) => !seen.has(p.id));
    if (about.length) {
      addWindows(about.map((passage) => ({ passage, score: 0.5 * topScore })));
      windows.sort((a, b) => b.score - a.score);
      answering = windows.filter(answers);
    }
  }
  // A question that names a section ("mål 3", "4.1.4") is answered from it when it holds an answer.
  const inNamed = question.sections.length ? answering.filter((w) => inQuestionSections(w.anchor)) : [];
  const best = inNamed[0] ?? answering[0];
  const citations: Citation[] = [];
  if (best) {
    citations.push(citationOf(best));
    // Other windows that answer nearly as well, each quoted once: a passage already quoted is not repeated.
    const quoted = new Set(best.passages.map((p) => p.id));
    // "Vem leder …?" answered by a role ("Socialchefen ansvarar …"): the person in that role, from the document's list of contacts.
    if (question.answerType === "who")
      for (const row of prepared.index.holdersOfRoles(best.passages).slice(0, 2)) {
        quoted.add(row.id);
        citations.push(citationOf({ ...best, passages: [row], anchor: row }));
      }
    // A question that names a section ("4.1.4") is answered from that section only.
    const bestInNamedSection = question.sections.length > 0 && inQuestionSections(best.anchor);
    for (const window of answering.slice(1)) {
      if (citations.length >= 4 || window.score < 0.6 * best.score) break;
      if (window.passages.some((p) => quoted.has(p.id))) continue;
      if (bestInNamedSection && !inQuestionSections(window.anchor)) continue;
      for (const p of window.passages) quoted.add(p.id);
      citations.push(citationOf(window));
    }
  }
  // The year's own agreement does not answer: another year's agreement that speaks of that year may
  // ("Hur många besökare hade konsthallen 2025?" of a 2026 agreement's "Utfall 2025"). Read only
  // then, so a corpus of many years is not searched whole for every question that names one.
  if (!best && yearInScope && !otherYears) return readContent(prepared, question, today, semantic, true);
  const amount = best ? economyFact(prepared, best.anchor) : null;
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
    answeredYear: best?.anchor.document.year ?? null,
    composedBy: "extractive",
  };
  // "När …?" answered by a sentence that writes its dates in words ("19 mars 2026", "underlag senast
  // 29 oktober"): the days also as ISO dates, as deadline answers give them.
  const spelledDates =
    best && question.answerType === "date"
      ? [
          ...new Set(
            findDates(citations[0]!.quote, best.anchor.document.year)
              .filter((d) => d.style === "words")
              .map((d) => d.date),
          ),
        ].slice(0, 4)
      : [];
  answer.text = renderAnswerText(answer, {
    amount,
    dates: spelledDates,
    missingYear: askedYear !== null && !agreementYears.has(askedYear) && !best ? askedYear : null,
    otherYearThanToday:
      Boolean(best?.anchor.document.agreementId) &&
      best!.anchor.document.year !== null &&
      best!.anchor.document.year !== todayYear &&
      askedYear === null,
    agreementLabel: (id) => agreementLabel(prepared, id),
  });
  return {
    answer,
    coverage: best?.coverage ?? 0,
    runningText: best?.anchor.kind === "sentence",
  };
}
