// When a reporting item is due and whether it is still open, decided from the calendar day
// passed in (never from the clock).
import type { FollowUpOccasion } from "../agreements/agreement-model.ts";
import type { Language } from "../shared/language.ts";
import { calendarDate, lastDayOfMonth, type IsoDate } from "../shared/text/swedish-dates.ts";
import type { ReportingPoint, StoredStatusUpdate } from "./status-model.ts";

/**
 * Follow-up in the planning system without a date in the agreement is due at the end of the
 * month after its period: vår (T1, Jan–Apr) by 31 May, delår (Jan–Aug) by 30 September, helår by
 * 31 January the year after.
 */
export function occasionDueDate(occasion: FollowUpOccasion, year: number): IsoDate {
  switch (occasion) {
    case "var":
      return lastDayOfMonth(year, 5);
    case "delar":
      return lastDayOfMonth(year, 9);
    case "helar":
      return lastDayOfMonth(year + 1, 1);
  }
}

export function dueDateOf(
  item: { submissionDate: IsoDate | null; date: IsoDate | null; occasion: FollowUpOccasion | null },
  agreementYear: number | null,
): IsoDate | null {
  if (item.submissionDate) return item.submissionDate;
  // A month without a day is due by the end of that month.
  if (item.date && item.date.length === 7)
    return lastDayOfMonth(Number(item.date.slice(0, 4)), Number(item.date.slice(5, 7)));
  if (item.date) return item.date;
  if (item.occasion && agreementYear) return occasionDueDate(item.occasion, agreementYear);
  return null;
}

/** A report can be given or edited until the end of its due day. */
export function isOpen(point: Pick<ReportingPoint, "dueDate">, today: IsoDate): boolean {
  return point.dueDate === null || today <= point.dueDate;
}

/** A stored report may be edited while its item is open, or while an administrator or expert has reopened it. */
export function isEditable(
  point: Pick<ReportingPoint, "dueDate">,
  update: Pick<StoredStatusUpdate, "reopened">,
  today: IsoDate,
): boolean {
  return isOpen(point, today) || (update.reopened !== null && today <= update.reopened.until);
}

/** The next point from today: the first still open (due today or later), else one without a due date; none when all have passed. */
export function nextPoint(points: readonly ReportingPoint[], today: IsoDate): ReportingPoint | undefined {
  const sorted = sortByDue(points);
  return sorted.find((p) => p.dueDate !== null && p.dueDate >= today) ?? sorted.find((p) => p.dueDate === null);
}

/** The most recent point whose due date has passed. */
export function lastPassedPoint(points: readonly ReportingPoint[], today: IsoDate): ReportingPoint | undefined {
  return sortByDue(points)
    .filter((p) => p.dueDate !== null && p.dueDate < today)
    .at(-1);
}

export function sortByDue(points: readonly ReportingPoint[]): ReportingPoint[] {
  return [...points].sort(
    (a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") || a.key.localeCompare(b.key),
  );
}

/** Due and not reported: the deadline has passed without a status for it. */
export function isOverdue(point: ReportingPoint, today: IsoDate, reported: (key: string) => boolean): boolean {
  return point.dueDate !== null && point.dueDate < today && !reported(point.key);
}

/**
 * The reporting items past their due date without a status, each with its assignment, in the
 * assignments' order: the overdue list of the status overview, the digest and `status list --overdue`.
 */
export function listOverdue<A extends { id: string; points: readonly ReportingPoint[] }>(
  assignments: readonly A[],
  updates: readonly Pick<StoredStatusUpdate, "assignmentId" | "reportingItemKey">[],
  today: IsoDate,
): { assignment: A; point: ReportingPoint }[] {
  const reported = reportedKeys(updates);
  return assignments.flatMap((assignment) =>
    assignment.points
      .filter((point) => isOverdue(point, today, (key) => reported.has(`${assignment.id}|${key}`)))
      .map((point) => ({ assignment, point })),
  );
}

/**
 * The reporting item a new status is for when nobody named one (the card's preselected period, the
 * CLI's default): the next open item that has no status yet; when every item has one, the next open item.
 */
export function chooseReportingItem(
  points: readonly ReportingPoint[],
  today: IsoDate,
  reported: (key: string) => boolean,
): ReportingPoint | undefined {
  const unreported = points.filter((point) => !reported(point.key));
  return nextPoint(
    (unreported.length > 0 ? unreported : points).filter((point) => isOpen(point, today)),
    today,
  );
}

const occasionNames: Record<Language, Record<FollowUpOccasion, string>> = {
  sv: { var: "Våruppföljning", delar: "Delårsuppföljning", helar: "Helårsuppföljning" },
  en: { var: "Spring follow-up", delar: "Interim follow-up", helar: "Full-year follow-up" },
};

/** "sammanträde 2025-05-28 · T1", "redovisning 2025-05-07" or "Delårsuppföljning 2025": how cards and receipts name a period. */
export function pointLabel(point: ReportingPoint, year: number | null, language: Language): string {
  if (point.occasion && !point.date) return `${occasionNames[language][point.occasion]}${year ? ` ${year}` : ""}`;
  const suffix = point.periodCode ?? point.period;
  // An item with only a due date (material to hand in) is not a meeting.
  const kind = point.meetingDate
    ? language === "sv"
      ? "sammanträde"
      : "meeting"
    : language === "sv"
      ? "redovisning"
      : "report";
  return `${kind} ${point.meetingDate ?? point.date ?? "?"}${suffix ? ` · ${suffix}` : ""}`;
}

/** "(senast 2025-05-07)" when the status is due on another day than the one the label shows. */
export function dueNote(point: ReportingPoint, language: Language): string {
  if (!point.dueDate || point.dueDate === (point.meetingDate ?? point.date)) return "";
  return ` (${language === "sv" ? "senast" : "due"} ${point.dueDate})`;
}

/** A first report given after its due day (Stockholm): accepted, and shown as late wherever it appears. */
export function isLateReport(update: Pick<StoredStatusUpdate, "createdAt" | "dueDate">): boolean {
  return update.dueDate !== null && calendarDate(update.createdAt) > update.dueDate;
}

export function reportedKeys(
  updates: readonly Pick<StoredStatusUpdate, "assignmentId" | "reportingItemKey">[],
): Set<string> {
  return new Set(updates.map((u) => `${u.assignmentId}|${u.reportingItemKey}`));
}

/** An agreement takes status until its full-year follow-up is due; older ones are history. */
export function isLiveAgreement(year: number | null, today: IsoDate): boolean {
  return year === null || today <= occasionDueDate("helar", year);
}

const occasionWords: Record<string, FollowUpOccasion> = {
  var: "var",
  vår: "var",
  delar: "delar",
  delår: "delar",
  helar: "helar",
  helår: "helar",
};

/** A point named on the command line: its key, a date of it (meeting, item or submission), a period code (T1, D) or an occasion (delår). */
export function findPoint(points: readonly ReportingPoint[], text: string): ReportingPoint | undefined {
  const wanted = text.trim();
  const lower = wanted.toLowerCase();
  return (
    points.find((p) => p.key === wanted) ??
    sortByDue(points).find((p) => [p.date, p.meetingDate, p.submissionDate].includes(wanted)) ??
    sortByDue(points).find((p) => p.periodCode?.toLowerCase() === lower && (p.date !== null || p.occasion === null)) ??
    sortByDue(points).find((p) => occasionWords[lower] !== undefined && p.occasion === occasionWords[lower])
  );
}
