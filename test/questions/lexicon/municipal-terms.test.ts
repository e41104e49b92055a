// The reviewed municipal lexicon is data that people extend by hand; these checks keep each edit
// well-formed, so a typo fails here instead of silently never matching.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lexiconFromFile, municipalLexicon } from "../../../src/questions/lexicon/municipal-lexicon.ts";
import { maxPhraseWords, normalizeEnglish } from "../../../src/questions/english-to-swedish.ts";

const fileText = readFileSync(new URL("../../../src/shared/lexicon/municipal-terms.json", import.meta.url), "utf8");
const file = JSON.parse(fileText) as { about: string; sections: Record<string, Record<string, string[]>> };

describe("the municipal lexicon file", () => {
  it("explains itself in its header", () => {
    expect(file.about).toMatch(/To extend/);
  });

  // Broad enough for the committees' own subjects (social services, labour market, technical services,
  // culture, schools, care, planning), small enough to review by hand.
  it("holds 800–2500 terms", () => {
    expect(municipalLexicon.size).toBeGreaterThanOrEqual(800);
    expect(municipalLexicon.size).toBeLessThanOrEqual(2500);
  });

  it("lists every term once, also counting spellings that normalize alike (follow-up, follow up)", () => {
    // JSON.parse keeps the last of two equal keys, so duplicates are looked for in the text.
    const keys = [...fileText.matchAll(/^\s*"([^"]+)": \[/gm)].map((match) => normalizeEnglish(match[1]!));
    expect(keys.length).toBe(municipalLexicon.size);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it("has keys in lower case and at most four words, so the phrase search can reach them", () => {
    const bad = [...municipalLexicon.keys()].filter(
      (key) => key !== key.toLowerCase() || normalizeEnglish(key).split(" ").length > maxPhraseWords,
    );
    expect(bad).toEqual([]);
  });

  it("has values that are Swedish text in lower case, without notes or inflection marks", () => {
    const bad = [...municipalLexicon].filter(
      ([, values]) => values.length === 0 || values.some((v) => !/^[a-zåäöé0-9][a-zåäöé0-9 -]*$/.test(v)),
    );
    expect(bad).toEqual([]);
  });

  it("maps the core vocabulary of agreements as agreements write it", () => {
    expect(municipalLexicon.get("committee")).toEqual(["nämnd"]);
    expect(municipalLexicon.get("municipal council")).toContain("kommunfullmäktige");
    expect(municipalLexicon.get("executive committee")).toContain("kommunstyrelsen");
    expect(municipalLexicon.get("agreement")).toContain("överenskommelse");
    expect(municipalLexicon.get("special assignment")).toContain("särskilt uppdrag");
    expect(municipalLexicon.get("core assignment")).toContain("grunduppdrag");
    expect(municipalLexicon.get("desired result")).toContain("önskat resultat");
    expect(municipalLexicon.get("key figure")).toContain("nyckeltal");
    expect(municipalLexicon.get("thousand kronor")).toEqual(["tkr"]);
    expect(municipalLexicon.get("domestic violence")).toContain("våld i nära relationer");
    expect(municipalLexicon.get("residential care")).toContain("hvb");
    expect(municipalLexicon.get("data protection officer")).toEqual(["dataskyddsombud"]);
  });
});

describe("merging the sections", () => {
  it("refuses a term listed in two sections, naming both", () => {
    expect(() =>
      lexiconFromFile({ about: "", sections: { economy: { grant: ["bidrag"] }, governance: { grant: ["anslag"] } } }),
    ).toThrow(/"grant".*economy.*governance/);
  });
});
