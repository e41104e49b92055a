// Who did what, when. Written by the use cases that change data, read from the CLI.

export interface AuditEntryInput {
  at: Date;
  /** "aad:<tenant>/<object id>" for Teams users, "cli:<os user>" for the command line. */
  actor: string;
  actorName?: string;
  action:
    | "import"
    | "role.grant"
    | "role.revoke"
    | "status.submit"
    | "status.edit"
    | "status.reopen"
    | "item.confirm"
    | "item.edit"
    | "item.remove"
    | "item.add";
  subject: string;
  detail: Record<string, unknown>;
}

export interface AuditEntry extends Omit<AuditEntryInput, "detail"> {
  detail: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntryInput): Promise<void>;
  list(filter?: { action?: string; since?: Date; limit?: number }): Promise<AuditEntry[]>;
}

/** Someone allowed to change things: a Teams user with their permissions, or the operator at the CLI. */
export type Principal =
  | {
      kind: "person";
      actor: { tenantId: string; aadObjectId: string; name: string; sentName?: string };
      isAdmin: boolean;
    }
  | { kind: "operator"; name: string };

export function auditActor(principal: Principal): { actor: string; actorName?: string } {
  return principal.kind === "person"
    ? {
        actor: `aad:${principal.actor.tenantId}/${principal.actor.aadObjectId}`,
        actorName: principal.actor.sentName ?? principal.actor.name,
      }
    : { actor: `cli:${principal.name}` };
}
