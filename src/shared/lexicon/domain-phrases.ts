// The Swedish terms of several words in the reviewed municipal lexicon ("våld i nära relationer",
// "hedersrelaterat våld och förtryck"): how agreements write them, for the reader's OCR repair
// to restore a word that is Swedish either way ("vald"/"våld") where it sits in such a term.
import terms from "./municipal-terms.json" with { type: "json" };

interface LexiconFile {
  sections: Record<string, Record<string, string[]>>;
}

/** The lexicon's Swedish terms of two or more words that hold å, ä or ö (the letters OCR loses). */
export const swedishDomainPhrases: readonly string[] = [
  ...new Set(
    Object.values((terms as LexiconFile).sections)
      .flatMap((entries) => Object.values(entries).flat())
      .filter((term) => /\s/.test(term.trim()) && /[åäö]/i.test(term)),
  ),
].sort();
