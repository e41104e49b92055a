// Roles as a person reads them, in their language: "divisionschef (DSO), sakkunnig (KAN)".
import type { Language } from "../shared/language.ts";
import { translate, type MessageKey } from "../shared/messages/translate.ts";
import type { Permissions, RoleGrantRecord, RoleName } from "./roles.ts";

export function roleLabel(language: Language, role: RoleName, scope: string): { role: string; scope: string } {
  return { role: translate(language, `roles.name.${role}` as MessageKey), scope: scope ? ` (${scope})` : "" };
}

export function describeGrants(language: Language, grants: readonly Pick<RoleGrantRecord, "role" | "scope">[]): string {
  return grants
    .map((g) => {
      const label = roleLabel(language, g.role, g.scope);
      return `${label.role}${label.scope}`;
    })
    .join(", ");
}

/** Everything the person may do, administrators from the configuration included; "" when nothing. */
export function describeRoles(language: Language, permissions: Permissions): string {
  const grants =
    permissions.isAdmin && !permissions.grants.some((g) => g.role === "admin")
      ? [{ role: "admin" as const, scope: "" }, ...permissions.grants]
      : permissions.grants;
  return describeGrants(language, grants);
}
