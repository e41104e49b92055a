// The two decisions the card and the CLI share: which reporting item a new status is for when nobody
// named one, and which items are overdue.
import { describe, expect, it } from "vitest";
import { chooseReportingItem, listOverdue } from "../../src/status/reporting-periods.ts";
import type { ReportingPoint } from "../../src/status/status-model.ts";

const point = (key: string, dueDate: string | null): ReportingPoint => ({
  key,
  title: key,
  date: dueDate,
  meetingDate: null,
  submissionDate: null,
  dueDate,
  form: null,
  occasion: null,
  periodCode: null,
  period: null,
  channel: null,
});
const points = [point("t1", "2027-04-28"), point("t2", "2027-09-30"), point("h", "2028-02-28"), point("monthly", null)];

describe("the reporting item a new status is for", () => {
  const cases: { scenario: string; today: string; reported: string[]; chosen: string | undefined }[] = [
    { scenario: "before any due date: the first item", today: "2027-03-01", reported: [], chosen: "t1" },
    { scenario: "on the due date the item is still open", today: "2027-04-28", reported: [], chosen: "t1" },
    {
      scenario: "the first item already has a status: the next one",
      today: "2027-03-01",
      reported: ["t1"],
      chosen: "t2",
    },
    {
      scenario: "after a due date: the next open item, not the overdue one",
      today: "2027-05-01",
      reported: [],
      chosen: "t2",
    },
    {
      scenario: "every dated item passed: the undated follow-up",
      today: "2028-03-01",
      reported: [],
      chosen: "monthly",
    },
    {
      scenario: "every item reported: the next open item all the same",
      today: "2027-05-01",
      reported: ["t1", "t2", "h", "monthly"],
      chosen: "t2",
    },
    {
      scenario: "the open items reported, the rest passed: the undated one",
      today: "2027-10-01",
      reported: ["h"],
      chosen: "monthly",
    },
  ];
  for (const { scenario, today, reported, chosen } of cases) {
    it(scenario, () => {
      expect(chooseReportingItem(points, today, (key) => reported.includes(key))?.key).toBe(chosen);
    });
  }
  it("is nothing when no item is open", () => {
    expect(chooseReportingItem([point("t1", "2027-04-28")], "2027-05-01", () => false)).toBeUndefined();
  });
});

describe("overdue reporting items", () => {
  const assignments = [
    { id: "a1", points },
    { id: "a2", points: [point("t1", "2027-04-28")] },
  ];
  const cases: { scenario: string; today: string; updates: [string, string][]; overdue: string[] }[] = [
    { scenario: "nothing is overdue on the due date itself", today: "2027-04-28", updates: [], overdue: [] },
    {
      scenario: "the day after, every assignment's item without a status",
      today: "2027-04-29",
      updates: [],
      overdue: ["a1/t1", "a2/t1"],
    },
    {
      scenario: "a status counts only for its own assignment",
      today: "2027-04-29",
      updates: [["a1", "t1"]],
      overdue: ["a2/t1"],
    },
    {
      scenario: "undated follow-up is never overdue",
      today: "2030-01-01",
      updates: [
        ["a1", "t1"],
        ["a1", "t2"],
        ["a1", "h"],
        ["a2", "t1"],
      ],
      overdue: [],
    },
  ];
  for (const { scenario, today, updates, overdue } of cases) {
    it(scenario, () => {
      const found = listOverdue(
        assignments,
        updates.map(([assignmentId, reportingItemKey]) => ({ assignmentId, reportingItemKey })),
        today,
      );
      expect(found.map(({ assignment, point }) => `${assignment.id}/${point.key}`)).toEqual(overdue);
    });
  }
});
