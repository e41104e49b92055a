// An in-memory BM25 index over the passages of every imported document: paragraphs, list
// items and table rows, each also scored through its section (heading and surrounding text),
// because the words that identify a passage are often in its heading ("Målgrupp" in a row of
// the section about Jobbtorg).
import type { CorpusDocument, CorpusSection } from "./question-corpus.ts";
import { isStopKey, tokenize, Vocabulary, type Alternative } from "./text-analysis.ts";

export interface Passage {
  index: number;
  section: number;
  /** First cell of a table row ("Målgrupp"), or null. */
  label: string | null;
  /** Header row of the table the row belongs to, or null. */
  header: string | null;
  /** A table row's cells after the label, and the header's cells, to quote "column: value". */
  cells: string[] | null;
  headerCells: string[] | null;
  text: string;
  /** Keys of the label: a question's word found there names what the row is about. */
  labelKeys: Set<string> | null;
}

export interface IndexedSection extends CorpusSection {
  index: number;
  document: number;
  /** Keys of the heading's words and of their compound parts, and how many words it has. */
  headingKeys: Set<string>;
  headingWords: number;
}

export interface QueryTerm {
  /** The word as the user wrote it (for messages and debugging). */
  text: string;
  key: string;
  alternatives: Alternative[];
  /** How much the term counts towards coverage: its rarity in the corpus. */
  weight: number;
  /** A hint from the question's form ("hur många" → antal): it ranks but is not required. */
  optional?: boolean;
}

export interface PassageHit {
  passage: Passage;
  section: IndexedSection;
  document: CorpusDocument;
  score: number;
  /** Share of the question's term weight found in the passage or its section (0–1). */
  coverage: number;
  /** Which query terms matched, by position in the query. */
  matched: boolean[];
}

interface Postings {
  ids: number[];
  tfs: number[];
}

const k1 = 1.2;
const b = 0.75;
/** How much a section's own match adds to each of its passages. */
const sectionShare = 0.5;
/** What a question word found in a row's label adds ("målgrupp" in the row "Målgrupp"), per unit of rarity. */
const labelBonus = 1.5;

const amountLine = /^(.*\p{L}{3}.*?)\s+(-?\d[\d ]*(?:\s+-?\d[\d ]*)*)$/u;

function addTf(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** Splits a section's text into passages: table rows, paragraphs (with their list items). */
export function splitPassages(text: string): Array<Omit<Passage, "index" | "section" | "labelKeys">> {
  const passages: Array<Omit<Passage, "index" | "section" | "labelKeys">> = [];
  let paragraph: string[] = [];
  let header: string | null = null;
  let headerCells: string[] | null = null;
  let inTable = false;
  const flush = () => {
    // Lines that end in amounts ("KF budgetram 315 700", "Familjerådgivning -500 -650") are the
    // rows of a table that lost its columns; two or more in a block are read as rows.
    const amountLines = paragraph.map((line) => amountLine.exec(line));
    const rows = amountLines.filter(Boolean).length >= 2;
    let prose: string[] = [];
    const flushProse = () => {
      const joined = prose.join(" ").trim();
      if (joined) passages.push({ label: null, header: null, cells: null, headerCells: null, text: joined });
      prose = [];
    };
    paragraph.forEach((line, i) => {
      const amount = rows ? amountLines[i] : null;
      if (!amount) {
        prose.push(line);
        return;
      }
      flushProse();
      const cells = amount[2]!.trim().split(/\s+(?=-?\d{1,3}(?:\s\d{3})*(?:\s|$))/);
      passages.push({ label: amount[1]!.replace(/^[-|•\s]+/, "").trim(), header: null, cells, headerCells: null, text: cells.join(" · ") });
    });
    flushProse();
    paragraph = [];
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.includes("\t")) {
      flush();
      const cells = line.split("\t").map((c) => c.trim());
      if (!inTable) {
        inTable = true;
        // A table's first row may name its columns ("Verksamhet · Volym · Ersättning, tkr"); it is
        // then kept as context for the rows below. Two-column "term → text" tables have no header.
        const named = cells.filter(Boolean);
        if (named.length >= 3 && named.every((c) => c.length <= 40 && !/^[\d\s.,%-]+$/.test(c))) {
          header = named.join(" · ");
          headerCells = cells;
          continue;
        }
      }
      const filled = cells.filter(Boolean);
      if (filled.length === 0) continue;
      // A table of contents row ("1.9 · Barnrättsperspektiv · 2") points at a section; it answers nothing.
      if (/^\d+(\.\d+)*\.?$/.test(filled[0]!) && /^\d{1,3}$/.test(filled[filled.length - 1]!)) continue;
      const rest = cells[0] ? cells.slice(1) : cells.slice(cells.findIndex(Boolean) + 1);
      passages.push({ label: filled[0]!, header, cells: rest, headerCells, text: filled.slice(1).join(" · ") });
      continue;
    }
    inTable = false;
    header = null;
    headerCells = null;
    if (line === "") flush();
    else paragraph.push(line);
  }
  flush();
  return passages;
}

export class PassageIndex {
  readonly passages: Passage[] = [];
  readonly sections: IndexedSection[] = [];
  readonly vocabulary: Vocabulary;
  private readonly passagePostings = new Map<string, Postings>();
  private readonly sectionPostings = new Map<string, Postings>();
  private readonly passageLengths: number[] = [];
  /** Index of each section's first passage. */
  private readonly firstPassageOf: number[] = [];
  private readonly sectionLengths: number[] = [];
  private averagePassageLength = 1;
  private averageSectionLength = 1;

  constructor(
    readonly documents: CorpusDocument[],
    sections: CorpusSection[],
  ) {
    const documentIndex = new Map(documents.map((d, i) => [d.documentId, i]));
    const keys = new Set<string>();
    const passageTokens: Array<Array<{ key: string; weight: number }>> = [];
    const sectionTokens: Array<Array<{ key: string; weight: number }>> = [];

    for (const section of sections) {
      const document = documentIndex.get(section.documentId);
      if (document === undefined) continue;
      const headingTokens = tokenize(section.heading).filter((t) => !isStopKey(t.key));
      const indexed: IndexedSection = { ...section, index: this.sections.length, document, headingKeys: new Set(headingTokens.map((t) => t.key)), headingWords: headingTokens.length };
      this.sections.push(indexed);
      const own: Array<{ key: string; weight: number }> = [];
      for (const t of tokenize(section.heading)) own.push({ key: t.key, weight: 3 });
      for (const t of tokenize(section.text)) own.push({ key: t.key, weight: 1 });
      sectionTokens.push(own);
      this.firstPassageOf[indexed.index] = this.passages.length;
      for (const piece of splitPassages(section.text)) {
        const labelKeys = piece.label ? new Set(tokenize(piece.label).map((t) => t.key).filter((k) => !isStopKey(k))) : null;
        const passage: Passage = { ...piece, labelKeys, index: this.passages.length, section: indexed.index };
        this.passages.push(passage);
        const tokens: Array<{ key: string; weight: number }> = [];
        if (piece.label) for (const t of tokenize(piece.label)) tokens.push({ key: t.key, weight: 2 });
        if (piece.header) for (const t of tokenize(piece.header)) tokens.push({ key: t.key, weight: 0.5 });
        for (const t of tokenize(piece.text)) tokens.push({ key: t.key, weight: 1 });
        passageTokens.push(tokens);
      }
      for (const t of own) keys.add(t.key);
    }
    this.vocabulary = new Vocabulary(keys);
    for (const section of this.sections) {
      for (const key of [...section.headingKeys]) for (const part of this.vocabulary.compoundParts(key)) section.headingKeys.add(part);
    }
    this.averagePassageLength = this.fill(passageTokens, this.passagePostings, this.passageLengths);
    this.averageSectionLength = this.fill(sectionTokens, this.sectionPostings, this.sectionLengths);
  }

  private fill(all: Array<Array<{ key: string; weight: number }>>, postings: Map<string, Postings>, lengths: number[]): number {
    let total = 0;
    all.forEach((tokens, id) => {
      const tf = new Map<string, number>();
      let length = 0;
      for (const { key, weight } of tokens) {
        if (isStopKey(key)) continue;
        length += 1;
        addTf(tf, key, weight);
        // A compound also answers for its parts: "arbetsmarknadsanställning" for "anställning".
        for (const part of this.vocabulary.compoundParts(key)) addTf(tf, part, weight * 0.5);
      }
      lengths[id] = length;
      total += length;
      for (const [key, value] of tf) {
        let list = postings.get(key);
        if (!list) postings.set(key, (list = { ids: [], tfs: [] }));
        list.ids.push(id);
        list.tfs.push(value);
      }
    });
    return all.length ? Math.max(1, total / all.length) : 1;
  }

  /** Inverse document frequency of a key over passages; unknown keys get the highest value. */
  idf(key: string): number {
    const n = this.passages.length;
    const df = this.passagePostings.get(key)?.ids.length ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Builds a query term for a key, with its alternatives and weight. */
  queryTerm(text: string, key: string): QueryTerm {
    const alternatives = this.vocabulary.alternatives(key);
    const weight = alternatives.length ? Math.max(...alternatives.map((a) => this.idf(a.key))) : this.idf("\u0000unknown");
    return { text, key, alternatives, weight };
  }

  /**
   * Ranks passages for the query terms. `documentWeight` scales (or, with 0, excludes) a
   * document's passages: the engine uses it for the year and committee asked about.
   */
  search(terms: QueryTerm[], documentWeight: (document: CorpusDocument) => number, limit = 10): PassageHit[] {
    if (terms.length === 0) return [];
    const required = terms.some((t) => !t.optional);
    const counts = (t: QueryTerm) => (required ? !t.optional : true);
    const totalWeight = terms.reduce((sum, t) => sum + (counts(t) ? t.weight : 0), 0);
    const passageScores = new Map<number, number>();
    const passageMasks = new Map<number, number>();
    const sectionScores = new Map<number, number>();
    const sectionMasks = new Map<number, number>();

    terms.forEach((term, position) => {
      const bit = 1 << Math.min(position, 30);
      this.accumulate(term, bit, this.passagePostings, this.passageLengths, this.averagePassageLength, passageScores, passageMasks);
      this.accumulate(term, bit, this.sectionPostings, this.sectionLengths, this.averageSectionLength, sectionScores, sectionMasks);
    });

    // A section whose heading names the topic answers even when its paragraphs do not repeat
    // the word ("Barnrättsperspektiv"): its first passages become candidates too.
    for (const [sectionIndex] of sectionMasks) {
      const section = this.sections[sectionIndex]!;
      if (!terms.some((t) => t.alternatives.some((a) => section.headingKeys.has(a.key)))) continue;
      const first = this.firstPassageOf[sectionIndex];
      if (first === undefined) continue;
      for (let id = first; id < Math.min(first + 3, this.passages.length) && this.passages[id]!.section === sectionIndex; id++) {
        if (!passageScores.has(id)) {
          passageScores.set(id, 0);
          passageMasks.set(id, 0);
        }
      }
    }
    const weights = new Map<number, number>();
    const hits: PassageHit[] = [];
    for (const [id, passageScore] of passageScores) {
      const passage = this.passages[id]!;
      const section = this.sections[passage.section]!;
      let weight = weights.get(section.document);
      if (weight === undefined) weights.set(section.document, (weight = documentWeight(this.documents[section.document]!)));
      if (weight <= 0) continue;
      const mask = passageMasks.get(id)! | (sectionMasks.get(section.index) ?? 0);
      const matched = terms.map((_, position) => (mask & (1 << Math.min(position, 30))) !== 0);
      const coverage = terms.reduce((sum, t, i) => sum + (matched[i] && counts(t) ? t.weight : 0), 0) / totalWeight;
      let bonus = 0;
      if (passage.labelKeys) {
        let labelMatches = 0;
        for (const term of terms) {
          const alternative = term.alternatives.find((a) => passage.labelKeys!.has(a.key));
          if (alternative) {
            bonus += labelBonus * alternative.weight * term.weight;
            labelMatches += 1;
          }
        }
        // A label that is nothing but the asked-for word ("Målgrupp") names the row better than
        // one that merely contains it ("Insatser till målgruppen").
        if (bonus > 0) bonus *= Math.min(1, labelMatches / passage.labelKeys.size);
      }
      // Likewise a section whose heading is what was asked about ("Jämställdhetsperspektiv").
      let headingBonus = 0;
      let headingMatches = 0;
      for (const term of terms) {
        const alternative = term.alternatives.find((a) => section.headingKeys.has(a.key));
        if (alternative) {
          headingBonus += labelBonus * alternative.weight * term.weight;
          headingMatches += 1;
        }
      }
      if (headingBonus > 0) bonus += headingBonus * Math.min(1, headingMatches / Math.max(1, section.headingWords));
      const score = (passageScore + bonus + sectionShare * (sectionScores.get(section.index) ?? 0)) * coverage * coverage * weight;
      hits.push({ passage, section, document: this.documents[section.document]!, score, coverage, matched });
    }
    hits.sort((x, y) => y.score - x.score || x.passage.index - y.passage.index);
    return hits.slice(0, limit);
  }

  private accumulate(
    term: QueryTerm,
    bit: number,
    postings: Map<string, Postings>,
    lengths: number[],
    averageLength: number,
    scores: Map<number, number>,
    masks: Map<number, number>,
  ): void {
    // A term counts once per passage, through its best alternative: synonyms must not add up.
    const best = new Map<number, number>();
    for (const alternative of term.alternatives) {
      const list = postings.get(alternative.key);
      if (!list) continue;
      const idf = this.idf(alternative.key);
      for (let i = 0; i < list.ids.length; i++) {
        const id = list.ids[i]!;
        const tf = list.tfs[i]!;
        const value = alternative.weight * idf * ((tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[id]!) / averageLength)));
        if (value > (best.get(id) ?? 0)) best.set(id, value);
      }
    }
    for (const [id, value] of best) {
      scores.set(id, (scores.get(id) ?? 0) + value);
      masks.set(id, (masks.get(id) ?? 0) | bit);
    }
  }
}
