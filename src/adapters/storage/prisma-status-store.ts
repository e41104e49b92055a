import { displayName } from "../../people/display-name.ts";
import { randomUUID } from "node:crypto";
import type { AssignmentKind, FollowUpOccasion, ReportForm } from "../../agreements/agreement-model.ts";
import { indicatorUnitOf, isIndicatorUnit } from "../../agreements/indicator-unit.ts";
import { dueDateOf } from "../../status/reporting-periods.ts";
import type {
  IndicatorValue,
  ReportableAssignment,
  StatusFilter,
  StatusLevel,
  StatusRevisionRecord,
  StoredStatusUpdate,
} from "../../status/status-model.ts";
import {
  StatusConflictError,
  type NewStatusUpdate,
  type StatusEdit,
  type StatusReopening,
  type StatusStore,
} from "../../status/status-store.ts";
import type { PrismaDb } from "./database.ts";
import { isUniqueViolation } from "./storage-errors.ts";

const assignmentInclude = {
  agreement: { select: { id: true, title: true, year: true, committeeCode: true, divisionCode: true } },
  indicators: { select: { ordinal: true, name: true, splitBySex: true, unit: true }, orderBy: { ordinal: "asc" } },
  reportingItems: {
    select: {
      key: true,
      title: true,
      date: true,
      meetingDate: true,
      submissionDate: true,
      form: true,
      occasion: true,
      periodCode: true,
      period: true,
      channel: true,
    },
    orderBy: { ordinal: "asc" },
  },
} as const;

type AssignmentRow = {
  id: string;
  number: string | null;
  title: string;
  kind: string;
  section: string | null;
  agreement: {
    id: string;
    title: string;
    year: number | null;
    committeeCode: string | null;
    divisionCode: string | null;
  };
  indicators: Array<{ ordinal: number; name: string; splitBySex: boolean; unit: string | null }>;
  reportingItems: Array<{
    key: string;
    title: string;
    date: string | null;
    meetingDate: string | null;
    submissionDate: string | null;
    form: string | null;
    occasion: string | null;
    periodCode: string | null;
    period: string | null;
    channel: string | null;
  }>;
};

function toReportable(row: AssignmentRow): ReportableAssignment {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    kind: row.kind as AssignmentKind,
    section: row.section,
    agreement: row.agreement,
    // Indicators imported before units were stored have none: read it from the name, as an import would.
    indicators: row.indicators.map((i) => ({
      ordinal: i.ordinal,
      name: i.name,
      splitBySex: i.splitBySex,
      unit: isIndicatorUnit(i.unit) ? i.unit : indicatorUnitOf(i.name),
    })),
    // Follow-up that recurs without dates ("kvartalsvis") or names only a quarter has no one day a
    // status is due on; it is listed in deadline answers, not asked for on the card.
    points: row.reportingItems
      .filter((item) => item.date !== null || item.occasion !== null)
      .map((item) => {
        const occasion = item.occasion as FollowUpOccasion | null;
        return {
          key: item.key,
          title: item.title,
          date: item.date,
          meetingDate: item.meetingDate,
          submissionDate: item.submissionDate,
          dueDate: dueDateOf({ submissionDate: item.submissionDate, date: item.date, occasion }, row.agreement.year),
          form: item.form as ReportForm | null,
          occasion,
          periodCode: item.periodCode,
          period: item.period,
          channel: item.channel,
        };
      }),
  };
}

type UpdateRow = {
  id: string;
  agreementId: string;
  assignmentId: string;
  reportingItemKey: string;
  periodLabel: string;
  dueDate: string | null;
  status: string;
  text: string;
  indicatorValues: string;
  version: number;
  tenantId: string;
  authorAadObjectId: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  reopenedUntil: string | null;
  reopenedByName: string | null;
};

function toStored(row: UpdateRow): StoredStatusUpdate {
  return {
    id: row.id,
    agreementId: row.agreementId,
    assignmentId: row.assignmentId,
    reportingItemKey: row.reportingItemKey,
    periodLabel: row.periodLabel,
    dueDate: row.dueDate,
    status: row.status as StatusLevel,
    text: row.text,
    indicatorValues: JSON.parse(row.indicatorValues) as IndicatorValue[],
    version: row.version,
    author: {
      tenantId: row.tenantId,
      aadObjectId: row.authorAadObjectId,
      name: displayName(row.authorName) ?? row.authorAadObjectId,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    reopened: row.reopenedUntil ? { until: row.reopenedUntil, by: row.reopenedByName ?? "" } : null,
  };
}

function auditRow(entry: NewStatusUpdate["audit"], subject: string) {
  return {
    at: entry.at,
    actor: entry.actor,
    actorName: entry.actorName ?? null,
    action: entry.action,
    subject,
    detail: JSON.stringify(entry.detail),
  };
}

export class PrismaStatusStore implements StatusStore {
  constructor(private readonly prisma: PrismaDb) {}

  async reportableAssignments(filter: {
    divisionCodes?: string[];
    agreementId?: string;
  }): Promise<ReportableAssignment[]> {
    if (filter.divisionCodes && filter.divisionCodes.length === 0) return [];
    const rows = await this.prisma.assignment.findMany({
      where: {
        active: true,
        agreementId: filter.agreementId,
        agreement: filter.divisionCodes ? { divisionCode: { in: filter.divisionCodes } } : undefined,
      },
      include: assignmentInclude,
      orderBy: [{ agreementId: "asc" }, { ordinal: "asc" }],
    });
    return rows.map(toReportable);
  }

  async findAssignment(assignmentId: string): Promise<ReportableAssignment | null> {
    const row = await this.prisma.assignment.findFirst({
      where: { id: assignmentId, active: true },
      include: assignmentInclude,
    });
    return row ? toReportable(row) : null;
  }

  async findUpdate(assignmentId: string, reportingItemKey: string): Promise<StoredStatusUpdate | null> {
    const row = await this.prisma.statusUpdate.findUnique({
      where: { assignmentId_reportingItemKey: { assignmentId, reportingItemKey } },
    });
    return row ? toStored(row) : null;
  }

  async findUpdateById(id: string): Promise<StoredStatusUpdate | null> {
    const row = await this.prisma.statusUpdate.findUnique({ where: { id } });
    return row ? toStored(row) : null;
  }

  async findByIdempotencyKey(
    key: string,
  ): Promise<{ update: StoredStatusUpdate; version: number; editorAadObjectId: string } | null> {
    const revision = await this.prisma.statusRevision.findUnique({
      where: { idempotencyKey: key },
      include: { statusUpdate: true },
    });
    return revision
      ? {
          update: toStored(revision.statusUpdate),
          version: revision.version,
          editorAadObjectId: revision.editorAadObjectId,
        }
      : null;
  }

  // Both writes are batch transactions (all statements sent at once), not interactive ones: under
  // concurrent load interactive transactions held pooled PostgreSQL connections idle.
  async create(update: NewStatusUpdate): Promise<StoredStatusUpdate> {
    const indicatorValues = JSON.stringify(update.indicatorValues);
    const id = randomUUID();
    try {
      const [created] = await this.prisma.$transaction([
        this.prisma.statusUpdate.create({
          data: {
            id,
            agreementId: update.agreementId,
            assignmentId: update.assignmentId,
            reportingItemKey: update.reportingItemKey,
            periodLabel: update.periodLabel,
            dueDate: update.dueDate,
            status: update.status,
            text: update.text,
            indicatorValues,
            version: 1,
            tenantId: update.author.tenantId,
            authorAadObjectId: update.author.aadObjectId,
            authorName: update.author.name,
            createdAt: update.at,
            updatedAt: update.at,
          },
        }),
        this.prisma.statusRevision.create({
          data: {
            statusUpdateId: id,
            version: 1,
            status: update.status,
            text: update.text,
            indicatorValues,
            editorAadObjectId: update.author.aadObjectId,
            editorName: update.author.name,
            editedAt: update.at,
            idempotencyKey: update.idempotencyKey,
          },
        }),
        this.prisma.auditEntry.create({ data: auditRow(update.audit, id) }),
      ]);
      return toStored(created);
    } catch (error) {
      if (isUniqueViolation(error)) throw new StatusConflictError("the period was reported or the key used meanwhile");
      throw error;
    }
  }

  async edit(updateId: string, baseVersion: number, change: StatusEdit): Promise<StoredStatusUpdate | null> {
    const indicatorValues = JSON.stringify(change.indicatorValues);
    try {
      // Compare-and-set without a round trip: the update matches only the base version, and the
      // revision (version base + 1, unique per update) cannot be written twice. If someone else moved
      // the version on, their revision base + 1 exists and the whole batch rolls back.
      const [moved] = await this.prisma.$transaction([
        this.prisma.statusUpdate.updateMany({
          where: { id: updateId, version: baseVersion },
          data: {
            status: change.status,
            text: change.text,
            indicatorValues,
            version: baseVersion + 1,
            updatedAt: change.at,
          },
        }),
        this.prisma.statusRevision.create({
          data: {
            statusUpdateId: updateId,
            version: baseVersion + 1,
            status: change.status,
            text: change.text,
            indicatorValues,
            editorAadObjectId: change.editor.aadObjectId,
            editorName: change.editor.name,
            editedAt: change.at,
            idempotencyKey: change.idempotencyKey,
          },
        }),
        this.prisma.auditEntry.create({ data: auditRow(change.audit, updateId) }),
      ]);
      if (moved.count === 0)
        throw new Error(
          `status update ${updateId} was not at version ${baseVersion} although revision ${baseVersion + 1} was free`,
        );
      return await this.findUpdateById(updateId);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async reopen(updateId: string, reopening: StatusReopening): Promise<StoredStatusUpdate | null> {
    const [moved] = await this.prisma.$transaction([
      this.prisma.statusUpdate.updateMany({
        where: { id: updateId },
        data: { reopenedUntil: reopening.until, reopenedByName: reopening.byName },
      }),
      this.prisma.auditEntry.create({ data: auditRow(reopening.audit, updateId) }),
    ]);
    return moved.count === 0 ? null : this.findUpdateById(updateId);
  }

  async history(updateId: string): Promise<StatusRevisionRecord[]> {
    return (await this.revisionsOf([updateId])).get(updateId) ?? [];
  }

  async revisionsOf(updateIds: string[]): Promise<Map<string, StatusRevisionRecord[]>> {
    const rows = await this.prisma.statusRevision.findMany({
      where: { statusUpdateId: { in: updateIds } },
      orderBy: [{ statusUpdateId: "asc" }, { version: "asc" }],
    });
    const byUpdate = new Map<string, StatusRevisionRecord[]>();
    for (const row of rows) {
      const list = byUpdate.get(row.statusUpdateId) ?? [];
      list.push({
        version: row.version,
        status: row.status as StatusLevel,
        text: row.text,
        indicatorValues: JSON.parse(row.indicatorValues) as IndicatorValue[],
        editor: { aadObjectId: row.editorAadObjectId, name: displayName(row.editorName) ?? row.editorAadObjectId },
        editedAt: row.editedAt,
      });
      byUpdate.set(row.statusUpdateId, list);
    }
    return byUpdate;
  }

  async list(filter: StatusFilter): Promise<StoredStatusUpdate[]> {
    if (filter.divisionCodes && filter.divisionCodes.length === 0) return [];
    const rows = await this.prisma.statusUpdate.findMany({
      where: {
        agreementId: filter.agreementId,
        assignment: filter.divisionCodes ? { agreement: { divisionCode: { in: filter.divisionCodes } } } : undefined,
      },
      orderBy: [{ agreementId: "asc" }, { dueDate: "asc" }, { createdAt: "asc" }],
    });
    let updates = rows.map(toStored);
    if (filter.period) {
      const wanted = filter.period.trim();
      const items = await this.prisma.reportingItem.findMany({
        where: { agreementId: { in: [...new Set(updates.map((u) => u.agreementId))] } },
        select: { agreementId: true, key: true, periodCode: true, occasion: true },
      });
      const matching = new Set(
        items
          .filter(
            (i) =>
              i.key === wanted ||
              i.periodCode?.toUpperCase() === wanted.toUpperCase() ||
              i.occasion === wanted.toLowerCase(),
          )
          .map((i) => `${i.agreementId}|${i.key}`),
      );
      updates = updates.filter(
        (u) => u.reportingItemKey === wanted || matching.has(`${u.agreementId}|${u.reportingItemKey}`),
      );
    }
    return updates;
  }
}
