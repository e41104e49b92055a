// The search terms stored with each passage at import, so that loading the index never has to
// analyse text again: the same analysis questions get.
import type { SpellingDictionary } from "../agreements/reading/spelling-dictionary.ts";
import { isStopKey, termKey, tokenize } from "./text-analysis.ts";

/** Marks a stored term that gives a compound's parts rather than a word of the passage: "energianvandning>energi+anvandning". */
export const partsMark = ">";

/**
 * The passage's word keys, and for each compound the corpus may not split by itself (its parts
 * never stand alone in any agreement: "energianvändningen") the parts the Swedish dictionary
 * finds. Only splits into parts of four letters or more are kept: shorter ones are where the
 * dictionary misreads a plain word ("beslutet" as "bes" + "lutet").
 */
export function passageTerms(text: string, dictionary: SpellingDictionary | null = null): string[] {
  const terms: string[] = [];
  const split = new Set<string>();
  for (const token of tokenize(text)) {
    terms.push(token.key);
    if (!dictionary || split.has(token.key)) continue;
    const parts = compoundPartKeys(token.word, dictionary);
    if (parts) {
      split.add(token.key);
      terms.push(`${token.key}${partsMark}${parts.join("+")}`);
    }
  }
  return terms;
}

function compoundPartKeys(word: string, dictionary: SpellingDictionary): string[] | null {
  // Codes and short words are not split.
  if (word.length < 9 || /[\d-]/.test(word) || /\p{Lu}/u.test(word.slice(1))) return null;
  const parts = dictionary.compoundParts(word.toLowerCase());
  // A capitalised word may be a name the dictionary reads as words ("Tornvikenbadet" → "torn",
  // "viken", "badet"): only a plain two-part compound of one is split.
  if (!parts || parts.length < 2 || parts.length > (/^\p{Lu}/u.test(word) ? 2 : 3)) return null;
  // A linking "s" belongs to the part before ("ålders|grupp"): judge the part without it. A short
  // word may open a compound ("snö|djupet", "mat|svinnet"); further on, a short part is more often a
  // misreading of a longer word.
  if (parts.some((part, i) => part.replace(/s$/, "").length < (i === 0 ? 3 : 4))) return null;
  const keys = parts.map((part) => termKey(part));
  if (keys.some((key) => key.length < 3 || isStopKey(key))) return null;
  return keys;
}

/** A stored term list split into the passage's word keys and the compound parts given with them. */
export function readStoredTerms(terms: string): { keys: string[]; parts: Map<string, string[]> | null } {
  const keys: string[] = [];
  let parts: Map<string, string[]> | null = null;
  for (const term of terms.split(" ")) {
    if (!term) continue;
    const mark = term.indexOf(partsMark);
    if (mark < 0) keys.push(term);
    else (parts ??= new Map()).set(term.slice(0, mark), term.slice(mark + 1).split("+"));
  }
  return { keys, parts };
}
