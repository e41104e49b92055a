// The reader as imports run it: with the Swedish dictionary (loaded once per test file).
import { loadSwedishDictionary } from "../../src/adapters/spelling/hunspell-dictionary.ts";
import { cachedSwedishForms } from "../../src/adapters/spelling/dictionary-cache.ts";
import { readAgreement } from "../../src/agreements/reading/read-agreement.ts";
import type { SpellingDictionary } from "../../src/agreements/reading/spelling-dictionary.ts";

let dictionary: SpellingDictionary | null = null;

export function readWithDictionary(text: string, options: { treatAs?: "agreement" | "document" } = {}) {
  dictionary ??= loadSwedishDictionary(cachedSwedishForms().compiled);
  return readAgreement({ text }, { dictionary, ...options });
}
