// Runs before anything else in a turn: it starts the turn's time budget, drops activities from tenants
// that are not the municipality's whatever their token says, and recognises an activity Teams sends
// again (it re-sends when an answer is slow, possibly to another instance). A re-sent message is not
// answered twice; a re-sent card action gets the card the first one answered with.
import type { TurnContext } from "botbuilder";
import { claimLifetimeMs } from "../../../conversation/activity-claims.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { tenantId } from "../turn-facts.ts";
import { turnBudget } from "../turn-budget.ts";
import { withDeadline } from "../../../shared/deadline.ts";

/** The invoke response teams-ai sends for a card action: a card (stored for re-sends) or a message. */
interface InvokeReply {
  status?: number;
  body?: { type?: string };
}

const cardType = "application/vnd.microsoft.card.adaptive";

function isCardReply(value: unknown): value is InvokeReply {
  const reply = value as InvokeReply | undefined;
  return reply?.status === 200 && reply.body?.type === cardType;
}

/**
 * Activities this instance has handled recently, with the card each card action answered with. It
 * answers re-sends to this instance without the database, and keeps working when the database cannot
 * take claims; the database's claims are what other instances see.
 */
export class RecentActivities {
  private readonly seen = new Map<string, { atMs: number; reply?: InvokeReply }>();

  constructor(
    private readonly ttlMs = claimLifetimeMs,
    private readonly max = 20_000,
  ) {}

  /** The earlier handling within the time-to-live, or undefined the first time (which it then records). */
  offer(key: string, nowMs: number): { reply?: InvokeReply } | undefined {
    const before = this.seen.get(key);
    if (before !== undefined && nowMs - before.atMs < this.ttlMs) return before;
    this.seen.set(key, { atMs: nowMs });
    if (this.seen.size > this.max) {
      // Maps keep insertion order: drop the oldest tenth.
      let drop = Math.ceil(this.max / 10);
      for (const oldKey of this.seen.keys()) {
        if (drop-- <= 0) break;
        this.seen.delete(oldKey);
      }
    }
    return undefined;
  }

  rememberReply(key: string, reply: InvokeReply): void {
    const entry = this.seen.get(key);
    if (entry) entry.reply = reply;
  }
}

export function turnGate(deps: TeamsDependencies, recent = new RecentActivities()) {
  let lastSweepMs = 0;

  /** Old claims go at most once a minute per instance, off the turn's path. */
  const sweepNow = (nowMs: number) => {
    if (nowMs - lastSweepMs < 60_000) return;
    lastSweepMs = nowMs;
    deps.activityClaims
      .sweep(new Date(nowMs - claimLifetimeMs))
      .catch((error: unknown) => deps.logger.warn({ err: error }, "could not delete old activity claims"));
  };

  /** A re-send: a card action gets its card again (or runs again, idempotently, when none was stored); a message is dropped. */
  const answerResend = async (
    context: TurnContext,
    reply: unknown,
    where: "this instance" | "another instance",
  ): Promise<boolean> => {
    const { type, id } = context.activity;
    if (type === "invoke") {
      if (!isCardReply(reply)) {
        deps.logger.info({ activityId: id, where }, "card action re-sent before its card was stored; handled again");
        return true;
      }
      await context.sendActivity({ type: "invokeResponse", value: reply });
      deps.logger.info({ activityId: id, where }, "card action re-sent by the channel; answered with the stored card");
      return false;
    }
    deps.logger.info({ activityId: id, type, where }, "activity re-sent by the channel; already handled");
    return false;
  };

  return async (context: TurnContext): Promise<boolean> => {
    const budget = turnBudget(context, deps);
    const activity = context.activity;
    const tenant = tenantId(activity);
    if (deps.allowedTenants.length > 0 && (!tenant || !deps.allowedTenants.includes(tenant))) {
      deps.logger.warn(
        { tenant: tenant ?? null, type: activity.type, activityId: activity.id, from: activity.from?.aadObjectId },
        "activity from a tenant that is not allowed; ignored",
      );
      return false;
    }
    if ((activity.type !== "message" && activity.type !== "invoke") || !activity.id || !activity.conversation?.id)
      return true;

    const key = `${activity.conversation.id}|${activity.id}`;
    const now = deps.clock.now();
    const earlier = recent.offer(key, now.getTime());
    if (earlier) return answerResend(context, earlier.reply, "this instance");
    try {
      const claim = await deps.activityClaims.claim(key, now);
      if (!claim.first) return answerResend(context, claim.reply, "another instance");
    } catch (error) {
      // Without the database the turn still runs (this instance recognises its own re-sends); it will
      // most likely answer that the database is unavailable, and should not wait for it again first.
      if (deps.classifyError(error) === "database_unavailable") budget.databaseUnavailable = true;
      deps.logger.warn({ err: error, activityId: activity.id }, "could not claim the activity; handling it anyway");
    }
    sweepNow(now.getTime());

    if (activity.type === "invoke") {
      context.onSendActivities(async (_context, activities, next) => {
        const responses = await next();
        const reply = activities.find((a) => a.type === "invokeResponse")?.value;
        if (isCardReply(reply)) {
          recent.rememberReply(key, reply);
          // Within what is left of the turn: a re-send that finds no stored card runs again, which is safe.
          const saved = deps.activityClaims.saveReply(key, reply);
          await withDeadline(
            saved,
            Math.max(200, budget.remainingMs()),
            () => new Error("no time left to store the card"),
          ).catch((error: unknown) =>
            deps.logger.warn({ err: error, activityId: activity.id }, "could not store the card for re-sends"),
          );
        }
        return responses;
      });
    }
    return true;
  };
}
