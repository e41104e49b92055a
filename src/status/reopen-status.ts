// Reopening a report after its due date, so a chief can correct it: the rule that a passed report
// stands is kept, but an administrator or the committee's expert may lift it for one report, for a
// few days, audited.
import { auditActor, type Principal } from "../audit/audit-log.ts";
import type { Permissions, RoleStore } from "../people/roles.ts";
import { AppError } from "../shared/app-error.ts";
import type { Clock } from "../shared/clock.ts";
import { addDays, calendarDate, type IsoDate } from "../shared/text/swedish-dates.ts";
import { isEditable } from "./reporting-periods.ts";
import type { ReportableAssignment, StoredStatusUpdate } from "./status-model.ts";
import type { StatusStore } from "./status-store.ts";

/** Days a reopened report stays editable: time for a correction, not a new deadline. */
export const reopenDays = 7;

export async function reopenStatus(
  deps: { status: StatusStore; clock: Clock },
  permissions: Permissions,
  request: { updateId: string },
  /** Who is audited: the person (default) or the operator at the CLI. */
  principal: Principal = { kind: "person", actor: permissions.actor, isAdmin: permissions.isAdmin },
): Promise<{ update: StoredStatusUpdate; assignment: ReportableAssignment; changed: boolean }> {
  const update =
    typeof request.updateId === "string" && request.updateId
      ? await deps.status.findUpdateById(request.updateId)
      : null;
  const assignment = update ? await deps.status.findAssignment(update.assignmentId) : null;
  if (!update || !assignment) throw new AppError("not_found", "no such status update");
  if (!permissions.canReopen(assignment.agreement)) {
    throw new AppError("forbidden", "only administrators and the committee's experts reopen reports", {
      reply: "status.reopen.refused",
      committee: assignment.agreement.committeeCode ?? "–",
    });
  }
  const now = deps.clock.now();
  const today = calendarDate(now);
  const point = assignment.points.find((p) => p.key === update.reportingItemKey);
  if (!point || isEditable(point, update, today)) return { update, assignment, changed: false };
  const until: IsoDate = addDays(today, reopenDays);
  const reopened = await deps.status.reopen(update.id, {
    until,
    byName: permissions.actor.name,
    audit: {
      at: now,
      ...auditActor(principal),
      action: "status.reopen",
      detail: {
        assignmentId: assignment.id,
        reportingItemKey: update.reportingItemKey,
        dueDate: update.dueDate,
        until,
        author: update.author.name,
      },
    },
  });
  if (!reopened) throw new AppError("not_found", "the status update disappeared");
  return { update: reopened, assignment, changed: true };
}

/** The committee's experts, by name, who may reopen the agreement's reports (administrators always may). */
export async function reopenersOf(
  deps: { roles: RoleStore },
  agreement: { committeeCode: string | null },
): Promise<string[]> {
  if (!agreement.committeeCode) return [];
  const experts = await deps.roles.list({ role: "expert", scope: agreement.committeeCode.toUpperCase() });
  return [...new Set(experts.map((g) => g.displayName).filter((name): name is string => Boolean(name)))];
}
