// What a chief sees when asking for status: their assignments, the next reporting item of each,
// what they already reported and what is overdue.
import { namesAgreement, namesAgreementByKey } from "../agreements/resolve-agreement.ts";
import type { Permissions } from "../people/roles.ts";
import { fold } from "../shared/text/fold.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import { isLiveAgreement, lastPassedPoint, listOverdue, nextPoint } from "./reporting-periods.ts";
import type { ReportableAssignment, ReportingPoint, StoredStatusUpdate } from "./status-model.ts";
import type { StatusStore } from "./status-store.ts";

export interface AssignmentOverview {
  assignment: ReportableAssignment;
  /** The next reporting item from today; undefined when every item has passed. */
  next: ReportingPoint | undefined;
  /** The status already given for `next`, if any. */
  nextUpdate: StoredStatusUpdate | undefined;
  /** The latest item whose due date has passed, and its status: shown as passed, never as next. */
  lastPassed: ReportingPoint | undefined;
  lastPassedUpdate: StoredStatusUpdate | undefined;
  /** Items whose deadline passed without a status. */
  overdue: ReportingPoint[];
  /** The most recent status for any period. */
  latest: StoredStatusUpdate | undefined;
}

/**
 * Matches "3.1", words of the title, or words naming the agreement the way resolveAgreement reads them
 * ("sn", "2026", "socialnämnden"). A word that is some agreement's code, id or year (`isAgreementKey`)
 * only narrows by agreement, never by a fragment of a title. Empty text matches everything.
 */
export function matchesAssignment(
  assignment: ReportableAssignment,
  text: string,
  isAgreementKey: (word: string) => boolean = () => false,
): boolean {
  const query = fold(text).trim();
  if (!query) return true;
  if (assignment.number && (assignment.number === query || `§${assignment.number}` === query)) return true;
  const haystack = fold(`${assignment.number ?? ""} ${assignment.title}`);
  const agreement = { ...assignment.agreement, committee: null, division: null };
  return query
    .split(/\s+/)
    .every((word) =>
      isAgreementKey(word)
        ? namesAgreementByKey(agreement, word)
        : haystack.includes(word) || namesAgreement(agreement, word),
    );
}

export async function statusOverview(
  deps: { status: StatusStore },
  permissions: Permissions,
  options: { today: IsoDate; text?: string; agreementId?: string },
): Promise<AssignmentOverview[]> {
  const live = (
    await deps.status.reportableAssignments({
      divisionCodes: permissions.isAdmin ? undefined : permissions.divisions,
      agreementId: options.agreementId,
    })
  ).filter((a) => options.agreementId !== undefined || isLiveAgreement(a.agreement.year, options.today));
  const isAgreementKey = (word: string) =>
    live.some((a) => namesAgreementByKey({ ...a.agreement, committee: null, division: null }, word));
  const matching = live.filter((a) => matchesAssignment(a, options.text ?? "", isAgreementKey));
  // "status 3.1" means 3.1, not also 3.10 and 13.1.
  const byNumber = matching.filter(
    (a) => a.number !== null && a.number === (options.text ?? "").trim().replace(/^§/, ""),
  );
  const chosen = byNumber.length > 0 ? byNumber : matching;
  if (chosen.length === 0) return [];
  const updates = await deps.status.list({
    divisionCodes: permissions.isAdmin ? undefined : permissions.divisions,
    agreementId: options.agreementId,
  });
  const byAssignment = new Map<string, StoredStatusUpdate[]>();
  for (const update of updates)
    byAssignment.set(update.assignmentId, [...(byAssignment.get(update.assignmentId) ?? []), update]);

  const rows = chosen.map((assignment): AssignmentOverview => {
    const next = nextPoint(assignment.points, options.today);
    const lastPassed = lastPassedPoint(assignment.points, options.today);
    const own = byAssignment.get(assignment.id) ?? [];
    return {
      assignment,
      next,
      nextUpdate: next ? own.find((u) => u.reportingItemKey === next.key) : undefined,
      lastPassed,
      lastPassedUpdate: lastPassed ? own.find((u) => u.reportingItemKey === lastPassed.key) : undefined,
      overdue: listOverdue([assignment], own, options.today).map(({ point }) => point),
      latest: [...own].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0],
    };
  });
  // Most urgent first: overdue, then by the next due date, then the agreement's own order.
  return rows.sort(
    (a, b) =>
      Number(b.overdue.length > 0) - Number(a.overdue.length > 0) ||
      (a.next?.dueDate ?? "9999").localeCompare(b.next?.dueDate ?? "9999") ||
      a.assignment.agreement.id.localeCompare(b.assignment.agreement.id) ||
      (a.assignment.number ?? "").localeCompare(b.assignment.number ?? "", "sv", { numeric: true }),
  );
}
