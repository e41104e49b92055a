// The reviewed municipal lexicon (municipal-terms.json) as one word list. The file is grouped by
// subject for whoever reviews or extends it; the sections are merged here.
import terms from "../../shared/lexicon/municipal-terms.json" with { type: "json" };
import type { WordList } from "../english-to-swedish.ts";

interface LexiconFile {
  about: string;
  sections: Record<string, Record<string, string[]>>;
}

/** Merges the sections; a term listed in two sections is a mistake in the file, so it fails loudly. */
export function lexiconFromFile(file: LexiconFile): WordList {
  const merged = new Map<string, string[]>();
  const sectionOf = new Map<string, string>();
  for (const [section, entries] of Object.entries(file.sections)) {
    for (const [english, swedish] of Object.entries(entries)) {
      const earlier = sectionOf.get(english);
      if (earlier !== undefined)
        throw new Error(`municipal-terms.json lists "${english}" in both "${earlier}" and "${section}"`);
      sectionOf.set(english, section);
      merged.set(english, swedish);
    }
  }
  return merged;
}

/** English word or phrase → Swedish terms as agreements write them. */
export const municipalLexicon: WordList = lexiconFromFile(terms as LexiconFile);
