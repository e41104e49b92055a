// The corpus as questions read it: the search index over the stored passages, the reporting
// items with the words that name each of them, and what tells the committees apart. Prepared
// once per corpus version; one document's segment is rebuilt when it changes.
import { findPeriods } from "../shared/lexicon/periods.ts";
import type { DeadlineRecord } from "../agreements/agreement-store.ts";
import { fold } from "../shared/text/fold.ts";
import type { CorpusDocument, QuestionCorpus } from "./question-corpus.ts";
import type { SemanticVectors } from "./hybrid-ranking.ts";
import { buildSegment, SearchIndex, type QueryTerm, type Segment } from "./search-index.ts";
import { isStopWord, termKey, tokenize } from "./text-analysis.ts";
import type { QuestionWord, ReadQuestion } from "./read-question.ts";

export interface PreparedCorpus {
  corpus: QuestionCorpus;
  index: SearchIndex;
  documentsByAgreement: Map<string, CorpusDocument>;
  /** Per deadline: keys of its title, assignment and section heading; and of its description and section text. */
  deadlineKeys: Array<{ primary: Set<string>; secondary: Set<string> }>;
  /** Committee name words and codes → agreement ids they select. */
  committeeKeys: Map<string, Set<string>>;
  committeeCodes: Map<string, Set<string>>;
  /** Capitalised words of one agreement's title besides its parties ("Funktionsstöd"): that agreement's names. */
  titleNames: Map<string, Set<string>>;
  /** The passages' semantic vectors; null when embeddings are off (the corpus was loaded without them). */
  vectors: SemanticVectors | null;
}

function keysOf(text: string, index: SearchIndex): Set<string> {
  const keys = new Set<string>();
  for (const token of tokenize(text)) {
    if (isStopWord(token.word)) continue;
    keys.add(token.key);
    for (const part of index.vocabulary.compoundParts(token.key)) keys.add(part);
  }
  return keys;
}

/**
 * One segment per document, reusing the segments of documents that did not change. A generator,
 * so the caller decides whether to build in one go or to let other work run between documents.
 */
function* segmentsOf(corpus: QuestionCorpus, previous: Segment[], into: Segment[]): Generator<void> {
  const reusable = new Map(previous.map((s) => [`${s.documentId}|${s.stamp}`, s]));
  const sectionsByDocument = new Map<string, QuestionCorpus["sections"]>();
  for (const section of corpus.sections) {
    const list = sectionsByDocument.get(section.documentId);
    if (list) list.push(section);
    else sectionsByDocument.set(section.documentId, [section]);
  }
  const passagesByDocument = new Map<string, QuestionCorpus["passages"]>();
  for (const passage of corpus.passages) {
    const list = passagesByDocument.get(passage.documentId);
    if (list) list.push(passage);
    else passagesByDocument.set(passage.documentId, [passage]);
  }
  let nextId = 0;
  for (const document of corpus.documents) {
    const stamp = `${document.title}|${(passagesByDocument.get(document.documentId) ?? []).length}`;
    const old = reusable.get(`${document.documentId}|${stamp}`);
    // Ids are positions in the whole index: a reused segment keeps its passages, renumbered.
    const segment =
      old && old.passages[0]?.id === nextId
        ? old
        : buildSegment(
            document,
            stamp,
            sectionsByDocument.get(document.documentId) ?? [],
            passagesByDocument.get(document.documentId) ?? [],
            nextId,
          );
    nextId += segment.passages.length;
    into.push(segment);
    yield;
  }
}

export function buildSegments(corpus: QuestionCorpus, previous: Segment[] = []): Segment[] {
  const segments: Segment[] = [];
  for (const _ of segmentsOf(corpus, previous, segments));
  return segments;
}

export function prepareCorpus(corpus: QuestionCorpus, previous?: PreparedCorpus): PreparedCorpus {
  return finishPreparing(corpus, new SearchIndex(buildSegments(corpus, previous?.index.segments)));
}

/**
 * The same as prepareCorpus, pausing (`pause()`) whenever about `sliceMs` of work has been done,
 * so a server keeps answering other requests (health checks, cards) while a large corpus is indexed.
 */
export async function prepareCorpusGradually(
  corpus: QuestionCorpus,
  previous: PreparedCorpus | undefined,
  pause: () => Promise<void>,
  sliceMs = 20,
): Promise<PreparedCorpus> {
  const segments: Segment[] = [];
  let sliceStart = performance.now();
  for (const _ of segmentsOf(corpus, previous?.index.segments ?? [], segments)) {
    if (performance.now() - sliceStart < sliceMs) continue;
    await pause();
    sliceStart = performance.now();
  }
  await pause();
  return finishPreparing(corpus, new SearchIndex(segments));
}

function finishPreparing(corpus: QuestionCorpus, index: SearchIndex): PreparedCorpus {
  const documentsByAgreement = new Map<string, CorpusDocument>();
  for (const document of corpus.documents)
    if (document.agreementId) documentsByAgreement.set(document.agreementId, document);
  const sectionsByNumber = new Map<string, { heading: string; text: string }>();
  for (const section of corpus.sections)
    if (section.number) sectionsByNumber.set(`${section.documentId}|${section.number}`, section);
  const deadlineKeys = corpus.deadlines.map((item) => {
    const document = documentsByAgreement.get(item.agreement.id);
    const section =
      document && item.section ? sectionsByNumber.get(`${document.documentId}|${item.section}`) : undefined;
    return {
      primary: keysOf([item.title, item.assignment ?? "", section?.heading ?? ""].join(" "), index),
      secondary: keysOf(`${item.description ?? ""} ${section?.text ?? ""}`, index),
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
    for (const token of tokenize(`${document.committee ?? ""} ${document.division ?? ""}`)) {
      // The distinctive word of a committee's or office's name ("socialnämnden", "socialkontoret"), not "och".
      if (/(namnd|styrels|kontor|forvaltning)/.test(token.key) && token.key.length >= 8)
        add(committeeKeys, token.key, document.agreementId);
    }
    if (document.committeeCode) add(committeeCodes, document.committeeCode.toUpperCase(), document.agreementId);
    if (document.divisionCode) add(committeeCodes, document.divisionCode.toUpperCase(), document.agreementId);
  }
  // A capitalised word inside an agreement's title names it — unless it is a word of its parties
  // ("Division Social omsorg" names no "social"), or of several titles ("Division").
  const titled = new Map<string, Set<string>>();
  for (const document of corpus.documents) {
    if (!document.agreementId) continue;
    const partyWords = new Set(tokenize(`${document.committee ?? ""} ${document.division ?? ""}`).map((t) => t.key));
    const words = document.title.split(/[\s,;:()–—-]+/);
    for (const [i, word] of words.entries()) {
      if (i === 0) continue;
      // … or the name of the field of work the title gives, in whatever case ("verksamhetsområde funktionsstöd").
      const fieldName = /^(verksamhetsomr[aå]det?|omr[aå]det?)$/iu.test(words[i - 1]!) && /^\p{L}{6,}$/u.test(word);
      if (!/^\p{Lu}\p{Ll}{5,}$/u.test(word) && !fieldName) continue;
      const key = termKey(word);
      if (partyWords.has(key) || /(namnd|styrels|kontor|forvaltning|division|kommun)/.test(key)) continue;
      add(titled, key, document.agreementId);
    }
  }
  const titleNames = new Map([...titled].filter(([, agreements]) => agreements.size === 1));
  return {
    corpus,
    index,
    documentsByAgreement,
    deadlineKeys,
    committeeKeys,
    committeeCodes,
    titleNames,
    vectors: corpus.vectors ? vectorsOf(corpus, index) : null,
  };
}

/**
 * The vectors by passage id, taken from the corpus as loaded now: a segment kept from the previous
 * index holds its passages as they were then, before a backfill may have given them vectors.
 */
function vectorsOf(corpus: QuestionCorpus, index: SearchIndex): SemanticVectors {
  const byKey = new Map<string, Float32Array>();
  for (const passage of corpus.passages)
    if (passage.vector) byKey.set(`${passage.documentId}|${passage.ordinal}`, passage.vector);
  const byPassage: Array<Float32Array | undefined> = [];
  let count = 0;
  for (const passage of index.passages) {
    if (!passage) continue;
    const vector = byKey.get(`${passage.documentId}|${passage.ordinal}`);
    if (!vector) continue;
    byPassage[passage.id] = vector;
    count++;
  }
  return { byPassage, count, documentsWithout: corpus.vectors?.documentsWithout ?? 0 };
}

/**
 * Which documents the question names — by municipality ("i Bergsjö", "Norrviks uppdragsplan"),
 * committee or office ("Socialnämnden", "Division Samhälle och kultur") or code ("KAN") — and the
 * question words that did the naming (they narrow, they are not what the answer is about).
 * `ids` holds agreement ids, `documents` every named document; both null when nothing is named.
 */
export function namedAgreements(
  prepared: PreparedCorpus,
  question: ReadQuestion,
): {
  ids: Set<string> | null;
  documents: Set<string> | null;
  words: Set<string>;
  unknownCommittee: boolean;
  /** The agreements were named by a code or a full name, not only by a word a committee's name shares. */
  byName: boolean;
  /** Of `words`, those of a name the title gives ("funktionsstöd"): the text may be about it too. */
  titleWords: Set<string>;
} {
  // Each naming (a committee's word, a code, a full name) gives the agreements it fits; the question
  // means the agreements that fit all of them ("DSO" and "KAN": the KAN–DSO agreement), or, when
  // none fits all ("KAN och SN"), any of them.
  const namings: Array<Set<string>> = [];
  const words = new Set<string>();
  const folded = ` ${fold(question.text).replace(/[^a-z0-9]+/g, " ")} `;
  const wordKeys = (word: QuestionWord) => [word.key, ...(word.alternatives ?? [])];
  for (const word of question.contentWords) {
    const fits = new Set<string>();
    for (const key of wordKeys(word)) for (const id of prepared.committeeKeys.get(key) ?? []) fits.add(id);
    if (!fits.size) continue;
    namings.push(fits);
    words.add(word.key);
  }
  let codeNamings = 0;
  // A committee's code written in lower case ("falkmossa gvn – what's due …") is the code.
  const lowerCaseCodes = question.contentWords
    .map((w) => w.text)
    .filter((text) => /^\p{Ll}{2,5}$/u.test(text) && prepared.committeeCodes.has(text.toUpperCase()))
    .map((text) => text.toUpperCase());
  for (const code of [...new Set([...question.codes, ...lowerCaseCodes])]) {
    const hit = prepared.committeeCodes.get(code);
    if (!hit) continue;
    namings.push(new Set(hit));
    codeNamings++;
    words.add(tokenize(code)[0]?.key ?? code.toLowerCase());
  }
  const fullNames = new Map<string, Set<string>>();
  const translatedNames = new Map<string, Set<string>>();
  const partyKeys = (text: string) =>
    tokenize(text)
      .map((t) => t.key)
      .join(" ");
  const questionKeys = ` ${partyKeys(question.text)} `;
  const askedKeys = new Set(question.contentWords.flatMap(wordKeys));
  const vocabulary = prepared.index.vocabulary;
  const translatesName = (party: string) => {
    // ("nämnden" is a stop word of questions, but a word of the name.)
    const tokens = tokenize(party.replace(/^Division\s+/i, "")).filter((t) => !/^(och|for|i|av|med)$/.test(t.key));
    return (
      tokens.length >= 2 &&
      tokens.every((t) => {
        if (askedKeys.has(t.key)) return true;
        const parts = vocabulary.compoundParts(t.key);
        return parts.length >= 2 && parts.every((part) => askedKeys.has(part));
      })
    );
  };
  // A committee, division or office named in full ("Division Samhälle och kultur",
  // "Arbetsmarknads- och integrationsnämnden"): all its words narrow.
  for (const document of prepared.corpus.documents) {
    if (!document.agreementId) continue;
    for (const party of [document.committee, document.division]) {
      const name = party
        ? fold(party)
            .replace(/^division\s+/, "")
            .replace(/[^a-z0-9]+/g, " ")
            .trim()
        : "";
      // A one-word name ("Division Samhällsbyggnad", "Omsorgskontoret") names its agreement when the question uses the word.
      const oneWord = name.length >= 6 && !name.includes(" ");
      const namedByWord =
        oneWord && question.contentWords.some((w) => w.key === termKey(name) || w.key === termKey(party!));
      // In the definite form or not ("Kultur- och fritidsförvaltning" names "… fritidsförvaltningen").
      const namedInFull =
        name.split(" ").length >= 2 &&
        (folded.includes(` ${name} `) || questionKeys.includes(` ${partyKeys(party!.replace(/^Division\s+/i, ""))} `));
      // In English, by the words the dictionary gives for the name's parts: "the technical committee"
      // (teknisk, nämnd), "the culture and leisure administration" (kultur, fritid, förvaltning).
      const namedInEnglish = question.language === "en" && name.split(" ").length >= 2 && translatesName(party!);
      if (!namedByWord && !namedInFull && !namedInEnglish) continue;
      // (A name read through a dictionary narrows, but does not name the agreement as its own words do.)
      const names = namedByWord || namedInFull ? fullNames : translatedNames;
      names.set(name, (names.get(name) ?? new Set<string>()).add(document.agreementId));
      for (const token of tokenize(party!)) words.add(token.key);
      // (The English words that named it are no topic either.)
      if (namedInEnglish) {
        const nameKeys = new Set(tokenize(party!).flatMap((t) => [t.key, ...vocabulary.compoundParts(t.key)]));
        for (const word of question.contentWords)
          if (wordKeys(word).some((key) => nameKeys.has(key))) words.add(word.key);
      }
    }
  }
  // A name the agreement's title gives besides its parties ("… verksamhetsområde Funktionsstöd").
  const titleWords = new Set<string>();
  for (const [key, agreements] of prepared.titleNames) {
    if (words.has(key) || !question.contentWords.some((w) => w.key === key)) continue;
    fullNames.set(key, agreements);
    words.add(key);
    titleWords.add(key);
  }
  const byName = fullNames.size > 0 || codeNamings > 0;
  namings.push(...translatedNames.values());
  namings.push(...fullNames.values());
  const everyNaming = namings.length
    ? namings.reduce((common, fits) => new Set([...common].filter((id) => fits.has(id))))
    : new Set<string>();
  const ids = everyNaming.size ? everyNaming : new Set(namings.flatMap((fits) => [...fits]));
  // The municipality: every document it names itself by, agreements and others.
  const documents = new Set<string>();
  for (const document of prepared.corpus.documents) {
    if (!document.municipality) continue;
    const key = tokenize(document.municipality)[0]?.key;
    if (!key) continue;
    const named = question.contentWords.find(
      (w) => wordKeys(w).includes(key) || w.key === termKey(`${document.municipality}s`),
    );
    if (!named) continue;
    documents.add(document.documentId);
    words.add(named.key);
  }
  let chosen: Set<string> | null = ids.size ? ids : null;
  if (documents.size) {
    // Within the named municipality, the named committee's agreements (if any).
    const inMunicipality = new Set(
      prepared.corpus.documents.filter((d) => documents.has(d.documentId) && d.agreementId).map((d) => d.agreementId!),
    );
    const both = chosen ? new Set([...chosen].filter((id) => inMunicipality.has(id))) : inMunicipality;
    chosen = both.size ? both : inMunicipality.size ? inMunicipality : chosen;
  }
  const namedDocuments = documents.size ? documents : null;
  // "Kultur- och fritidsnämndens budget" when no agreement here is with that committee.
  // A committee's name ends in "nämnd" ("fritidsnämndens"); "nämndmålet", "nämndsekreteraren" are not names.
  const committeeWords = question.contentWords.filter((w) => /namnd$/.test(w.key) && w.key.length > 7);
  // (A municipality named as well narrows to its agreements, none of which is that committee's.)
  const unknownCommittee =
    (!chosen || ids.size === 0) && committeeWords.some((w) => !prepared.committeeKeys.has(w.key));
  // "What does DVO report to the elderly care committee?": with the agreement named otherwise, a
  // committee in the asker's words is its committee, no topic.
  if (chosen && ids.size > 0) for (const w of committeeWords) words.add(w.key);
  return { ids: chosen, documents: namedDocuments, words, titleWords, unknownCommittee, byName };
}

/** The query terms of question words, with compounds the documents never use searched as their parts. */
export function queryTerms(prepared: PreparedCorpus, words: QuestionWord[]): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const vocabulary = prepared.index.vocabulary;
  for (const word of words) {
    const known = vocabulary.has(word.key) || (word.alternatives ?? []).some((k) => vocabulary.has(k));
    // An untranslated word of an English question that the documents use ("uppdragsplan") is required.
    const optional = word.optional && !(word.untranslated && known) ? { optional: true } : {};
    const parts = known ? [] : vocabulary.compoundParts(word.key);
    if (parts.length)
      for (const part of parts) terms.push({ ...prepared.index.queryTerm(word.text, part), ...optional });
    else {
      const nouns = word.particle ? vocabulary.particleVerbNouns(word.text, word.particle) : [];
      const term = prepared.index.queryTerm(word.text, word.key, [...(word.alternatives ?? []), ...nouns]);
      // Words the documents never use — Swedish, or English ones none of whose translations they
      // use — count fully: that is how a question about something they do not mention is told apart.
      terms.push({ ...term, ...optional, ...(word.soft ? { soft: true, weight: term.weight * 0.5 } : {}) });
    }
  }
  return terms;
}

export function agreementLabel(prepared: PreparedCorpus, agreementId: string): string {
  const document = prepared.documentsByAgreement.get(agreementId);
  if (!document) return agreementId;
  const parties = [document.committeeCode, document.divisionCode].filter(Boolean).join("–");
  return parties ? `${parties} ${document.year ?? ""}`.trim() : document.title;
}

export function occasionCode(item: DeadlineRecord): string | null {
  if (item.periodCode) return item.periodCode;
  if (item.occasion === "var" || item.occasion === "delar" || item.occasion === "helar")
    return item.occasion === "var" ? "V" : item.occasion === "delar" ? "D" : "H";
  // An item read before its period was (or by a reader that missed it): "Tertialrapport 1" names its period.
  const named = findPeriods(fold(item.title))[0];
  return named?.code ?? null;
}

export function foldedTitle(document: CorpusDocument): string {
  return fold(document.title);
}
