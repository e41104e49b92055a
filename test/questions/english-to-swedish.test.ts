// The English → Swedish translator on small in-memory dictionaries: which source wins, how
// phrases are found, and which English forms reach their headword.
import { describe, expect, it } from "vitest";
import {
  createEnglishToSwedish,
  normalizeEnglish,
  wordSourceFromList,
  type EnglishToSwedish,
} from "../../src/questions/english-to-swedish.ts";

function translator(domain: Record<string, string[]>, general: Record<string, string[]> | null = {}): EnglishToSwedish {
  return createEnglishToSwedish({
    domain: wordSourceFromList(new Map(Object.entries(domain))),
    general: general && wordSourceFromList(new Map(Object.entries(general))),
  });
}

describe("which source answers", () => {
  it("when both know a word, the municipal lexicon wins over the general dictionary", () => {
    const t = translator({ committee: ["nämnd"] }, { committee: ["kommitté"], language: ["språk"] });
    expect(t.translate("committee")).toEqual(["nämnd"]);
    expect(t.translate("language")).toEqual(["språk"]);
  });

  it("an exact headword in either source beats an inflected match in the lexicon", () => {
    const t = translator({ minutes: ["protokoll"] }, { minute: ["minut"] });
    expect(t.translate("minutes")).toEqual(["protokoll"]);
    expect(t.translate("minute")).toEqual(["minut"]);
  });

  it("without a general dictionary the lexicon still answers, and other words are unknown", () => {
    const t = translator({ "target group": ["målgrupp"] }, null);
    expect(t.translate("target groups")).toEqual(["målgrupp"]);
    expect(t.translate("language")).toEqual([]);
  });

  it("function words get nothing from the general dictionary, but the lexicon may still list one", () => {
    const t = translator({ before: ["före", "innan"] }, { about: ["förändring"], before: ["förr"] });
    expect(t.translate("about")).toEqual([]);
    expect(t.translate("before")).toEqual(["före", "innan"]);
  });

  it("unknown words and empty input translate to nothing", () => {
    const t = translator({ committee: ["nämnd"] });
    expect(t.translate("Jobbtorg")).toEqual([]);
    expect(t.translate("  ?! ")).toEqual([]);
  });

  it("values come back lower case and trimmed, as a document writes them", () => {
    const t = translator({ sfi: [" SFI ", "svenska för  invandrare"] });
    expect(t.translate("SFI")).toEqual(["sfi", "svenska för invandrare"]);
  });
});

describe("phrase-first segmentation", () => {
  const t = translator(
    {
      "target group": ["målgrupp"],
      "work training": ["arbetsträning"],
      "financial assistance": ["ekonomiskt bistånd", "försörjningsstöd"],
      "follow up": ["uppföljning"],
      "children's rights": ["barnrätt"],
      work: ["arbete"],
    },
    {
      target: ["mål"],
      group: ["grupp"],
      training: ["träning"],
      financial: ["finansiell"],
      assistance: ["hjälp"],
      report: ["rapport"],
    },
  );

  it("splits a question into the longest known phrases and keeps every other word as its own term", () => {
    expect(t.segment("What is the target group for work training at Jobbtorg?")).toEqual([
      { english: "What", swedish: [] },
      { english: "is", swedish: [] },
      { english: "the", swedish: [] },
      { english: "target group", swedish: ["målgrupp"] },
      { english: "for", swedish: [] },
      { english: "work training", swedish: ["arbetsträning"] },
      { english: "at", swedish: [] },
      { english: "Jobbtorg", swedish: [] },
    ]);
  });

  it("a phrase wins over the words it is made of, even when every word is known", () => {
    expect(t.segment("financial assistance report").map((term) => term.swedish)).toEqual([
      ["ekonomiskt bistånd", "försörjningsstöd"],
      ["rapport"],
    ]);
  });

  it("finds phrases whose words are inflected, hyphenated or possessive", () => {
    expect(t.segment("target groups").map((term) => term.english)).toEqual(["target groups"]);
    expect(t.translate("followed up")).toEqual(["uppföljning"]);
    expect(t.translate("follow-up")).toEqual(["uppföljning"]);
    expect(t.segment("Children’s rights")).toEqual([{ english: "Children’s rights", swedish: ["barnrätt"] }]);
  });

  it("a modifier coordinated with another shares the phrase's head", () => {
    const dates = translator(
      { "start date": ["startdatum"], "end date": ["slutdatum"], start: ["start"] },
      { end: ["slut"], children: ["barn"], "young people": ["unga"], young: ["ung"] },
    );
    expect(dates.segment("start and end dates")).toEqual([
      { english: "start dates", swedish: ["startdatum"] },
      { english: "and", swedish: [] },
      { english: "end dates", swedish: ["slutdatum"] },
    ]);
    // "children and young people": "children people" is no phrase, so each part stands alone.
    expect(dates.segment("children and young people").map((term) => term.english)).toEqual([
      "children",
      "and",
      "young people",
    ]);
  });

  it("does not look for phrases longer than four words", () => {
    const long = translator({ "one two three four five": ["fem"], "one two three four": ["fyra"] });
    expect(long.segment("one two three four five")).toEqual([
      { english: "one two three four", swedish: ["fyra"] },
      { english: "five", swedish: [] },
    ]);
  });
});

describe("English inflections reach their headword", () => {
  const t = translator(
    {
      workplace: ["arbetsplats"],
      responsibility: ["ansvar"],
      report: ["rapport"],
      plan: ["plan"],
      organization: ["organisation"],
      labour: ["arbete"],
    },
    {
      speak: ["tala"],
      pay: ["betala"],
      give: ["ge"],
      child: ["barn"],
      woman: ["kvinna"],
      large: ["stor"],
      early: ["tidig"],
      big: ["stor"],
      study: ["studie"],
      new: ["ny"],
      use: ["använda"],
      us: ["oss"],
    },
  );

  it("plurals, including -ies and -es", () => {
    expect(t.translate("workplaces")).toEqual(["arbetsplats"]);
    expect(t.translate("responsibilities")).toEqual(["ansvar"]);
    expect(t.translate("studies")).toEqual(["studie"]);
  });

  it("-ed and -ing, including a doubled consonant", () => {
    expect(t.translate("reported")).toEqual(["rapport"]);
    expect(t.translate("reporting")).toEqual(["rapport"]);
    expect(t.translate("planned")).toEqual(["plan"]);
    expect(t.translate("uses")).toEqual(["använda"]);
  });

  it("comparatives and superlatives", () => {
    expect(t.translate("larger")).toEqual(["stor"]);
    expect(t.translate("earliest")).toEqual(["tidig"]);
    expect(t.translate("biggest")).toEqual(["stor"]);
  });

  it("irregular forms: spoken → speak, paid → pay, given → give, children → child, women → woman", () => {
    expect(t.translate("spoken")).toEqual(["tala"]);
    expect(t.translate("paid")).toEqual(["betala"]);
    expect(t.translate("given")).toEqual(["ge"]);
    expect(t.translate("children")).toEqual(["barn"]);
    expect(t.translate("women")).toEqual(["kvinna"]);
  });

  it("British and American spellings meet", () => {
    expect(t.translate("organisations")).toEqual(["organisation"]);
    expect(t.translate("labor")).toEqual(["arbete"]);
  });

  it("the stemmer vetoes a stripped ending that makes another word: news is not new", () => {
    expect(t.translate("news")).toEqual([]);
  });
});

describe("normalized headwords", () => {
  it("are lower-case words separated by single spaces, with hyphens and possessives undone", () => {
    expect(normalizeEnglish("Follow-up")).toBe("follow up");
    expect(normalizeEnglish("men's violence  against women")).toBe("men violence against women");
    expect(normalizeEnglish("agenda 2030")).toBe("agenda 2030");
  });
});
