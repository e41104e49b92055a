// Finding the person a role is for by the name someone typed: the same rule in Teams and on the
// command line. A role only goes to the person named exactly; a partial match is offered, never taken.
import type { ConversationRepository, KnownPerson } from "./conversation-sighting.ts";
import { displayName, sameName } from "./display-name.ts";

export type PersonByName =
  | { kind: "found"; person: KnownPerson }
  /** No exact match, but these names contain what was typed: one is a suggestion, several a choice. */
  | { kind: "partial"; candidates: KnownPerson[] }
  | { kind: "unknown" };

export async function findPersonByName(
  conversations: Pick<ConversationRepository, "findPeople">,
  tenantIds: readonly string[],
  name: string,
): Promise<PersonByName> {
  // Compared as shown: invisible characters cannot make two names the same or different.
  const wanted = (displayName(name) ?? "").replace(/^@/, "");
  const found = (
    await Promise.all(tenantIds.map((tenantId) => conversations.findPeople(tenantId, { name: wanted.toLowerCase() })))
  ).flat();
  const exact = found.filter((p) => sameName(p.displayName, wanted));
  if (exact.length === 1) return { kind: "found", person: exact[0]! };
  if (found.length > 0) return { kind: "partial", candidates: exact.length > 1 ? exact : found };
  return { kind: "unknown" };
}
