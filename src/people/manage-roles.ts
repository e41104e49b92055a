// Granting and revoking roles: only administrators (or the operator at the command line) may,
// and every change is audited.
import { auditActor, type AuditLog, type Principal } from "../audit/audit-log.ts";
import type { Clock } from "../shared/clock.ts";
import { AppError } from "../shared/app-error.ts";
import { normaliseGrant, type RoleGrantRecord, type RoleName, type RoleStore } from "./roles.ts";

export interface RoleDependencies {
  roles: RoleStore;
  audit: AuditLog;
  clock: Clock;
}

export interface RoleChangeRequest {
  tenantId: string;
  aadObjectId: string;
  displayName?: string;
  role: string;
  scope?: string;
}

function requireAdmin(principal: Principal): void {
  if (principal.kind === "person" && !principal.isAdmin) {
    throw new AppError("forbidden", "only administrators can change roles");
  }
}

function describeGrantor(principal: Principal): string {
  return principal.kind === "person"
    ? `${principal.actor.name} (${principal.actor.aadObjectId})`
    : `cli:${principal.name}`;
}

export async function grantRole(
  deps: RoleDependencies,
  principal: Principal,
  request: RoleChangeRequest,
): Promise<{ changed: boolean; grant: RoleGrantRecord }> {
  requireAdmin(principal);
  const { role, scope } = normaliseGrant(request.role, request.scope);
  if (!request.aadObjectId.trim() || !request.tenantId.trim())
    throw new AppError("invalid_input", "a person (Entra object id) and a tenant are required");
  const now = deps.clock.now();
  const grant: RoleGrantRecord = {
    tenantId: request.tenantId.trim(),
    aadObjectId: request.aadObjectId.trim().toLowerCase(),
    displayName: request.displayName?.trim() || null,
    role,
    scope,
    grantedBy: describeGrantor(principal),
    grantedAt: now,
  };
  const changed = await deps.roles.grant(grant);
  if (changed) {
    await deps.audit.record({
      at: now,
      ...auditActor(principal),
      action: "role.grant",
      subject: `${grant.tenantId}/${grant.aadObjectId}`,
      detail: { role, scope, name: grant.displayName },
    });
  }
  return { changed, grant };
}

export async function revokeRole(
  deps: RoleDependencies,
  principal: Principal,
  request: RoleChangeRequest,
): Promise<{ changed: boolean; role: RoleName; scope: string }> {
  requireAdmin(principal);
  const { role, scope } = normaliseGrant(request.role, request.scope);
  const aadObjectId = request.aadObjectId.trim().toLowerCase();
  const changed = await deps.roles.revoke(request.tenantId.trim(), aadObjectId, role, scope);
  if (changed) {
    await deps.audit.record({
      at: deps.clock.now(),
      ...auditActor(principal),
      action: "role.revoke",
      subject: `${request.tenantId}/${aadObjectId}`,
      detail: { role, scope },
    });
  }
  return { changed, role, scope };
}
