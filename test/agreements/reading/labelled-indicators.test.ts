// Indicators written as labels and values under a goal ("Indikator: Andel …", "Källa: Kolada",
// "Utfall 2025: 38 %   Målvärde 2026: 45 %"), the name wrapped onto an indented line or not, and an
// economy table whose amount column is named after a column of payment forms.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { readEconomy, readIndicators } from "../../../src/agreements/reading/items/read-indicators-and-economy.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";

const structureOf = (text: string) => buildBlocks(normaliseLines(text, { dictionary: null }).lines, null);

describe("indicators as labels and values", () => {
  it("reads each indicator with its source and goal, a wrapped name too", () => {
    const text = [
      "Mål 1 – Fler läser böcker",
      [
        "  Indikator: Antal utlånade böcker per invånare och år i kommunens",
        "             folkbibliotek",
        "  Källa:     Kolada (KB)",
        "  Utfall 2025: 4,1      Målvärde 2026: 4,5",
      ].join("\n"),
      ["  Indikator: Andel barn med eget lånekort", "  Källa:     Egen statistik", "  Utfall 2025: 41 %"].join("\n"),
      "Mål 2 – Biblioteken är öppna när invånarna vill",
      ["  Indikator: Antal meröppna timmar per vecka", "  Källa:     Biblioteksstatistik"].join("\n"),
    ].join("\n\n");
    const structure = structureOf(text);
    const reading = readAssignments(structure);
    const got = readIndicators(structure, reading, text).map(
      (i) => `${i.name} | ${i.source} | ${reading.assignments.find((a) => a.key === i.assignmentKey)?.number}`,
    );
    expect(got).toEqual([
      "Antal utlånade böcker per invånare och år i kommunens folkbibliotek | Kolada | 1",
      "Andel barn med eget lånekort | Egen statistik | 1",
      "Antal meröppna timmar per vecka | Biblioteksstatistik | 2",
    ]);
  });

  it("keeps each record's fields together as a row, though two lines alike in all but a share's comma", () => {
    // "Utgångsvärde 2025: 4,1" and "Utgångsvärde 2025: 41 %" are two indicators' values, not page furniture.
    const text = [
      "Mål B – Fler läser",
      [
        "  Indikator:            Antal fysiska biblioteksbesök per invånare",
        "  Utgångsvärde 2025:    4,1",
        "  Målvärde 2026:        4,5",
        "  Källa:                Biblioteksstatistik",
      ].join("\n"),
      [
        "  Indikator:            Antal utlån av barnlitteratur per",
        "                        invånare 0–17 år",
        "  Utgångsvärde 2025:    41 %",
        "  Målvärde 2026:        45 %",
        "  Källa:                Kolada",
      ].join("\n"),
    ].join("\n\n");
    const structure = structureOf(text);
    const table = structure.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" ? table.header : null).toEqual([
      "Indikator",
      "Utgångsvärde 2025",
      "Målvärde 2026",
      "Källa",
    ]);
    expect(table?.kind === "table" ? table.rows.map((r) => r.cells) : null).toEqual([
      ["Antal fysiska biblioteksbesök per invånare", "4,1", "4,5", "Biblioteksstatistik"],
      ["Antal utlån av barnlitteratur per invånare 0–17 år", "41 %", "45 %", "Kolada"],
    ]);
    expect(readIndicators(structure, readAssignments(structure), text).map((i) => i.name)).toEqual([
      "Antal fysiska biblioteksbesök per invånare",
      "Antal utlån av barnlitteratur per invånare 0–17 år",
    ]);
  });

  it("does not take a sentence that starts with the word for an indicator", () => {
    const text = "Mål 1 – Fler läser\n\nIndikator: Se bilaga 2 för samtliga indikatorer och deras källor.";
    const structure = structureOf(text);
    expect(readIndicators(structure, readAssignments(structure), text)).toEqual([]);
  });
});

describe("an economy table", () => {
  it("takes its amounts from the column in tkr, not the payment form beside it", () => {
    const text = [
      "6 Ekonomi",
      [
        "Verksamhet              Ersättningsform        Belopp 2026, tkr",
        "Bibliotek               Anslag                 12 400",
        "Fritidsgårdar           Volym, 45 tkr/plats    3 150",
        "Summa                                          15 550",
      ].join("\n"),
    ].join("\n\n");
    expect(readEconomy(structureOf(text), 2026).map((l) => `${l.activity} ${l.amountTkr}`)).toEqual([
      "Bibliotek 12400",
      "Fritidsgårdar 3150",
      "Summa 15550",
    ]);
  });
});
