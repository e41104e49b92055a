// Which reporting items a vår/delår/helår summary covers and when an item counts as missed: a report
// belongs to the period it reports on, and an item due after the period's end is not missed in it.
import { describe, expect, it } from "vitest";
import { buildSummary, inPeriod, itemState, reportedSpan } from "../../src/summaries/build-summary.ts";
import { defaultPeriodEnds, periodRange, type FollowUpPeriod } from "../../src/summaries/follow-up-periods.ts";
import type { ReportableAssignment, ReportingPoint } from "../../src/status/status-model.ts";

const point = (key: string, fields: Partial<ReportingPoint>): ReportingPoint => ({
  key,
  title: key,
  date: null,
  meetingDate: null,
  submissionDate: null,
  dueDate: null,
  form: null,
  occasion: null,
  periodCode: null,
  period: null,
  channel: null,
  ...fields,
});

// As the 2025 KAN ↔ DSO agreement words them for 3.1 Arbetsmarknadsverksamhet.
const fullYear2024 = point("h2024", {
  date: "2025-02-05",
  meetingDate: "2025-02-05",
  dueDate: "2025-02-05",
  period: "helår 2024",
  periodCode: "H",
});
const tertial1 = point("t1", {
  date: "2025-05-28",
  meetingDate: "2025-05-28",
  submissionDate: "2025-05-07",
  dueDate: "2025-05-07",
  period: "tertial 1 2025",
  periodCode: "T1",
});
const tertial2 = point("t2", {
  date: "2025-11-05",
  meetingDate: "2025-11-05",
  submissionDate: "2025-10-15",
  dueDate: "2025-10-15",
  period: "tertial 2 2025",
  periodCode: "T2",
});
const interim = point("d", { occasion: "delar", period: "delår 2025", periodCode: "D", dueDate: "2025-09-30" });
const september = point("sep", { date: "2025-09-17", meetingDate: "2025-09-17", dueDate: "2025-09-17" });
const february = point("feb", { date: "2025-02-05", meetingDate: "2025-02-05", dueDate: "2025-02-05" });

const covers = (p: ReportingPoint, period: FollowUpPeriod, year = 2025) =>
  inPeriod(p, periodRange(period, year), 2025, defaultPeriodEnds);

describe("the period a reporting item belongs to", () => {
  it.each([
    ["the February report on helår 2024", fullYear2024, { var: false, delar: false, helar: false }],
    ["the May meeting's tertial-1 report", tertial1, { var: true, delar: true, helar: true }],
    ["the November meeting's tertial-2 report", tertial2, { var: false, delar: true, helar: true }],
    ["the undated delår follow-up", interim, { var: false, delar: true, helar: true }],
    ["a September meeting that names no period", september, { var: false, delar: false, helar: true }],
    ["a February meeting that names no period", february, { var: true, delar: true, helar: true }],
  ])("%s", (_name, p, expected) => {
    expect({ var: covers(p, "var"), delar: covers(p, "delar"), helar: covers(p, "helar") }).toEqual(expected);
  });

  it("puts a report on helår 2024 in helår 2024, and reads the stated year before the agreement's", () => {
    expect(covers(fullYear2024, "helar", 2024)).toBe(true);
    expect(reportedSpan(fullYear2024, 2025, defaultPeriodEnds)).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(reportedSpan(point("x", { periodCode: "T2" }), 2026, defaultPeriodEnds)).toEqual({
      from: "2026-05-01",
      to: "2026-08-31",
    });
    expect(reportedSpan(point("x", { periodCode: "D" }), 2026, { ...defaultPeriodEnds, delar: "06-30" })).toEqual({
      from: "2026-01-01",
      to: "2026-06-30",
    });
  });

  it("counts an item as missed only when it was due within the period", () => {
    const delar = periodRange("delar", 2025);
    expect(itemState("2025-05-07", false, delar, "2026-12-01")).toBe("missed");
    expect(itemState("2025-10-15", false, delar, "2026-12-01")).toBe("afterPeriod");
    expect(itemState("2025-10-15", false, periodRange("helar", 2025), "2026-12-01")).toBe("missed");
    expect(itemState("2025-10-15", false, delar, "2025-09-30")).toBe("upcoming");
    expect(itemState("2025-10-15", true, delar, "2026-12-01")).toBe("met");
  });
});

describe("a delår summary on 2026-12-01", () => {
  const assignment: ReportableAssignment = {
    id: "a31",
    number: "3.1",
    title: "Grunduppdrag Arbetsmarknadsverksamhet",
    kind: "grunduppdrag",
    section: "3.1",
    agreement: {
      id: "kan-dso-2025",
      title: "Överenskommelse 2025",
      year: 2025,
      committeeCode: "KAN",
      divisionCode: "DSO",
    },
    indicators: [],
    points: [fullYear2024, tertial1, tertial2, interim],
  };
  const summary = buildSummary({
    agreement: {
      id: "kan-dso-2025",
      title: "Överenskommelse 2025",
      year: 2025,
      committee: null,
      committeeCode: "KAN",
      division: null,
      divisionCode: "DSO",
    },
    period: "delar",
    year: 2025,
    ends: defaultPeriodEnds,
    asOf: "2026-12-01",
    assignments: [assignment],
    updates: [],
    revisions: new Map(),
    generalItems: [],
  });

  it("leaves out the report on helår 2024 and does not call the later tertial-2 report missed", () => {
    expect(summary.entries[0]!.items.map((i) => [i.dueDate, i.state])).toEqual([
      ["2025-05-07", "missed"],
      ["2025-10-15", "afterPeriod"],
      ["2025-09-30", "afterPeriod"],
    ]);
    expect(summary.overview.items).toEqual({ met: 0, missed: 1, upcoming: 0, afterPeriod: 2 });
  });
});
