// Runs before anything else in a turn: activities from tenants that are not the municipality's are
// dropped whatever their token says, and an activity Teams sends again (it re-sends when a reply is
// slow) is handled once.
import type { TurnContext } from "botbuilder";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { tenantId } from "../turn-facts.ts";

/** Activity ids seen recently, per process. Use cases are idempotent too, so a second instance seeing a re-send is harmless. */
export class RecentActivities {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60 * 1000,
    private readonly max = 20_000,
  ) {}

  /** True the first time a key is offered within the time-to-live. */
  firstTime(key: string, nowMs: number): boolean {
    const before = this.seen.get(key);
    if (before !== undefined && nowMs - before < this.ttlMs) return false;
    this.seen.set(key, nowMs);
    if (this.seen.size > this.max) {
      // Maps keep insertion order: drop the oldest tenth.
      let drop = Math.ceil(this.max / 10);
      for (const oldKey of this.seen.keys()) {
        if (drop-- <= 0) break;
        this.seen.delete(oldKey);
      }
    }
    return true;
  }
}

export function turnGate(deps: TeamsDependencies, recent = new RecentActivities()) {
  return async (context: TurnContext): Promise<boolean> => {
    const activity = context.activity;
    const tenant = tenantId(activity);
    if (deps.allowedTenants.length > 0 && (!tenant || !deps.allowedTenants.includes(tenant))) {
      deps.logger.warn({ tenant: tenant ?? null, type: activity.type, activityId: activity.id, from: activity.from?.aadObjectId }, "activity from a tenant that is not allowed; ignored");
      return false;
    }
    if ((activity.type === "message" || activity.type === "invoke") && activity.id && activity.conversation?.id) {
      if (!recent.firstTime(`${activity.conversation.id}|${activity.id}`, deps.clock.now().getTime())) {
        deps.logger.info({ activityId: activity.id, type: activity.type }, "activity re-sent by the channel; already handled");
        return false;
      }
    }
    return true;
  };
}
