// Small stages of the reader, one table of cases each.
import { describe, expect, it } from "vitest";
import { splitAtColumns } from "../../../src/agreements/reading/blocks/table-detectors.ts";
import { splitTitleCell } from "../../../src/agreements/reading/items/read-assignments.ts";
import { barePageNumbers, normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { sourceOf } from "../../../src/agreements/reading/items/read-indicators-and-economy.ts";

describe("a title cell that says more than the title", () => {
  it.each([
    [
      "Genomföra Kulturnatten tillsammans med civilsamhället. Kulturnatten äger rum 2025-09-27.",
      "Genomföra Kulturnatten tillsammans med civilsamhället",
      "Kulturnatten äger rum 2025-09-27.",
      false,
    ],
    [
      "Ta fram en plan för öppen fritidsverksamhet (uppdrag från KF)",
      "Ta fram en plan för öppen fritidsverksamhet",
      null,
      true,
    ],
    ["Utreda t.ex. Öppettider vid badet", "Utreda t.ex. Öppettider vid badet", null, false],
    ["Bibliotek.", "Bibliotek", null, false],
    ["Ny rutin. Klar i maj", "Ny rutin. Klar i maj", null, false],
  ])("%s", (cell, title, more, fromCouncil) => {
    expect(splitTitleCell(cell)).toEqual({ title, more, fromCouncil });
  });
});

describe("bare numbers as page numbers", () => {
  const page = (lines: string[]) => [...barePageNumbers(lines, lines)].sort((a, b) => a - b);
  it.each([
    // Pages that count 2, 3 at page breaks are page numbers.
    [
      ["Text", "2", "", "Mer text", "3", ""],
      [1, 4],
    ],
    // Values in a table read one cell per line are not, even at the table's end.
    [["Indikator", "Kolada", "78", "82", "", "Nästa stycke"], []],
    // One lone number is not a sequence.
    [["Text", "", "7", "", "Text"], []],
  ])("%j", (lines, expected) => {
    expect(page(lines as string[])).toEqual(expected);
  });
});

describe("a PDF span that runs into the next column", () => {
  it("is cut at the word nearest the column's start", () => {
    const text = "4.3 Delta i arbetet med Arbetet samordnas av";
    const perChar = 5;
    const spans = splitAtColumns([{ x: 50, width: text.length * perChar, text }], [50, 50 + perChar * 24], 4);
    expect(spans.map((s) => s.text)).toEqual(["4.3 Delta i arbetet med", "Arbetet samordnas av"]);
  });
  it("leaves spans inside one column alone", () => {
    const spans = splitAtColumns([{ x: 50, width: 60, text: "Kolada" }], [50, 300], 4);
    expect(spans.map((s) => s.text)).toEqual(["Kolada"]);
  });
});

describe("an indicator's source", () => {
  it.each([
    ["Kolada", "Kolada"],
    ["Indikatorer (källa: Arbetsportens verksamhetssystem; redovisas för kvinnor)", "Arbetsportens verksamhetssystem"],
    ["Egen statistik", "Egen statistik"],
    ["Andel (%)", null],
    // The source ends at its sentence.
    ["Andel (%). Källa: Lifecare. Utfall 2025: 84 %.", "Lifecare"],
  ])("%s", (text, source) => {
    expect(sourceOf(text)).toBe(source);
  });
});

describe("a Word list indented by tabs", () => {
  const rows = (text: string) =>
    normaliseLines(text, { dictionary: null }).lines.map((line) =>
      line.cells ? `cells ${line.cells.length}` : line.text,
    );
  it.each([
    {
      name: "an item and the lines it wraps onto are text, not rows of empty cells",
      text: "•\tRektorer lämnar reklamationer direkt\n\ttill utföraren. Utföraren besvarar en\n\treklamation inom fem arbetsdagar.",
      expected: [
        "• Rektorer lämnar reklamationer direkt",
        "till utföraren. Utföraren besvarar en",
        "reklamation inom fem arbetsdagar.",
      ],
    },
    {
      name: "an item indented by a tab, and one a level below",
      text: "\t•\tLunchen ska\n\t\t◦\tfölja Livsmedelsverkets råd",
      // (Every bullet glyph is read as "•".)
      expected: ["• Lunchen ska", "• följa Livsmedelsverkets råd"],
    },
    {
      name: "an item over a row of cells names that row: both stay a table",
      text: "\t•\tTallrikssvinn, gram per portion\n\t\tKälla: egen mätning\tUtfall: 38 g\tMål: 30 g",
      expected: ["cells 2", "cells 5"],
    },
    {
      name: "a row whose first cell is empty, with no list above it, stays a row",
      text: "Insats\tAnsvar\n\tSocialtjänsten",
      expected: ["cells 2", "cells 2"],
    },
  ])("$name", ({ text, expected }) => {
    expect(rows(text)).toEqual(expected);
  });
});
