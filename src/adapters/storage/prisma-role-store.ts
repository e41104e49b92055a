import { displayName } from "../../people/display-name.ts";
import type { RoleGrantRecord, RoleName, RoleStore } from "../../people/roles.ts";
import type { PrismaDb } from "./database.ts";
import { isUniqueViolation } from "./storage-errors.ts";

type Row = {
  tenantId: string;
  aadObjectId: string;
  displayName: string | null;
  role: string;
  scope: string;
  grantedBy: string;
  grantedAt: Date;
};

// The name is shown in lists and confirmations: without invisible characters (the row keeps it as given).
const toRecord = (row: Row): RoleGrantRecord => ({
  ...row,
  displayName: displayName(row.displayName) ?? null,
  role: row.role as RoleName,
});

/** Object ids are GUIDs; Teams and Entra do not agree on their case, so they are stored in lower case. */
const normaliseId = (id: string) => id.trim().toLowerCase();

export class PrismaRoleStore implements RoleStore {
  constructor(private readonly prisma: PrismaDb) {}

  async grantsOf(tenantId: string, aadObjectId: string): Promise<RoleGrantRecord[]> {
    const rows = await this.prisma.roleGrant.findMany({
      where: { tenantId, aadObjectId: normaliseId(aadObjectId) },
      orderBy: [{ role: "asc" }, { scope: "asc" }],
    });
    return rows.map(toRecord);
  }

  async grant(record: RoleGrantRecord): Promise<boolean> {
    try {
      await this.prisma.roleGrant.create({ data: { ...record, aadObjectId: normaliseId(record.aadObjectId) } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async revoke(tenantId: string, aadObjectId: string, role: RoleName, scope: string): Promise<boolean> {
    const { count } = await this.prisma.roleGrant.deleteMany({
      where: { tenantId, aadObjectId: normaliseId(aadObjectId), role, scope },
    });
    return count > 0;
  }

  async list(filter: { role?: RoleName; scope?: string; tenantId?: string } = {}): Promise<RoleGrantRecord[]> {
    const rows = await this.prisma.roleGrant.findMany({
      where: { role: filter.role, scope: filter.scope, tenantId: filter.tenantId },
      orderBy: [{ role: "asc" }, { scope: "asc" }, { displayName: "asc" }, { aadObjectId: "asc" }],
    });
    return (await this.withKnownNames(rows)).map(toRecord);
  }

  /** A role granted by object id shows the name the person has in Teams once they have talked to the bot. */
  private async withKnownNames(rows: Row[]): Promise<Row[]> {
    if (rows.length === 0) return rows;
    const ids = [...new Set(rows.map((r) => r.aadObjectId))];
    const people = await this.prisma.person.findMany({
      where: {
        tenantId: { in: [...new Set(rows.map((r) => r.tenantId))] },
        aadObjectId: { in: [...ids, ...ids.map((id) => id.toUpperCase())] },
        displayName: { not: null },
      },
      select: { tenantId: true, aadObjectId: true, displayName: true },
    });
    const names = new Map(people.map((p) => [`${p.tenantId}/${normaliseId(p.aadObjectId)}`, p.displayName!]));
    return rows.map((row) => ({
      ...row,
      displayName: names.get(`${row.tenantId}/${row.aadObjectId}`) ?? row.displayName,
    }));
  }
}
