// Teams waits about ten seconds for a turn: a card action that takes longer shows an error (what was
// typed in the card is lost), and a message is sent again. So each turn has a time budget, counted from
// its start. Handlers run their work within what is left; when it runs out, the turn answers
// "the database is unavailable" (the database is the only thing a turn waits for: the language model
// has a shorter limit of its own and falls back without it), and whatever the abandoned work sends
// afterwards is dropped, so the person never gets a second, late answer.
import type { TurnContext } from "botbuilder";
import { AppError } from "../../shared/app-error.ts";
import { withDeadline } from "../../shared/deadline.ts";
import type { Logger } from "../../shared/logger.ts";

const budgetKey = Symbol("turn budget");

export class TurnBudget {
  private readonly startedAt = performance.now();
  private expired = false;
  private answeringLate = false;
  /** Set when the database already failed in this turn: optional writes are skipped so the answer comes sooner. */
  databaseUnavailable = false;
  constructor(readonly totalMs: number) {}

  remainingMs(): number {
    return this.totalMs - (performance.now() - this.startedAt);
  }

  /** Whether a send may go out: always before the deadline, afterwards only the turn's own answer about it. */
  maySend(): boolean {
    return !this.expired || this.answeringLate;
  }

  expire(): void {
    this.expired = true;
  }

  get hasExpired(): boolean {
    return this.expired;
  }

  /** Sends the answer that says the time ran out; nothing else gets through after the deadline. */
  async answerLate<T>(send: () => Promise<T>): Promise<T> {
    this.answeringLate = true;
    try {
      return await send();
    } finally {
      this.answeringLate = false;
    }
  }
}

/** The turn's budget, started on first use (the turn gate uses it first thing). */
export function turnBudget(context: TurnContext, deps: { turnBudgetMs: number; logger: Logger }): TurnBudget {
  const existing = context.turnState.get(budgetKey) as TurnBudget | undefined;
  if (existing) return existing;
  const budget = new TurnBudget(deps.turnBudgetMs);
  context.turnState.set(budgetKey, budget);
  context.onSendActivities(async (_context, activities, next) => {
    // The invoke response is the card action's one answer, made from what the handler returned in time.
    if (budget.maySend() || activities.every((activity) => activity.type === "invokeResponse")) return next();
    deps.logger.info(
      { activityId: context.activity.id, dropped: activities.length },
      "late reply dropped: the turn already answered that its time ran out",
    );
    return [];
  });
  return budget;
}

/** Runs `work` within what is left of the turn; past that, rejects with "database unavailable". */
export function withinTurnBudget<T>(
  context: TurnContext,
  deps: { turnBudgetMs: number; logger: Logger },
  work: () => Promise<T>,
): Promise<T> {
  const budget = turnBudget(context, deps);
  return withDeadline(work(), budget.remainingMs(), () => {
    budget.expire();
    return new AppError("database_unavailable", `no answer within the turn's budget of ${budget.totalMs} ms`, {
      budgetMs: budget.totalMs,
    });
  });
}
