// The Swedish dictionary is read once per process, the first time an import needs it (about 0.5 s
// from the on-disk cache of its expanded forms, 1.5 s when it must be expanded); answering
// questions never loads it.
import type { SpellingDictionary } from "../../agreements/reading/spelling-dictionary.ts";

let loading: Promise<SpellingDictionary | null> | null = null;

export function swedishDictionary(): Promise<SpellingDictionary | null> {
  loading ??= Promise.all([import("./hunspell-dictionary.ts"), import("./dictionary-cache.ts")]).then(
    ([dictionary, cache]) => dictionary.loadSwedishDictionary(cache.cachedSwedishForms().compiled),
  );
  return loading;
}
