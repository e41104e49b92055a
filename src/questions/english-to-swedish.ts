// English questions reach Swedish documents through two word sources: the reviewed municipal
// lexicon, which knows how agreements word things ("committee" → "nämnd", not "kommitté"), and a
// general bilingual dictionary for everything else. Lookups are phrase-first ("target group" is
// one term, not "target" + "group") and tolerate English inflection, so "workplaces", "spoken"
// and "reported" find the headwords a dictionary lists.
import snowball from "snowball-stemmers";
import { eng as englishFunctionWordList } from "stopword";

export interface EnglishToSwedish {
  /** Swedish words (lower case, as a Swedish document would write them) for an English word or phrase; [] when unknown. */
  translate(english: string): string[];
  /** The longest English phrases (up to 4 words) of the lexicon found in a question, for phrase-first lookup: returns the question split into terms. */
  segment(question: string): Array<{ english: string; swedish: string[] }>;
}

/** A dictionary as the translator consults it: one headword at a time, so a large one can be read lazily. */
export interface WordSource {
  /** Swedish words for a headword in normalized form (see normalizeEnglish); undefined when it has none. */
  lookup(headword: string): readonly string[] | undefined;
}

/** English word or phrase → Swedish words, as a lexicon file or a test writes them. */
export type WordList = ReadonlyMap<string, readonly string[]>;

export interface EnglishToSwedishSources {
  /** The reviewed municipal lexicon; wins over the general dictionary. */
  domain: WordSource;
  /** A general dictionary; null when none is installed (then only the lexicon answers). */
  general: WordSource | null;
}

/** Longer phrases are not looked for: neither source has them, and each length costs lookups. */
export const maxPhraseWords = 4;

/** The words of an English text, lower case; possessive 's dropped; hyphens split compounds ("follow-up"). */
export function englishWords(text: string): Array<{ word: string; start: number; end: number }> {
  const words: Array<{ word: string; start: number; end: number }> = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const word = match[0].toLowerCase().replace(/’/g, "'").replace(/'s$/, "");
    words.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** The form headwords are stored and looked up in: lower-case words separated by single spaces. */
export function normalizeEnglish(text: string): string {
  return /^[a-z0-9]+(?: [a-z0-9]+)*$/.test(text)
    ? text
    : englishWords(text)
        .map((w) => w.word)
        .join(" ");
}

/** An in-memory word source (the lexicon, a test's dictionary); headwords are normalized once. */
export function wordSourceFromList(list: WordList): WordSource & { headwords(): Iterable<string> } {
  const entries = new Map<string, string[]>();
  for (const [english, swedish] of list) {
    const headword = normalizeEnglish(english);
    const values = swedish.map((v) => v.trim().replace(/\s+/g, " ").toLowerCase()).filter((v) => v.length > 0);
    if (headword.length === 0 || values.length === 0) continue;
    entries.set(headword, [...new Set([...(entries.get(headword) ?? []), ...values])]);
  }
  return { lookup: (headword) => entries.get(headword), headwords: () => entries.keys() };
}

const englishStemmer = snowball.newStemmer("english");

// Forms the stemmer cannot relate to their headword. Each group is "base form, other forms…".
// Forms that are themselves another word's base form (found, saw, lay, rose, fell, bound,
// leaves, lives) are left out: they are looked up as words of their own.
const irregularForms =
  // verbs
  "arise arose arisen | awake awoke awoken | be was were been is are am | bear borne | beat beaten | " +
  "become became | begin began begun | bend bent | bite bit bitten | blow blew blown | break broke broken | " +
  "bring brought | build built | burn burnt | buy bought | catch caught | choose chose chosen | come came | " +
  "deal dealt | dig dug | do did done does | draw drew drawn | drink drank drunk | drive drove driven | " +
  "eat ate eaten | feed fed | feel felt | fight fought | fly flew flown | forbid forbade forbidden | " +
  "foresee foresaw foreseen | forget forgot forgotten | forgive forgave forgiven | freeze froze frozen | " +
  "get got gotten | give gave given | go went gone goes | grow grew grown | hang hung | have had has | " +
  "hear heard | hide hid hidden | hold held | keep kept | know knew known | lead led | lean leant | " +
  "learn learnt | leave left | lend lent | lose lost | make made | mean meant | meet met | mislead misled | " +
  "misunderstand misunderstood | overcome overcame | oversee oversaw overseen | pay paid | prove proven | " +
  "rewrite rewrote rewritten | ride rode ridden | ring rang rung | rise risen | run ran | say said | " +
  "see seen | seek sought | sell sold | send sent | shake shook shaken | shine shone | shoot shot | " +
  "show shown | shrink shrank shrunk | sing sang sung | sink sank sunk | sit sat | sleep slept | slide slid | " +
  "speak spoke spoken | spell spelt | spend spent | spin spun | stand stood | steal stole stolen | " +
  "stick stuck | strike struck | strive strove striven | swear swore sworn | sweep swept | swim swam swum | " +
  "take took taken | teach taught | tear tore torn | tell told | think thought | throw threw thrown | " +
  "undergo underwent undergone | understand understood | undertake undertook undertaken | uphold upheld | " +
  "wake woke woken | wear wore worn | weep wept | win won | withdraw withdrew withdrawn | " +
  "withhold withheld | write wrote written | " +
  // nouns
  "child children | man men | woman women | person people | foot feet | tooth teeth | mouse mice | " +
  "analysis analyses | crisis crises | thesis theses | diagnosis diagnoses | hypothesis hypotheses | " +
  "criterion criteria | phenomenon phenomena | index indices | appendix appendices | wife wives | " +
  "knife knives | half halves | shelf shelves | thief thieves | wolf wolves | curriculum curricula | " +
  // adjectives
  "good better best | bad worse worst | far farther farthest further furthest | old elder eldest";

const baseOfIrregular = new Map<string, string>();
for (const group of irregularForms.split("|")) {
  const [base, ...forms] = group.trim().split(/\s+/);
  for (const form of forms) baseOfIrregular.set(form, base!);
}

// English function words carry no topic, and a general dictionary's translations of them are
// noise ("about" → "förändring" from a mangled entry). The lexicon may still list one on purpose.
const functionWords = new Set(englishFunctionWordList);

// British and American spellings meet before stemming (organisation/organization,
// labour/labor, centre/center); the stemmer alone keeps them apart.
function americanSpelling(word: string): string {
  if (word.startsWith("programme")) return word.replace("programme", "program");
  if (word.length < 5) return word;
  return word
    .replace(/(?<=[a-z]{4})is(ation|ations|e|es|ed|ing)$/, "iz$1")
    .replace(/(?<=[a-z]{2})ys(e|es|ed|ing)$/, "yz$1")
    .replace(/(?<=[a-z]{3})our(s)?$/, "or$1")
    .replace(/(?<=[a-z]{2})tre(s)?$/, "ter$1");
}

function britishSpelling(word: string): string {
  if (word.length < 5) return word;
  return word.replace(/(?<=[a-z]{4})iz(ation|ations|e|es|ed|ing)$/, "is$1").replace(/(?<=[a-z]{3})or(s)?$/, "our$1");
}

const stemCache = new Map<string, string>();

/** What an inflected form and its headword share: the Snowball stem of the American spelling. */
function stemOf(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = englishStemmer.stem(americanSpelling(word));
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

const candidateCache = new Map<string, Candidate[]>();

/** Ways a suffix may have been added: "ies" came from "y", "ed" from "", "e" or a doubled consonant. */
const inflectionEndings: Array<[ending: string, replacements: string[]]> = [
  ["ies", ["y"]],
  ["ied", ["y"]],
  ["ying", ["y", "ie"]],
  ["ing", ["", "e", "-"]],
  ["ed", ["", "e", "-"]],
  ["es", ["", "e"]],
  ["s", [""]],
  ["ily", ["y"]],
  ["ly", [""]],
];

interface Candidate {
  headword: string;
  /** Regular de-inflections are guesses until the stemmer confirms them ("news" is not a form of "new"). */
  confirmByStem: boolean;
}

/**
 * Headwords an English word may be a form of, most likely first: an irregular form's base, the
 * other spelling, and regular de-inflections ("workplaces" → "workplace", "planned" → "plan").
 */
function headwordCandidates(word: string): Candidate[] {
  const cached = candidateCache.get(word);
  if (cached) return cached;
  const candidates: Candidate[] = [];
  const add = (headword: string, confirmByStem: boolean) => {
    if (headword !== word && headword.length >= 2 && !candidates.some((c) => c.headword === headword))
      candidates.push({ headword, confirmByStem });
  };
  const irregular = baseOfIrregular.get(word);
  if (irregular) add(irregular, false);
  // Dictionaries spell either way: "organisations" may be listed as "organization".
  for (const form of [word, americanSpelling(word), britishSpelling(word)]) {
    add(form, false);
    for (const [ending, replacements] of inflectionEndings) {
      if (!form.endsWith(ending) || form.length < ending.length + 2) continue;
      const root = form.slice(0, -ending.length);
      for (const replacement of replacements) {
        // "-" undoes a doubled consonant: planned → plan, running → run.
        const headword =
          replacement === "-"
            ? root.length >= 3 && root.at(-1) === root.at(-2)
              ? root.slice(0, -1)
              : ""
            : root + replacement;
        if (headword) add(headword, true);
      }
    }
  }
  if (candidateCache.size > 50_000) candidateCache.clear();
  candidateCache.set(word, candidates);
  return candidates;
}

/** Headwords a comparative or superlative may come from, which the stemmer leaves whole ("larger", "earliest"). */
function comparativeBases(word: string): string[] {
  const match = /^(\p{L}{2,}?)(ier|iest|er|est)$/u.exec(word);
  if (!match) return [];
  const stem = match[1]!;
  if (match[2]!.startsWith("i")) return [`${stem}y`];
  const bases = [stem, `${stem}e`];
  // bigger → big, hottest → hot
  if (stem.length >= 3 && stem.at(-1) === stem.at(-2)) bases.push(stem.slice(0, -1));
  return bases;
}

/**
 * The phrase a modifier makes with the head of a coordinated phrase after it: at "start" in
 * "start and end dates", "start dates" when a source knows both "end dates" and "start dates".
 * Only phrases of two or more words are looked for, so "X and Y" of plain words is left alone.
 */
function coordinatedPhrase(
  words: string[],
  i: number,
  find: (words: string[]) => readonly string[] | undefined,
): { english: string; swedish: readonly string[] } | null {
  if (words[i + 1] !== "and" && words[i + 1] !== "or") return null;
  for (let length = Math.min(maxPhraseWords, words.length - i - 2); length >= 2; length--) {
    const phrase = words.slice(i + 2, i + 2 + length);
    if (!find(phrase)) continue;
    const own = [words[i]!, ...phrase.slice(1)];
    const swedish = find(own);
    return swedish ? { english: own.join(" "), swedish } : null;
  }
  return null;
}

/** Combines the lexicon and a general dictionary: domain before general, phrases before words, exact before inflected. */
export function createEnglishToSwedish(sources: EnglishToSwedishSources): EnglishToSwedish {
  const { domain, general } = sources;

  function lookupGeneral(words: string[]): readonly string[] | undefined {
    if (!general || (words.length === 1 && functionWords.has(words[0]!))) return undefined;
    return general.lookup(words.join(" "));
  }

  // Each word of a phrase in turn, the last first: "target groups", then "followed up".
  function inflectedVariants(words: string[]): Array<{ words: string[]; confirm: () => boolean }> {
    const variants: Array<{ words: string[]; confirm: () => boolean }> = [];
    for (let i = words.length - 1; i >= 0; i--) {
      const word = words[i]!;
      for (const candidate of headwordCandidates(word)) {
        variants.push({
          words: words.map((w, j) => (j === i ? candidate.headword : w)),
          // Stemming is the costly part of a lookup, so only a variant that was found is stemmed.
          confirm: () => !candidate.confirmByStem || stemOf(candidate.headword) === stemOf(word),
        });
      }
    }
    return variants;
  }

  // An exact headword anywhere beats an inflected match: "minute" is "minut" in the dictionary
  // even though the lexicon's "minutes" (protokoll) would be its plural.
  function find(words: string[]): readonly string[] | undefined {
    const exact = domain.lookup(words.join(" ")) ?? lookupGeneral(words);
    if (exact) return exact;
    const variants = inflectedVariants(words);
    for (const variant of variants) {
      const hit = domain.lookup(variant.words.join(" "));
      if (hit && variant.confirm()) return hit;
    }
    for (const variant of variants) {
      const hit = lookupGeneral(variant.words);
      if (hit && variant.confirm()) return hit;
    }
    if (words.length === 1) {
      for (const base of comparativeBases(words[0]!)) {
        const hit = domain.lookup(base) ?? lookupGeneral([base]);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  return {
    translate(english) {
      const words = englishWords(english).map((w) => w.word);
      return words.length === 0 ? [] : [...(find(words) ?? [])];
    },

    segment(question) {
      const tokens = englishWords(question);
      const terms: Array<{ english: string; swedish: string[] }> = [];
      const words = tokens.map((t) => t.word.toLowerCase());
      for (let i = 0; i < tokens.length; ) {
        let taken = 1;
        let swedish: readonly string[] | undefined;
        // "start and end dates", "oral or written reports": the first modifier shares the phrase's head.
        const shared = coordinatedPhrase(words, i, find);
        if (shared) {
          terms.push({ english: shared.english, swedish: [...shared.swedish] });
          i += 1;
          continue;
        }
        for (let length = Math.min(maxPhraseWords, tokens.length - i); length >= 1 && !swedish; length--) {
          swedish = find(tokens.slice(i, i + length).map((t) => t.word));
          if (swedish) taken = length;
        }
        terms.push({
          english: question.slice(tokens[i]!.start, tokens[i + taken - 1]!.end),
          swedish: [...(swedish ?? [])],
        });
        i += taken;
      }
      return terms;
    },
  };
}
