// Builds the summary from the agreement's assignments and the stored status updates. Pure and
// deterministic: the same data and day give the same summary.
import type { FollowUpOccasion, ReportForm } from "../agreements/agreement-model.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import { pointLabel } from "../status/reporting-periods.ts";
import type { ReportableAssignment, ReportingPoint, StatusLevel, StatusRevisionRecord, StoredStatusUpdate } from "../status/status-model.ts";
import { periodRange, type FollowUpPeriod, type PeriodEnds } from "./follow-up-periods.ts";
import type { ItemState, RequiredFollowUp, Summary, SummaryEntry } from "./summary-model.ts";

export interface SummaryInput {
  agreement: Summary["agreement"];
  period: FollowUpPeriod;
  year: number;
  ends: PeriodEnds;
  asOf: IsoDate;
  /** In the agreement's order. */
  assignments: ReportableAssignment[];
  updates: StoredStatusUpdate[];
  revisions: Map<string, StatusRevisionRecord[]>;
  /** Agreement-level follow-up items (no assignment), for the general requirements. */
  generalItems: Array<{ title: string; occasion: FollowUpOccasion | null; form: ReportForm | null; channel: string | null }>;
}

/** The undated follow-ups each period covers: the year so far, so helår includes delår and vår. */
const coveredOccasions: Record<FollowUpPeriod, FollowUpOccasion[]> = { var: ["var"], delar: ["var", "delar"], helar: ["var", "delar", "helar"] };

/**
 * Whether a reporting point falls in the period: dated within it, or an undated follow-up the period
 * covers, which belongs to the agreement's own year only.
 */
function inPeriod(point: ReportingPoint, period: FollowUpPeriod, range: { from: IsoDate; to: IsoDate }, ownYear: boolean): boolean {
  const date = point.date ?? point.submissionDate;
  if (date) {
    if (date >= range.from && date <= range.to) return true;
    // Reported after the period ends but about it: the May meeting's tertial-1 report belongs to vår.
    const about = periodOfCode(point.periodCode);
    return about !== null && date.slice(0, 4) === range.from.slice(0, 4) && coveredOccasions[period].includes(about);
  }
  return ownYear && point.occasion !== null && coveredOccasions[period].includes(point.occasion);
}

/** The follow-up occasion a period code reports on: T1 → vår, T2/D → delår, T3/H → helår. */
function periodOfCode(code: string | null): FollowUpOccasion | null {
  switch ((code ?? "").toUpperCase()) {
    case "T1":
    case "V":
      return "var";
    case "T2":
    case "D":
      return "delar";
    case "T3":
    case "H":
      return "helar";
    default:
      return null;
  }
}

function requiredOf(items: Array<{ title: string; occasion: FollowUpOccasion | null; form: ReportForm | null; channel: string | null }>, period: FollowUpPeriod): RequiredFollowUp[] {
  const seen = new Set<string>();
  const required: RequiredFollowUp[] = [];
  for (const item of items) {
    if (item.occasion !== period || seen.has(item.title)) continue;
    seen.add(item.title);
    required.push({ title: item.title, form: item.form, channel: item.channel });
  }
  return required;
}

/** The statuses in the order given, repeats removed: its last element is the headline status. */
function trail(ordered: StatusRevisionRecord[]): StatusLevel[] {
  const statuses: StatusLevel[] = [];
  for (const r of ordered) if (statuses.at(-1) !== r.status) statuses.push(r.status);
  return statuses;
}

export function buildSummary(input: SummaryInput): Summary {
  const range = periodRange(input.period, input.year, input.ends);
  const ownYear = input.agreement.year === null || input.agreement.year === input.year;
  const updatesByAssignment = new Map<string, StoredStatusUpdate[]>();
  for (const update of input.updates) {
    updatesByAssignment.set(update.assignmentId, [...(updatesByAssignment.get(update.assignmentId) ?? []), update]);
  }
  const byStatus: Summary["overview"]["byStatus"] = { on_track: 0, at_risk: 0, delayed: 0, done: 0, none: 0 };
  const itemCounts: Record<ItemState, number> = { met: 0, missed: 0, upcoming: 0 };

  const entries = input.assignments.map((assignment): SummaryEntry => {
    const points = assignment.points.filter((p) => inPeriod(p, input.period, range, ownYear));
    const pointByKey = new Map(assignment.points.map((p) => [p.key, p]));
    const own = updatesByAssignment.get(assignment.id) ?? [];
    // An update whose item vanished in a re-import still counts by the due date it was given for.
    const inPeriodUpdates = own.filter((u) => {
      const point = pointByKey.get(u.reportingItemKey);
      return point ? inPeriod(point, input.period, range, ownYear) : u.dueDate !== null && u.dueDate >= range.from && u.dueDate <= range.to;
    });
    const reported = new Set(inPeriodUpdates.map((u) => u.reportingItemKey));
    const sortKey = (u: StoredStatusUpdate) => {
      const point = pointByKey.get(u.reportingItemKey);
      return point?.date ?? point?.dueDate ?? u.dueDate ?? "9999";
    };
    // One order for both the headline status and the trail: by reporting item, then by time.
    const newestFirst = [...inPeriodUpdates].sort((a, b) => sortKey(b).localeCompare(sortKey(a)) || b.updatedAt.getTime() - a.updatedAt.getTime() || a.id.localeCompare(b.id));
    const latest = newestFirst[0];
    const trailRevisions = [...newestFirst].reverse().flatMap((u) => [...(input.revisions.get(u.id) ?? [])].sort((a, b) => a.version - b.version));

    const items = points
      .filter((p) => p.date !== null || p.submissionDate !== null || p.occasion !== null)
      .map((p) => {
        const state: ItemState = reported.has(p.key) ? "met" : p.dueDate !== null && p.dueDate < input.asOf ? "missed" : "upcoming";
        itemCounts[state] += 1;
        return { label: pointLabel(p, assignment.agreement.year, "sv"), dueDate: p.dueDate, state };
      });

    const indicators = assignment.indicators.map((indicator) => {
      for (const update of newestFirst) {
        const value = update.indicatorValues.find((v) => v.indicator === indicator.name) ?? update.indicatorValues.find((v) => v.ordinal === indicator.ordinal && !assignment.indicators.some((i) => i.name === v.indicator && i !== indicator));
        if (value) return { name: indicator.name, unit: indicator.unit, women: value.women, men: value.men, total: value.total };
      }
      return { name: indicator.name, unit: indicator.unit, women: null, men: null, total: null };
    });

    byStatus[latest ? latest.status : "none"] += 1;
    return {
      assignmentId: assignment.id,
      number: assignment.number,
      title: assignment.title,
      kind: assignment.kind,
      section: assignment.section,
      latest: latest
        ? { status: latest.status, text: latest.text, periodLabel: latest.periodLabel, author: latest.author.name, updatedAt: latest.updatedAt, version: latest.version }
        : undefined,
      statusTrail: trail(trailRevisions),
      indicators,
      items,
      required: ownYear ? requiredOf(assignment.points.map((p) => ({ title: p.title, occasion: p.occasion, form: p.form, channel: p.channel })), input.period) : [],
    };
  });

  return {
    agreement: input.agreement,
    period: input.period,
    year: input.year,
    range,
    asOf: input.asOf,
    overview: { assignments: entries.length, byStatus, items: itemCounts },
    entries,
    generalRequirements: ownYear ? requiredOf(input.generalItems, input.period) : [],
  };
}
