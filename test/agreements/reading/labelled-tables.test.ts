// Tables read from labelled lines and what their passages say: a two-column header over its dates
// (OCR of "Startdatum | Slutdatum"), "label: value" contact lines, and year columns whose header
// was read as a first row — each row quoted with what its figures are.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { labelValueOf } from "../../../src/agreements/reading/blocks/table-detectors.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { buildPassages } from "../../../src/agreements/reading/passages.ts";

function structureOf(text: string) {
  return buildBlocks(normaliseLines(text, { dictionary: null, positionedLines: null }).lines, null);
}

function rowsOf(text: string) {
  return buildPassages(structureOf(text))
    .filter((p) => p.kind === "tableRow")
    .map((p) => ({ text: p.text, label: p.label, context: p.context }));
}

describe("a header line of date columns over its dates", () => {
  it.each([
    ["dates on lines of their own", "Startdatum Slutdatum\n\n2026-01-01\n\n2028-12-31 ‘\n"],
    ["dates on one line", "Startdatum Slutdatum\n2026-01-01 2028-12-31\n"],
    ["each word over its own date", "Startdatum\n\n2026-01-01\n\nSlutdatum\n\n2028-12-31\n"],
  ])("%s is one row of a table under its section", (_, period) => {
    const text = `4.1.4 Förbereda en ny organisation (SN)\n\nDivisionen ska förbereda arbetet.\n\n${period}\nUPPFÖLJNING\n`;
    const structure = structureOf(text);
    expect(structure.blocks.filter((b) => b.kind === "heading").map((b) => b.kind === "heading" && b.text)).toEqual([
      "Förbereda en ny organisation (SN)",
    ]);
    expect(rowsOf(text)).toEqual([
      {
        text: "Startdatum: 2026-01-01 – Slutdatum: 2028-12-31",
        label: "Förbereda en ny organisation (SN)",
        context: "Startdatum | Slutdatum",
      },
    ]);
  });

  it("gives the assignment its period", () => {
    const text =
      "5 Särskilda uppdrag\n\n5.1 Utreda barns ekonomiska utsatthet (SN)\n\nDivisionen ska utreda omfattningen.\n\nStartdatum Slutdatum\n\n2026-01-01\n\n2026-12-31\n";
    const assignment = readAssignments(structureOf(text)).assignments.find((a) => a.number === "5.1");
    expect([assignment?.startDate, assignment?.endDate]).toEqual(["2026-01-01", "2026-12-31"]);
  });

  it.each([
    ["words that are not date columns", "Mål Indikator\n2026-01-01 2026-12-31\n"],
    ["fewer dates than columns", "Startdatum Slutdatum\n2026-01-01\nDivisionen ska redovisa.\n"],
    ["text beside the date", "Startdatum Slutdatum\n2026-01-01 enligt beslut 2026-12-31\n"],
    ["one word over one date", "Slutdatum\n\n2026-12-31\n\nDivisionen ska redovisa.\n"],
    ["a word over a sentence", "Startdatum\n\n2026-01-01\n\nSlutdatum\n\nenligt beslut i nämnden\n"],
  ])("is not read from %s", (_, text) => {
    expect(rowsOf(text).filter((r) => r.context?.includes("datum"))).toEqual([]);
  });
});

describe("a 'label: value' line", () => {
  it.each([
    [
      "Nämndens sakkunniga: kultur- och fritidsstrateg Karin Öberg",
      ["Nämndens sakkunniga", "kultur- och fritidsstrateg Karin Öberg"],
    ],
    ["Divisionschef Division Kultur: Fredrik Malm", ["Divisionschef Division Kultur", "Fredrik Malm"]],
    ["E-post: kommunen@enkoping.se", ["E-post", "kommunen@enkoping.se"]],
    // Dated lines say when something happens: they are read as sentences.
    ["Maj: Vårrapport (V) med prognos för måluppfyllelse.", null],
    ["Gäller: 2026-01-01 – 2026-12-31", null],
    ["Uppföljning: kvartalsvis till nämnden", null],
    // A lead-in and a sentence with a colon inside it are not labels.
    ["Divisionen ska under året särskilt arbeta med följande frågor: en, två", null],
    ["Målet är:", null],
  ])("%s", (line, expected) => {
    expect(labelValueOf(line)).toEqual(expected);
  });

  it("several in a row are a table under the heading above them, not headings", () => {
    const text =
      "8 KONTAKT\n\nNämndens sakkunniga: kultur- och fritidsstrateg Karin Öberg\nDivisionschef Division Kultur: Fredrik Malm\n";
    const structure = structureOf(text);
    expect(structure.blocks.filter((b) => b.kind === "heading")).toHaveLength(1);
    expect(rowsOf(text)).toEqual([
      {
        text: "Nämndens sakkunniga: kultur- och fritidsstrateg Karin Öberg",
        label: "Nämndens sakkunniga",
        context: null,
      },
      { text: "Divisionschef Division Kultur: Fredrik Malm", label: "Divisionschef Division Kultur", context: null },
    ]);
  });

  it("a single one stays as it was read", () => {
    expect(rowsOf("Kontakt\n\nHandläggare: Tekniska nämndens sakkunnig\n")).toEqual([]);
  });
});

describe("a table with a column per year whose header was read as its first row", () => {
  const table = (caption: string) =>
    `7. Ekonomi\n\n${caption}\n\nVerksamhet\t2025\t2026\nGator och vägar\t38 450\t39 900\nSärskilda uppdrag\t–\t1 200\nSumma\t84 200\t89 320\n`;

  it("quotes each row with its year and the caption's unit", () => {
    expect(rowsOf(table("Ersättning per verksamhet, tkr"))).toEqual([
      {
        text: "Gator och vägar – 2025 tkr: 38 450 – 2026 tkr: 39 900",
        label: "Gator och vägar",
        context: "Verksamhet | 2025 tkr | 2026 tkr",
      },
      {
        text: "Särskilda uppdrag – 2025 tkr: – – 2026 tkr: 1 200",
        label: "Särskilda uppdrag",
        context: "Verksamhet | 2025 tkr | 2026 tkr",
      },
      {
        text: "Summa – 2025 tkr: 84 200 – 2026 tkr: 89 320",
        label: "Summa",
        context: "Verksamhet | 2025 tkr | 2026 tkr",
      },
    ]);
  });

  it("keeps the bare years when the caption names no unit", () => {
    expect(rowsOf(table("Ersättning per verksamhet"))[0]).toEqual({
      text: "Gator och vägar – 2025: 38 450 – 2026: 39 900",
      label: "Gator och vägar",
      context: "Verksamhet | 2025 | 2026",
    });
  });
});

describe("a total under a column of codes", () => {
  it("is labelled by its own words, not by the code of the row above", () => {
    const rows = rowsOf(
      [
        "     Verksamhet                        tkr         Ersättningsform",
        "G1   Hemtjänst                         298 400     Volym",
        "S3   Måltidsutredning                  950         Engångsbelopp",
        "S4   Fast omsorgskontakt               0           Ryms inom G1",
        "     Summa ersättning till DVO         940 800",
        "",
      ].join("\n"),
    );
    expect(rows.map((r) => r.label)).toEqual(["G1", "S3", "S4", "Summa ersättning till DVO"]);
  });
});
