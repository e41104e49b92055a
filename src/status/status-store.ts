// The storage port for status updates and what they are about. The Prisma adapter implements it.
import type { AuditEntryInput } from "../audit/audit-log.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import type {
  ReportableAssignment,
  StatusContent,
  StatusFilter,
  StatusRevisionRecord,
  StoredStatusUpdate,
} from "./status-model.ts";

export interface NewStatusUpdate extends StatusContent {
  agreementId: string;
  assignmentId: string;
  reportingItemKey: string;
  periodLabel: string;
  dueDate: IsoDate | null;
  author: { tenantId: string; aadObjectId: string; name: string };
  idempotencyKey: string;
  at: Date;
  /** Written in the same transaction, so a stored status is never missing from the audit log. */
  audit: Omit<AuditEntryInput, "subject">;
}

export interface StatusEdit extends StatusContent {
  editor: { aadObjectId: string; name: string };
  idempotencyKey: string;
  at: Date;
  audit: Omit<AuditEntryInput, "subject">;
}

/** Raised by the store when a unique key (period already reported, idempotency key used) was taken meanwhile. */
export class StatusConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StatusConflictError";
  }
}

export interface StatusReopening {
  until: IsoDate;
  byName: string;
  audit: Omit<AuditEntryInput, "subject">;
}

export interface StatusStore {
  /** Active assignments of live agreements, optionally only some divisions' or one agreement's. */
  reportableAssignments(filter: { divisionCodes?: string[]; agreementId?: string }): Promise<ReportableAssignment[]>;
  findAssignment(assignmentId: string): Promise<ReportableAssignment | null>;
  findUpdate(assignmentId: string, reportingItemKey: string): Promise<StoredStatusUpdate | null>;
  findUpdateById(id: string): Promise<StoredStatusUpdate | null>;
  /** The update a revision with this idempotency key belongs to, that revision's version and who sent it. */
  findByIdempotencyKey(
    key: string,
  ): Promise<{ update: StoredStatusUpdate; version: number; editorAadObjectId: string } | null>;
  /** Creates version 1; throws StatusConflictError when the period was reported or the key used meanwhile. */
  create(update: NewStatusUpdate): Promise<StoredStatusUpdate>;
  /** Writes version baseVersion + 1 only if the stored version is still baseVersion; null when it moved on. */
  edit(updateId: string, baseVersion: number, change: StatusEdit): Promise<StoredStatusUpdate | null>;
  /** Marks the update editable until `until`, with the audit entry, in one transaction; null when it does not exist. */
  reopen(updateId: string, reopening: StatusReopening): Promise<StoredStatusUpdate | null>;
  history(updateId: string): Promise<StatusRevisionRecord[]>;
  /** The histories of many updates at once, by update id. */
  revisionsOf(updateIds: string[]): Promise<Map<string, StatusRevisionRecord[]>>;
  list(filter: StatusFilter): Promise<StoredStatusUpdate[]>;
}
