// Who may do what. People are known by their Entra object id within a tenant; roles are granted
// to that identity, so an administrator can prepare roles before someone first opens the bot.
import { AppError } from "../shared/app-error.ts";

export type RoleName = "admin" | "expert" | "chief" | "delegate";

export const roleNames: readonly RoleName[] = ["admin", "expert", "chief", "delegate"];

/** A Teams user acting in a turn (or named on the command line). */
export interface Actor {
  tenantId: string;
  aadObjectId: string;
  /** As shown (see display-name.ts). */
  name: string;
  /** The name exactly as Teams sent it, when that differs from `name`: kept in the audit log. */
  sentName?: string;
}

export interface RoleGrantRecord {
  tenantId: string;
  aadObjectId: string;
  /** In lists: the name the person has in Teams when they have talked to the bot, else the one given when granted. */
  displayName: string | null;
  role: RoleName;
  /** Committee code for experts, division code for chiefs and delegates, "" for admins. */
  scope: string;
  grantedBy: string;
  grantedAt: Date;
}

export interface RoleStore {
  grantsOf(tenantId: string, aadObjectId: string): Promise<RoleGrantRecord[]>;
  /** Returns false when the same grant already existed (nothing changed). */
  grant(record: RoleGrantRecord): Promise<boolean>;
  /** Returns false when there was no such grant. */
  revoke(tenantId: string, aadObjectId: string, role: RoleName, scope: string): Promise<boolean>;
  list(filter?: { role?: RoleName; scope?: string; tenantId?: string }): Promise<RoleGrantRecord[]>;
}

/** Administrators named in the configuration: they exist before anyone has granted anything. */
export interface BootstrapAdmins {
  aadObjectIds: readonly string[];
  /** When set, the configured admins count only in this tenant. */
  tenantId?: string;
}

/** What one person may do, decided once per request from their grants. */
export class Permissions {
  constructor(
    readonly actor: Actor,
    readonly grants: readonly RoleGrantRecord[],
    private readonly configuredAdmin: boolean,
  ) {}

  get isAdmin(): boolean {
    return this.configuredAdmin || this.grants.some((g) => g.role === "admin");
  }

  /** Division codes the person reports for, as chief or delegate. */
  get divisions(): string[] {
    return unique(this.grants.filter((g) => g.role === "chief" || g.role === "delegate").map((g) => g.scope));
  }

  /** Committee codes the person follows as the committee's expert (sakkunnig). */
  get committees(): string[] {
    return unique(this.grants.filter((g) => g.role === "expert").map((g) => g.scope));
  }

  /** Chiefs and delegates report for their division; admins may report on anyone's behalf. */
  canReportFor(divisionCode: string | null): boolean {
    if (this.isAdmin) return true;
    return divisionCode !== null && this.divisions.includes(divisionCode.toUpperCase());
  }

  /** Experts follow their committees' agreements, chiefs and delegates their division's, admins all. */
  canFollow(agreement: { committeeCode: string | null; divisionCode: string | null }): boolean {
    if (this.isAdmin) return true;
    if (agreement.committeeCode && this.committees.includes(agreement.committeeCode.toUpperCase())) return true;
    return agreement.divisionCode !== null && this.divisions.includes(agreement.divisionCode.toUpperCase());
  }

  /** Administrators, and the committee's experts for its agreements, may reopen a report after its due date. */
  canReopen(agreement: { committeeCode: string | null }): boolean {
    if (this.isAdmin) return true;
    return agreement.committeeCode !== null && this.committees.includes(agreement.committeeCode.toUpperCase());
  }

  get mayFollowAnything(): boolean {
    return this.isAdmin || this.committees.length > 0 || this.divisions.length > 0;
  }

  get mayReportAnything(): boolean {
    return this.isAdmin || this.divisions.length > 0;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function isConfiguredAdmin(actor: Pick<Actor, "tenantId" | "aadObjectId">, admins: BootstrapAdmins): boolean {
  if (admins.tenantId && admins.tenantId !== actor.tenantId) return false;
  return admins.aadObjectIds.some((id) => id.toLowerCase() === actor.aadObjectId.toLowerCase());
}

export async function permissionsOf(
  deps: { roles: RoleStore; admins: BootstrapAdmins },
  actor: Actor,
): Promise<Permissions> {
  const grants = await deps.roles.grantsOf(actor.tenantId, actor.aadObjectId);
  return new Permissions(actor, grants, isConfiguredAdmin(actor, deps.admins));
}

/** Normalises and checks a grant request's role and scope; throws invalid_input with the reason. */
export function normaliseGrant(role: string, scope: string | undefined): { role: RoleName; scope: string } {
  const name = role.trim().toLowerCase() as RoleName;
  if (!roleNames.includes(name)) {
    throw new AppError("invalid_input", `unknown role "${role}" (use ${roleNames.join(", ")})`);
  }
  if (name === "admin") return { role: name, scope: "" };
  const code = (scope ?? "").trim().toUpperCase();
  if (!/^[A-ZÅÄÖ0-9-]{1,16}$/.test(code)) {
    const what = name === "expert" ? "committee code, e.g. KAN" : "division code, e.g. DSO";
    throw new AppError("invalid_input", `the ${name} role needs a ${what}`);
  }
  return { role: name, scope: code };
}
