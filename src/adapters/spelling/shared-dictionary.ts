// The Swedish dictionary is read once per process (about 1.5 s and 200 MB), the first time an
// import needs it; answering questions never loads it.
import type { SpellingDictionary } from "../../agreements/reading/spelling-dictionary.ts";

let loading: Promise<SpellingDictionary | null> | null = null;

export function swedishDictionary(): Promise<SpellingDictionary | null> {
  loading ??= import("./hunspell-dictionary.ts").then((module) => module.loadSwedishDictionary());
  return loading;
}
