import type { TurnContext } from "botbuilder";
import { detectLanguage } from "../../../shared/language.ts";
import { userMessageFor } from "../error-message.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { knownLanguage } from "../turn-language.ts";
import { turnBudget, withinTurnBudget } from "../turn-budget.ts";

/**
 * The one place where a failing handler turns into a reply a person can act on. The log keeps
 * the detail; the user gets the message for the error's code, in their language. The handler runs
 * within the turn's time budget, so a slow database gets "try again" before Teams gives up.
 */
export function guarded<Args extends unknown[]>(
  deps: TeamsDependencies,
  name: string,
  handler: (context: TurnContext, ...args: Args) => Promise<void>,
): (context: TurnContext, ...args: Args) => Promise<void> {
  return async (context, ...args) => {
    try {
      await withinTurnBudget(context, deps, () => handler(context, ...args));
    } catch (error) {
      const code = deps.classifyError(error);
      // A person's mistake or a missing right is worth a note; anything else is an error to look at.
      const expected = code === "invalid_input" || code === "forbidden" || code === "not_found";
      deps.logger[expected ? "info" : "error"](
        {
          err: error,
          handler: name,
          code,
          activityId: context.activity.id,
          conversationId: context.activity.conversation?.id,
        },
        expected ? "request refused" : "handler failed",
      );
      const language = detectLanguage(context.activity.text, knownLanguage(context));
      try {
        await turnBudget(context, deps).answerLate(() => context.sendActivity(userMessageFor(language, error, code)));
      } catch (replyError) {
        // The channel itself is failing (e.g. Teams is unreachable); nothing more to tell the user.
        deps.logger.warn({ err: replyError, handler: name }, "could not send the error reply");
      }
    }
  };
}
