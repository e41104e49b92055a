import { displayName } from "../../people/display-name.ts";
import type { RoleGrantRecord, RoleName, RoleStore } from "../../people/roles.ts";
import type { PrismaDb } from "./database.ts";
import { isUniqueViolation } from "./storage-errors.ts";

type Row = { tenantId: string; aadObjectId: string; displayName: string | null; role: string; scope: string; grantedBy: string; grantedAt: Date };

// The name is shown in lists and confirmations: without invisible characters (the row keeps it as given).
const toRecord = (row: Row): RoleGrantRecord => ({ ...row, displayName: displayName(row.displayName) ?? null, role: row.role as RoleName });

/** Object ids are GUIDs; Teams and Entra do not agree on their case, so they are stored in lower case. */
const normaliseId = (id: string) => id.trim().toLowerCase();

export class PrismaRoleStore implements RoleStore {
  constructor(private readonly prisma: PrismaDb) {}

  async grantsOf(tenantId: string, aadObjectId: string): Promise<RoleGrantRecord[]> {
    const rows = await this.prisma.roleGrant.findMany({ where: { tenantId, aadObjectId: normaliseId(aadObjectId) }, orderBy: [{ role: "asc" }, { scope: "asc" }] });
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
    const { count } = await this.prisma.roleGrant.deleteMany({ where: { tenantId, aadObjectId: normaliseId(aadObjectId), role, scope } });
    return count > 0;
  }

  async list(filter: { role?: RoleName; scope?: string; tenantId?: string } = {}): Promise<RoleGrantRecord[]> {
    const rows = await this.prisma.roleGrant.findMany({
      where: { role: filter.role, scope: filter.scope, tenantId: filter.tenantId },
      orderBy: [{ role: "asc" }, { scope: "asc" }, { displayName: "asc" }, { aadObjectId: "asc" }],
    });
    return rows.map(toRecord);
  }
}
