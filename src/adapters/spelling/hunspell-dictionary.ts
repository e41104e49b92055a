// TEMPORARY stub until the spelling branch lands (same API).
import type { SpellingDictionary } from "../../agreements/reading/spelling-dictionary.ts";
export function loadSwedishDictionary(): SpellingDictionary {
  return { isWord: () => true, compoundParts: () => null };
}
