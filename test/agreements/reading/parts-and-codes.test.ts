// Parts and labels written in other municipalities' ways: lettered parts ("B. GRUNDBESTÄLLNING"),
// parts named "DEL 2", items labelled with codes of one series ("U1", "D3"), goals labelled with
// letters or as "Resultatmål", and part headings that name their owner ("Socialkontorets
// grunduppdrag"). The kind of a labelled item comes from the part it stands in.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { kindOfPart, readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { readIndicators } from "../../../src/agreements/reading/items/read-indicators-and-economy.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

const structureOf = (text: string) => buildBlocks(normaliseLines(text, { dictionary: null }).lines, null);
const headings = (text: string) =>
  structureOf(text)
    .blocks.filter((b) => b.kind === "heading")
    .map((b) => (b.kind === "heading" ? `${b.number ?? "-"} ${b.text}` : ""));
const assignments = (text: string) =>
  readAssignments(structureOf(text)).assignments.map((a) => `${a.number} ${a.kind} ${a.title}`);
const body = (...parts: string[]) => parts.join("\n\n");
const prose = "Kontoret ska under året arbeta med detta och redovisa hur arbetet går till nämnden.";

describe("parts and labelled items", () => {
  it.each([
    {
      name: "parts lettered A, B, C … are the outline's first level",
      text: body("A. OM AVTALET", prose, "B. GRUNDUPPDRAG", prose, "C. EKONOMI", prose),
      expected: ["A OM AVTALET", "B GRUNDUPPDRAG", "C EKONOMI"],
    },
    {
      name: "two lettered lines are not an outline (only subheadings)",
      text: body("A. Inledning", prose, "B. Ekonomi", prose),
      expected: ["- A. Inledning", "- B. Ekonomi"],
    },
    {
      name: "a part named 'DEL n' is numbered n, between rules of equals signs",
      text: body("=========", "DEL 1  PARTER", "=========", prose, "1.1 Giltighet", prose, "DEL 2  MÅL", prose),
      expected: ["1 PARTER", "1.1 Giltighet", "2 MÅL"],
    },
    {
      name: "a dash list under a numbered heading is not the heading's wrapped text",
      text: body("2 Grunduppdrag", "2.1 Barn och unga\n- Utreda och besluta om insatser.\n- Öppenvård.", prose),
      expected: ["2 Grunduppdrag", "2.1 Barn och unga"],
    },
    {
      name: "codes of one series set off by spaces are labelled headings; a lone code only a subheading",
      text: body("U1  Digital ansökan", prose, "U2  Ny modell för hemtjänst", prose, "K1  Kvartalsrapport", prose),
      expected: ["U1 Digital ansökan", "U2 Ny modell för hemtjänst", "- K1 Kvartalsrapport"],
    },
    {
      name: "parts in Roman numerals, and their numbered parts, are the outline",
      text: body(
        "INNEHÅLL\nI.   Inledning ........ 2\nII.  Grunduppdrag ........ 3\nIII. Uppföljning ........ 5",
        "I. INLEDNING",
        prose,
        "II. GRUNDUPPDRAG",
        "II.1 Biblioteksverksamhet",
        prose,
        "II.2 Fritidsgårdar (uppdrag från KFN)",
        prose,
        "III. UPPFÖLJNING",
        prose,
      ),
      expected: [
        "I INLEDNING",
        "II GRUNDUPPDRAG",
        "II.1 Biblioteksverksamhet",
        "II.2 Fritidsgårdar (uppdrag från KFN)",
        "III UPPFÖLJNING",
      ],
    },
    {
      name: "two Roman numerals are no outline, and a numbered sentence is not a part",
      text: body(
        "I. Inledning",
        prose,
        "II. Ekonomi",
        "II.1 Förvaltningen ska redovisa utfallet varje månad till nämnden.",
        prose,
      ),
      expected: ["- I. Inledning", "- II. Ekonomi"],
    },
    {
      name: "a code line with a date is a line of a legend, not a heading",
      text: body("M1  Muntlig information 2026-03-17", "M2  Muntlig information 2026-06-16", prose),
      expected: [],
    },
  ])("$name", ({ text, expected }) => {
    expect(headings(text)).toEqual(expected);
  });

  it.each([
    ["Socialkontorets grunduppdrag", "grunduppdrag"],
    ["Grundbeställning", "grunduppdrag"],
    ["Nämndens särskilda uppdrag 2026", "sarskilt_uppdrag_namnd"],
    ["Särskilda beställningspunkter 2026", "sarskilt_uppdrag_namnd"],
    ["Nämndens resultatmål 2026", "mal_namnd"],
    ["Kommunfullmäktiges mål", "mal_kf"],
    ["Uppföljning och rapportering", null],
  ])("the part '%s' lists items of kind %s", (heading, kind) => {
    expect(kindOfPart(heading)).toBe(kind);
  });

  it.each([
    {
      name: "coded items take the kind of their lettered part",
      text: body(
        "A. OM BESTÄLLNINGEN",
        prose,
        "B. GRUNDBESTÄLLNING",
        "B1  Hemtjänst",
        prose,
        "B2  Korttidsvistelse",
        prose,
        "C. SÄRSKILDA BESTÄLLNINGSPUNKTER",
        "C1  Digital tillsyn",
        prose,
        "C2  Heltid som norm",
        prose,
      ),
      expected: [
        "B1 grunduppdrag Hemtjänst",
        "B2 grunduppdrag Korttidsvistelse",
        "C1 sarskilt_uppdrag_namnd Digital tillsyn",
        "C2 sarskilt_uppdrag_namnd Heltid som norm",
      ],
    },
    {
      name: "'Uppdrag n' under a part of core assignments is a core assignment",
      text: body("1 Grunduppdrag", "Uppdrag 1: Vuxenutbildning", prose, "Uppdrag 2: Jobbcenter", prose),
      expected: ["1 grunduppdrag Vuxenutbildning", "2 grunduppdrag Jobbcenter"],
    },
    {
      name: "goals labelled with letters, as 'Resultatmål', and a special assignment whose title wraps",
      text: body(
        "Mål A – Äldre känner sig trygga",
        prose,
        "Resultatmål 2 – Fler går till arbete",
        prose,
        "Särskilt uppdrag 2026:1 – Samverkan med\nArbetsförmedlingen\n  Divisionen ska ta fram ett förslag.",
      ),
      expected: [
        "A mal_namnd Äldre känner sig trygga",
        "2 mal_namnd Fler går till arbete",
        "2026:1 sarskilt_uppdrag_namnd Samverkan med Arbetsförmedlingen",
      ],
    },
    {
      name: "the parts in Roman numerals after the special assignments hold none",
      text: body(
        "I. INLEDNING",
        prose,
        "II. GRUNDUPPDRAG",
        "II.1 Bibliotek",
        prose,
        "III. SÄRSKILDA UPPDRAG",
        "III.1 Ny kulturplan",
        prose,
        "IV. EKONOMI",
        "IV.1 Budgetram",
        prose,
        "V. UPPFÖLJNING",
        "V.1 Tidplan",
        prose,
      ),
      expected: ["II.1 grunduppdrag Bibliotek", "III.1 sarskilt_uppdrag_namnd Ny kulturplan"],
    },
    {
      name: "numbered items under a heading that names its owner",
      text: body("3 Socialkontorets grunduppdrag", prose, "3.1 Försörjningsstöd", prose, "3.2 Familjerätt", prose),
      expected: ["3.1 grunduppdrag Försörjningsstöd", "3.2 grunduppdrag Familjerätt"],
    },
    {
      name: "a section of indicators under the goals is not a goal",
      text: body("4 Nämndens mål", "4.1 Fler i arbete", prose, "4.2 Indikatorer och målvärden", prose),
      expected: ["4.1 mal_namnd Fler i arbete"],
    },
    {
      name: "a heading that names a goal's owner stands over the goal, one sentence alone",
      text: body(
        "5 Mål",
        "5.1 Kommunfullmäktiges mål",
        "I Mälarbo ska det vara enkelt att bygga, bo och driva företag.",
        "5.2 Miljö- och byggnadsnämndens mål",
        "Myndighetsutövningen ska vara snabb och rättssäker.",
        "5.3 Nämndens mål",
        "Målen följs upp i delårsrapporten den 24 september.",
      ),
      expected: [
        "5.1 mal_kf I Mälarbo ska det vara enkelt att bygga, bo och driva företag",
        "5.2 mal_namnd Myndighetsutövningen ska vara snabb och rättssäker",
      ],
    },
    {
      name: "a code after the outline number is the assignment's number, not part of its title",
      text: body("3 Grunduppdrag", "3.1 G1 Idrottsanläggningar", prose, "3.2 G2 Föreningsstöd", prose),
      expected: ["G1 grunduppdrag Idrottsanläggningar", "G2 grunduppdrag Föreningsstöd"],
    },
    {
      name: "a code written with a space after the outline number is the number too",
      text: body("2 Grunduppdrag", "2.1 GU 1 Hemtjänst", prose, "2.2 GU 2 Särskilt boende", prose),
      expected: ["GU 1 grunduppdrag Hemtjänst", "GU 2 grunduppdrag Särskilt boende"],
    },
    {
      name: "codes set off by one space, three in a series, under a lettered part with a wide gap",
      text: body(
        "A   OM AVTALET",
        prose,
        "B   GRUNDUPPDRAG",
        "C1 Myndighetsutövning",
        prose,
        "C2 Bostad med särskild service",
        prose,
        "C3 Daglig verksamhet",
        prose,
        "C   RAPPORTERING",
        prose,
      ),
      expected: [
        "C1 grunduppdrag Myndighetsutövning",
        "C2 grunduppdrag Bostad med särskild service",
        "C3 grunduppdrag Daglig verksamhet",
      ],
    },
    {
      // (One space after the code: three in a series, as for "C1 Myndighetsutövning".)
      name: "codes written with a space ('GU 1', 'SU 2.') under unnumbered part headings",
      text: body(
        "Grunduppdrag",
        prose,
        "GU 1 Bygglov och byggtillsyn",
        prose,
        "GU 2 Detaljplanering",
        prose,
        "GU 3 Livsmedelskontroll",
        prose,
        "Särskilda uppdrag 2025",
        prose,
        "SU 1. Bostadsförsörjningsprogram",
        prose,
        "SU 2. Digital tillsyn",
        prose,
      ),
      expected: [
        "GU 1 grunduppdrag Bygglov och byggtillsyn",
        "GU 2 grunduppdrag Detaljplanering",
        "GU 3 grunduppdrag Livsmedelskontroll",
        "SU 1 sarskilt_uppdrag_namnd Bostadsförsörjningsprogram",
        "SU 2 sarskilt_uppdrag_namnd Digital tillsyn",
      ],
    },
    {
      name: "two codes set off by one space are a sentence's start, not a series",
      text: body("3 Grunduppdrag", "C1 Myndighetsutövning", prose, "C2 Bostad med särskild service", prose),
      expected: [],
    },
    {
      name: "codes and letters in a cell of their own (a Word export's tab), kind from the part",
      text: body(
        "3\tLEVERANSER",
        "L1\tSkolmåltider",
        prose,
        "L2\tLokalvård",
        prose,
        "4\tINRIKTNINGSMÅL",
        "I1\tInriktningsmål: Matsvinnet ska minska",
        prose,
        "I2\tInriktningsmål: Lärmiljöerna ska vara rena",
        prose,
        "5\tTILLÄGGSUPPDRAG",
        "A\tHalvera tallrikssvinnet",
        prose,
        "B\tTillagningskök på Björkskolan",
        prose,
      ),
      expected: [
        "L1 grunduppdrag Skolmåltider",
        "L2 grunduppdrag Lokalvård",
        "I1 mal_namnd Matsvinnet ska minska",
        "I2 mal_namnd Lärmiljöerna ska vara rena",
        "A sarskilt_uppdrag_namnd Halvera tallrikssvinnet",
        "B sarskilt_uppdrag_namnd Tillagningskök på Björkskolan",
      ],
    },
    {
      name: "a code that comes back in the timetable names its item there and heads nothing",
      text: body(
        "5 Särskilda uppdrag",
        "S1  Sommarlovsprogram",
        prose,
        "S2  Konstgräsplan",
        prose,
        "6 Uppföljning",
        "S1  Sommarlovsprogram – utvärdering",
        "2026-09-24",
      ),
      expected: ["S1 sarskilt_uppdrag_namnd Sommarlovsprogram", "S2 sarskilt_uppdrag_namnd Konstgräsplan"],
    },
    {
      name: "mini-forms: the item as the first field, its code and bracketed kind, between dashed rules",
      text: [
        "A   OM AVTALET",
        "",
        prose,
        "",
        "B   MÅL",
        "",
        "-----------------------------------",
        "Mål:              D1 (nämndmål) Fler ska gå från daglig verksamhet",
        "                  till arbete",
        "Beskrivning:      Förvaltningen ska arbeta med stegförflyttningar.",
        "Indikatorer:      a) Antal deltagare som gått till arbete.",
        "                     Källa: Lifecare. Utfall 2025: 9.",
        "                  b) Andel uppföljda genomförandeplaner (%).",
        "Återrapportering: Skriftligt i delårsrapporten.",
        "-----------------------------------",
        "Mål:              D2 (KF-mål) Beslut ska verkställas utan dröjsmål",
        "Beskrivning:      Antalet ej verkställda beslut ska minska.",
        "Ansvarig:         Avdelningschef",
        "-----------------------------------",
        "",
        "C   SÄRSKILDA UPPDRAG",
        "",
        "Uppdrag:          E1 Utreda behovet av bostäder",
        "Beskrivning:      En behovsanalys för åren 2028–2032.",
        "Återrapportering: Muntligt den 21 april.",
        "",
        "Uppdrag:          E2 Digital tillsyn nattetid",
        "Beskrivning:      Pröva sensorer i två gruppbostäder.",
        "Ansvarig:         Utvecklingsledare",
      ].join("\n"),
      expected: [
        "D1 mal_namnd Fler ska gå från daglig verksamhet till arbete",
        "D2 mal_kf Beslut ska verkställas utan dröjsmål",
        "E1 sarskilt_uppdrag_namnd Utreda behovet av bostäder",
        "E2 sarskilt_uppdrag_namnd Digital tillsyn nattetid",
      ],
    },
  ])("$name", ({ text, expected }) => {
    expect(assignments(text)).toEqual(expected);
  });

  it("reads a mini-form's lettered indicators up to their source", () => {
    const text = [
      "Mål:              D1 (nämndmål) Fler ska gå till arbete",
      "Beskrivning:      Förvaltningen ska arbeta med stegförflyttningar.",
      "Indikatorer:      a) Antal deltagare som gått vidare till anställning",
      "                     eller studier. Källa: Lifecare. Utfall 2025: 9.",
      "                  b) Andel uppföljda genomförandeplaner (%).",
      "Återrapportering: Skriftligt i delårsrapporten.",
      "",
      "Mål:              D2 (nämndmål) Beslut ska verkställas utan dröjsmål",
      "Beskrivning:      Antalet ej verkställda beslut ska minska.",
      "Ansvarig:         Avdelningschef",
    ].join("\n");
    const structure = structureOf(text);
    const reading = readAssignments(structure);
    const indicators = readIndicators(structure, reading, text);
    expect(indicators.map((i) => i.name)).toEqual([
      "Antal deltagare som gått vidare till anställning eller studier",
      "Andel uppföljda genomförandeplaner (%)",
    ]);
    expect(indicators[0]!.source).toBe("Lifecare");
    expect(indicators.every((i) => i.assignmentKey === reading.assignments[0]!.key)).toBe(true);
  });
});

describe("a report table that names its assignments by code", () => {
  const text = body(
    "Överenskommelse 2026 mellan Fritidsnämnden och Division Fritid",
    "2 SÄRSKILDA UPPDRAG",
    "SU 1\tSimskola för nyanlända",
    prose,
    "SU 2\tNya motionsspår",
    prose,
    "3 ÅTERRAPPORTERING",
    [
      "Uppdrag\tVad redovisas\tForm\tTidpunkt",
      "SU 1\tPlan för simskolan\tMuntlig\t2026-04-15",
      "SU 1\tResultat av simskolan\tSkriftlig\t2026-11-18",
      "SU 2\tLägesrapport motionsspår\tSkriftlig\t2026-09-16",
    ].join("\n"),
  );

  it("reads no assignment of a code alone: the rows belong to the assignments of those codes", () => {
    expect(assignments(text)).toEqual([
      "SU 1 sarskilt_uppdrag_namnd Simskola för nyanlända",
      "SU 2 sarskilt_uppdrag_namnd Nya motionsspår",
    ]);
  });

  it("titles each report by what is reported, under its assignment", () => {
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    const byKey = new Map(parsed.assignments.map((a) => [a.key, a.number]));
    expect(parsed.reportingItems.map((r) => [r.date, r.title, byKey.get(r.assignmentKey ?? "")])).toEqual([
      ["2026-04-15", "Plan för simskolan", "SU 1"],
      ["2026-11-18", "Resultat av simskolan", "SU 1"],
      ["2026-09-16", "Lägesrapport motionsspår", "SU 2"],
    ]);
  });
});
