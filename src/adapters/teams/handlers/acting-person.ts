import type { TurnContext } from "botbuilder";
import { permissionsOf, type Actor, type Permissions } from "../../../people/roles.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { actorFromActivity } from "../turn-facts.ts";

/** Who acts in this turn and what they may do; undefined when Teams did not say who it is. */
export async function actingPerson(
  deps: TeamsDependencies,
  context: TurnContext,
): Promise<{ actor: Actor; permissions: Permissions } | undefined> {
  const actor = actorFromActivity(context.activity);
  return actor ? { actor, permissions: await permissionsOf(deps, actor) } : undefined;
}
