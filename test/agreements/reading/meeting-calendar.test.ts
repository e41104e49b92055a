// The committee's meeting days as a document lists them, and reports placed only by month given
// at that month's one meeting. Texts made up for this test.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { meetingCalendarOf, onlyMeetingOf } from "../../../src/agreements/reading/items/meeting-calendar.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

const calendarOf = (text: string) =>
  meetingCalendarOf(buildBlocks(normaliseLines(text, { dictionary: null }).lines, null), 2026);

describe("the meeting days a document lists", () => {
  it.each([
    {
      name: "a list under a calendar heading",
      text: "Sammanträdesplan 2026\n\nNämnden sammanträder på tisdagar:\n\n  27 januari\n  24 mars\n  14 april\n  26 maj\n",
      days: ["2026-01-27", "2026-03-24", "2026-04-14", "2026-05-26"],
    },
    {
      name: "a sentence that lists them",
      text: "5 Rapportering\n\nNämndens sammanträden 2026 hålls på onsdagar: 18 februari, 22 april, 10 juni och 16 september.\n",
      days: ["2026-02-18", "2026-04-22", "2026-06-10", "2026-09-16"],
    },
    {
      name: "two dates in a sentence are what it reports, not a calendar",
      text: "5 Rapportering\n\nRapporten lämnas vid sammanträdena 22 april och 16 september.\n",
      days: [],
    },
  ])("$name", ({ text, days }) => {
    expect(calendarOf(text).days).toEqual(days);
  });

  it("keeps the last day for papers the list gives each meeting apart from the meetings", () => {
    const calendar = calendarOf(
      [
        "Överenskommelse 2026",
        "",
        "7 Sammanträdesplan 2026",
        "",
        "• 12 februari – sista dag för handlingar 29 januari",
        "• 19 mars – sista dag för handlingar 5 mars",
        "• 23 april – sista dag för handlingar 9 april",
        "",
      ].join("\n"),
    );
    expect(calendar.days).toEqual(["2026-02-12", "2026-03-19", "2026-04-23"]);
    expect([...calendar.dueDays]).toEqual([
      ["2026-02-12", "2026-01-29"],
      ["2026-03-19", "2026-03-05"],
      ["2026-04-23", "2026-04-09"],
    ]);
  });

  it("gives a month's meeting only when the month has one", () => {
    const calendar = {
      days: ["2026-05-05", "2026-05-26", "2026-06-16"],
      blocks: new Set<number>(),
      dueDays: new Map<string, string>(),
    };
    expect(onlyMeetingOf(calendar, "2026-06")).toBe("2026-06-16");
    expect(onlyMeetingOf(calendar, "2026-05")).toBeNull();
    expect(onlyMeetingOf(calendar, "2026-07")).toBeNull();
  });
});

describe("a report placed by month, at that month's meeting", () => {
  const text = [
    "Uppdragsplan 2026",
    "Fritidsnämndens uppdrag till fritidsförvaltningen",
    "",
    "Uppdrag A – Fler unga i föreningslivet",
    "",
    "Förvaltningen lämnar en muntlig lägesrapport till nämnden i april och slutredovisar uppdraget skriftligt i oktober.",
    "",
    "Uppdrag B – Trygga spontanytor",
    "",
    "Uppdraget redovisas skriftligt vid årets sista sammanträde.",
    "",
    "Handlingar ska vara nämndsekreteraren tillhanda senast två veckor före sammanträdet.",
    "",
    "Sammanträdesplan 2026",
    "",
    "Nämnden sammanträder på tisdagar:",
    "",
    "  10 februari",
    "  21 april",
    "  13 oktober",
    "  8 december",
  ].join("\n");

  it("dates the reports by the meetings and lists no meeting as a report of its own", () => {
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    expect(
      parsed.reportingItems.map((i) => `${i.date} ${i.precision} ${i.form} ${i.submissionDate ?? "-"}`).sort(),
    ).toEqual(["2026-04-21 day oral -", "2026-10-13 day written 2026-09-29", "2026-12-08 day written 2026-11-24"]);
  });
});
