// Follow-up by occasion codes: a legend names each occasion once with its meeting and the day its
// material is due; a table says which occasions each point is reported at. Together they give a
// dated item per occasion, and one per point that is a goal or an assignment and each of its
// occasions — the form taken from the occasion when the row allows both.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { legendEntriesOf, occasionCodesIn } from "../../../src/agreements/reading/items/occasion-legend.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { readFacts } from "../../../src/agreements/reading/items/read-facts.ts";
import { readReportingItems } from "../../../src/agreements/reading/items/read-reporting-items.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";

const legendLines = [
  "D    Delårsrapport – nämndens sammanträde 2026-09-16",
  "     (handlingar senast 2026-08-26)",
  "I1   Information – nämndens sammanträde 2026-04-15",
  "Å    Årsredovisning 2026 – nämndens sammanträde 2027-02-10",
  "K    Kvartalsrapport – anmäls vid nästa sammanträde",
];

describe("occasion codes", () => {
  it("reads a legend's codes with their meetings, due dates and names", () => {
    expect(
      legendEntriesOf(legendLines, 2026)?.map(
        (e) => `${e.code} ${e.meeting ?? "-"} ${e.due ?? "-"} ${e.form ?? "-"} ${e.name}`,
      ),
    ).toEqual([
      "D 2026-09-16 2026-08-26 written Delårsrapport",
      "I1 2026-04-15 - - Information",
      "Å 2027-02-10 - - Årsredovisning 2026",
      "K - - - Kvartalsrapport",
    ]);
  });

  it.each([
    ["prose", ["Nämnden har beslutat om detta.", "I februari redovisas bokslutet."]],
    ["codes without dates", ["A  Alfa", "B  Beta", "C  Gamma"]],
  ])("a paragraph of %s is no legend", (_name, lines) => {
    expect(legendEntriesOf(lines, 2026)).toBeNull();
  });

  it.each([
    ["I1, D", ["I1", "D"]],
    ["D och Å", ["D", "Å"]],
    ["D, efter behov", null],
  ])("the cell '%s' lists the codes %j", (cell, codes) => {
    expect(occasionCodesIn(cell, new Set(["D", "I1", "Å", "K"]))).toEqual(codes);
  });

  it("gives one item per dated occasion and one per goal or assignment at each of its occasions", () => {
    const text = [
      "Uppdragsavtal 2026 mellan Kulturnämnden och Division Kultur",
      "1. MÅL\n\nMål A – Fler besöker biblioteken\n\n" +
        "Kontoret ska arbeta för att fler besöker biblioteken under året och redovisa hur.",
      "2. SÄRSKILDA UPPDRAG\n\nU1  Ny biblioteksplan\n\n" +
        "Kontoret ska ta fram ett förslag till ny biblioteksplan för åren 2027–2030.\n\n" +
        "U2  Meröppna bibliotek\n\nKontoret ska utreda hur fler bibliotek kan hålla meröppet.",
      "3. UPPFÖLJNING\n\nTillfällena anges med koder i tabellen nedan.",
      legendLines.join("\n"),
      [
        "Punkt    Innehåll                   Tillfälle    Form",
        "Mål A    Besök i biblioteken        D, Å         Skriftlig",
        "U1       Ny biblioteksplan          I1, D        Muntlig/skriftlig",
        "Ekonomi  Utfall och prognos         D            Skriftlig",
      ].join("\n"),
    ].join("\n\n");
    const lines = normaliseLines(text, { dictionary: null }).lines;
    const structure = buildBlocks(lines, null);
    const { facts } = readFacts(structure, lines.map((l) => l.text).join("\n"), []);
    const items = readReportingItems(structure, facts, readAssignments(structure)).map(
      (i) => `${i.date} ${i.form} ${i.submissionDate ?? "-"} ${i.title}`,
    );
    expect(items).toEqual([
      "2026-09-16 written 2026-08-26 Delårsrapport: Besök i biblioteken (Mål A)",
      "2027-02-10 written - Årsredovisning 2026: Besök i biblioteken (Mål A)",
      "2026-04-15 both - Information: Ny biblioteksplan (U1)",
      "2026-09-16 written 2026-08-26 Delårsrapport: Ny biblioteksplan (U1)",
      "2026-09-16 written 2026-08-26 Delårsrapport (D)",
      "2026-04-15 both - Information (I1)",
      "2027-02-10 written - Årsredovisning 2026 (Å)",
    ]);
  });
});
