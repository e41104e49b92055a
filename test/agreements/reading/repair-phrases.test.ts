// Words that are Swedish either way ("vald"/"våld") restored where they stand in a term of the
// reviewed lexicon, and left alone everywhere else.
import { describe, expect, it } from "vitest";
import { repairDomainPhrases } from "../../../src/agreements/reading/repair-phrases.ts";
import { swedishDomainPhrases } from "../../../src/shared/lexicon/domain-phrases.ts";

const terms = ["våld i nära relationer", "hedersrelaterat våld och förtryck", "särskilt uppdrag"];

describe("repairing words inside the lexicon's terms", () => {
  it.each([
    ["Grunduppdrag verksamhetsområde Vald i nära relationer", "Grunduppdrag verksamhetsområde Våld i nära relationer"],
    ["arbetet mot vald i\nnära relationer fortsätter", "arbetet mot våld i\nnära relationer fortsätter"],
    ["VALD I NÄRA RELATIONER", "VÅLD I NÄRA RELATIONER"],
    ["Hedersrelaterat vald och fortryck", "Hedersrelaterat våld och förtryck"],
    ["Uppföljning av sarskilt uppdrag", "Uppföljning av särskilt uppdrag"],
    // Outside a term, "vald" is a word of its own ("vald till ordförande").
    ["Hon är vald till ordförande.", "Hon är vald till ordförande."],
    // A term cut by a blank line or by punctuation is two passages, not the term.
    ["mot vald i\n\nnära relationer", "mot vald i\n\nnära relationer"],
    ["vald, i nära relationer", "vald, i nära relationer"],
  ])("%j → %j", (text, expected) => {
    expect(repairDomainPhrases(text, terms).text).toBe(expected);
  });

  it("counts each repair, so the source text can still be shown", () => {
    const { repairs } = repairDomainPhrases("vald i nära relationer och vald i nära relationer", terms);
    expect(repairs).toEqual([{ from: "vald", to: "våld", count: 2 }]);
  });

  it("takes the terms from the reviewed municipal lexicon", () => {
    expect(swedishDomainPhrases).toContain("våld i nära relationer");
    expect(swedishDomainPhrases.every((term) => /\s/.test(term) && /[åäö]/i.test(term))).toBe(true);
  });
});
