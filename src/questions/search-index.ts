// BM25 over the passages the reader stored at import (sentences, list items, table rows), built
// from their stored terms, so loading the index never analyses text again. The index is made of
// one segment per document: an import adds or replaces one segment, the rest stay as they are,
// and the corpus-wide figures BM25 needs (passage count, document frequency, mean length) are
// summed over the segments when a question is scored.
import type { CorpusDocument, CorpusPassage, CorpusSection } from "./question-corpus.ts";
import { readStoredTerms } from "./passage-terms.ts";
import { compoundHeadWeight, tokenize, Vocabulary, type Alternative } from "./text-analysis.ts";

export interface QueryTerm {
  /** The word as the person wrote it. */
  text: string;
  key: string;
  alternatives: Alternative[];
  /** How much the term counts towards coverage: its rarity in the corpus (idf). */
  weight: number;
  /** Ranks answers but is not required (a hint from the question's form, an untranslated English word). */
  optional?: boolean;
  /** Counts half towards coverage (a word only the general dictionary translated). */
  soft?: boolean;
}

export interface IndexedSection extends CorpusSection {
  /** Keys of the heading's words, and of the document title's: they identify every passage below. */
  headingKeys: Set<string>;
  /** The number of the numbered section an unnumbered subsection ("Vägledning" under 5.5.1) belongs to. */
  within?: string | null;
}

export interface IndexedPassage extends CorpusPassage {
  /** Position in the whole index. */
  id: number;
  document: CorpusDocument;
  sectionRef: IndexedSection;
  keys: string[];
  keySet: Set<string>;
  labelKeys: Set<string> | null;
}

interface Postings {
  ids: number[];
  tfs: number[];
}

export interface Segment {
  documentId: string;
  /** Changes when the document is imported again, so a stale segment is rebuilt. */
  stamp: string;
  passages: IndexedPassage[];
  postings: Map<string, Postings>;
  /** Postings of compound parts ("språk" for a passage with "arbetsspråket"), filled when the index is built. */
  compoundPostings?: Map<string, Postings>;
  /** Compounds of the document the Swedish dictionary split at import, and their parts' keys. */
  dictionaryParts: Map<string, string[]>;
  totalLength: number;
}

export interface PassageHit {
  passage: IndexedPassage;
  score: number;
}

const k1 = 1.2;
const b = 0.75;
/** What a term found in the section heading or document title adds, relative to one in the passage. */
const headingShare = 0.45;
/** What a term found in a table row's label adds ("Målgrupp" in the row about the target group). */
const labelShare = 0.6;

/** Keys of short texts that repeat across passages (a table's labels, a list's lead-in). */
function keysOfShortText(text: string, cache: Map<string, Set<string>>): Set<string> {
  let keys = cache.get(text);
  if (!keys) {
    keys = new Set(tokenize(text).map((t) => t.key));
    if (cache.size > 50_000) cache.clear();
    cache.set(text, keys);
  }
  return keys;
}
const shortTextKeys = new Map<string, Set<string>>();

function headingKeysOf(section: CorpusSection, document: CorpusDocument): Set<string> {
  const keys = new Set<string>();
  for (const token of tokenize(`${section.number ?? ""} ${section.heading}`)) keys.add(token.key);
  return keys;
}

/**
 * A passage that introduces what follows it: "… ska uppleva:", or a caption of a few words without a
 * full stop ("Indikatorer", "Målgrupper för insatsen") before a table or a list.
 */
export function isLeadIn(passage: CorpusPassage): boolean {
  const text = passage.text.trim();
  if (/:$/.test(text)) return true;
  if (passage.kind !== "sentence") return false;
  // "… målet är uppfyllt när" / "… if": a sentence its list completes.
  if (/\s(när|att|om|då|där|som|if|when|that)$/iu.test(text)) return true;
  // "… är minst 88 procent," / "…;": an enumeration that goes on in the next line or item.
  if (/[,;]$/.test(text)) return true;
  return text.split(/\s+/).length <= 4 && !/[.!?;]$/.test(text) && !/\d/.test(text);
}

/**
 * A running-text passage that the next one completes: a sentence of four words or more without a
 * full stop ("… eller minst var 6:e"), or a list item ending in a lower-case word.
 */
export function endsMidSentence(passage: CorpusPassage): boolean {
  const text = passage.text.trim();
  if (text.split(/\s+/).length < 4) return false;
  if (passage.kind === "sentence") return !/[.!?:)"”»]$/u.test(text);
  if (passage.kind !== "listItem") return false;
  return /(^|\s)\p{Ll}[\p{Ll}-]*$/u.test(text);
}

/** A sentence (or what a dash made a list item) that opens in lower case ("– var 8:e vecka. …"). */
function startsMidSentence(passage: CorpusPassage): boolean {
  return (passage.kind === "sentence" || passage.kind === "listItem") && /^[–-]?\s*\p{Ll}/u.test(passage.text.trim());
}

/** A person's name: two or three capitalised words ("Jonas Friberg", "Per-Olof Kvist"). */
const personName = /(^|[\s:–-])\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?( \p{Lu}\p{Ll}+){1,2}\b/u;

/**
 * Whether a word, when the documents never use it, still names what a question is about: a name or
 * code (capital letter, digit) or a long compound. A short ordinary word is more often the asker's own verb.
 */
export function namesAThing(text: string, key: string): boolean {
  return /^\p{Lu}|\d/u.test(text) || key.length >= 9;
}

/** Builds one document's segment from its stored passages. */
export function buildSegment(
  document: CorpusDocument,
  stamp: string,
  sections: CorpusSection[],
  passages: CorpusPassage[],
  firstId: number,
): Segment {
  const sectionByOrdinal = new Map<number, IndexedSection>();
  // The numbered sections open so far, by level: an unnumbered subheading belongs to the nearest one above it.
  // A subheading at the level of the numbered one above it ("Måluppfyllelse", "Indikatorer" under
  // "Mål 1 Fler vuxna … ska gå vidare till arbete") is part of it, and is about what it names: its
  // passages carry that heading's words too.
  const open: Array<{ level: number; number: string; keys: Set<string> }> = [];
  for (const section of [...sections].sort((a, b) => a.ordinal - b.ordinal)) {
    const deeper = (level: number) => (section.number ? level >= section.level : level > section.level);
    while (open.length && deeper(open[open.length - 1]!.level)) open.pop();
    const parent = section.number ? null : (open[open.length - 1] ?? null);
    const own = headingKeysOf(section, document);
    const headingKeys = parent ? new Set([...own, ...parent.keys]) : own;
    if (section.number) open.push({ level: section.level, number: section.number, keys: own });
    sectionByOrdinal.set(section.ordinal, { ...section, headingKeys, within: parent?.number ?? null });
  }
  const fallbackSection: IndexedSection = {
    documentId: document.documentId,
    ordinal: 0,
    number: null,
    heading: document.title,
    level: 0,
    text: "",
    headingKeys: new Set(),
  };
  // A row labelled with a section's number ("4.3" in a table of indicators per goal) is about that
  // section: its heading's words label the row too.
  const headingByNumber = new Map<string, Set<string>>();
  for (const section of sectionByOrdinal.values())
    if (section.number && !headingByNumber.has(section.number))
      headingByNumber.set(section.number, section.headingKeys);
  const labelKeysOf = (label: string): Set<string> => {
    const keys = keysOfShortText(label, shortTextKeys);
    const heading = /^\d{1,2}(\.\d{1,3}){0,3}$/.test(label.trim()) ? headingByNumber.get(label.trim()) : undefined;
    return heading ? new Set([...keys, ...heading]) : keys;
  };
  const postings = new Map<string, Postings>();
  const dictionaryParts = new Map<string, string[]>();
  const indexed: IndexedPassage[] = [];
  let totalLength = 0;
  for (const passage of passages) {
    // A heading names its section; only a heading that states something ("Mål 1 (KF): Vretlunda
    // växer hållbart med minst 150 nya bostäder per år") is itself an answer.
    if (passage.kind === "heading" && !isStatementHeading(passage.text)) continue;
    const stored = passage.terms ? readStoredTerms(passage.terms) : null;
    const keys = stored ? stored.keys : tokenize(passage.text).map((t) => t.key);
    for (const [key, parts] of stored?.parts ?? []) dictionaryParts.set(key, parts);
    const id = firstId + indexed.length;
    const entry: IndexedPassage = {
      ...passage,
      id,
      document,
      sectionRef: sectionByOrdinal.get(passage.section) ?? fallbackSection,
      keys,
      keySet: new Set(keys),
      labelKeys: passage.label ? labelKeysOf(passage.label) : null,
    };
    indexed.push(entry);
    totalLength += keys.length;
    const tf = new Map<string, number>();
    for (const key of keys) tf.set(key, (tf.get(key) ?? 0) + 1);
    for (const [key, count] of tf) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = { ids: [], tfs: [] }));
      list.ids.push(id);
      list.tfs.push(count);
    }
  }
  return { documentId: document.documentId, stamp, passages: indexed, postings, dictionaryParts, totalLength };
}

/** A heading written as a goal or a statement: eight words or more, with a figure or a verb of obligation. */
function isStatementHeading(text: string): boolean {
  return (
    text.split(/\s+/).length >= 8 &&
    (/\d{2,}/.test(text.replace(/^[\p{L}\s]{0,12}\d+[.:)]?/u, "")) || /\b(ska|skall)\b/i.test(text))
  );
}

export class SearchIndex {
  readonly passages: IndexedPassage[] = [];
  vocabulary: Vocabulary;
  private readonly totalLength: number;
  /** Passages of one block in order, for quoting a sentence with its neighbours. */
  private readonly blocks = new Map<string, IndexedPassage[]>();

  constructor(readonly segments: Segment[]) {
    let total = 0;
    const keys = new Set<string>();
    for (const segment of segments) {
      for (const passage of segment.passages) {
        this.passages[passage.id] = passage;
        for (const key of passage.sectionRef.headingKeys) {
          const list = this.byHeading.get(key);
          if (list) list.push(passage);
          else this.byHeading.set(key, [passage]);
        }
        for (const key of passage.labelKeys ?? []) {
          const list = this.byLabel.get(key);
          if (list) list.push(passage);
          else this.byLabel.set(key, [passage]);
        }
        if (passage.context) {
          for (const key of keysOfShortText(passage.context, shortTextKeys)) {
            const list = this.byContext.get(key);
            if (list) list.push(passage);
            else this.byContext.set(key, [passage]);
          }
        }
        const sectionKey = `${passage.documentId}|${passage.section}`;
        const inSection = this.sectionPassages.get(sectionKey);
        if (inSection) inSection.push(passage);
        else this.sectionPassages.set(sectionKey, [passage]);
        const blockKey = `${passage.documentId}|${passage.block}`;
        const list = this.blocks.get(blockKey);
        if (list) list.push(passage);
        else this.blocks.set(blockKey, [passage]);
      }
      for (const key of segment.postings.keys()) keys.add(key);
      total += segment.totalLength;
    }
    for (const list of this.blocks.values()) list.sort((a, b) => a.position - b.position);
    this.totalLength = total;
    this.vocabulary = new Vocabulary(keys);
    // A compound in a passage ("arbetsspråket") also answers for its parts ("språk"): the parts
    // are the corpus's own words, found once per distinct word, or else the parts the dictionary
    // found at import ("energianvändningen": "energi" and "användning" are nowhere alone).
    const dictionaryParts = new Map<string, string[]>();
    for (const segment of segments) for (const [key, parts] of segment.dictionaryParts) dictionaryParts.set(key, parts);
    this.partsOf = new Map();
    for (const key of keys) {
      const parts = this.vocabulary.compoundParts(key);
      const split = parts.length ? parts : dictionaryParts.get(key);
      if (split?.length) this.partsOf.set(key, split);
    }
    // The parts are words of the corpus too ("hem" of "hembesök"): a question may use them alone;
    // so are the words of headings and row labels.
    const withParts = new Set(keys);
    for (const key of this.byHeading.keys()) withParts.add(key);
    for (const key of this.byLabel.keys()) withParts.add(key);
    for (const key of this.byContext.keys()) withParts.add(key);
    for (const parts of this.partsOf.values()) for (const part of parts) withParts.add(part);
    this.vocabulary = new Vocabulary(withParts, keys);
    for (const segment of segments) {
      if (segment.compoundPostings) continue;
      const compound = new Map<string, Postings>();
      for (const passage of segment.passages) {
        const added = new Set<string>();
        for (const key of passage.keys) {
          for (const part of this.partsOf.get(key) ?? []) {
            // A part the passage also holds as a word of its own is in the plain postings already.
            if (added.has(part) || passage.keySet.has(part)) continue;
            added.add(part);
            let list = compound.get(part);
            if (!list) compound.set(part, (list = { ids: [], tfs: [] }));
            list.ids.push(passage.id);
            list.tfs.push(1);
          }
        }
        for (const part of added) passage.keySet.add(part);
      }
      segment.compoundPostings = compound;
    }
    // Every segment's list for a key, gathered once: a question looks a key up once, not once per document.
    for (const segment of segments) {
      for (const [key, list] of segment.postings) this.postingsByKey(key).push(list);
      for (const [key, list] of segment.compoundPostings ?? [])
        if (!segment.postings.has(key)) this.postingsByKey(key).push(list);
    }
    this.passageCount = this.passages.filter(Boolean).length;
  }

  private readonly allPostings = new Map<string, Postings[]>();
  private scoreBuffer = new Float64Array(0);
  private shareBuffer = new Float64Array(0);
  /** Per passage, the weight of the question's required terms it holds (own words, heading or label). */
  private matchedBuffer = new Float64Array(0);
  /** Per passage, the terms (as bits) counted into matchedBuffer, so a term counts once however it is found. */
  private termBitsBuffer = new Uint32Array(0);
  /** BM25's length part of every passage, k1 · (1 − b + b · length / mean length). */
  private lengthNorm = new Float64Array(0);
  private readonly documentFrequencies = new Map<string, number>();
  private readonly passageCount: number;

  private postingsByKey(key: string): Postings[] {
    let lists = this.allPostings.get(key);
    if (!lists) this.allPostings.set(key, (lists = []));
    return lists;
  }

  /** Compound words of the corpus and the corpus words they are made of. */
  private readonly partsOf: Map<string, string[]>;

  get size(): number {
    return this.passageCount;
  }

  /** Passages holding `key` itself, or else a compound of it (per document). */
  private documentFrequency(key: string): number {
    let df = this.documentFrequencies.get(key);
    if (df === undefined) {
      df = 0;
      for (const list of this.allPostings.get(key) ?? []) df += list.ids.length;
      this.documentFrequencies.set(key, df);
    }
    return df;
  }

  /** Inverse document frequency (BM25's, never negative). */
  idf(key: string): number {
    const n = this.size;
    const df = this.documentFrequency(key);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** A query term for a word: its alternatives in this corpus and its rarity. */
  queryTerm(text: string, key: string, extraKeys: string[] = []): QueryTerm {
    const weights = new Map<string, number>();
    for (const k of [key, ...extraKeys])
      for (const alternative of this.vocabulary.alternatives(k))
        weights.set(
          alternative.key,
          Math.max(weights.get(alternative.key) ?? 0, k === key ? alternative.weight : alternative.weight * 0.95),
        );
    const alternatives = [...weights].map(([k, weight]) => ({ key: k, weight })).sort((a, b) => b.weight - a.weight);
    // A word the documents never use is as rare as a word can be: it counts fully, so a question
    // about something the agreements do not mention gets the honest answer.
    // A word the documents use in headings or row labels names a topic; one they only use in
    // running text (a verb such as "erbjuder", an adjective) says less about what is asked, so it
    // counts less towards coverage. A word they never use counts fully (see above).
    const topical = alternatives.some(
      (a) => this.byHeading.has(a.key) || this.byLabel.has(a.key) || this.byContext.has(a.key),
    );
    // Of the words the documents never use, a name, a code or a long compound says what the question is
    // about ("parkeringstillstånd", "BUN"); a short ordinary word is more often the asker's own verb or
    // adjective ("kostar", "hålla", "dyrare") for what the text says otherwise, and counts less.
    const unknownWeight = Math.log(1 + this.size + 0.5) * (namesAThing(text, key) ? 1 : 0.5);
    // A compound matched only by its first part ("skolmåltid" by "skol") is a word the documents
    // never use: it weighs as one, and the part covers little of it.
    const onlyHeads = alternatives.every((a) => a.weight <= compoundHeadWeight);
    const weight =
      alternatives.length && !onlyHeads
        ? Math.max(...alternatives.map((a) => this.idf(a.key) * a.weight)) * (topical ? 1 : 0.6)
        : unknownWeight;
    return { text, key, alternatives, weight };
  }

  /** Passages by the words of their section heading and of their row label. */
  private readonly byHeading = new Map<string, IndexedPassage[]>();
  private readonly byLabel = new Map<string, IndexedPassage[]>();
  /** Passages by the words of what introduces them (a list's lead-in, a table's (sub-)header). */
  private readonly byContext = new Map<string, IndexedPassage[]>();
  private readonly sectionKeys = new Map<string, Set<string>>();
  private readonly sectionPassages = new Map<string, IndexedPassage[]>();

  /** Every word of a passage's section: a question's word found there counts, though less than in the passage. */
  sectionKeysOf(passage: IndexedPassage): Set<string> {
    const id = `${passage.documentId}|${passage.section}`;
    let keys = this.sectionKeys.get(id);
    if (!keys) {
      keys = new Set<string>();
      for (const other of this.sectionPassages.get(id) ?? []) for (const key of other.keySet) keys.add(key);
      this.sectionKeys.set(id, keys);
    }
    return keys;
  }

  private readonly yearsCache = new Map<string, Set<number>>();
  private byDocument: Map<string, IndexedPassage[]> | null = null;

  /**
   * The rows of a list of people that name who holds a role the passage speaks of ("Socialchefen
   * ansvarar …" → "Socialchef: Jonas Friberg"): rows of the same document labelled with a word of the
   * passage, whose value is a name.
   */
  holdersOfRoles(window: IndexedPassage[]): IndexedPassage[] {
    const first = window[0];
    if (!first) return [];
    const keys = new Set(window.flatMap((p) => p.keys));
    return this.passagesOf(first.documentId).filter(
      (p) =>
        p.kind === "tableRow" &&
        !window.includes(p) &&
        p.labelKeys !== null &&
        p.label !== null &&
        p.label.split(/\s+/).length <= 3 &&
        [...p.labelKeys].some((k) => k.length >= 4 && keys.has(k)) &&
        personName.test(p.text.slice(p.label.length)),
    );
  }

  /** A document's passages, grouped in one pass over the index the first time any is asked for. */
  private passagesOf(documentId: string): IndexedPassage[] {
    if (!this.byDocument) {
      this.byDocument = new Map();
      for (const p of this.passages) {
        if (!p) continue;
        const list = this.byDocument.get(p.documentId);
        if (list) list.push(p);
        else this.byDocument.set(p.documentId, [p]);
      }
    }
    return this.byDocument.get(documentId) ?? [];
  }

  /**
   * The opening passages of the sections whose heading, with the words that name their document,
   * holds most of the question ("Uppföljning och utvärdering" in "§ 23 Revidering av internbudget"
   * for "när sker uppföljning och utvärdering av internbudgeten?"): what a section is about is
   * often said only by its heading, and its sentences need not repeat it.
   */
  sectionsAbout(
    required: QueryTerm[],
    documentWeight: (document: CorpusDocument) => number,
    documentKeys: (document: CorpusDocument) => Set<string>,
    minimum: number,
    limit: number,
  ): IndexedPassage[] {
    const total = required.reduce((sum, t) => sum + t.weight, 0);
    if (total === 0) return [];
    const found: Array<{ passages: IndexedPassage[]; coverage: number }> = [];
    for (const passages of this.sectionPassages.values()) {
      const first = passages[0];
      if (!first || first.sectionRef.headingKeys.size === 0 || documentWeight(first.document) <= 0) continue;
      const heading = first.sectionRef.headingKeys;
      let inHeading = 0;
      let covered = 0;
      for (const term of required) {
        let best = 0;
        for (const a of term.alternatives) {
          if (heading.has(a.key)) best = Math.max(best, a.weight);
          else if (documentKeys(first.document).has(a.key)) best = Math.max(best, 0.6 * a.weight);
        }
        if (term.alternatives.some((a) => heading.has(a.key))) inHeading++;
        covered += term.weight * best;
      }
      // The heading itself names at least two of the question's words.
      if (inHeading >= 2 && covered / total >= minimum) found.push({ passages, coverage: covered / total });
    }
    found.sort((a, b) => b.coverage - a.coverage);
    return found.slice(0, limit).flatMap((f) => f.passages.filter((p) => p.kind !== "heading").slice(0, 3));
  }

  private readonly documentKeys = new Map<string, Set<string>>();

  /** Every word key a document's passages hold. */
  keysOfDocument(documentId: string): Set<string> {
    let keys = this.documentKeys.get(documentId);
    if (!keys) {
      keys = new Set<string>();
      for (const passage of this.passagesOf(documentId)) for (const key of passage.keySet) keys.add(key);
      this.documentKeys.set(documentId, keys);
    }
    return keys;
  }

  /** The years (1990–2099) a document names anywhere. */
  yearsOfDocument(documentId: string): Set<number> {
    const first = this.passagesOf(documentId)[0];
    return first ? this.yearsNamed(first, "document") : new Set();
  }

  /** The years (1990–2099) a passage's section, or its whole document, names anywhere: what its figures may be of. */
  yearsNamed(passage: IndexedPassage, scope: "section" | "document"): Set<number> {
    const id = scope === "section" ? `${passage.documentId}|${passage.section}` : passage.documentId;
    let years = this.yearsCache.get(id);
    if (!years) {
      years = new Set<number>();
      const passages = scope === "section" ? (this.sectionPassages.get(id) ?? []) : this.passagesOf(passage.documentId);
      for (const other of passages) {
        for (const text of [other.text, other.context ?? "", other.sectionRef.heading])
          for (const match of text.matchAll(/\b(?:199\d|20\d\d)\b/g)) years.add(Number(match[0]));
      }
      this.yearsCache.set(id, years);
    }
    return years;
  }

  /**
   * The passages around `passage`, in order: from `before` passages earlier to `after` later, within
   * its block — and, for running text, on into the paragraph before or after it in the same section
   * (OCR and PDF text often make a paragraph of every line).
   */
  neighbours(passage: IndexedPassage, before: number, after: number): IndexedPassage[] {
    const list = this.blocks.get(`${passage.documentId}|${passage.block}`) ?? [passage];
    const at = list.indexOf(passage);
    const window = list.slice(Math.max(0, at - before), at + after + 1);
    const running = (p: IndexedPassage | undefined): p is IndexedPassage =>
      p !== undefined && p.kind === "sentence" && p.section === passage.section;
    // Running text goes on across paragraphs of the same section, as many as the window needs.
    for (let block = passage.block - 1, wanted = before - at; wanted > 0 && running(window[0]); block--) {
      const previous = this.blocks.get(`${passage.documentId}|${block}`) ?? [];
      const taken = previous.slice(Math.max(0, previous.length - wanted));
      if (taken.length === 0 || !taken.every(running)) break;
      window.unshift(...taken);
      wanted -= taken.length;
    }
    // A lead-in that ends its block with a colon ("… ska uppleva:") goes on in the next block
    // (the list or table it introduces).
    const missing = at + after + 1 - list.length;
    const last = list[list.length - 1]!;
    if (missing > 0 && isLeadIn(last)) {
      window.push(...this.introducedBy(passage, missing));
    } else if (missing >= 0 && endsMidSentence(last)) {
      // A sentence cut by a page or an OCR'd blank line ("… enligt de kriterier som anges i") goes on
      // in the next block: its end is part of the same sentence.
      const next = this.blocks.get(`${passage.documentId}|${passage.block + 1}`)?.[0];
      if (next && (next.kind === "sentence" || startsMidSentence(next)) && next.section === last.section)
        window.push(next);
    } else if (missing > 0 && running(last)) {
      for (let block = passage.block + 1, wanted = missing; wanted > 0; block++) {
        const next = this.blocks.get(`${passage.documentId}|${block}`) ?? [];
        const taken = next.slice(0, wanted);
        if (taken.length === 0 || !taken.every(running)) break;
        window.push(...taken);
        wanted -= taken.length;
      }
    }
    return window;
  }

  /**
   * The sentence a passage ends, when it opens in lower case after a sentence of the same section
   * that has no full stop ("… eller minst var 6:e" / "– var 8:e vecka."): OCR and PDF text break
   * sentences at their lines, and a quote should start where the sentence does.
   */
  sentenceStart(passage: IndexedPassage): IndexedPassage | null {
    if (!startsMidSentence(passage)) return null;
    const list = this.blocks.get(`${passage.documentId}|${passage.block}`) ?? [passage];
    const at = list.indexOf(passage);
    const previous = at > 0 ? list[at - 1] : this.blocks.get(`${passage.documentId}|${passage.block - 1}`)?.at(-1);
    return previous && previous.kind === "sentence" && previous.section === passage.section && endsMidSentence(previous)
      ? previous
      : null;
  }

  /**
   * The list a list item belongs to, in order: the items of the same kind under the same lead-in
   * around it ("Överenskommelsen omfattar: a) … b) … c) …").
   */
  fellowsOf(passage: IndexedPassage): IndexedPassage[] {
    const fellow = (p: IndexedPassage | undefined): p is IndexedPassage =>
      p !== undefined && p.kind === passage.kind && p.context === passage.context && p.section === passage.section;
    const blockOf = (block: number) => this.blocks.get(`${passage.documentId}|${block}`) ?? [];
    const list = blockOf(passage.block);
    const at = list.indexOf(passage);
    let start = at;
    while (fellow(list[start - 1])) start--;
    let end = at;
    while (fellow(list[end + 1])) end++;
    const fellows = list.slice(start, end + 1);
    // OCR and PDF text make a block of every item: the list goes on in the blocks around it.
    for (let block = passage.block - 1; start === 0; block--) {
      const previous = blockOf(block);
      if (previous.length === 0 || !previous.every(fellow)) break;
      fellows.unshift(...previous);
    }
    for (let block = passage.block + 1; end === list.length - 1; block++) {
      const next = blockOf(block);
      if (next.length === 0 || !next.every(fellow)) break;
      fellows.push(...next);
    }
    return fellows;
  }

  /** How many passages follow `passage` in its block, and in the next one when its block ends with a lead-in. */
  followingCount(passage: IndexedPassage): number {
    const list = this.blocks.get(`${passage.documentId}|${passage.block}`) ?? [passage];
    let count = list.length - 1 - list.indexOf(passage);
    if (isLeadIn(list[list.length - 1]!)) count += this.introducedBy(passage, 50).length;
    return count;
  }

  /**
   * What the lead-in ending `passage`'s block introduces, up to `wanted` passages: the next block,
   * and the list items or rows after it where each item is a block of its own (OCR and PDF text).
   */
  private introducedBy(passage: IndexedPassage, wanted: number): IndexedPassage[] {
    const taken: IndexedPassage[] = [];
    const item = (p: IndexedPassage) =>
      (p.kind === "listItem" || p.kind === "tableRow") && p.section === passage.section;
    for (let block = passage.block + 1; taken.length < wanted; block++) {
      const next = this.blocks.get(`${passage.documentId}|${block}`);
      if (!next || (taken.length > 0 && !next.every(item))) break;
      taken.push(...next.slice(0, wanted - taken.length));
      if (!next.every(item)) break;
    }
    return taken;
  }

  /**
   * BM25 of every passage that contains one of the terms, plus what the terms found in its
   * section heading and its row label add. `documentWeight` scales (or, with 0, excludes) a
   * document's passages: the question's committee, year and the agreement in force decide it.
   */
  search(terms: QueryTerm[], documentWeight: (document: CorpusDocument) => number, limit: number): PassageHit[] {
    const n = this.size;
    if (n === 0 || terms.length === 0) return [];
    // Scores live in arrays the size of the index, made once (a question is answered in one
    // synchronous run, so no two searches share them): a Map per question was most of the time
    // on a large corpus.
    const capacity = this.passages.length;
    if (this.scoreBuffer.length < capacity) {
      this.scoreBuffer = new Float64Array(capacity);
      this.shareBuffer = new Float64Array(capacity);
      this.matchedBuffer = new Float64Array(capacity);
      this.termBitsBuffer = new Uint32Array(capacity);
      this.lengthNorm = new Float64Array(capacity);
      const averageLength = this.totalLength / n;
      for (const passage of this.passages)
        if (passage) this.lengthNorm[passage.id] = k1 * (1 - b + (b * passage.keys.length) / averageLength);
    }
    const scores = this.scoreBuffer;
    const shares = this.shareBuffer;
    const lengthNorm = this.lengthNorm;
    const scored: number[] = [];
    // A document's weight is asked once per document; an excluded document's passages are skipped.
    const weights = new Map<CorpusDocument, number>();
    const weightOf = (document: CorpusDocument): number => {
      let weight = weights.get(document);
      if (weight === undefined) weights.set(document, (weight = documentWeight(document)));
      return weight;
    };
    const matched = this.matchedBuffer;
    const termBits = this.termBitsBuffer;
    // Terms past the 32nd (a question never has so many) are left out of the count.
    const counted = terms.slice(0, 32);
    const requiredWeight = counted.reduce((sum, t) => sum + (t.optional ? 0 : t.weight), 0);
    const holds = (id: number, t: number, term: QueryTerm) => {
      if (t >= 32 || term.optional) return;
      const bit = 1 << t;
      if (termBits[id]! & bit) return;
      termBits[id] = termBits[id]! | bit;
      matched[id] = matched[id]! + term.weight;
    };
    for (const [t, term] of terms.entries()) {
      for (const alternative of term.alternatives) {
        const idf = this.idf(alternative.key);
        const factor = alternative.weight * (term.optional ? 0.3 : 1) * idf * (k1 + 1);
        if (!(factor > 0)) continue;
        for (const list of this.allPostings.get(alternative.key) ?? []) {
          const ids = list.ids;
          const tfs = list.tfs;
          // One list is one document's.
          if (weightOf(this.passages[ids[0]!]!.document) <= 0) continue;
          for (let i = 0; i < ids.length; i++) {
            const id = ids[i]!;
            const tf = tfs[i]!;
            if (scores[id] === 0) scored.push(id);
            scores[id] = scores[id]! + (factor * tf) / (tf + lengthNorm[id]!);
            holds(id, t, term);
          }
        }
      }
    }
    // A heading or lead-in that names a rare term opens what it introduces, even where the
    // passages do not repeat the term; "rare" scales with the index.
    const rareHeading = Math.max(150, 0.09 * n);
    // Passages whose heading or label names a term, even if their own words do not.
    for (const [t, term] of terms.entries()) {
      const factor = term.weight * (term.optional ? 0.3 : 1);
      if (!(factor > 0)) continue;
      const shared: number[] = [];
      const share = (passage: IndexedPassage, value: number) => {
        const id = passage.id;
        if (shares[id] === 0) {
          if (weightOf(passage.document) <= 0) return;
          shared.push(id);
        }
        if (value > shares[id]!) shares[id] = value;
      };
      for (const alternative of term.alternatives) {
        const underHeading = this.byHeading.get(alternative.key) ?? [];
        const openSection = underHeading.length <= rareHeading;
        for (const passage of underHeading) if (openSection || scores[passage.id]! > 0) share(passage, headingShare);
        for (const passage of this.byLabel.get(alternative.key) ?? [])
          share(passage, labelShare + (passage.sectionRef.headingKeys.has(alternative.key) ? headingShare : 0));
        const introduced = this.byContext.get(alternative.key) ?? [];
        if (introduced.length <= rareHeading) for (const passage of introduced) share(passage, headingShare);
      }
      for (const id of shared) {
        if (scores[id] === 0) scored.push(id);
        scores[id] = scores[id]! + shares[id]! * factor;
        shares[id] = 0;
        holds(id, t, term);
      }
    }
    // Weighted scores; only those that can reach the top `limit` become hits (sorting every
    // touched passage of a large corpus was the next cost).
    const final = new Float64Array(scored.length);
    for (let i = 0; i < scored.length; i++) {
      const id = scored[i]!;
      // Of two passages, the one that holds more of the question (its own words, heading or label)
      // comes first: many mentions of one rare word do not outweigh the rest of the question.
      const coordination = requiredWeight > 0 ? Math.min(1, matched[id]! / requiredWeight) : 1;
      final[i] = scores[id]! * weightOf(this.passages[id]!.document) * (0.5 + 0.5 * coordination);
      scores[id] = 0;
      matched[id] = 0;
      termBits[id] = 0;
    }
    // The same text in many documents (each year's agreement repeating last year's sentence) is
    // at most two hits, the best-scoring: copies must not crowd the other passages out of the top
    // `limit`. (Two, so that the document asked about is among them when two agreements share a
    // sentence.) A few times `limit` are ranked, so enough distinct ones remain.
    const wanted = limit * 4;
    let threshold = 0;
    if (final.length > wanted) {
      const sorted = final.slice().sort();
      threshold = sorted[sorted.length - wanted]!;
    }
    const ranked: PassageHit[] = [];
    for (let i = 0; i < scored.length; i++)
      if (final[i]! > 0 && final[i]! >= threshold)
        ranked.push({ passage: this.passages[scored[i]!]!, score: final[i]! });
    ranked.sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
    const hits: PassageHit[] = [];
    const copies = new Map<string, number>();
    for (const hit of ranked) {
      if (hits.length >= limit) break;
      const seen = copies.get(hit.passage.text) ?? 0;
      if (seen >= 2) continue;
      copies.set(hit.passage.text, seen + 1);
      hits.push(hit);
    }
    return hits;
  }
}
