// The pure rules behind status updates: form reading, periods, reminder steps, permissions.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.ts";
import { normaliseGrant, Permissions, type RoleGrantRecord } from "../../src/people/roles.ts";
import { parseFigure, readStatusForm } from "../../src/status/read-status-form.ts";
import { planReminders, reminderStep } from "../../src/status/reminders.ts";
import {
  dueDateOf,
  findPoint,
  isLiveAgreement,
  isOpen,
  isOverdue,
  lastPassedPoint,
  nextPoint,
} from "../../src/status/reporting-periods.ts";
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

const assignment: ReportableAssignment = {
  id: "a1",
  number: "2",
  title: "Grunduppdrag Vägledning",
  kind: "grunduppdrag",
  section: "2",
  agreement: {
    id: "amn-daf-2027",
    title: "Överenskommelse 2027",
    year: 2027,
    committeeCode: "AMN",
    divisionCode: "DAF",
  },
  indicators: [
    { ordinal: 0, name: "Deltagare", splitBySex: true, unit: "count" },
    { ordinal: 1, name: "Nöjdhet (%)", splitBySex: false, unit: "share" },
    { ordinal: 2, name: "Ekonomiskt bistånd, andel (%)", splitBySex: true, unit: "share" },
    { ordinal: 3, name: "Placerade barn, antal/1000 inv", splitBySex: true, unit: "rate" },
    { ordinal: 4, name: "Kvalitet", splitBySex: true, unit: null },
  ],
  points: [
    point("t1", {
      date: "2027-05-19",
      meetingDate: "2027-05-19",
      submissionDate: "2027-04-28",
      dueDate: "2027-04-28",
      periodCode: "T1",
    }),
    point("d", { occasion: "delar", periodCode: "D", dueDate: "2027-09-30" }),
    point("h", { date: "2027-02-17", meetingDate: "2027-02-17", dueDate: "2027-02-17", periodCode: "H" }),
  ],
};

describe("reading the status form", () => {
  const valid = { status: "on_track", text: "  Allt går enligt plan.  ", period: "t1" };

  it("accepts a status with derived totals and Swedish number formats", () => {
    const reading = readStatusForm({ ...valid, women_0: "1 200", men_0: "12,5", total_1: "87" }, assignment);
    expect(reading).toEqual({
      ok: true,
      reportingItemKey: "t1",
      content: {
        status: "on_track",
        text: "Allt går enligt plan.",
        indicatorValues: [
          { indicator: "Deltagare", ordinal: 0, women: 1200, men: 12.5, total: 1212.5 },
          { indicator: "Nöjdhet (%)", ordinal: 1, women: null, men: null, total: 87 },
        ],
      },
    });
  });

  it.each([
    [{ status: "maybe" }, "status", "status.error.statusRequired"],
    [{ text: "" }, "text", "status.error.textRequired"],
    [{ text: "å".repeat(2001) }, "text", "status.error.textTooLong"],
    [{ period: "not-a-period" }, "period", "status.error.periodRequired"],
    [{ women_0: "-3", men_0: "2" }, "women_0", "status.error.figure"],
    [{ women_0: "1e9", men_0: "2" }, "women_0", "status.error.figure"],
    [{ women_0: "4" }, "men_0", "status.error.bothSexes"],
    [{ women_0: "4", men_0: "5", total_0: "8" }, "total_0", "status.error.totalTooSmall"],
    [{ text: 42 }, "status", undefined],
  ])("explains %j next to the field", (change, field, key) => {
    const reading = readStatusForm({ ...valid, ...change }, assignment);
    if (key === undefined) {
      expect(reading.ok).toBe(true); // a number where text was expected is read as text
      return;
    }
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.errors[field]?.key).toBe(key);
  });

  it("adds women and men up only for counts and amounts: a share or rate has its own total", () => {
    const reading = readStatusForm(
      { ...valid, women_2: "3,5", men_2: "4,1 %", women_3: "9", men_3: "11", women_4: "2", men_4: "3" },
      assignment,
    );
    expect(reading.ok && reading.content.indicatorValues).toEqual([
      { indicator: "Ekonomiskt bistånd, andel (%)", ordinal: 2, women: 3.5, men: 4.1, total: null },
      { indicator: "Placerade barn, antal/1000 inv", ordinal: 3, women: 9, men: 11, total: null },
      { indicator: "Kvalitet", ordinal: 4, women: 2, men: 3, total: null },
    ]);
    // A total share below both is possible (a mix); it is not checked against women + men.
    const mixed = readStatusForm({ ...valid, women_2: "3,5", men_2: "4,1", total_2: "3,8" }, assignment);
    expect(mixed.ok && mixed.content.indicatorValues[0]).toMatchObject({ women: 3.5, men: 4.1, total: 3.8 });
    const tooMuch = readStatusForm({ ...valid, women_2: "135", men_2: "4" }, assignment);
    expect(!tooMuch.ok && tooMuch.errors.women_2?.key).toBe("status.error.shareRange");
  });

  it("parses figures strictly", () => {
    expect(parseFigure("")).toBeNull();
    expect(parseFigure(" 40 ")).toBe(40);
    expect(parseFigure(7)).toBe(7);
    expect(parseFigure("4O")).toBeNaN();
    expect(parseFigure({})).toBeNull();
  });
});

describe("reporting periods", () => {
  it("derives due dates: submission date, else the item's date, else the follow-up occasion's default", () => {
    expect(dueDateOf({ submissionDate: "2027-04-28", date: "2027-05-19", occasion: null }, 2027)).toBe("2027-04-28");
    expect(dueDateOf({ submissionDate: null, date: "2027-05-19", occasion: null }, 2027)).toBe("2027-05-19");
    expect(dueDateOf({ submissionDate: null, date: null, occasion: "var" }, 2027)).toBe("2027-05-31");
    expect(dueDateOf({ submissionDate: null, date: null, occasion: "helar" }, 2027)).toBe("2028-01-31");
    expect(dueDateOf({ submissionDate: null, date: null, occasion: null }, 2027)).toBeNull();
  });

  it("keeps a point open through its due day, and marks it overdue after without a status", () => {
    const t1 = assignment.points[0]!;
    expect(isOpen(t1, "2027-04-28")).toBe(true);
    expect(isOpen(t1, "2027-04-29")).toBe(false);
    expect(isOverdue(t1, "2027-04-29", () => false)).toBe(true);
    expect(isOverdue(t1, "2027-04-29", (key) => key === "t1")).toBe(false);
    expect(nextPoint(assignment.points, "2027-03-01")?.key).toBe("t1");
    // "Next" is never in the past: with every item passed there is none, and the latest is the last passed one.
    expect(nextPoint(assignment.points, "2027-12-01")).toBeUndefined();
    expect(lastPassedPoint(assignment.points, "2027-12-01")?.key).toBe("d");
    expect(lastPassedPoint(assignment.points, "2027-03-01")?.key).toBe("h");
    expect(isLiveAgreement(2026, "2027-01-31")).toBe(true);
    expect(isLiveAgreement(2026, "2027-02-01")).toBe(false);
  });

  it("finds a point by date, code, occasion word or key", () => {
    expect(findPoint(assignment.points, "2027-05-19")?.key).toBe("t1");
    expect(findPoint(assignment.points, "2027-04-28")?.key).toBe("t1");
    expect(findPoint(assignment.points, "t1")?.key).toBe("t1");
    expect(findPoint(assignment.points, "h")?.key).toBe("h");
    expect(findPoint(assignment.points, "delår")?.key).toBe("d");
    expect(findPoint(assignment.points, "2027-01-01")).toBeUndefined();
  });
});

describe("reminder steps", () => {
  it("sends each configured step once, catching up a missed day but never an earlier step after a later one", () => {
    const days = [7, 2];
    expect(reminderStep("2027-04-28", "2027-04-20", days)).toBeNull(); // 8 days left
    expect(reminderStep("2027-04-28", "2027-04-21", days)).toEqual({ daysLeft: 7, step: 7 });
    expect(reminderStep("2027-04-28", "2027-04-24", days)).toEqual({ daysLeft: 4, step: 7 }); // server was down on the 21st
    expect(reminderStep("2027-04-28", "2027-04-26", days)).toEqual({ daysLeft: 2, step: 2 });
    expect(reminderStep("2027-04-28", "2027-04-28", days)).toEqual({ daysLeft: 0, step: 2 });
    expect(reminderStep("2027-04-28", "2027-04-29", days)).toBeNull();
  });

  it("plans one message per chief, agreement and due date, without reported items or old agreements", () => {
    const chiefs = [
      { tenantId: "t", aadObjectId: "c1", name: "Chef" },
      { tenantId: "t", aadObjectId: "c2", name: "Ombud" },
    ];
    const second: ReportableAssignment = { ...assignment, id: "a2", title: "Särskilt uppdrag Språkpraktik" };
    const old: ReportableAssignment = {
      ...assignment,
      id: "a3",
      agreement: { ...assignment.agreement, id: "old", year: 2025 },
    };
    const planned = planReminders({
      today: "2027-04-21",
      days: [7, 2],
      assignments: [assignment, second, old],
      reported: (assignmentId, key) => assignmentId === "a2" && key === "t1",
      chiefsOf: (division) => (division === "DAF" ? chiefs : []),
    });
    expect(
      planned.map((r) => [
        r.recipient.aadObjectId,
        r.agreement.id,
        r.dueDate,
        r.daysBefore,
        r.items.map((i) => i.assignment.id),
      ]),
    ).toEqual([
      ["c1", "amn-daf-2027", "2027-04-28", 7, ["a1"]],
      ["c2", "amn-daf-2027", "2027-04-28", 7, ["a1"]],
    ]);
    expect(new Set(planned.map((r) => r.deliveryKey)).size).toBe(2);
  });
});

describe("roles", () => {
  const grant = (role: RoleGrantRecord["role"], scope: string): RoleGrantRecord => ({
    tenantId: "t",
    aadObjectId: "p",
    displayName: null,
    role,
    scope,
    grantedBy: "x",
    grantedAt: new Date(0),
  });
  const actor = { tenantId: "t", aadObjectId: "p", name: "P" };

  it("lets chiefs and delegates report for their division only; admins for all", () => {
    const delegate = new Permissions(actor, [grant("delegate", "DAF"), grant("expert", "AMN")], false);
    expect(delegate.canReportFor("daf")).toBe(true);
    expect(delegate.canReportFor("DSO")).toBe(false);
    expect(delegate.canReportFor(null)).toBe(false);
    expect(delegate.committees).toEqual(["AMN"]);
    expect(new Permissions(actor, [grant("expert", "AMN")], false).mayReportAnything).toBe(false);
    expect(new Permissions(actor, [], true).canReportFor("DSO")).toBe(true);
  });

  it("normalises grants and refuses unknown roles and missing scopes", () => {
    expect(normaliseGrant(" Chief ", " dso ")).toEqual({ role: "chief", scope: "DSO" });
    expect(normaliseGrant("admin", "ignored")).toEqual({ role: "admin", scope: "" });
    expect(() => normaliseGrant("king", "X")).toThrow(/unknown role/);
    expect(() => normaliseGrant("expert", "")).toThrow(/committee code/);
    expect(() => normaliseGrant("chief", "D SO")).toThrow(/division code/);
  });

  it("reads the first administrators and reminder settings from the environment", () => {
    const config = loadConfig({
      ADMIN_AAD_OBJECT_IDS: "AAAAAAAA-0000-0000-0000-000000000001, bbbbbbbb-0000-0000-0000-000000000002",
      REMINDER_DAYS: "2,7,7",
      REMINDER_SCHEDULE: "30 7 * * 1-5",
    });
    expect(config.adminAadObjectIds).toEqual([
      "aaaaaaaa-0000-0000-0000-000000000001",
      "bbbbbbbb-0000-0000-0000-000000000002",
    ]);
    expect(config.reminders).toEqual({ daysBefore: [7, 2], schedule: "30 7 * * 1-5" });
    expect(loadConfig({ REMINDER_SCHEDULE: "off" }).reminders.schedule).toBeNull();
    expect(() => loadConfig({ REMINDER_SCHEDULE: "every monday" })).toThrow(/REMINDER_SCHEDULE/);
    expect(() => loadConfig({ REMINDER_DAYS: "7,x" })).toThrow(/REMINDER_DAYS/);
    expect(() => loadConfig({ ADMIN_AAD_OBJECT_IDS: "anna@kommun.se" })).toThrow(/ADMIN_AAD_OBJECT_IDS/);
  });
});
