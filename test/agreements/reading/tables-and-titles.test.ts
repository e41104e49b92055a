// Table stages and item titles: dates the layout wrapped inside a table cell, amount tables with a
// column per year, tab rows that look like a table of contents, and what a dated sentence says is
// reported.
import { describe, expect, it } from "vitest";
import { isTableOfContentsLine } from "../../../src/agreements/reading/blocks/headings.ts";
import { yearColumns } from "../../../src/agreements/reading/items/read-indicators-and-economy.ts";
import { endsPeriod, reportedThing } from "../../../src/agreements/reading/items/read-reporting-items.ts";
import { joinWrappedCellDates, type Line } from "../../../src/agreements/reading/normalise-lines.ts";

describe("a date the layout wrapped inside a table cell", () => {
  it.each([
    [
      ["Vinterväghållning\t2026-04-\t–\tMuntlig", "\t21"],
      ["Vinterväghållning\t2026-04-21\t–\tMuntlig", ""],
    ],
    [
      ["Tertialrapport 1\t2026-05-19\t2026-04-\tSkriftlig", "\t\t28"],
      ["Tertialrapport 1\t2026-05-19\t2026-04-28\tSkriftlig", ""],
    ],
    [
      ["Delårsrapport\t2026-09-\t2026-09-\tSkriftlig", "\t22\t01"],
      ["Delårsrapport\t2026-09-22\t2026-09-01\tSkriftlig", ""],
    ],
    [
      ["Rapport\t2026-\tSkriftlig", "\t05-19"],
      ["Rapport\t2026-05-19\tSkriftlig", ""],
    ],
    // The next row of the table is a row of its own, not the rest of a date.
    [
      ["Rapport\t2026-04-\tMuntlig", "Nästa rad\t2026-05-19\tSkriftlig"],
      ["Rapport\t2026-04-\tMuntlig", "Nästa rad\t2026-05-19\tSkriftlig"],
    ],
    // A number under a column that holds no open date is a value.
    [
      ["Rapport\t2026-04-\t12", "\t\t21"],
      ["Rapport\t2026-04-\t12", "\t\t21"],
    ],
  ])("%j", (lines, expected) => {
    const working = [...lines];
    joinWrappedCellDates(working);
    expect(working).toEqual(expected);
  });
});

describe("an amount table with a column per year", () => {
  it.each([
    [
      null,
      [
        ["Verksamhet", "2025", "2026"],
        ["Gator", "38 450", "39 900"],
        ["Summa", "38 450", "39 900"],
      ],
      { columns: [1, 2], years: [2025, 2026], rows: 2 },
    ],
    [
      ["Verksamhet", "Budget 2026", "Utfall 2025"],
      [
        ["Park", "21 300", "20 100"],
        ["Summa", "21 300", "20 100"],
      ],
      { columns: [1, 2], years: [2026, 2025], rows: 2 },
    ],
    // A column that is not a year ("Källa") makes it some other table.
    [
      ["Indikator", "Källa", "2026"],
      [
        ["Antal besök", "Kolada", "120"],
        ["Antal lån", "Egen", "80"],
      ],
      null,
    ],
    // Years as values, not columns.
    [
      null,
      [
        ["Mål", "Indikator"],
        ["4.1", "Andel"],
        ["4.2", "Antal"],
      ],
      null,
    ],
  ])("%j %j", (header, rows, expected) => {
    const found = yearColumns(header, rows);
    expect(found && { columns: found.columns, years: found.years, rows: found.rows.length }).toEqual(expected);
  });
});

describe("a tab row that looks like a table of contents", () => {
  const line = (cells: string[]): Line => ({
    index: 0,
    text: cells.filter(Boolean).join(" | "),
    source: cells.join("\t"),
    cells,
    positioned: null,
    blank: false,
    headingMark: 0,
  });
  it.each([
    [["4.2", "Nämndens mål", "7"], true],
    [["4.2", "Nöjd Medborgar-Index, parker", "SCB:s medborgarundersökning", "63", "66"], false],
    [["4.2", "Antal nyplanterade träd", "2026"], false],
  ])("%j", (cells, toc) => {
    expect(isTableOfContentsLine(line(cells))).toBe(toc);
  });
});

describe("what a dated sentence says is reported", () => {
  it.each([
    ["lämna underlag till nämndens internkontrollplan senast 2026-10-31,", "Underlag till nämndens internkontrollplan"],
    [
      "Verksamhetsberättelse för 2025 redovisas skriftligt vid nämndens sammanträde 2026-02-10.",
      "Verksamhetsberättelse för 2025",
    ],
    ["Divisionen ska lämna en skriftlig lägesrapport vid sammanträdet 2026-05-19.", "Lägesrapport"],
    ["Uppdraget redovisas skriftligt till nämndens sammanträde 2026-09-15.", null],
    ["Nämnden sammanträder 2026-03-17.", null],
    // The report a sentence names after its verb, with what it is about.
    [
      "Vid sammanträdet den 25 mars ska kontoret ge nämnden en muntlig dragning om införandeplanen för digital nattillsyn (Uppdrag 2026:5).",
      "Muntlig dragning om införandeplanen för digital nattillsyn",
    ],
    // A sentence that opens with a condition names no report by its opening words.
    ["Utöver kvartal 1, som nämnts ovan, rapporteras kvartal 2 skriftligt vid sammanträdet den 23 september.", null],
    // A long subject is named before its first comma.
    [
      "Delårsrapporten per den 31 augusti, med uppföljning av samtliga uppdrag, mål och indikatorer samt helårsprognos, lämnas skriftligt till sammanträdet den 21 oktober.",
      "Delårsrapporten per den 31 augusti",
    ],
  ])("%s", (sentence, thing) => {
    expect(reportedThing(sentence)).toBe(thing);
  });
});

describe("a date that ends the period a report covers", () => {
  it.each([
    ["delarsrapport per ", true],
    ["uppfoljning t.o.m. ", true],
    ["redovisas vid sammantradet ", false],
    ["senast ", false],
  ])("%s", (before, ends) => {
    expect(endsPeriod(before)).toBe(ends);
  });
});
