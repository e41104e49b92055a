// The general English → Swedish vocabulary behind the municipal lexicon: Debian's FreeDict
// dictionaries in dictd format (an .index of "headword TAB base64 offset TAB base64 length" and a
// dictzip body, which gzip can read). English–Swedish is read directly; Swedish–English is
// inverted, which adds English words that only appear there as translations.
//
// Almost nothing is parsed up front. Every CLI `ask` opens the dictionaries, and parsing ten
// thousand entries costs more than answering the question, which needs a few dozen of them.
// Opening reads and unpacks the files; a lookup finds its headword in the index text (or its
// English word in the Swedish–English body) and parses only the entries it touches.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import {
  createEnglishToSwedish,
  normalizeEnglish,
  wordSourceFromList,
  type EnglishToSwedish,
  type WordSource,
} from "../../questions/english-to-swedish.ts";
import { municipalLexicon } from "../../questions/lexicon/municipal-lexicon.ts";
import type { Logger } from "../../shared/logger.ts";

export const defaultFreedictDirectory = "/usr/share/dictd";
export const freedictDebianPackages = ["dict-freedict-eng-swe", "dict-freedict-swe-eng"] as const;

interface DictdFile {
  index: string;
  body: Buffer;
}

/** The index parsed: entries in body order, where each starts and ends (bytes) and its headword. */
interface ParsedIndex {
  starts: number[];
  ends: number[];
  headwords: string[];
}

interface Entry {
  headword: string;
  pronunciation: string | null;
  /** Every translation of every sense, still raw. */
  items: string[];
  /** The items as English headwords, once a lookup has needed them. */
  englishHeadwords?: string[];
}

/** English → Swedish words from the FreeDict English–Swedish and Swedish–English dictionaries. */
export class FreedictDictionary implements WordSource {
  /** Both dictionaries in `directory`, or null when either is not installed. */
  static open(directory: string = defaultFreedictDirectory): FreedictDictionary | null {
    const englishSwedish = readDictd(directory, "freedict-eng-swe");
    const swedishEnglish = englishSwedish && readDictd(directory, "freedict-swe-eng");
    return englishSwedish && swedishEnglish ? new FreedictDictionary(englishSwedish, swedishEnglish) : null;
  }

  private readonly realEntries: (entries: Entry[]) => Entry[];
  /** Whether every English–Swedish headword is already in normalized form, so the index text can be searched as it is. */
  private readonly indexIsNormalized: boolean;
  private byNormalizedHeadword: Map<string, Array<[number, number]>> | null = null;
  /** The Swedish–English body as one byte per character, lower case, for finding English words in it. */
  private readonly searchText: string;
  private readonly parsedIndexes = new Map<DictdFile, ParsedIndex>();
  private readonly parsedEntries = new Map<DictdFile, Map<number, Entry>>();
  private readonly translations = new Map<string, readonly string[] | undefined>();
  private readonly entriesWithWord = new Map<string, Array<[number, number, string]>>();
  private readonly searchableEntries = new Map<number, string>();

  private constructor(
    private readonly englishSwedish: DictdFile,
    private readonly swedishEnglish: DictdFile,
  ) {
    this.indexIsNormalized = !/^(?!00database)[^\t\n]*[^a-z0-9 \t\n][^\t\n]*\t/m.test(englishSwedish.index);
    this.realEntries = mangledEntryFilter(englishSwedish);
    // Lower-casing latin1 text also changes some UTF-8 lead bytes, but the same happens to the
    // word searched for, and entries are decoded from the untouched body.
    this.searchText = swedishEnglish.body.toString("latin1").toLowerCase();
  }

  lookup(headword: string): readonly string[] | undefined {
    if (this.translations.has(headword)) return this.translations.get(headword);
    const swedish: string[] = [];
    const add = (word: string | null) => {
      if (word && !swedish.includes(word)) swedish.push(word);
    };
    // Direct translations first: they list senses in the dictionary's order of importance.
    const direct = this.englishSwedishEntries(headword).map(([start, end]) =>
      this.entry(this.englishSwedish, start, end, headword),
    );
    for (const entry of this.realEntries(direct)) for (const item of entry.items) add(cleanTerm(item, "swedish"));
    const phrase = headword.includes(" ") ? ` ${Buffer.from(headword, "utf8").toString("latin1")} ` : null;
    for (const [start, end, swedishHeadword] of this.swedishEntriesMentioning(headword)) {
      // Most phrases a question tries are in no dictionary; the raw text rules them out more
      // cheaply than parsing every entry that has their longest word.
      if (phrase && !this.searchableText(start, end).includes(phrase)) continue;
      const entry = this.entry(this.swedishEnglish, start, end, swedishHeadword);
      entry.englishHeadwords ??= entry.items.map((item) => normalizeEnglish(cleanTerm(item, "english") ?? ""));
      if (entry.englishHeadwords.includes(headword)) add(cleanTerm(entry.headword, "swedish"));
    }
    const result = swedish.length > 0 ? swedish : undefined;
    this.translations.set(headword, result);
    return result;
  }

  /** Every English headword with its Swedish words: a full pass, for counting and review, not for questions. */
  entries(): Map<string, string[]> {
    const all = new Map<string, string[]>();
    const add = (english: string | null, swedish: string | null) => {
      const headword = english && normalizeEnglish(english);
      if (!headword || !swedish) return;
      const list = all.get(headword);
      if (!list) all.set(headword, [swedish]);
      else if (!list.includes(swedish)) list.push(swedish);
    };
    const english = this.parsedIndex(this.englishSwedish);
    const byHeadword = new Map<string, Entry[]>();
    english.headwords.forEach((headword, i) => {
      const entry = this.entry(this.englishSwedish, english.starts[i]!, english.ends[i]!, headword);
      byHeadword.set(headword, [...(byHeadword.get(headword) ?? []), entry]);
    });
    for (const [headword, entries] of byHeadword) {
      for (const entry of this.realEntries(entries))
        for (const item of entry.items) add(cleanTerm(headword, "english"), cleanTerm(item, "swedish"));
    }
    const swedish = this.parsedIndex(this.swedishEnglish);
    swedish.headwords.forEach((headword, i) => {
      const entry = this.entry(this.swedishEnglish, swedish.starts[i]!, swedish.ends[i]!, headword);
      for (const item of entry.items) add(cleanTerm(item, "english"), cleanTerm(entry.headword, "swedish"));
    });
    return all;
  }

  // A headword's entries are consecutive lines of the index; finding "\nheadword\t" in its text
  // spares parsing the whole index, which would cost more than the rest of a question.
  private englishSwedishEntries(headword: string): Array<[number, number]> {
    if (!this.indexIsNormalized) return this.normalizedHeadwords().get(headword) ?? [];
    const index = this.englishSwedish.index;
    const found: Array<[number, number]> = [];
    const prefix = `\n${headword}\t`;
    for (let at = index.indexOf(prefix); at >= 0; at = index.startsWith(prefix, at) ? at : -1) {
      const offset = at + prefix.length;
      const tab = index.indexOf("\t", offset);
      const newline = index.indexOf("\n", tab);
      const lineEnd = newline < 0 ? index.length : newline;
      const start = base64Number(index, offset, tab);
      found.push([start, start + base64Number(index, tab + 1, lineEnd)]);
      at = lineEnd;
    }
    return found;
  }

  private normalizedHeadwords(): Map<string, Array<[number, number]>> {
    if (this.byNormalizedHeadword) return this.byNormalizedHeadword;
    const map = new Map<string, Array<[number, number]>>();
    const { starts, ends, headwords } = this.parsedIndex(this.englishSwedish);
    headwords.forEach((headword, i) => {
      const key = normalizeEnglish(headword);
      const list = map.get(key) ?? [];
      list.push([starts[i]!, ends[i]!]);
      map.set(key, list);
    });
    this.byNormalizedHeadword = map;
    return map;
  }

  // The Swedish–English entries whose text contains the phrase's longest word as a word; the
  // caller checks the translation itself, so this may over-approximate but never misses.
  private swedishEntriesMentioning(headword: string): Array<[number, number, string]> {
    const needle = headword.split(" ").reduce((a, b) => (b.length > a.length ? b : a));
    const cached = this.entriesWithWord.get(needle);
    if (cached) return cached;
    const pattern = Buffer.from(needle, "utf8").toString("latin1");
    const index = this.parsedIndex(this.swedishEnglish);
    const found: Array<[number, number, string]> = [];
    for (let at = this.searchText.indexOf(pattern); at >= 0; at = this.searchText.indexOf(pattern, at + 1)) {
      if (isWordByte(this.searchText.charCodeAt(at - 1)) || isWordByte(this.searchText.charCodeAt(at + pattern.length)))
        continue;
      const i = entryAt(index, at);
      if (i >= 0 && !found.some(([start]) => start === index.starts[i]))
        found.push([index.starts[i]!, index.ends[i]!, index.headwords[i]!]);
    }
    this.entriesWithWord.set(needle, found);
    return found;
  }

  /** An entry's text with everything but words turned into single spaces, as normalizeEnglish would. */
  private searchableText(start: number, end: number): string {
    let text = this.searchableEntries.get(start);
    if (text === undefined) {
      text = ` ${this.searchText
        .slice(start, end)
        .replace(/'s(?![a-z])/g, "")
        .replace(/[^a-z0-9'\x80-\xff]+/g, " ")} `;
      this.searchableEntries.set(start, text);
    }
    return text;
  }

  private parsedIndex(file: DictdFile): ParsedIndex {
    let parsed = this.parsedIndexes.get(file);
    if (!parsed) this.parsedIndexes.set(file, (parsed = parseIndex(file.index)));
    return parsed;
  }

  private entry(file: DictdFile, start: number, end: number, headword: string): Entry {
    let cache = this.parsedEntries.get(file);
    if (!cache) this.parsedEntries.set(file, (cache = new Map()));
    let entry = cache.get(start);
    if (!entry) {
      entry = parseEntry(headword, file.body.toString("utf8", start, end));
      cache.set(start, entry);
    }
    return entry;
  }
}

/**
 * The translator the application uses: the municipal lexicon over FreeDict. Without FreeDict it
 * still works on the lexicon alone, and says which Debian packages would widen it.
 */
export function loadEnglishToSwedish(logger: Logger, directory: string = defaultFreedictDirectory): EnglishToSwedish {
  const general = FreedictDictionary.open(directory);
  if (!general) {
    logger.warn(
      { directory, packages: freedictDebianPackages },
      `No FreeDict English–Swedish dictionaries in ${directory}: English questions are matched through the municipal lexicon only. ` +
        `Install them with: apt-get install ${freedictDebianPackages.join(" ")}`,
    );
  }
  return createEnglishToSwedish({ domain: wordSourceFromList(municipalLexicon), general });
}

function readDictd(directory: string, name: string): DictdFile | null {
  try {
    return {
      index: readFileSync(join(directory, `${name}.index`), "utf8"),
      body: gunzipSync(readFileSync(join(directory, `${name}.dict.dz`))),
    };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw new Error(
      `Could not read the FreeDict dictionary ${join(directory, name)} (reinstall ${freedictDebianPackages.join(" ")}): ${(error as Error).message}`,
    );
  }
}

function parseIndex(index: string): ParsedIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const headwords: string[] = [];
  let sorted = true;
  for (let at = 0; at < index.length; ) {
    const newline = index.indexOf("\n", at);
    const lineEnd = newline < 0 ? index.length : newline;
    const tab = index.indexOf("\t", at);
    const secondTab = tab < 0 ? -1 : index.indexOf("\t", tab + 1);
    // 00database… entries are the dictionary's own metadata (name, licence, URL).
    if (secondTab > 0 && secondTab < lineEnd && !index.startsWith("00database", at)) {
      const start = base64Number(index, tab + 1, secondTab);
      if (starts.length > 0 && start < starts[starts.length - 1]!) sorted = false;
      starts.push(start);
      ends.push(start + base64Number(index, secondTab + 1, lineEnd));
      headwords.push(index.slice(at, tab));
    }
    at = lineEnd + 1;
  }
  if (sorted) return { starts, ends, headwords };
  // A position in the body finds its entry by binary search, so entries must be in body order.
  // Packing (start, position in index) into one number lets the native numeric sort do it.
  const width = 2 ** Math.ceil(Math.log2(starts.length + 1));
  const packed = Float64Array.from(starts, (start, i) => start * width + i).sort();
  const order = Array.from(packed, (key) => key % width);
  return {
    starts: order.map((i) => starts[i]!),
    ends: order.map((i) => ends[i]!),
    headwords: order.map((i) => headwords[i]!),
  };
}

// dictd writes offsets and lengths as base64 numbers, most significant digit first.
const base64DigitValue = new Uint8Array(128);
[..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].forEach((digit, value) => {
  base64DigitValue[digit.charCodeAt(0)] = value;
});

function base64Number(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 64 + base64DigitValue[text.charCodeAt(i) & 127]!;
  return value;
}

/** The entry whose bytes include `position`, or -1 between entries. */
function entryAt(dictd: ParsedIndex, position: number): number {
  let low = 0;
  let high = dictd.starts.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (dictd.starts[mid]! > position) high = mid - 1;
    else if (dictd.ends[mid]! <= position) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** Letters, digits, apostrophes and any byte of a multi-byte character continue a word. */
function isWordByte(code: number): boolean {
  return code >= 0x80 || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x27;
}

const stressMark = Buffer.from("ˈ", "utf8");
const numberedSense = /^\s*\d+\.\s*/;
const bracketed = /\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|<[^>]*>/g;

function parseEntry(headword: string, text: string): Entry {
  const [first = "", ...senses] = text.split("\n");
  const slash = first.indexOf(" /");
  const pronunciation =
    slash >= 0 && first.trimEnd().endsWith("/") ? first.slice(slash + 2, first.trimEnd().length - 1) : null;
  const items: string[] = [];
  for (const sense of senses) {
    // Brackets hold grammar notes ("(sig)", "[bot.]"); commas inside them do not separate translations.
    for (const item of sense.replace(numberedSense, "").replace(bracketed, " ").split(/[,;]/)) {
      if (item.trim().length > 0) items.push(item);
    }
  }
  return { headword, pronunciation, items };
}

/**
 * FreeDict's English–Swedish edition 0.2 was imported from a source that kept only the first word
 * of multi-word headwords: "be /bəʃeimd/ → blygas" is "be ashamed", "work /wəːkaut/ → beräkna"
 * is "work out", "about /ɐbˈaʊt/ → förändring" is "about-turn". Their pronunciations give them
 * away: longer than the headword's other entries, far longer than the headword itself, or (in
 * the re-imported minority) written with stress marks the rest of the file never uses.
 * Given all entries of one headword, returns those that really are that word.
 */
function mangledEntryFilter(file: DictdFile): (entries: Entry[]) => Entry[] {
  let stressMarks = 0;
  for (let at = file.body.indexOf(stressMark); at >= 0; at = file.body.indexOf(stressMark, at + 1)) stressMarks++;
  const stressMarksAreRare = stressMarks < file.index.split("\n").length * 0.1;
  const sounds = (entry: Entry) => entry.pronunciation?.replace(/[ˈˌː\s]/g, "").length ?? 0;
  return (entries) => {
    const plausible = entries.filter((entry) => {
      const pronunciation = entry.pronunciation;
      if (pronunciation === null || entry.headword.includes(" ")) return true;
      if (stressMarksAreRare && pronunciation.includes("ˈ")) return false;
      const letters = entry.headword.length;
      return !(sounds(entry) >= letters + 3 && sounds(entry) >= letters * 1.4);
    });
    const shortest = Math.min(...plausible.map(sounds));
    return plausible.filter((entry) => entry.pronunciation === null || sounds(entry) <= shortest + 2);
  };
}

// Stand-ins for an object in a phrase ("look after sb", "hjälpa ngn"); words of their own otherwise.
const placeholders = new Set([
  "sb",
  "sth",
  "sb's",
  "one's",
  "oneself",
  "someone",
  "something",
  "ngn",
  "ngt",
  "ngns",
  "ngts",
  "etc",
  "osv",
]);
const termShape = /^[\p{L}][\p{L}' -]*[\p{L}]$/u;
const danglingHyphen = /(^|\s)-|-($|\s)/;

/** A single word or a phrase of up to four words, lower case, as running text writes it; null for notes and fragments. */
function cleanTerm(raw: string, language: "english" | "swedish"): string | null {
  let words = raw
    .replace(/[‐‑]/g, "-")
    .replace(/’/g, "'")
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  // Infinitive markers ("att tala", "to speak") and English articles are not part of the word.
  const leading = language === "swedish" ? ["att"] : ["to", "a", "an", "the"];
  if (words.length > 1 && leading.includes(words[0]!)) words = words.slice(1);
  if (words.length > 1) words = words.filter((w) => !placeholders.has(w));
  if (words.length === 0 || words.length > 4) return null;
  const term = words.join(" ");
  // Affixes ("o-", "-lös"), formatting codes ("%h-able"), ellipses ("lika...som") and numbers are not words.
  if (!termShape.test(term) || danglingHyphen.test(term)) return null;
  return term;
}
