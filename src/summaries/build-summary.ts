// Builds the summary from the agreement's assignments and the stored status updates. Pure and
// deterministic: the same data and day give the same summary.
import type { FollowUpOccasion, ReportForm } from "../agreements/agreement-model.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import { pointLabel } from "../status/reporting-periods.ts";
import type {
  ReportableAssignment,
  ReportingPoint,
  StatusLevel,
  StatusRevisionRecord,
  StoredStatusUpdate,
} from "../status/status-model.ts";
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
  generalItems: Array<{
    title: string;
    occasion: FollowUpOccasion | null;
    form: ReportForm | null;
    channel: string | null;
  }>;
}

/**
 * The span a reporting point reports on, when it says so: "tertial 2 2025" → May–August 2025,
 * "helår 2024" → 2024, an undated delår follow-up → the agreement year's delår. The year is the one
 * the text states, else the agreement's.
 */
export function reportedSpan(
  point: Pick<ReportingPoint, "periodCode" | "period" | "occasion" | "date" | "submissionDate">,
  agreementYear: number | null,
  ends: PeriodEnds,
): { from: IsoDate; to: IsoDate } | null {
  const code = (point.periodCode ?? (point.occasion ? occasionCodes[point.occasion] : "")).toUpperCase();
  const stated = /\b(20\d{2})\b/.exec(point.period ?? "");
  const dated = point.date ?? point.submissionDate;
  const year = stated ? Number(stated[1]) : (agreementYear ?? (dated ? Number(dated.slice(0, 4)) : null));
  if (year === null) return null;
  const span = (from: string, to: string) => ({ from: `${year}-${from}`, to: `${year}-${to}` });
  switch (code) {
    case "T1":
      return span("01-01", "04-30");
    case "T2":
      return span("05-01", "08-31");
    case "T3":
      return span("09-01", "12-31");
    case "Q1":
      return span("01-01", "03-31");
    case "Q2":
      return span("04-01", "06-30");
    case "Q3":
      return span("07-01", "09-30");
    case "Q4":
      return span("10-01", "12-31");
    case "V":
      return span("01-01", ends.var);
    case "D":
      return span("01-01", ends.delar);
    case "H":
      return span("01-01", ends.helar);
    default:
      return null;
  }
}

const occasionCodes: Record<FollowUpOccasion, string> = { var: "V", delar: "D", helar: "H" };

/**
 * One rule for which reporting points a summary covers: a point that says what it reports on belongs
 * to the periods that span lies in (the May meeting's tertial-1 report is vår's, February's report on
 * helår 2024 is not 2025's); any other point belongs to the period its date falls in.
 */
export function inPeriod(
  point: ReportingPoint,
  range: { from: IsoDate; to: IsoDate },
  agreementYear: number | null,
  ends: PeriodEnds,
): boolean {
  const span = reportedSpan(point, agreementYear, ends);
  if (span) return span.from >= range.from && span.to <= range.to;
  const date = point.date ?? point.submissionDate;
  return date !== null && date >= range.from && date <= range.to;
}

/**
 * Met when reported; missed only when its due date has passed and lay within the period; an item due
 * after the period's end (the tertial-2 report in November, for delår) is not missed in it.
 */
export function itemState(
  dueDate: IsoDate | null,
  reported: boolean,
  range: { to: IsoDate },
  asOf: IsoDate,
): ItemState {
  if (reported) return "met";
  if (dueDate === null || dueDate >= asOf) return "upcoming";
  return dueDate <= range.to ? "missed" : "afterPeriod";
}

function requiredOf(
  items: Array<{ title: string; occasion: FollowUpOccasion | null; form: ReportForm | null; channel: string | null }>,
  period: FollowUpPeriod,
): RequiredFollowUp[] {
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
  const agreementYear = input.agreement.year;
  const updatesByAssignment = new Map<string, StoredStatusUpdate[]>();
  for (const update of input.updates) {
    updatesByAssignment.set(update.assignmentId, [...(updatesByAssignment.get(update.assignmentId) ?? []), update]);
  }
  const byStatus: Summary["overview"]["byStatus"] = { on_track: 0, at_risk: 0, delayed: 0, done: 0, none: 0 };
  const itemCounts: Record<ItemState, number> = { met: 0, missed: 0, upcoming: 0, afterPeriod: 0 };

  const entries = input.assignments.map((assignment): SummaryEntry => {
    const points = assignment.points.filter((p) => inPeriod(p, range, agreementYear, input.ends));
    const pointByKey = new Map(assignment.points.map((p) => [p.key, p]));
    const own = updatesByAssignment.get(assignment.id) ?? [];
    // An update whose item vanished in a re-import still counts by the due date it was given for.
    const inPeriodUpdates = own.filter((u) => {
      const point = pointByKey.get(u.reportingItemKey);
      return point
        ? inPeriod(point, range, agreementYear, input.ends)
        : u.dueDate !== null && u.dueDate >= range.from && u.dueDate <= range.to;
    });
    const reported = new Set(inPeriodUpdates.map((u) => u.reportingItemKey));
    const sortKey = (u: StoredStatusUpdate) => {
      const point = pointByKey.get(u.reportingItemKey);
      return point?.date ?? point?.dueDate ?? u.dueDate ?? "9999";
    };
    // One order for both the headline status and the trail: by reporting item, then by time.
    const newestFirst = [...inPeriodUpdates].sort(
      (a, b) =>
        sortKey(b).localeCompare(sortKey(a)) ||
        b.updatedAt.getTime() - a.updatedAt.getTime() ||
        a.id.localeCompare(b.id),
    );
    const latest = newestFirst[0];
    const trailRevisions = [...newestFirst]
      .reverse()
      .flatMap((u) => [...(input.revisions.get(u.id) ?? [])].sort((a, b) => a.version - b.version));

    const items = points
      .filter((p) => p.date !== null || p.submissionDate !== null || p.occasion !== null)
      .map((p) => {
        const state = itemState(p.dueDate, reported.has(p.key), range, input.asOf);
        itemCounts[state] += 1;
        return { label: pointLabel(p, assignment.agreement.year, "sv"), dueDate: p.dueDate, state };
      });

    const indicators = assignment.indicators.map((indicator) => {
      for (const update of newestFirst) {
        const value =
          update.indicatorValues.find((v) => v.indicator === indicator.name) ??
          update.indicatorValues.find(
            (v) =>
              v.ordinal === indicator.ordinal &&
              !assignment.indicators.some((i) => i.name === v.indicator && i !== indicator),
          );
        if (value)
          return { name: indicator.name, unit: indicator.unit, women: value.women, men: value.men, total: value.total };
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
        ? {
            status: latest.status,
            text: latest.text,
            periodLabel: latest.periodLabel,
            author: latest.author.name,
            updatedAt: latest.updatedAt,
            version: latest.version,
          }
        : undefined,
      statusTrail: trail(trailRevisions),
      indicators,
      items,
      required: ownYear
        ? requiredOf(
            assignment.points.map((p) => ({ title: p.title, occasion: p.occasion, form: p.form, channel: p.channel })),
            input.period,
          )
        : [],
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
