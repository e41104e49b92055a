// A follow-up timetable of months, each entry naming the committee's meeting and what is reported
// at it: one item per report named, presented at that meeting, its written material due by the
// submission rule, named by the report (not the timetable's heading), placed in its period by its
// name, and linked to the assignment it names. A month without a meeting reports nothing, and a
// date the report's period ends ("per den 30 april") is not a deadline.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { monthReportTitle, readMonthEntry } from "../../../src/agreements/reading/items/month-timetable.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { readFacts } from "../../../src/agreements/reading/items/read-facts.ts";
import { readReportingItems } from "../../../src/agreements/reading/items/read-reporting-items.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";

const itemsOf = (text: string) => {
  const lines = normaliseLines(text, { dictionary: null }).lines;
  const structure = buildBlocks(lines, null);
  const { facts } = readFacts(structure, lines.map((l) => l.text).join("\n"), []);
  const reading = readAssignments(structure);
  return readReportingItems(structure, facts, reading).map((i) => {
    const assignment = reading.assignments.find((a) => a.key === i.assignmentKey)?.number ?? "-";
    return `${i.date} ${i.form ?? "-"} ${i.submissionDate ?? "-"} ${i.periodCode ?? "-"} ${assignment} ${i.title}`;
  });
};

const plan = (...timetable: string[]) =>
  [
    "Uppdragsplan 2026 – Kulturnämndens uppdrag till kulturkontoret",
    "5 NÄMNDENS SÄRSKILDA UPPDRAG 2026",
    "U1  Ny bokbuss\n\nKontoret ska utreda en bokbuss. Återrapportering: skriftlig i oktober.",
    "U2  Fler besökare på biblioteken\n\nKontoret ska öka antalet besökare. Återrapportering: muntlig i maj.",
    "6 Uppföljning",
    "6.1 Principer",
    "Skriftliga rapporter ska vara nämndens sekreterare tillhanda senast två veckor före sammanträdet.",
    "6.2 Tidplan 2026",
    ...timetable,
  ].join("\n\n");

const bookBus = "2026-10 written - - U1 Ny bokbuss";

describe("an entry of a month timetable", () => {
  it.each([
    [
      "Maj: Nämndens sammanträde den 27 maj. Tertialrapport 1 (skriftlig).",
      { month: "2026-05", meeting: "2026-05-27", reports: ["Tertialrapport 1 (skriftlig)."] },
    ],
    [
      "Maj 2026 – Nämndens sammanträde 27 maj: Tertialrapport 1 (skriftlig)",
      { month: "2026-05", meeting: "2026-05-27", reports: ["Tertialrapport 1 (skriftlig)"] },
    ],
    [
      "I maj: Tertialrapport 1 vid nämndens sammanträde den 27 maj.",
      { month: "2026-05", meeting: "2026-05-27", reports: ["Tertialrapport 1"] },
    ],
    [
      "Februari (sammanträde 24/2): Verksamhetsberättelse (skriftlig); muntlig lägesrapport om U2",
      {
        month: "2026-02",
        meeting: "2026-02-24",
        reports: ["Verksamhetsberättelse (skriftlig)", "Muntlig lägesrapport om U2"],
      },
    ],
    ["Juli: Inget sammanträde.", { month: "2026-07", meeting: null, noMeeting: true, reports: [] }],
    [
      "Januari: Nämndens sammanträde den 28 januari. Inga rapporter från kontoret.",
      { month: "2026-01", meeting: "2026-01-28", reports: [] },
    ],
    [
      "Oktober: Tertialrapport 2 (skriftlig).",
      { month: "2026-10", meeting: null, reports: ["Tertialrapport 2 (skriftlig)."] },
    ],
  ])("'%s' is read as %o", (text, expected) => {
    const entry = readMonthEntry(text, 2026)!;
    expect({
      month: entry.month,
      meeting: entry.meeting,
      ...(entry.noMeeting ? { noMeeting: true } : {}),
      reports: entry.reports.map((r) => r.text),
    }).toEqual(expected);
  });

  it.each(["Maj–juni: sommarprogram", "Nämndens sammanträde den 27 maj.", "Majblomman säljs i april."])(
    "'%s' is no month entry",
    (text) => expect(readMonthEntry(text, 2026)).toBeNull(),
  );

  it.each([
    ["Tertialrapport 1 (skriftlig) med uppföljning av mål per den 30 april.", "Tertialrapport 1"],
    ["Tertialrapport 1 med uppföljning av mål per den 30 april", "Tertialrapport 1 med uppföljning av mål"],
    ["Plan för hemtagning, uppdrag U2 (skriftlig).", "Plan för hemtagning, uppdrag U2"],
    ["Årsrapport 2025 (skriftlig), underlag senast 11 februari", "Årsrapport 2025"],
    [
      "Muntlig redovisning av uppdrag U3, förebyggande arbete.",
      "Muntlig redovisning av uppdrag U3, förebyggande arbete",
    ],
  ])("the report '%s' is named '%s'", (report, title) => expect(monthReportTitle(report)).toBe(title));
});

describe("a follow-up timetable of months", () => {
  it("gives one item per report at the month's meeting, none for a month without a meeting", () => {
    expect(
      itemsOf(
        plan(
          "Januari:\n  Nämndens sammanträde den 28 januari. Verksamhetsberättelse 2025 (skriftlig).",
          "Maj:\n  Nämndens sammanträde den 27 maj. Tertialrapport 1 (skriftlig) med\n  uppföljning av mål, indikatorer och ekonomi per den 30 april.\n  Muntlig lägesrapport om uppdrag U2.",
          "Juli:\n  Inget sammanträde.",
        ),
      ),
    ).toEqual([
      bookBus,
      "2026-01-28 written 2026-01-14 H - Verksamhetsberättelse 2025",
      "2026-05-27 written 2026-05-13 T1 - Tertialrapport 1",
      "2026-05-27 oral - - U2 Muntlig lägesrapport om uppdrag U2",
    ]);
  });

  it.each([
    [
      "month and year with a dash",
      ["Maj 2026 – Nämndens sammanträde 27 maj: Tertialrapport 1 (skriftlig).", "Juli 2026 – Inget sammanträde."],
    ],
    [
      "'I maj:'",
      ["I maj: Nämndens sammanträde den 27 maj. Tertialrapport 1 (skriftlig).", "I juli: Inget sammanträde."],
    ],
    ["the meeting in brackets", ["Maj (sammanträde 27/5): Tertialrapport 1 (skriftlig).", "Juli: Inget sammanträde."]],
    [
      "a table of months",
      [
        "| Månad | Sammanträde | Ärende |\n|---|---|---|\n| Maj | 27 maj | Tertialrapport 1 (skriftlig) |\n| Juli | Inget sammanträde | |",
      ],
    ],
  ])("reads entries written with %s", (_, timetable) => {
    expect(itemsOf(plan(...timetable))).toEqual([
      bookBus,
      "2026-05 oral - - U2 Fler besökare på biblioteken",
      "2026-05-27 written 2026-05-13 T1 - Tertialrapport 1",
    ]);
  });

  it("reads month lines that run together without blank lines, an entry wrapped onto the next line", () => {
    const items = itemsOf(
      plan(
        "Nämnden sammanträder följande datum: 25 februari, 27 maj och 23 september.\n" +
          "Februari – Verksamhetsberättelse 2025 (skriftlig)\n" +
          "Maj – Tertialrapport 1 med\nhelårsprognos (skriftlig)\n" +
          "Maj – Personalläget (muntlig)\n" +
          "September – Delårsrapport per augusti (skriftlig)",
      ),
    );
    expect(items).toEqual(
      expect.arrayContaining([
        "2026-02-25 written 2026-02-11 H - Verksamhetsberättelse 2025",
        "2026-05-27 written 2026-05-13 T1 - Tertialrapport 1 med helårsprognos",
        "2026-05-27 oral - - - Personalläget",
        "2026-09-23 written 2026-09-09 D - Delårsrapport per augusti",
      ]),
    );
    // One item per entry: the lines are not read as one paragraph.
    expect(
      items.filter((i) => /Verksamhetsberättelse|Tertialrapport|Personalläget|Delårsrapport/.test(i)),
    ).toHaveLength(4);
  });

  it("reads the reports of a table row apart and links the one that names an assignment", () => {
    expect(
      itemsOf(
        plan(
          "| Månad | Sammanträde | Ärende |\n|---|---|---|\n| Maj | 26 maj | Tertialrapport 1 (skriftlig); Muntlig lägesrapport om U2 |",
        ),
      ),
    ).toEqual([
      bookBus,
      "2026-05-26 written 2026-05-12 T1 - Tertialrapport 1",
      "2026-05-26 oral - - U2 Muntlig lägesrapport om U2",
    ]);
  });

  it("keeps an assignment's month when the timetable gives its day, as one item", () => {
    expect(
      itemsOf(
        plan(
          "Maj: Nämndens sammanträde den 27 maj. Muntlig lägesrapport om U2.",
          "Oktober: Nämndens sammanträde den 21 oktober. Slutrapport bokbuss, uppdrag U1 (skriftlig).",
        ),
      ),
    ).toEqual([
      "2026-05-27 oral - - U2 Muntlig lägesrapport om U2",
      "2026-10-21 written 2026-10-07 - U1 Slutrapport bokbuss, uppdrag U1",
    ]);
  });
});
