// Tables typed or exported with spaces between the columns: lines that share their column
// positions become rows of cells; spaces inside a sentence, a contact list of "Label:  value"
// lines and a two-column table of contents do not.
import { describe, expect, it } from "vitest";
import { alignedColumnLines, chunksOf } from "../../../src/agreements/reading/aligned-columns.ts";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { readIndicators } from "../../../src/agreements/reading/items/read-indicators-and-economy.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";

const rowsOf = (lines: string[]) => {
  const { rows } = alignedColumnLines(lines);
  return lines.map((_, i) => rows.get(i)?.split("\t") ?? null);
};

describe("a row whose first cell wraps before its values", () => {
  it("joins the indented rest of the cell and takes the values from the line below", () => {
    const lines = [
      "Indikatorer                                          Utgångsvärde   Målvärde 2026",
      "1.1 Antal hushåll med ekonomiskt bistånd, genomsnitt",
      "    per månad                                         512            högst 470",
      "1.2 Andel personer anvisade till AME som avslutats",
      "    till arbete eller studier                         27 %           35 %",
      "1.3 Väntetid till första samtal (dagar)               9              högst 5",
    ];
    expect(rowsOf(lines).filter((row) => row && row.join("") !== "")).toEqual([
      ["Indikatorer", "Utgångsvärde", "Målvärde 2026"],
      ["1.1 Antal hushåll med ekonomiskt bistånd, genomsnitt per månad", "512", "högst 470"],
      ["1.2 Andel personer anvisade till AME som avslutats till arbete eller studier", "27 %", "35 %"],
      ["1.3 Väntetid till första samtal (dagar)", "9", "högst 5"],
    ]);
  });
});

describe("a timetable split by sub-headings", () => {
  const part1 = [
    "KVARTAL 1",
    "Datum   Ärende                         Form   Handl. senast",
    "29/1    Årsrapport 2025                S      19/1",
    "26/2    Lägesrapport digital tjänst    M      –",
    "26/3    Projektplan avlopp             S      16/3",
    "",
  ];
  it("reads a part of two rows at the columns of the part above", () => {
    const lines = [
      ...part1,
      "KVARTAL 3",
      "27/8    Handläggningstider, kvartal 2  S      17/8",
      "24/9    Delårsrapport                  S      14/9",
    ];
    expect(rowsOf(lines).slice(7)).toEqual([
      ["27/8", "Handläggningstider, kvartal 2", "S", "17/8"],
      ["24/9", "Delårsrapport", "S", "14/9"],
    ]);
  });
  it("leaves two lines alone whose gaps fall elsewhere, or that come long after", () => {
    const elsewhere = [...part1, "Not", "Se bilagan  för  detaljer", "Kontakta oss  vid frågor"];
    expect(rowsOf(elsewhere).slice(7)).toEqual([null, null]);
    const later = [
      ...part1,
      ...Array(9).fill("Löptext utan kolumner."),
      "27/8    Handläggningstider, kvartal 2  S      17/8",
      "24/9    Delårsrapport                  S      14/9",
    ];
    expect(rowsOf(later).slice(15)).toEqual([null, null]);
  });
});

describe("lines laid out in columns with spaces", () => {
  it("splits a line at runs of two or more spaces, keeping where each piece starts", () => {
    expect(chunksOf("  Andel nöjda   Kolada  80 %")).toEqual([
      { start: 2, text: "Andel nöjda" },
      { start: 16, text: "Kolada" },
      { start: 24, text: "80 %" },
    ]);
  });

  it.each([
    {
      name: "an indicator table with a header",
      lines: [
        "Nyckeltal                      Källa           Utfall   Mål",
        "Andel nöjda besökare           Enkät           81 %     85 %",
        "Antal utlån per invånare       Kolada (N1)     4,2      4,5",
      ],
      expected: [
        ["Nyckeltal", "Källa", "Utfall", "Mål"],
        ["Andel nöjda besökare", "Enkät", "81 %", "85 %"],
        ["Antal utlån per invånare", "Kolada (N1)", "4,2", "4,5"],
      ],
    },
    {
      name: "a cell left empty and a label that overflows its column",
      lines: [
        "Punkt   Innehåll                 När       Form",
        "A1      Lokalplan                V, H      Skriftlig",
        "Lex Maria  Avvikelser            H         Skriftlig",
        "Summa                                      Muntlig",
      ],
      expected: [
        ["Punkt", "Innehåll", "När", "Form"],
        ["A1", "Lokalplan", "V, H", "Skriftlig"],
        ["Lex Maria", "Avvikelser", "H", "Skriftlig"],
        ["Summa", "", "", "Muntlig"],
      ],
    },
  ])("reads $name as rows of cells", ({ lines, expected }) => {
    expect(rowsOf(lines)).toEqual(expected);
  });

  it("joins a line that wraps the row above (first column empty, lower case) into that row", () => {
    const lines = [
      "Tid          Vad                        Form",
      "2026-03-11   Lägesrapport om            Muntlig",
      "             fritidsgårdarna            och skriftlig",
      "2026-09-16   Delårsrapport              Skriftlig",
    ];
    const { rows, moved } = alignedColumnLines(lines);
    expect(rows.get(1)?.split("\t")).toEqual([
      "2026-03-11",
      "Lägesrapport om fritidsgårdarna",
      "Muntlig och skriftlig",
    ]);
    expect(rows.get(2)).toBe("");
    expect(moved.get(2)).toBe(1);
    expect(rows.get(3)?.split("\t")).toEqual(["2026-09-16", "Delårsrapport", "Skriftlig"]);
  });

  it("joins indented pieces that wrap a row's cell, whatever they begin with, up to a blank line", () => {
    const lines = [
      "Nr   Ärende                           Form        Möte",
      "1    Bokslut med uppföljning av       Skriftlig   2027-02-18",
      "     2026 års mål",
      "2    Lägesrapport fritidsgårdar       Muntlig     2027-04-15",
      "3    Tertialrapport 1 med prognos     Skriftlig   2027-05-20",
      "     och nyckeltal",
      "",
      "Rapporterna följer kommunens mall.",
    ];
    const { rows, moved } = alignedColumnLines(lines);
    expect(rows.get(1)?.split("\t")).toEqual([
      "1",
      "Bokslut med uppföljning av 2026 års mål",
      "Skriftlig",
      "2027-02-18",
    ]);
    expect(rows.get(4)?.split("\t")).toEqual([
      "3",
      "Tertialrapport 1 med prognos och nyckeltal",
      "Skriftlig",
      "2027-05-20",
    ]);
    expect([moved.get(2), moved.get(5)]).toEqual([1, 4]);
    expect(rows.has(7)).toBe(false);
  });

  it("reads two columns of dates under their header as a table of meetings", () => {
    const lines = [
      "Nämndmöte        Underlag till sekreteraren senast",
      "18 februari      4 februari",
      "15 april         1 april",
      "20 maj           6 maj",
    ];
    expect(rowsOf(lines)).toEqual([
      ["Nämndmöte", "Underlag till sekreteraren senast"],
      ["18 februari", "4 februari"],
      ["15 april", "1 april"],
      ["20 maj", "6 maj"],
    ]);
  });

  it.each([
    {
      name: "an indented line of its own after a table's rows, followed by more text",
      lines: [
        "Punkt   Innehåll        När       Form",
        "A1      Lokalplan       V, H      Skriftlig",
        "A2      Avvikelser      H         Skriftlig",
        "        Se även bilagan.",
        "Löptexten fortsätter här.",
      ],
      untouched: [3, 4],
    },
  ])("leaves $name out of the table", ({ lines, untouched }) => {
    const { rows } = alignedColumnLines(lines);
    for (const line of untouched) expect(rows.has(line)).toBe(false);
    expect(rows.get(2)?.split("\t")).toEqual(["A2", "Avvikelser", "H", "Skriftlig"]);
  });

  it.each([
    {
      name: "two columns without dates or a naming header",
      lines: ["Kultur            Fritid", "Bibliotek         Bad", "Museum            Ishall"],
    },
    {
      name: "a contact list of labels and values",
      lines: ["Ordförande:       Eva Ek (C)", "Sekreterare:      Per Lund", "Controller:       Ann Berg"],
    },
    {
      name: "a table of contents of numbers and titles",
      lines: ["1  Inledning", "2  Grunduppdrag", "3  Mål", "4  Ekonomi"],
    },
    {
      name: "prose with two spaces after a full stop",
      lines: ["Nämnden beslutar.  Kontoret ska", "redovisa i maj.  Rapporten ska", "vara skriftlig."],
    },
    {
      name: "two lines only",
      lines: ["Indikator        Källa       Mål", "Andel nöjda      Enkät       85 %"],
    },
  ])("leaves $name as it is", ({ lines }) => {
    expect(alignedColumnLines(lines).rows.size).toBe(0);
  });

  it("reads the indicators of a space-aligned table under a goal", () => {
    const text = [
      "Mål 1: Fler besökare i biblioteken",
      "",
      "Indikator                       Källa            2025     Mål 2026",
      "Antal besök per invånare        Kolada (U1)      5,1      5,5",
      "Andel barn med lånekort         Egen statistik   44 %     50 %",
    ].join("\n");
    const structure = buildBlocks(normaliseLines(text, { dictionary: null }).lines, null);
    const names = readIndicators(structure, readAssignments(structure), text).map((i) => `${i.name} | ${i.source}`);
    expect(names).toEqual(["Antal besök per invånare | Kolada", "Andel barn med lånekort | Egen statistik"]);
  });
});
