// What OCR repair needs to know about Swedish spelling. The core decides what to repair; an adapter
// (hunspell data through nspell) answers these questions about single words.

/** How a dictionary lists a word: as a headword ("mål", "stark") or only as an inflected form ("målen", "stärk"). */
export type Listing = "headword" | "inflection";

export interface SpellingDictionary {
  /** True when `word` (any case) is a Swedish word form: a dictionary form or a compound of dictionary words. */
  isWord(word: string): boolean;
  /** How the dictionary lists `word` (any case) itself; null when it does not, even if `word` is a compound of listed words. */
  listing(word: string): Listing | null;
  /** The dictionary words a compound is made of ("arbetsmarknadsanställning" → ["arbetsmarknad", "anställning"]), or null when it is not a compound of known words. */
  compoundParts(word: string): string[] | null;
}
