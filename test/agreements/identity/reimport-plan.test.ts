// Reporting items keep their identity across re-imports, so status history never detaches.
import { describe, expect, it } from "vitest";
import type { ReportingItemModel } from "../../../src/agreements/agreement-model.ts";
import {
  matchReportingItems,
  titleSimilarity,
  type StoredReportingItem,
} from "../../../src/agreements/identity/reimport-plan.ts";

function item(key: string, fields: Partial<ReportingItemModel>): ReportingItemModel {
  return {
    key,
    ordinal: 0,
    assignmentKey: "a1",
    title: "Rapport",
    description: "",
    evidence: "",
    date: null,
    precision: "day",
    meetingDate: null,
    submissionDate: null,
    submissionRule: null,
    form: null,
    recipient: null,
    period: null,
    periodCode: null,
    occasion: null,
    recurrence: null,
    channel: null,
    section: "3.2",
    ...fields,
  };
}

function stored(key: string, fields: Partial<StoredReportingItem>): StoredReportingItem {
  return {
    key,
    assignmentKey: "a1",
    title: "Rapport",
    date: null,
    meetingDate: null,
    submissionDate: null,
    periodCode: null,
    occasion: null,
    recurrence: null,
    section: "3.2",
    ...fields,
  };
}

describe("matching reporting items of a new version to the stored ones", () => {
  const cases: Array<{
    scenario: string;
    next: ReportingItemModel[];
    existing: StoredReportingItem[];
    expected: Record<string, string>;
  }> = [
    {
      scenario: "a title read differently keeps the key when assignment and date agree",
      next: [item("new|2025-05-28", { date: "2025-05-28", title: "Uppföljning av särskilt uppdrag: Aktivitetskrav" })],
      existing: [stored("old|2025-05-28", { date: "2025-05-28", title: "Uppféljning av sarskilt uppdrag" })],
      expected: { "new|2025-05-28": "old|2025-05-28" },
    },
    {
      scenario: "a form corrected from oral to written keeps the key",
      next: [item("a1|2025-11-05|written", { date: "2025-11-05", form: "written" })],
      existing: [stored("a1|2025-11-05|oral", { date: "2025-11-05" })],
      expected: { "a1|2025-11-05|written": "a1|2025-11-05|oral" },
    },
    {
      scenario: "a due date found where only the meeting was read before matches by the meeting",
      next: [item("n", { date: "2026-05-14", meetingDate: "2026-06-04" })],
      existing: [stored("o", { date: "2026-06-04", meetingDate: "2026-06-04" })],
      expected: { n: "o" },
    },
    {
      scenario: "two items of one assignment on one day pair by the closest title",
      next: [
        item("n-oral", { date: "2025-03-26", title: "Muntlig lägesrapport om heltidsmodellen" }),
        item("n-written", { date: "2025-03-26", title: "Skriftlig slutrapport om rehabilitering" }),
      ],
      existing: [
        stored("o-written", { date: "2025-03-26", title: "Skriftlig slutrapport om rehabilitering" }),
        stored("o-oral", { date: "2025-03-26", title: "Muntlig lägesrapport om heltidsmodellen" }),
      ],
      expected: { "n-oral": "o-oral", "n-written": "o-written" },
    },
    {
      scenario: "undated follow-up pairs by its occasion",
      next: [
        item("n-d", { occasion: "delar", periodCode: "D", precision: "period" }),
        item("n-h", { occasion: "helar", periodCode: "H", precision: "period" }),
      ],
      existing: [
        stored("o-h", { periodCode: "H", occasion: "helar" }),
        stored("o-d", { periodCode: "D", occasion: "delar" }),
      ],
      expected: { "n-d": "o-d", "n-h": "o-h" },
    },
    {
      scenario: "a new item gets a fresh key that does not collide with a stored one",
      next: [item("o", { date: "2025-09-17", assignmentKey: "a2" })],
      existing: [stored("o", { date: "2025-02-05", assignmentKey: "a9", section: "9" })],
      expected: { o: "o" },
    },
  ];
  for (const c of cases) {
    it(c.scenario, () => {
      expect(Object.fromEntries(matchReportingItems(c.next, c.existing, new Map()))).toEqual(c.expected);
    });
  }

  it("maps new assignment keys to stored ones before comparing owners", () => {
    const next = [item("n", { assignmentKey: "new-a", date: "2025-05-28", section: "4" })];
    const existing = [stored("o", { assignmentKey: "old-a", date: "2025-05-28", section: "3" })];
    expect(matchReportingItems(next, existing, new Map([["new-a", "old-a"]])).get("n")).toBe("o");
  });

  it("rates OCR-damaged and clean spellings of one title as similar", () => {
    expect(titleSimilarity("Uppféljning av sarskilt uppdrag", "Uppföljning av särskilt uppdrag")).toBeGreaterThan(0.7);
    expect(titleSimilarity("Felaktiga utbetalningar", "Mottagande av flyktingar")).toBeLessThan(0.4);
  });
});
