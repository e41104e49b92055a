// The compound parts stored with a passage's terms at import: which splits the dictionary's are
// kept, how they are read back, and that a question's word found only inside a compound of the
// corpus then finds the passage.
import { describe, expect, it } from "vitest";
import type { SpellingDictionary } from "../../src/agreements/reading/spelling-dictionary.ts";
import { answerFromCorpus, prepareCorpus } from "../../src/questions/answer-question.ts";
import { passageTerms, readStoredTerms } from "../../src/questions/passage-terms.ts";
import type { QuestionCorpus } from "../../src/questions/question-corpus.ts";
import { termKey } from "../../src/questions/text-analysis.ts";

/** A dictionary that knows only the splits it is given. */
function dictionaryOf(splits: Record<string, string[]>): SpellingDictionary {
  return {
    isWord: (word) => word.toLowerCase() in splits,
    listing: () => null,
    compoundParts: (word) => splits[word.toLowerCase()] ?? null,
  };
}

const dictionary = dictionaryOf({
  energianvändningen: ["energi", "användningen"],
  beslutet: ["bes", "lutet"],
  åldersgrupper: ["ålder", "grupper"],
  tornvikenbadet: ["torn", "viken", "badet"],
  fritidsgårdarna: ["fritid", "gårdarna"],
  snödjupet: ["snö", "djupet"],
  arbetsbesluten: ["arbets", "bes", "luten"],
});

describe("the compound parts stored with a passage", () => {
  it.each([
    ["energianvändningen minskar", "energianvändningen", ["energi", "användningen"]],
    ["Fritidsgårdarna har öppet", "Fritidsgårdarna", ["fritid", "gårdarna"]],
    ["för åldersgrupper", "åldersgrupper", ["ålder", "grupper"]],
    // A part of three letters is where the dictionary misreads a plain word …
    ["enligt beslutet", "beslutet", null],
    ["enligt arbetsbesluten", "arbetsbesluten", null],
    // … but for the first: a short word opens many compounds.
    ["när snödjupet är 10 cm", "snödjupet", ["snö", "djupet"]],
    // A capitalised word of three parts may be a name.
    ["i Tornvikenbadet", "Tornvikenbadet", null],
  ])("%s: %s → %s", (text, word, parts) => {
    const stored = readStoredTerms(passageTerms(text, dictionary).join(" "));
    expect(stored.keys).toEqual(passageTerms(text).filter((t) => !t.includes(">")));
    expect(stored.parts?.get(termKey(word)) ?? null).toEqual(parts ? parts.map(termKey) : null);
  });

  it("stores the words alone when no dictionary is loaded", () => {
    expect(passageTerms("energianvändningen minskar").every((term) => !term.includes(">"))).toBe(true);
  });
});

describe("a question's word found inside a compound of the corpus", () => {
  const text = "Energianvändningen i simhallen ska vara högst 2 150 MWh under året.";
  const corpusWith = (terms: string): QuestionCorpus => ({
    documents: [
      {
        documentId: "kfn",
        agreementId: "kfn-kff-2027",
        title: "Verksamhetsuppdrag 2027",
        source: "kfn.txt",
        year: 2027,
        committee: "Kultur- och fritidsnämnden",
        committeeCode: "KFN",
        division: null,
        divisionCode: null,
        municipality: null,
      },
    ],
    sections: [{ documentId: "kfn", ordinal: 0, number: "6", heading: "Simhallen", level: 1, text: "" }],
    passages: [
      {
        documentId: "kfn",
        ordinal: 0,
        section: 0,
        block: 0,
        position: 0,
        kind: "sentence",
        text,
        label: null,
        context: null,
        terms,
      },
    ],
    deadlines: [],
    economyLines: [],
  });
  const ask = (terms: string) =>
    answerFromCorpus(prepareCorpus(corpusWith(terms)), "Vad gäller för energi i simhallen under året?", {
      today: "2027-01-15",
    });

  it("finds the passage by the part the dictionary split off at import", () => {
    expect(ask(passageTerms(text, dictionary).join(" ")).text).toContain("2 150");
  });
  it("does not find it without the dictionary's split", () => {
    expect(ask(passageTerms(text).join(" ")).found).toBe(false);
  });
});

describe("copies of one sentence in many documents", () => {
  // Ten years' agreements repeat one sentence; this year's alone has the figure.
  const documents = Array.from({ length: 10 }, (_, n) => ({
    documentId: `sn-${n}`,
    agreementId: `sn-${2026 - n}`,
    title: `Överenskommelse ${2026 - n}`,
    source: `sn-${n}.txt`,
    year: 2026 - n,
    committee: "Socialnämnden",
    committeeCode: "SN",
    division: null,
    divisionCode: null,
    municipality: null,
  }));
  const passage = (documentId: string, ordinal: number, text: string) => ({
    documentId,
    ordinal,
    section: 0,
    block: ordinal,
    position: 0,
    kind: "sentence" as const,
    text,
    label: null,
    context: null,
    terms: passageTerms(text).join(" "),
  });
  const prepared = prepareCorpus({
    documents,
    sections: documents.map((d) => ({
      documentId: d.documentId,
      ordinal: 0,
      number: "6",
      heading: "Ekonomi",
      level: 1,
      text: "",
    })),
    passages: [
      ...documents.map((d) =>
        passage(d.documentId, 0, "Nämndens budgetram fördelas på verksamheterna enligt tabellen."),
      ),
      passage("sn-0", 1, "Kommunfullmäktige har beslutat om en budgetram på 315 700 tkr."),
    ],
    deadlines: [],
    economyLines: [],
  });

  it("are two hits at most, so the other passages still reach the top", () => {
    const terms = [prepared.index.queryTerm("budgetram", termKey("budgetram"))];
    const hits = prepared.index.search(terms, () => 1, 4);
    expect(hits.filter((h) => h.passage.text.startsWith("Nämndens budgetram"))).toHaveLength(2);
    expect(hits.map((h) => h.passage.text)).toContain("Kommunfullmäktige har beslutat om en budgetram på 315 700 tkr.");
  });
});
