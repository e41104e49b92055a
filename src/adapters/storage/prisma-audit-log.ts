import type { AuditEntry, AuditEntryInput, AuditLog } from "../../audit/audit-log.ts";
import type { PrismaDb } from "./database.ts";

export class PrismaAuditLog implements AuditLog {
  constructor(private readonly prisma: PrismaDb) {}

  async record(entry: AuditEntryInput): Promise<void> {
    await this.prisma.auditEntry.create({
      data: {
        at: entry.at,
        actor: entry.actor,
        actorName: entry.actorName ?? null,
        action: entry.action,
        subject: entry.subject,
        detail: JSON.stringify(entry.detail),
      },
    });
  }

  async list(filter: { action?: string; since?: Date; limit?: number } = {}): Promise<AuditEntry[]> {
    const rows = await this.prisma.auditEntry.findMany({
      where: {
        action: filter.action ? { startsWith: filter.action } : undefined,
        at: filter.since ? { gte: filter.since } : undefined,
      },
      orderBy: [{ at: "desc" }, { id: "asc" }],
      take: filter.limit ?? 100,
    });
    return rows.map((row) => ({
      at: row.at,
      actor: row.actor,
      actorName: row.actorName ?? undefined,
      action: row.action as AuditEntry["action"],
      subject: row.subject,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }
}
