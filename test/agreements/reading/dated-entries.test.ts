// A reporting plan written as a list of dated entries ("• 19 mars 2026 – Lägesrapport …
// (muntlig)"): each entry is its own item, named by what follows the date, and the material due
// date the entry names ("underlag senast 29 januari") is that item's submission date — before the
// meeting, in the same year. Days written "den 19/3" are dates of the agreement's year.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { readFacts } from "../../../src/agreements/reading/items/read-facts.ts";
import { datedEntryTitle, readReportingItems } from "../../../src/agreements/reading/items/read-reporting-items.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { findTimeMentions } from "../../../src/agreements/reading/time-mentions.ts";

const itemsOf = (text: string) => {
  const lines = normaliseLines(text, { dictionary: null }).lines;
  const structure = buildBlocks(lines, null);
  const { facts } = readFacts(structure, lines.map((l) => l.text).join("\n"), []);
  return readReportingItems(structure, facts, readAssignments(structure)).map(
    (i) => `${i.date} ${i.form ?? "-"} ${i.submissionDate ?? "-"} ${i.title}`,
  );
};

const plan = (...entries: string[]) =>
  [
    "Överenskommelse 2026 mellan Kultur- och fritidsnämnden och Division Kultur",
    "4 Rapporteringsplan",
    "Divisionen rapporterar till nämnden enligt planen nedan.",
    entries.join("\n"),
  ].join("\n\n");

describe("a reporting plan of dated entries", () => {
  it.each([
    ["19 mars 2026 – Lägesrapport om biblioteken (muntlig)", "Lägesrapport om biblioteken"],
    ["2026-05-28: Tertialrapport 1 (skriftlig), underlag senast 7 maj", "Tertialrapport 1"],
    [
      "10 juni 2026 – Plan för fritidsgårdarna, uppdrag 2 (skriftlig, beslutsärende)",
      "Plan för fritidsgårdarna, uppdrag 2",
    ],
    ["Nämnden sammanträder 19 mars 2026 – se nedan", null],
  ])("'%s' names its report '%s'", (sentence, title) => {
    const first = findTimeMentions(sentence, 2026)[0]!;
    expect(datedEntryTitle(sentence, first)).toBe(title);
  });

  it("reads each entry as its own item, two entries on one day too, with the material's due date", () => {
    expect(
      itemsOf(
        plan(
          "• 19 februari 2026 – Verksamhetsberättelse 2025 (skriftlig) till nämndens sammanträde, underlag senast 29 januari",
          "• 15 oktober 2026 – Tertialrapport 2 (skriftlig), underlag senast 24 september",
          "• 15 oktober 2026 – Utvärdering av sommarlovsaktiviteterna (muntlig)",
        ),
      ),
    ).toEqual([
      "2026-02-19 written 2026-01-29 Verksamhetsberättelse 2025",
      "2026-10-15 written 2026-09-24 Tertialrapport 2",
      "2026-10-15 oral - Utvärdering av sommarlovsaktiviteterna",
    ]);
  });

  it.each([
    ["muntligt den 19/3 och skriftligt den 11/6", ["2026-03-19", "2026-06-11"]],
    ["senast 30/4", ["2026-04-30"]],
    ["en 1/2 tjänst", []],
    ["perioden den 1/1–30/4", []],
    // After a committee or meeting word, listed after such a day, in brackets, or alone in a cell.
    ["Omsorgsnämnden 17/6 och 16/12", ["2026-06-17", "2026-12-16"]],
    ["Muntligt vid sammanträdet i augusti (19/8)", ["2026-08", "2026-08-19"]],
    ["b) 4/11", ["2026-11-04"]],
    ["Nämndens sammanträden 2026: 28/1 25/2 25/3", ["2026-01-28", "2026-02-25", "2026-03-25"]],
    ["Andelen ökade med 3/4 under året", []],
    // After a weekday, written short or in full.
    ["tis 17/3", ["2026-03-17"]],
    ["fre 4/9 *", ["2026-09-04"]],
    ["Handlingar senast måndag 2/11", ["2026-11-02"]],
    // A day, month and year set off by stops; a span of two is a period.
    ["sammanträdet 17.3.2026", ["2026-03-17"]],
    // The week in brackets after a day only says which week the day is in.
    ["torsdag 29/1 (v. 5)   torsdag 26/2 (v. 9)", ["2026-01-29", "2026-02-26"]],
    // A day as an ordinal word, a meeting named by its month.
    ["vid sammanträdet den tjugotredje september", ["2026-09-23"]],
    ["lämnas skriftligt till junisammanträdet", ["2026-06"]],
  ])("'%s' names the days %j", (text, days) => {
    expect(findTimeMentions(text, 2026).map((m) => (m.precision === "day" ? m.date : m.month))).toEqual(days);
  });
});
