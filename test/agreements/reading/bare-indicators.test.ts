// Indicators written as bare lines under a heading or lead-in that names them, one a line.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import {
  isBareIndicatorLine,
  readIndicators,
} from "../../../src/agreements/reading/items/read-indicators-and-economy.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";

const indicatorsOf = (text: string) => {
  const structure = buildBlocks(normaliseLines(text, { dictionary: null }).lines, null);
  return readIndicators(structure, readAssignments(structure), text).map((i) => i.name);
};

describe("a line that can only be an indicator's name", () => {
  it.each([
    ["Antal besök på biblioteken", true],
    ["Andel brukare på särskilt boende som är nöjda med aktiviteterna", true],
    ["Antal elever i Kulturskolan, flickor och pojkar", true],
    ["Divisionen ska redovisa statistiken", false],
    ["Statistiken är uppdelad på kön", false],
    ["Verksamheten följs upp varje år.", false],
    ["Rapport 2026-05-19", false],
  ])("%s", (line, expected) => {
    expect(isBareIndicatorLine(line)).toBe(expected);
  });
});

describe("bare indicator lines", () => {
  it.each([
    {
      name: "under a heading, until the next heading",
      text: "4.1 Bibliotek\nDivisionen driver biblioteken i kommunen och ska ha öppet minst 50 timmar per vecka.\n\nIndikatorer för grunduppdragen\n\nAntal besök på biblioteken\nAntal aktiva låntagare\n\n5 SÄRSKILDA UPPDRAG\n\nNämnden ger divisionen följande uppdrag.",
      expected: ["Antal besök på biblioteken", "Antal aktiva låntagare"],
    },
    {
      name: "after a lead-in line, until a paragraph of running text",
      text: "Uppföljning\n\nFöljande indikatorer följs upp. Indikatorer:\nAntal besök\nAndel nöjda besökare\n\nDivisionen redovisar indikatorerna i delårsrapporten och i helårsrapporten.",
      expected: ["Antal besök", "Andel nöjda besökare"],
    },
    {
      name: "a heading that does not name indicators introduces nothing",
      text: "Verksamhet\n\nBibliotek\nKulturskola\n\nMer text om verksamheten följer här.",
      expected: [],
    },
  ])("$name", ({ text, expected }) => {
    expect(indicatorsOf(text)).toEqual(expected);
  });
});

describe("list items that give a target value", () => {
  it("are indicators named by the words before it, owned by the assignment their subheading names", () => {
    const text = [
      "Verksamhetsuppdrag 2027 för Kultur- och fritidsförvaltningen",
      "",
      "3 Grunduppdrag",
      "",
      "3.1 Bibliotek",
      "",
      "Förvaltningen ska driva huvudbiblioteket och två filialer.",
      "",
      "6 Indikatorer",
      "",
      "Bibliotek (grunduppdrag 3.1, nämndmål 4.2)",
      "",
      "   •  Antal fysiska besök på kommunens bibliotek – målvärde 310 000,",
      "      utfall 2025: 286 400",
      "   •  Andel invånare som är nöjda med öppettiderna (%) – målvärde 80, utfall 2025: 71",
      "",
      "7 Uppföljning",
      "",
      "   •  15 apr: Kvartalsrapport 1 – mål 1.1 och 1.2 samt ekonomiskt utfall (skriftlig)",
      "",
    ].join("\n");
    const structure = buildBlocks(normaliseLines(text, { dictionary: null }).lines, null);
    const reading = readAssignments(structure);
    const owned = readIndicators(structure, reading, text).map(
      (i) => `${reading.assignments.find((a) => a.key === i.assignmentKey)?.number ?? "-"} ${i.name}`,
    );
    expect(owned).toEqual([
      "3.1 Antal fysiska besök på kommunens bibliotek",
      "3.1 Andel invånare som är nöjda med öppettiderna (%)",
    ]);
  });
});
