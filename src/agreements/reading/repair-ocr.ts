// Repairs OCR damage to å, ä and ö in Swedish text, word by word, against a real dictionary.
//
// Scanned agreements come back with "Socialndmnden", "férsérjningsstod", "6verenskommelse", "&r"
// and, above all, with plain vowels: "mal", "for", "hallbar". A word that is not Swedish but
// becomes Swedish when its look-alike characters are read as å/ä/ö is repaired. A word that is
// Swedish either way ("mal"/"mål", "for"/"för") is only changed in a document that is clearly
// damaged, and only with evidence from the document itself or from the language's function words.
// Only characters inside words change (and a "|" that stands for "I"); every other character
// stays where it was, so the line structure later stages read is untouched.
import { swe as swedishFunctionWords } from "stopword";
import type { SpellingDictionary } from "./spelling-dictionary.ts";

export interface OcrRepair {
  from: string;
  to: string;
  count: number;
}

export interface RepairedText {
  text: string;
  repairs: OcrRepair[];
  /** share of words that were repaired */
  damage: number;
}

// What OCR made of å/ä/ö in the seeds (002): plain vowels ("mal", "for", "Jamstalldhet"),
// accented vowels ("férsérjningsstod", "hélsa", "ocksé"), "d" where the dots and ring were read as
// a stem ("Socialndmnden", "dverenskommelse", "dtagande", "behdvs"), "&" ("&r", "L&mna",
// "Nyk&ping") and digits ("6verenskommelse", "f6r", "s6ka"). The other accented vowels, "@", "8"
// and "0" are the same mistakes by other OCR engines.
const lookalikes: Record<string, string> = {
  a: "äå",
  o: "ö",
  d: "äöå",
  é: "öäå",
  è: "äöå",
  ê: "äöå",
  ë: "äöå",
  á: "åä",
  à: "åä",
  â: "åä",
  ã: "åä",
  ó: "ö",
  ò: "ö",
  ô: "ö",
  õ: "ö",
  ø: "ö",
  "&": "äöå",
  "@": "åä",
  "6": "ö",
  "0": "ö",
  "8": "åäö",
};
// Characters that are never right inside a Swedish word, unlike the plain letters a, o and d.
const marks = new Set("éèêëáàâãóòôõø&@680");
// A letter split in two also happens: "nédmndens", "Né&ra", "Kommunfullméaktige", "6éka", "Nykoéping".
const splitLetter = "äöå";
const maxSubstitutions = 3;
// A word that is Swedish as written and still damaged has one or two of its vowels lost, not
// three ("mal", "valfarden"); searching deeper costs more than it finds.
const maxSubstitutionsInWords = 2;
const vowels = new Set("aeiouyåäöéèêëáàâãóòôõø");

// A damaged document: at least this share of its words were not Swedish until repaired.
export const damagedShare = 0.015;
const functionWords = new Set(swedishFunctionWords);

interface Substitution {
  at: number;
  length: 1 | 2;
  to: string;
}

interface Reading {
  form: string;
  substitutions: Substitution[];
  /** How well the dictionary knows it: 0 a headword, 1 an inflected form, otherwise its number of compound parts. */
  standing: number;
}

interface Word {
  start: number;
  token: string;
  key: string;
  upperCase: boolean;
  /** Both halves of a word hyphenated at a line break ("arbetsmark-" / "nadsinsatser") carry the whole. */
  whole?: string;
}

export function repairOcrText(text: string, dictionary: SpellingDictionary): RepairedText {
  const words = findWords(text).filter((word) => !(word.whole && dictionary.isWord(word.whole)));
  const spelling = new Spelling(dictionary);
  const keys = new Set(words.map((word) => word.key));

  // First the words that are not Swedish as written: their repairs tell how damaged the document
  // is and which words it uses.
  const chosen = new Map<string, Reading>();
  const ties = new Map<string, Reading[]>();
  for (const key of keys) {
    if (spelling.asWritten(key)) continue;
    const variants = spelling.variants(key);
    if (variants.length === 1) chosen.set(key, variants[0]!);
    else if (variants.length > 1) ties.set(key, variants);
  }
  const certain = new Evidence(keys, chosen, spelling);
  for (const [key, variants] of ties) {
    const reading = bestSupported(variants, key, certain);
    if (reading) chosen.set(key, reading);
  }

  const pipes = pipesReadAsI(text);
  const damaged = words.filter((word) => chosen.has(word.key)).length + pipes.length >= damagedShare * words.length;
  if (!damaged) {
    // In a clean document an odd word with a plain a, o or d ("mar -19", "Westerlundskas") is a
    // name, an abbreviation or a typo far more often than OCR damage; a mark ("férsérjning") is not.
    for (const [key, reading] of chosen) if (onlyPlainLetters(key, reading)) chosen.delete(key);
  } else {
    // Guessed compounds first ("hallbar", "arbetssatt"): their repairs vouch for the listed words
    // reconsidered after them ("arbetssätt" for "satt" → "sätt").
    for (const guessed of [true, false]) {
      const evidence = new Evidence(keys, chosen, spelling);
      for (const key of keys) {
        const asWritten = spelling.asWritten(key);
        // A written function word never gives way (see `support`), so its variants are not sought.
        if (!asWritten || functionWords.has(key) || parts(asWritten) > 1 !== guessed) continue;
        const reading = reconsider(asWritten, spelling.variants(key), key, evidence);
        if (reading) chosen.set(key, reading);
      }
    }
  }

  const edits: { start: number; from: string; to: string }[] = pipes.map((start) => ({ start, from: "|", to: "I" }));
  for (const word of words) {
    const reading = chosen.get(word.key);
    if (!reading) continue;
    let to = applyReading(word, reading);
    // After a number "ar" is the unit, "år" ("25-64 ar", "3 ar"), not the verb "är".
    if (/^är$/i.test(to) && /\d[\s\u00a0–-]*$/.test(text.slice(Math.max(0, word.start - 12), word.start)))
      to = to[0] === "Ä" ? "År" : "år";
    edits.push({ start: word.start, from: word.token, to });
  }
  edits.push(...joinedFunctionWords(text, dictionary, new Set(edits.map((e) => e.start))));
  edits.sort((a, b) => a.start - b.start);

  let repaired = "";
  let at = 0;
  const counts = new Map<string, OcrRepair>();
  for (const edit of edits) {
    repaired += text.slice(at, edit.start) + edit.to;
    at = edit.start + edit.from.length;
    const id = `${edit.from}\u0000${edit.to}`;
    const repair = counts.get(id) ?? { from: edit.from, to: edit.to, count: 0 };
    repair.count++;
    counts.set(id, repair);
  }
  repaired += text.slice(at);
  const repairs = [...counts.values()].sort((a, b) => b.count - a.count || a.from.localeCompare(b.from, "sv"));
  const wordCount = words.length + pipes.length;
  return { text: repaired, repairs, damage: wordCount ? edits.length / wordCount : 0 };
}

/** Short words OCR runs into the next one ("avimplementering" for "av implementering"). */
const functionWordsJoined = new Set(["av", "i", "på", "till", "för", "med", "om", "och", "att", "som"]);
const joinable = new RegExp(`^(${[...functionWordsJoined].join("|")})(\\p{Ll}{5,})$`, "u");

/**
 * "Uppföljning avimplementering": a short function word run into the word after it. The joined
 * form may pass as a compound ("av" + "implementering"), so only the document decides: it is
 * split where the dictionary does not list it and the document writes the two words apart
 * elsewhere ("… av implementering …") at least as often as joined.
 */
function joinedFunctionWords(
  text: string,
  dictionary: SpellingDictionary,
  taken: Set<number>,
): Array<{ start: number; from: string; to: string }> {
  const edits: Array<{ start: number; from: string; to: string }> = [];
  // One pass over the words: how often each is written, and each function word's pair with the next.
  const counts = new Map<string, number>();
  const pairs = new Map<string, number>();
  let previous: string | null = null;
  for (const match of text.matchAll(wordPattern)) {
    const token = match[0];
    counts.set(token, (counts.get(token) ?? 0) + 1);
    if (previous !== null) {
      const pair = `${previous} ${token.toLowerCase()}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
    previous = functionWordsJoined.has(token.toLowerCase()) ? token.toLowerCase() : null;
  }
  const apart = new Map<string, boolean>();
  for (const match of text.matchAll(wordPattern)) {
    const token = match[0];
    const joined = joinable.exec(token);
    if (!joined || taken.has(match.index)) continue;
    const [, word, rest] = joined as unknown as [string, string, string];
    let split = apart.get(token);
    if (split === undefined) {
      const written = pairs.get(`${word} ${rest}`) ?? 0;
      split =
        written > 0 && written >= (counts.get(token) ?? 0) && !dictionary.listing(token) && dictionary.isWord(rest);
      apart.set(token, split);
    }
    if (split) edits.push({ start: match.index, from: token, to: `${word} ${rest}` });
  }
  return edits;
}

function onlyPlainLetters(key: string, reading: Reading): boolean {
  return reading.substitutions.every(({ at, length }) => /^[aod]+$/.test(key.slice(at, at + length)));
}

/**
 * In a damaged document a word that is Swedish as written is still often damaged. It gives way
 * to a listed variant when it is only a guessed compound itself ("hallbar" = "hall" + "bar" →
 * "hållbar"), and otherwise to a variant with more support ("mal" → "mål", "ar" → "är"). A
 * headword does not give way to a mere inflection unless that is a function word, so "stark" does
 * not become the imperative "stärk" just because the document uses "stärka".
 */
function reconsider(asWritten: Reading, variants: Reading[], key: string, evidence: Evidence): Reading | null {
  const written = evidence.support(asWritten.form);
  const rivals = variants.filter(
    (variant) =>
      parts(variant) < parts(asWritten) ||
      (parts(variant) === parts(asWritten) &&
        evidence.support(variant.form) > written &&
        (variant.standing <= asWritten.standing || functionWords.has(variant.form))),
  );
  return bestSupported(rivals, key, evidence);
}

// How much likelier one reading must be, by the document's OCR habits, to break a tie.
const clearlyLikelier = Math.log(1.5);

/**
 * The reading with the most support, then the best standing, then the fewest substitutions,
 * then the one that fits how this document's OCR misreads ("fér": "för" rather than "får" where
 * "é" mostly stood for "ö"). Null when two are still about equally good ("arligen": "ärligen" or
 * "årligen"): a guess would look right and mislead, while the damaged word at least looks damaged.
 */
function bestSupported(readings: Reading[], key: string, evidence: Evidence): Reading | null {
  const ranked = readings
    .map((reading) => ({
      reading,
      support: evidence.support(reading.form),
      likelihood: evidence.likelihood(key, reading),
    }))
    .sort(
      (a, b) =>
        b.support - a.support ||
        a.reading.standing - b.reading.standing ||
        a.reading.substitutions.length - b.reading.substitutions.length ||
        b.likelihood - a.likelihood,
    );
  const [first, second] = ranked;
  if (!first) return null;
  const asGood =
    second &&
    second.support === first.support &&
    second.reading.standing === first.reading.standing &&
    second.reading.substitutions.length === first.reading.substitutions.length &&
    first.likelihood - second.likelihood < clearlyLikelier;
  return asGood ? null : first.reading;
}

/** What a document vouches for, and how its OCR misread å, ä and ö. */
class Evidence {
  private readonly stems = new Set<string>();
  /** For each look-alike, how often it stood for each letter in the repairs made so far. */
  private readonly habits = new Map<string, Map<string, number>>();
  /** How many of those repairs read one character as a letter, and how many read two as one ("éd" → "å"). */
  private readonly kinds = { single: 0, split: 0 };

  /**
   * The document vouches for words it spells with å/ä/ö, for repaired words and for the
   * headwords they are compounds of ("behovsprévning" → "behovsprövning" vouches for "behov",
   * "malomrade" → "målområde" for "mål"). A part that is only an inflection is as likely a wrong
   * split ("förstärkt" = "för" + "stärkt") as a word the document uses. Other words as written
   * vouch for nothing: in a damaged document "mal" may well be "mål".
   */
  constructor(
    keys: Set<string>,
    chosen: Map<string, Reading>,
    private readonly spelling: Spelling,
  ) {
    for (const key of keys) {
      const form = chosen.get(key)?.form ?? (/[åäö]/.test(key) && spelling.asWritten(key) ? key : null);
      if (form === null) continue;
      this.stems.add(stem(form));
      for (const part of spelling.dictionary.compoundParts(form) ?? [])
        if (spelling.dictionary.listing(part) === "headword") this.stems.add(stem(part));
    }
    for (const [key, reading] of chosen) {
      for (const { at, length, to } of reading.substitutions) {
        const letters = this.habits.get(key.slice(at, at + length)) ?? new Map<string, number>();
        letters.set(to, (letters.get(to) ?? 0) + 1);
        this.habits.set(key.slice(at, at + length), letters);
        this.kinds[length === 1 ? "single" : "split"]++;
      }
    }
  }

  /**
   * How much a reading is vouched for: 2 for a function word ("är", "för", "på"), which the
   * language itself vouches for; 1 when the document uses the word elsewhere; otherwise 0. A
   * written function word can therefore never lose to a variant: "har"/"här" and "var"/"vår"
   * are both too common to tell apart, and "andra" stays "andra" even where "ändra" is attested.
   */
  support(form: string): number {
    if (functionWords.has(form)) return 2;
    if (this.stems.has(stem(form))) return 1;
    const parts = this.spelling.dictionary.compoundParts(form);
    return parts && parts.every((part) => this.stems.has(stem(part))) ? 1 : 0;
  }

  /**
   * The log-likelihood of a reading's substitutions by the document's habits, smoothed so that an
   * unseen one is merely unlikely. A split letter is as likely as the document makes it: where
   * OCR mostly misread one character for one letter, "stéd" is "stöd" rather than "stå".
   */
  likelihood(key: string, reading: Reading): number {
    const { single, split } = this.kinds;
    let sum = 0;
    for (const { at, length, to } of reading.substitutions) {
      sum += Math.log(((length === 1 ? single : split) + 1) / (single + split + 2));
      const letters = this.habits.get(key.slice(at, at + length));
      const total = letters ? [...letters.values()].reduce((a, b) => a + b, 0) : 0;
      sum += Math.log(((letters?.get(to) ?? 0) + 1) / (total + splitLetter.length));
    }
    return sum;
  }
}

/**
 * A crude stem, enough to tell that "målen", "målet" and the part "mål" are one word and that
 * the compound form "hälso" belongs to "hälsa": a genitive or linking s, then a common ending.
 */
function stem(form: string): string {
  const base = form.length > 2 ? form.replace(/s$/, "") : form;
  return base.replace(/(?:arna|erna|orna|en|et|na|ar|er|or|a|e|o)$/, (ending) =>
    base.length - ending.length >= 2 ? "" : ending,
  );
}

/** Dictionary readings of words, remembered for one document. */
class Spelling {
  private readonly written = new Map<string, Reading | null>();
  private readonly alternatives = new Map<string, Reading[]>();

  constructor(readonly dictionary: SpellingDictionary) {}

  /** The word as written, when it is Swedish. */
  asWritten(key: string): Reading | null {
    let result = this.written.get(key);
    if (result === undefined) {
      result = /^\p{L}+$/u.test(key) && this.dictionary.isWord(key) ? reading(key, [], this.dictionary) : null;
      this.written.set(key, result);
    }
    return result;
  }

  /**
   * Swedish readings with look-alikes read as å/ä/ö, those with the fewest parts. The search
   * stops at the first number of substitutions that gives a listed word, since nothing with more
   * substitutions can beat it; after one that gives only compounds it looks one substitution
   * further, for a listed word ("malomrade": "mal" + "område", then "målområde"). Compounds are
   * only sought when no listed word turns up, as that is the expensive question.
   */
  variants(key: string): Reading[] {
    let result = this.alternatives.get(key);
    if (result === undefined) {
      const sites = lookalikeSites(key);
      const asWritten = this.asWritten(key);
      let deepest = asWritten ? maxSubstitutionsInWords : maxSubstitutions;
      const compounds: Reading[] = [];
      result = [];
      for (let count = 1; count <= deepest && !result.length; count++) {
        const candidates = [...combinations(sites, count)].map((substitutions) => ({
          form: substitute(key, substitutions),
          substitutions,
        }));
        result = candidates
          .filter(({ form }) => this.dictionary.listing(form))
          .map(({ form, substitutions }) => reading(form, substitutions, this.dictionary));
        // A listed word only ever gives way to a listed variant.
        if (result.length || (asWritten && parts(asWritten) === 1)) continue;
        for (const { form, substitutions } of candidates)
          if (this.dictionary.isWord(form)) compounds.push(reading(form, substitutions, this.dictionary));
        if (compounds.length) deepest = Math.min(deepest, count + 1);
      }
      if (!result.length) {
        const fewest = Math.min(...compounds.map(parts));
        result = compounds.filter((variant) => parts(variant) === fewest);
      }
      this.alternatives.set(key, result);
    }
    return result;
  }
}

function reading(form: string, substitutions: Substitution[], dictionary: SpellingDictionary): Reading {
  const listing = dictionary.listing(form);
  return {
    form,
    substitutions,
    standing: listing === "headword" ? 0 : listing ? 1 : (dictionary.compoundParts(form)?.length ?? 2),
  };
}

/** A listed word counts as one part, whether headword or inflection. */
function parts(reading: Reading): number {
  return Math.max(1, reading.standing);
}

/** Every place in `key` where a look-alike may stand for å/ä/ö, each with its possible letters. */
function lookalikeSites(key: string): { at: number; length: 1 | 2; options: string }[] {
  const sites: { at: number; length: 1 | 2; options: string }[] = [];
  for (let i = 0; i < key.length; i++) {
    const char = key[i]!;
    const options = lookalikes[char];
    if (!options) continue;
    // "d" only stands for a vowel where a vowel is missing: first, or after a consonant ("ndmnden").
    if (char !== "d" || i === 0 || !vowels.has(key[i - 1]!)) sites.push({ at: i, length: 1, options });
    const next = key[i + 1];
    if (next !== undefined && lookalikes[next] && (marks.has(char) || marks.has(next)))
      sites.push({ at: i, length: 2, options: splitLetter });
  }
  return sites;
}

/** Every choice of `count` non-overlapping sites with one option each. */
function* combinations(
  sites: ReturnType<typeof lookalikeSites>,
  count: number,
  from = 0,
  end = 0,
): Generator<Substitution[]> {
  if (count === 0) {
    yield [];
    return;
  }
  for (let i = from; i < sites.length; i++) {
    const site = sites[i]!;
    if (site.at < end) continue;
    for (const to of site.options) {
      for (const rest of combinations(sites, count - 1, i + 1, site.at + site.length))
        yield [{ at: site.at, length: site.length, to }, ...rest];
    }
  }
}

function substitute(text: string, substitutions: Substitution[]): string {
  let result = "";
  let at = 0;
  for (const { at: position, length, to } of substitutions) {
    result += text.slice(at, position) + to;
    at = position + length;
  }
  return result + text.slice(at);
}

/** The word with its substitutions, in the case of the characters they replace ("Overenskommelsen" → "Överenskommelsen"). */
function applyReading(word: Word, reading: Reading): string {
  return substitute(
    word.token,
    reading.substitutions.map((substitution) => {
      const replaced = word.token.slice(substitution.at, substitution.at + substitution.length);
      const upper = word.upperCase || replaced !== replaced.toLowerCase();
      return { ...substitution, to: upper ? substitution.to.toUpperCase() : substitution.to };
    }),
  );
}

// Letters with the look-alike symbols and digits that OCR puts inside words.
const wordPattern = /[\p{L}&@0-9]+/gu;
// Addresses are not prose: "https://…", "www.…", "info@nykoping.se", "nykoping.se". Each
// alternative starts where a word starts, so the pattern does not retry inside every word.
const addressPattern =
  /\b(?:https?:\/\/|www\.)\S+|(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}|(?<![\p{L}\d.-])(?:[\p{L}\d-]+\.)+(?:se|nu|com|org|net|eu)\b/giu;

// An address has a "://", "www.", an "@" or a dot before a top-level domain: a document without
// any is not searched with the full pattern, whose lookbehinds cost at every word.
const mayHoldAddress = /:\/\/|www\.|@|\.(?:se|nu|com|org|net|eu)\b/i;

/** The words repair may touch: names, codes, numbers and addresses are left out. */
function findWords(text: string): Word[] {
  const addresses = mayHoldAddress.test(text)
    ? [...text.matchAll(addressPattern)].map((match) => [match.index, match.index + match[0].length] as const)
    : [];
  // A document repeats its words: each spelling is judged once.
  const judged = new Map<string, Omit<Word, "start"> | null>();
  const words: Word[] = [];
  let previous: { start: number; token: string; word: Word | null } | null = null;
  for (const match of text.matchAll(wordPattern)) {
    const token = match[0];
    const start = match.index;
    let word: Word | null = null;
    if (!addresses.some(([from, to]) => start < to && start + token.length > from)) {
      let judgement = judged.get(token);
      if (judgement === undefined) {
        judgement = asWord(token);
        judged.set(token, judgement);
      }
      if (judgement) word = { start, ...judgement };
    }
    if (word) words.push(word);
    const gap = previous ? previous.start + previous.token.length : -1;
    if (previous && text[gap] === "-" && /^-[ \t]*\r?\n\s*$/.test(text.slice(gap, start))) {
      const whole = (previous.token + token).toLowerCase();
      if (previous.word) previous.word.whole = whole;
      if (word) word.whole = whole;
    }
    previous = { start, token, word };
  }
  return words;
}

function asWord(token: string): Omit<Word, "start"> | null {
  if (token.length < 2) return null;
  // A symbol or digit is only a letter when a letter follows it: "f6r", "6verenskommelse", "&r".
  if (/[&@0-9](?!\p{L})/u.test(token) || /[0-9]/.test(token.replace(/[680]/g, ""))) return null;
  const letters = token.replace(/[^\p{L}]/gu, "");
  if (!letters) return null;
  const upperCase = letters === letters.toUpperCase() && letters !== letters.toLowerCase();
  // "DSO", "KAN", "SoL", "BarnSakert", "iPhone": abbreviations and names keep their spelling.
  if (upperCase ? letters.length <= 5 : /\p{Lu}/u.test(letters.slice(1))) return null;
  const key = token.toLowerCase();
  return key.length === token.length ? { token, key, upperCase } : null;
}

/**
 * Positions of "|" that OCR made of a capital I: alone, starting a sentence, before a lower-case
 * word ("| fokus mandatperioden"). A line with more than one "|" is a table, left as it is.
 */
function pipesReadAsI(text: string): number[] {
  const positions: number[] = [];
  for (const line of text.matchAll(/^.*$/gm)) {
    if (line[0].indexOf("|") !== line[0].lastIndexOf("|")) continue;
    const match = /(?:^|[.!?:])[ \t]*\|(?=[ \t]+\p{Ll})/u.exec(line[0]);
    if (match) positions.push(line.index + match.index + match[0].length - 1);
  }
  return positions;
}

// A percent sign that OCR read as digits: its ring and stroke as "96", sometimes with the bracket
// after it as "0" ("andel (96)", "andel (960)"). Only in the bracket that gives a share its unit,
// where no number belongs.
const percentReadAsDigits = /(\b(?:andel|andelen|procent|procentandel)\s*\()(?:96|960|9%|%6|%0|0\/0)(?=\))/giu;

/** "Andel (96)" → "Andel (%)": the unit of a share, read by OCR as digits. */
export function repairPercentSigns(text: string): string {
  return text.replace(percentReadAsDigits, "$1%");
}
