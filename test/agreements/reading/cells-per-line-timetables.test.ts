// A timetable exported from PDF with one cell per line under "Vad / När / Form / Underlag", its
// days written "26/2", "v. 17" or "i slutet av april", a dash for no papers' day; and the list
// of meetings after it laid out as "torsdag 29/1   (v. 5)". Neither a day such as "26/2" nor the
// list of meetings is page furniture or a reporting item.
import { describe, expect, it } from "vitest";
import { isDateOnly } from "../../../src/agreements/reading/blocks/time-text.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

const meetings = ["29/1", "26/2", "26/3", "23/4", "21/5", "11/6"].map(
  (day, k) => `torsdag ${day}   (v. ${[5, 9, 13, 17, 21, 24][k]})`,
);

const text = [
  "Överenskommelse 2026 mellan Fritidsnämnden (FRN) och Fritidsförvaltningen (FF)",
  "",
  "1. RAPPORTERING",
  "",
  "Skriftligt underlag lämnas senast 14 dagar före sammanträdet.",
  "",
  "Tabell 3. Rapporteringstidplan 2026",
  "",
  "Vad",
  "När",
  "Form",
  "Underlag",
  "Verksamhetsberättelse 2025",
  "26/2",
  "Skriftlig",
  "12/2",
  "Lägesrapport sommarlovsprogram",
  "v. 17",
  "Muntlig",
  "–",
  "Information om Fritidsbanken",
  "i slutet av april",
  "Skriftlig",
  "–",
  "Tertialrapport 1 med ekonomisk prognos",
  "21/5",
  "Skriftlig",
  "7/5",
  "",
  "2. NÄMNDENS SAMMANTRÄDEN 2026",
  "",
  "Fritidsnämnden sammanträder på torsdagar klockan 13.00. Sammanträdena 2026 är:",
  "",
  ...meetings,
].join("\n");

describe("a timetable with one cell per line", () => {
  const parsed = readAgreement({ text }, { treatAs: "agreement" });
  const items = parsed.reportingItems
    .filter((item) => item.date)
    .map((item) => `${item.date} ${item.form ?? "-"} ${item.submissionDate ?? "-"} ${item.title}`);

  it("reads every row, its papers' day from the Underlag column and a week at that week's meeting", () => {
    expect(items).toEqual([
      "2026-02-26 written 2026-02-12 Verksamhetsberättelse 2025",
      "2026-04-23 oral - Lägesrapport sommarlovsprogram",
      // A month is given at that month's one meeting (see meeting-calendar.ts), with the papers' rule.
      "2026-04-23 written 2026-04-09 Information om Fritidsbanken",
      "2026-05-21 written 2026-05-07 Tertialrapport 1 med ekonomisk prognos",
    ]);
  });

  it("takes the list of meetings as the calendar, not as items", () => {
    expect(items.some((item) => item.includes("torsdag"))).toBe(false);
  });
});

describe("a cell that is only a day", () => {
  it.each([
    ["26/2", true],
    ["v. 17", true],
    ["i slutet av april", true],
    ["senast den 5:e oktober", true],
    ["Verksamhetsberättelse 2025", false],
  ])("%s → %s", (cell, expected) => {
    expect(isDateOnly(cell)).toBe(expected);
  });
});

describe("a timetable of one cell per line headed by the meeting and the papers' recipient", () => {
  it("reads 'Ärende / Nämndsammanträde / Underlag till förvaltningen / Form' as its columns", () => {
    const plan = [
      "Internöverenskommelse 2026 mellan Omsorgsnämnden (OMN) och Kommunal produktion",
      "",
      "G.3 Rapporteringstabell 2026",
      "",
      "Ärende",
      "Nämndsammanträde",
      "Underlag till förvaltningen",
      "Form",
      "Lex Sarah – sammanställning av rapporter och utredningar,",
      "helår 2025",
      "28 januari",
      "2026-01-07",
      "Skriftlig",
      "Digital tillsyn nattetid – lägesrapport",
      "15/4 2026",
      "–",
      "Muntlig",
      "",
    ].join("\n");
    const items = readAgreement({ text: plan }, { treatAs: "agreement" }).reportingItems.map(
      (i) => `${i.date} ${i.submissionDate ?? "-"} ${i.form} ${i.title}`,
    );
    expect(items).toEqual([
      "2026-01-28 2026-01-07 written Lex Sarah – sammanställning av rapporter och utredningar, helår 2025",
      "2026-04-15 - oral Digital tillsyn nattetid – lägesrapport",
    ]);
  });
});
