// Swedish-aware matching for questions: folding (diacritics and OCR damage), Snowball stemming,
// maintained stop lists, compound splitting against the corpus vocabulary, OCR-variant and prefix
// neighbours, and reviewed concept groups. English reaches Swedish through english-to-swedish.ts.
import snowball from "snowball-stemmers";
import { eng, swe } from "stopword";
import { fold } from "../shared/text/fold.ts";
import concepts from "./lexicon/swedish-concepts.json" with { type: "json" };

const swedishStemmer = snowball.newStemmer("swedish");
const keyCache = new Map<string, string>();

/** A word occurrence in a text, with its matching key. */
export interface Token {
  word: string;
  key: string;
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\d][\p{L}\d]*/gu;

/** The matching key of one word: folded, OCR-repaired and stemmed. Cached: the corpus repeats words. */
export function termKey(word: string): string {
  let key = keyCache.get(word);
  if (key === undefined) {
    const folded = fold(word);
    key = /^\d+$/.test(folded) ? folded : swedishStemmer.stem(folded);
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(word, key);
  }
  return key;
}

/** The words of `text` in order; with `limit`, only the first ones (a sentence's opening is read for every window of every question). */
export function tokenize(text: string, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  if (limit <= 0) return tokens;
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    tokens.push({ word, key: termKey(word), start: match.index, end: match.index + word.length });
    if (tokens.length >= limit) break;
  }
  return tokens;
}

// Stop words: the maintained lists of the npm package `stopword` (Swedish and English), less the
// few words that carry meaning in agreements ("beslut" in "ej verkställda beslut", "senast" and
// "första" in dates, "fler" in goals), plus the words every question about an agreement shares.
const meaningful = new Set([
  "beslut",
  "beslutat",
  "senast",
  "första",
  "fler",
  "flera",
  "del",
  "delen",
  "mål",
  "vår",
  "sex",
  "tio",
  "fem",
  "fyra",
  "tre",
  "två",
]);
const questionWords =
  // Swedish prepositions and adverbs the maintained list lacks.
  "utöver gällande avseende angående beträffande respektive därutöver därtill idag " +
  "hos kring via trots samt både dvs cirka ca ungefär utifrån " +
  // Sentence adverbs of spoken Swedish ("den tid som faktiskt har utförts", "vad innebär det egentligen"):
  // they colour the question, the agreement's sentence never repeats them.
  "faktiskt egentligen precis överhuvudtaget fortfarande konkret typ liksom " +
  // The gender-neutral pronoun, newer than the maintained list.
  "hen henom hens " +
  "säga säger står stod innebär innehåller ingå ingår beakta beaktas hantera hanteras sker ske göras " +
  "behöver behövs behöva bör måste väntas förväntas " +
  "överenskommelse överenskommelsen överenskommelserna avtal avtalet avtalen dokument dokumentet " +
  // The parties in the definite form are "the" committee and division of the agreement at hand, named in
  // nearly every sentence of it: they do not tell one passage from another.
  "divisionen nämnden kontoret förvaltningen utföraren beställaren " +
  "agreement agreements document according tell show give find say says said get gets got know please someone anyone stand stands " +
  "do does did doing done has have having had is are was were be been being can could should would will shall must may might " +
  "rather instead also even just only quite very really whether anything something able " +
  // Hedges on a figure asked for ("roughly how many"): the answer's "cirka" is no match for them.
  "roughly approximately approx around";
const stopList = [...swe.filter((w: string) => !meaningful.has(w)), ...eng, ...questionWords.split(/\s+/)];
const stopWords = new Set(stopList.map(fold));
// A stop word is recognised by its own form: its stem may be a content word's too ("tidig" and
// "tid" share "tid", "länge" and "längd" share "lang"). Only stop words that are their own stem
// ("och", "för", "att") stand for their key wherever only keys are known (stored passage terms).
const stopKeys = new Set(stopList.filter((w) => termKey(w) === fold(w)).map(fold));

/** Whether a word as written is a function word (or a word every question shares). */
export function isStopWord(word: string): boolean {
  return stopWords.has(fold(word)) || word.length < 2;
}

/** Whether a key is the key of an uninflected stop word (see above). */
export function isStopKey(key: string): boolean {
  return stopKeys.has(key) || key.length < 2;
}

// Concepts agreements name in several ways (a reviewed data file); each group matches as one concept.
const synonymsByKey = new Map<string, string[]>();
for (const group of (concepts as { groups: string[][] }).groups) {
  // A group matches word for word; a phrase ("följa upp", "ekonomiskt bistånd") is the concept
  // only as a whole, and none of its words alone is.
  const keys = [...new Set(group.filter((phrase) => tokenize(phrase).length === 1).map(termKey))];
  for (const key of keys) synonymsByKey.set(key, [...new Set([...(synonymsByKey.get(key) ?? []), ...keys])]);
}

/** One alternative key a query term may match, with how much a match on it counts (0–1). */
export interface Alternative {
  key: string;
  weight: number;
}

/** What a compound's known first part says of a compound the documents never use (see partialStems). */
export const compoundHeadWeight = 0.25;

const ocrConfusable = /[aeo]/g;

/** Swedish endings the stemmer does not remove from every word (definite and plural forms). */
const inflections = ["et", "en", "n", "t", "er", "ar", "or", "na", "ets", "ens"];

/**
 * The keys of a corpus, with what is needed to widen a query term: compound parts, OCR
 * variants (å/ä/ö read as a/e/o) and words sharing a long prefix ("ekonomi", "ekonomisk").
 */
export class Vocabulary {
  private readonly sorted: string[];
  private readonly bySkeleton = new Map<string, string[]>();
  private readonly partsCache = new Map<string, string[]>();

  /**
   * `words`: the keys the documents write as words, where `keys` also holds the parts of their
   * compounds. A compound of the question splits at a short head ("tim|ersättning") only where the
   * documents write it as a word: a head that is only ever a part ("tim" of "timavlönade") is no
   * word of theirs.
   */
  constructor(
    readonly keys: ReadonlySet<string>,
    private readonly words: ReadonlySet<string> = keys,
  ) {
    this.sorted = [...keys].sort();
    for (const key of keys) {
      if (key.length < 6) continue;
      const skeleton = key.replace(ocrConfusable, "*");
      const list = this.bySkeleton.get(skeleton);
      if (list) list.push(key);
      else this.bySkeleton.set(skeleton, [key]);
    }
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /**
   * The nouns of a particle verb the documents use: "stämma av" → "avstämning", "flytta in" →
   * "inflyttning", "ta fram" → "framtagande". The verb's stem goes after the particle (a double
   * consonant may single before the ending: "stämm" → "avstämning").
   */
  particleVerbNouns(verb: string, particle: string): string[] {
    const word = fold(verb.toLowerCase());
    const passive = word.replace(/(as|es|s)$/, "");
    const stripped = passive.replace(/(ar|er|de|te|a|r|t)$/, "");
    const stem = stripped.length >= 2 ? stripped : passive;
    // The single consonant only before the -ning of the noun ("stämm" → "avstämning").
    const single = stem.replace(/([bdfgklmnprst])\1$/, "$1");
    const prefixes = [fold(particle) + stem, ...(single !== stem ? [`${fold(particle)}${single}n`] : [])];
    const found: string[] = [];
    for (const prefix of prefixes) {
      if (prefix.length < 5) continue;
      for (const key of this.keys)
        if (key.startsWith(prefix) && key.length <= prefix.length + 7 && !found.includes(key)) found.push(key);
    }
    return found.slice(0, 6);
  }

  /**
   * Splits a compound into vocabulary words: "arbetsmarknadsanstallning" → ["arbetsmarknad",
   * "anstallning"]. The longest known tail wins (the last part carries a Swedish compound's
   * meaning); a linking "s" is allowed. Empty when the key is not a compound of known words.
   */
  compoundParts(key: string): string[] {
    const cached = this.partsCache.get(key);
    if (cached) return cached;
    const parts = this.split(key, 0);
    this.partsCache.set(key, parts);
    return parts;
  }

  private split(key: string, depth: number): string[] {
    if (key.length < 8 || depth > 3 || /\d/.test(key)) return [];
    for (let i = 3; i <= key.length - 4; i++) {
      const tail = key.slice(i);
      if (!this.keys.has(tail) || isStopKey(tail)) continue;
      const head = key.slice(0, i);
      const heads = head.endsWith("s") && head.length > 4 ? [head.slice(0, -1), head] : [head];
      // The head may itself be an inflected word ("jamstalldhet" is stored as "jamstalld").
      for (const candidate of [
        ...heads,
        ...heads.map((h) => swedishStemmer.stem(h)).filter((h) => !heads.includes(h)),
      ]) {
        if (
          (candidate.length >= 4 || (candidate.length === 3 && this.words.has(candidate))) &&
          this.keys.has(candidate) &&
          !isStopKey(candidate)
        )
          return [candidate, tail];
        const headParts = this.split(candidate, depth + 1);
        if (headParts.length) return [...headParts, tail];
      }
    }
    return [];
  }

  /** Keys that are the same word with OCR-damaged vowels. */
  ocrVariants(key: string): string[] {
    if (key.length < 6) return [];
    return (this.bySkeleton.get(key.replace(ocrConfusable, "*")) ?? []).filter((k) => k !== key);
  }

  /** Keys that extend `key` by a short ending, or that `key` extends ("ekonomin" ↔ "ekonomisk"). */
  prefixNeighbours(key: string): string[] {
    if (key.length < 5) return [];
    const found: string[] = [];
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]! < key) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.sorted.length && this.sorted[i]!.startsWith(key); i++) {
      const candidate = this.sorted[i]!;
      // Stems of folded words can differ by four letters ("område" → "omr", "området" → "omradet"),
      // which only a long word may do without meeting another word.
      if (candidate !== key && candidate.length - key.length <= (key.length >= 8 ? 4 : 3)) found.push(candidate);
    }
    for (let length = Math.max(5, key.length - 3); length < key.length; length++) {
      const shorter = key.slice(0, length);
      if (this.keys.has(shorter)) found.push(shorter);
    }
    return found;
  }

  /**
   * Keys one edit away (a letter changed, added, dropped or two swapped) from a word the documents
   * never use: an OCR misreading in the documents ("Sormiands" for "Sörmlands") or a typo in the
   * question. Only for long words, where one edit rarely makes another real word; the first two
   * letters must agree, which keeps the search to a small range of the sorted keys.
   */
  nearMisses(key: string): string[] {
    if (key.length < 7 || /\d/.test(key)) return [];
    const prefix = key.slice(0, 2);
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      const candidate = this.sorted[i]!;
      if (Math.abs(candidate.length - key.length) <= 1 && withinOneEdit(key, candidate)) found.push(candidate);
    }
    return found;
  }

  /**
   * For a word the documents never use, the known word it is built on, with how much of the word
   * it says: a longer form of a known stem ("budgeterats" → "budget") says most of it; the known
   * first part of a compound whose last part they never use ("skolmåltid" → "skol", "snödjup" →
   * "snö") says little, as a Swedish compound means what its last part means. (Its known last part
   * is not offered: "timersättning" is not "ersättning", and a question about a thing the documents
   * never name must stay unanswered.)
   */
  partialStems(key: string): Alternative[] {
    if (key.length < 6 || /\d/.test(key)) return [];
    for (let length = key.length - 1; length >= Math.max(5, Math.ceil(key.length * 0.6)); length--) {
      const prefix = key.slice(0, length);
      if (this.keys.has(prefix) && !isStopKey(prefix)) return [{ key: prefix, weight: 0.6 }];
    }
    for (let i = key.length - 4; i >= 3; i--) {
      const head = key.slice(0, i);
      for (const candidate of head.endsWith("s") && head.length > 4 ? [head.slice(0, -1), head] : [head])
        if (this.keys.has(candidate) && (candidate.length >= 4 || this.words.has(candidate)) && !isStopKey(candidate))
          return [{ key: candidate, weight: compoundHeadWeight }];
    }
    return [];
  }

  /** Every key a query term may match, best first. */
  alternatives(key: string): Alternative[] {
    const weights = new Map<string, number>();
    const add = (k: string, w: number) => {
      if (this.keys.has(k) && (weights.get(k) ?? 0) < w) weights.set(k, w);
    };
    add(key, 1);
    for (const synonym of synonymsByKey.get(key) ?? []) add(synonym, 0.85);
    // A definite form the stemmer leaves whole ("mötet") that the documents never write: the word it
    // is a form of, and its synonyms ("sammanträde").
    const bare = key.length >= 5 && /[^e]et$/.test(key) && !this.keys.has(key) ? termKey(key.slice(0, -1)) : null;
    if (bare) {
      add(bare, 0.9);
      for (const synonym of synonymsByKey.get(bare) ?? []) add(synonym, 0.8);
    }
    for (const variant of this.ocrVariants(key)) add(variant, 0.9);
    for (const neighbour of this.prefixNeighbours(key)) add(neighbour, 0.75);
    // A noun and the adjective derived from it ("ekonomi" / "ekonomisk", "teknik" / "teknisk").
    for (const related of derivedForms(key)) add(related, 0.75);
    // A verb and its be- form ("svara" / "besvarar", "handla" / "behandlas", "söka" / "besöka"):
    // related but not the same, so it counts less.
    if (key.length >= 4) add(`be${key}`, 0.7);
    // The stemmer leaves some inflections of short words as they are ("målet", "planen"): they are the same word.
    if (key.length >= 3) for (const ending of inflections) add(key + ending, 0.9);
    // A word the documents use may still be misread elsewhere in them: the misreading counts less.
    const known = weights.size > 0;
    for (const near of this.nearMisses(key)) if (near !== key) add(near, known ? 0.7 : 0.85);
    if (weights.size === 0) for (const stem of this.partialStems(key)) add(stem.key, stem.weight);
    return [...weights].map(([k, weight]) => ({ key: k, weight })).sort((a, b) => b.weight - a.weight);
  }
}

/**
 * The adjective in -isk of a noun, as a stem: "ekonomi(n)" → "ekonomisk", "teknik" → "teknisk",
 * "strategi" → "strategisk". Not the other way: the adjective's noun is wider ("ekonomiskt bistånd"
 * is no question about "ekonomi"). Only forms the documents use count.
 */
export function derivedForms(key: string): string[] {
  const forms: string[] = [];
  const noun = key.replace(/(en|n|et)$/, "");
  if (/i$/.test(noun) && noun.length >= 5) forms.push(`${noun}sk`);
  if (/ik$/.test(noun) && noun.length >= 5) forms.push(`${noun.slice(0, -1)}sk`);
  // A verb and the noun of its act, both ways: "plogade" / "plogning", "granskas" / "granskning",
  // "inventeras" / "inventering" ("Hur snabbt ska gatorna vara plogade?" — "Plogning … ska vara klar inom 6 timmar").
  if (/ering$/.test(key) && key.length >= 8) forms.push(key.slice(0, -3));
  else if (/ning$/.test(key) && key.length >= 8) forms.push(key.slice(0, -4));
  else if (/er$/.test(key) && key.length >= 5) forms.push(`${key}ing`);
  else if (key.length >= 4 && !/ing$/.test(key)) forms.push(`${key}ning`);
  return forms.filter((f) => f !== key);
}

/** Damerau–Levenshtein distance of at most one (one substitution, insertion, deletion or swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

export function synonymsOf(key: string): string[] {
  return synonymsByKey.get(key) ?? [key];
}
