// How a derived due date's rule reads: numbers up to twelve in words in Swedish running text, and
// the rule in English for an English reader.
import { isReportingVerb } from "../../src/questions/answer-deadlines.ts";
import { describe, expect, it } from "vitest";
import type { DeadlineRecord } from "../../src/agreements/agreement-store.ts";
import {
  describeDeadline,
  ruleInWords,
  statedMeetingOccasion,
  submissionRuleNote,
} from "../../src/questions/answer-text.ts";

describe("a submission rule in words", () => {
  it.each([
    ["3 veckor före sammanträdet", "sv", "tre veckor före sammanträdet"],
    ["1 vecka före sammanträdet", "sv", "en vecka före sammanträdet"],
    ["10 arbetsdagar före sammanträdet", "sv", "tio arbetsdagar före sammanträdet"],
    ["14 dagar före sammanträdet", "sv", "14 dagar före sammanträdet"],
    ["3 veckor före sammanträdet", "en", "three weeks before the meeting"],
    ["1 arbetsdag före sammanträdet", "en", "one working day before the meeting"],
    ["21 dagar före sammanträdet", "en", "21 days before the meeting"],
    // A rule the reader wrote otherwise is shown as it is.
    ["senast den 15:e i månaden", "en", "senast den 15:e i månaden"],
  ] as const)("%s (%s) → %s", (rule, language, expected) => {
    expect(ruleInWords(rule, language)).toBe(expected);
  });

  it("says nothing when the date was stated in the text", () => {
    expect(submissionRuleNote({ submissionRule: "stated" })).toBe("");
    expect(submissionRuleNote({ submissionRule: null })).toBe("");
    expect(submissionRuleNote({ submissionRule: "2 veckor före sammanträdet" }, "sv")).toBe(
      " (två veckor före sammanträdet)",
    );
  });
});

describe("a meeting the agreement names instead of a day", () => {
  it.each([
    [
      "Avser perioden 1/1-31/12 2026. Återrapporteras första sammanträdet 2027.",
      "Återrapporteras första sammanträdet 2027",
    ],
    [
      "Handläggningstider för kvartal 4 redovisas skriftligt vid nämndens första sammanträde 2027,",
      "vid nämndens första sammanträde 2027",
    ],
    ["En åtgärdsplan lämnas till nästkommande sammanträde.", "lämnas till nästkommande sammanträde"],
    ["Rapporten lämnas vid årets sista sammanträde.", "lämnas vid årets sista sammanträde"],
    // A day or a month is already in the line; nothing to add.
    ["Rapporten lämnas skriftligt senast 2026-05-28.", null],
    [null, null],
  ])("%s", (description, expected) => {
    expect(statedMeetingOccasion(description)).toBe(expected);
  });
});

describe("a reporting item's line", () => {
  const item = {
    key: "k",
    date: "2026-08-27",
    precision: "day",
    meetingDate: "2026-09-17",
    submissionDate: "2026-08-27",
    submissionRule: "stated",
    title: "Familjecentraler",
    description: "",
    section: "5.5.8",
    form: "both",
    recipient: null,
    period: null,
    periodCode: null,
    occasion: null,
    recurrence: null,
    channel: null,
    origin: "read",
    confirmed: false,
    assignment: null,
    assignmentNumber: null,
    assignmentKind: null,
    assignmentId: null,
    agreement: {
      id: "sn",
      title: "Överenskommelse",
      year: 2026,
      source: "sn.txt",
      committee: "Socialnämnden",
      divisionCode: "DSO",
    },
  } as unknown as DeadlineRecord;

  it("writes out a meeting on another day than the one the item is listed under", () => {
    expect(describeDeadline(item, "sv", () => "SN–DSO 2026")).toContain("sammanträde 2026-09-17 (17 september 2026)");
    expect(describeDeadline(item, "en", () => "SN–DSO 2026")).toContain("meeting 2026-09-17 (17 September 2026)");
    // The day it is listed under is written out in the list's heading.
    expect(describeDeadline({ ...item, date: "2026-09-17" }, "sv", () => "SN–DSO 2026")).toContain(
      "sammanträde 2026-09-17;",
    );
  });

  it("gives the week of each day when the question asks for a week", () => {
    expect(describeDeadline(item, "sv", () => "SN–DSO 2026", true)).toContain(
      "sammanträde 2026-09-17 (17 september 2026, vecka 38)",
    );
    expect(describeDeadline({ ...item, date: "2026-09-17" }, "en", () => "SN–DSO 2026", true)).toContain(
      "meeting 2026-09-17 (week 38)",
    );
  });
});

describe("a verb of reporting names no report", () => {
  it.each([
    ["redovisas", true],
    ["rapporteras", true],
    ["reported", true],
    ["reporting", true],
    ["rapporten", false],
    ["uppföljningen", false],
    ["delårsrapport", false],
  ])("%s → %s", (word, verb) => {
    expect(isReportingVerb(word)).toBe(verb);
  });
});
