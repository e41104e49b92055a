// Storing a status from the card or the command line: permission, validation, idempotency and
// optimistic concurrency in one use case, so every entry point behaves the same.
import { auditActor, type Principal } from "../audit/audit-log.ts";
import type { Actor, Permissions } from "../people/roles.ts";
import { AppError } from "../shared/app-error.ts";
import type { Clock } from "../shared/clock.ts";
import { calendarDate } from "../shared/text/swedish-dates.ts";
import { readStatusForm, type FieldErrors } from "./read-status-form.ts";
import { isEditable, pointLabel } from "./reporting-periods.ts";
import type { ReportableAssignment, StoredStatusUpdate } from "./status-model.ts";
import { StatusConflictError, type StatusStore } from "./status-store.ts";

export interface StatusDependencies {
  status: StatusStore;
  clock: Clock;
}

export interface SubmitStatusRequest {
  assignmentId: string;
  /** Generated when the form was shown; the same key twice stores one update. */
  idempotencyKey: string;
  /** 0 for a new report; for an edit, the version the form was filled from. */
  baseVersion: number;
  /** The form's fields: status, text, period and the indicator figures. */
  fields: Record<string, unknown>;
}

export type SubmitOutcome =
  | { kind: "stored"; update: StoredStatusUpdate; assignment: ReportableAssignment; duplicate: boolean }
  | { kind: "invalid"; errors: FieldErrors; assignment: ReportableAssignment }
  /** Someone saved a newer version since the form was opened; nothing was stored. */
  | { kind: "stale"; current: StoredStatusUpdate; assignment: ReportableAssignment }
  /** The period's deadline has passed and it was already reported: the report stands as sent. */
  | { kind: "closed"; current: StoredStatusUpdate; assignment: ReportableAssignment };

export async function loadReportableAssignment(
  deps: Pick<StatusDependencies, "status">,
  permissions: Permissions,
  assignmentId: string,
): Promise<ReportableAssignment> {
  const assignment =
    typeof assignmentId === "string" && assignmentId ? await deps.status.findAssignment(assignmentId) : null;
  if (!assignment) throw new AppError("not_found", "the assignment does not exist (any more)");
  if (!permissions.canReportFor(assignment.agreement.divisionCode)) {
    throw new AppError("forbidden", "not a chief or delegate for the division", {
      division: assignment.agreement.divisionCode,
    });
  }
  return assignment;
}

export async function submitStatus(
  deps: StatusDependencies,
  permissions: Permissions,
  request: SubmitStatusRequest,
  /** Who is audited: the person themselves (default), or the operator at the CLI reporting on their behalf. */
  principal: Principal = { kind: "person", actor: permissions.actor, isAdmin: permissions.isAdmin },
): Promise<SubmitOutcome> {
  const actor: Actor = permissions.actor;
  if (
    typeof request.idempotencyKey !== "string" ||
    request.idempotencyKey.length < 8 ||
    request.idempotencyKey.length > 100
  ) {
    throw new AppError("invalid_input", "the form is missing its submission key; open it again", {
      reply: "status.formBroken",
    });
  }
  const assignment = await loadReportableAssignment(deps, permissions, request.assignmentId);
  const chosenPeriod = typeof request.fields.period === "string" ? request.fields.period : "";

  // A double click or a re-sent activity: answer with what the first one stored. The same form sent
  // by someone else (a card shared in a channel) or for another period is not a repeat: refuse it.
  const earlier = await deps.status.findByIdempotencyKey(request.idempotencyKey);
  if (earlier) {
    const sameSubmission =
      earlier.update.assignmentId === assignment.id &&
      earlier.update.reportingItemKey === chosenPeriod &&
      earlier.editorAadObjectId === actor.aadObjectId;
    if (!sameSubmission) throw new AppError("invalid_input", "the form was already used", { reply: "status.formUsed" });
    return { kind: "stored", update: earlier.update, assignment, duplicate: true };
  }

  const baseVersion = Number.isInteger(request.baseVersion) && request.baseVersion > 0 ? request.baseVersion : 0;
  // Stale before valid: an edit of an old version is refused even while its fields still need fixing.
  const existingForChoice = chosenPeriod ? await deps.status.findUpdate(assignment.id, chosenPeriod) : null;
  if (existingForChoice && existingForChoice.version !== baseVersion)
    return { kind: "stale", current: existingForChoice, assignment };

  const reading = readStatusForm(request.fields, assignment);
  if (!reading.ok) return { kind: "invalid", errors: reading.errors, assignment };

  const now = deps.clock.now();
  const today = calendarDate(now);
  const point = assignment.points.find((p) => p.key === reading.reportingItemKey)!;
  const existing = existingForChoice;
  // Written by the store in the same transaction as the status, so the two never disagree.
  const audit = (action: "status.submit" | "status.edit", detail: Record<string, unknown>) => ({
    at: now,
    ...auditActor(principal),
    action,
    detail: {
      onBehalfOf: principal.kind === "operator" ? `${actor.tenantId}/${actor.aadObjectId}` : undefined,
      assignmentId: assignment.id,
      reportingItemKey: point.key,
      ...detail,
      status: reading.content.status,
    },
  });

  if (existing) {
    if (!isEditable(point, existing, today)) return { kind: "closed", current: existing, assignment };
    const edited = await deps.status.edit(existing.id, baseVersion, {
      ...reading.content,
      editor: { aadObjectId: actor.aadObjectId, name: actor.name },
      idempotencyKey: request.idempotencyKey,
      at: now,
      audit: audit("status.edit", { version: baseVersion + 1, previousStatus: existing.status }),
    });
    if (!edited) return settleConflict(deps, request, assignment, point.key);
    return { kind: "stored", update: edited, assignment, duplicate: false };
  }

  try {
    const created = await deps.status.create({
      ...reading.content,
      agreementId: assignment.agreement.id,
      assignmentId: assignment.id,
      reportingItemKey: point.key,
      periodLabel: pointLabel(point, assignment.agreement.year, "sv"),
      dueDate: point.dueDate,
      author: { tenantId: actor.tenantId, aadObjectId: actor.aadObjectId, name: actor.name },
      idempotencyKey: request.idempotencyKey,
      at: now,
      audit: audit("status.submit", {}),
    });
    // A first report after the deadline is still taken (better late than never); see isLateReport.
    return { kind: "stored", update: created, assignment, duplicate: false };
  } catch (error) {
    if (error instanceof StatusConflictError) return settleConflict(deps, request, assignment, point.key);
    throw error;
  }
}

/** Lost a race: either our own twin stored it (a duplicate) or someone else did (stale). */
async function settleConflict(
  deps: StatusDependencies,
  request: SubmitStatusRequest,
  assignment: ReportableAssignment,
  itemKey: string,
): Promise<SubmitOutcome> {
  const twin = await deps.status.findByIdempotencyKey(request.idempotencyKey);
  if (twin) return { kind: "stored", update: twin.update, assignment, duplicate: true };
  const current = await deps.status.findUpdate(assignment.id, itemKey);
  if (!current) throw new AppError("internal", "status conflict without a stored update");
  return { kind: "stale", current, assignment };
}
