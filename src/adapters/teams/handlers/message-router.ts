import type { TurnContext } from "botbuilder";
import type { CommandId } from "../../../conversation/command-catalog.ts";
import { interpretMessage } from "../../../conversation/interpret-message.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { knownLanguage } from "../turn-language.ts";
import type { CommandHandler } from "./command-request.ts";
import { questionHandler } from "./question-handler.ts";
import { translate } from "../../../shared/messages/translate.ts";

/** Longest chat message the bot reads. */
export const maxMessageLength = 4000;

/**
 * A card button that asks something as if it were typed: Action.Submit with data `{ ask: "hjälp" }`.
 * Teams and the Agents Playground both deliver it as a message whose value holds the data. (imBack
 * and msteams messageBack do nothing in the Playground, so the cards use this instead.)
 */
export function askedText(activity: { text?: string; value?: unknown }): string | undefined {
  if (activity.text?.trim()) return activity.text;
  const ask = (activity.value as { ask?: unknown } | undefined)?.ask;
  return typeof ask === "string" ? ask.slice(0, maxMessageLength) : activity.text;
}

/**
 * Every chat message comes here (mentions already stripped by the Application): a command phrase
 * goes to its handler; anything else is a question about the agreements.
 */
export function routeMessage(deps: TeamsDependencies, commands: Record<CommandId, CommandHandler>) {
  const answerQuestion = questionHandler(deps);
  return async (context: TurnContext): Promise<void> => {
    // A question or command is a few lines; a pasted document is not something to search with.
    if ((context.activity.text ?? "").length > maxMessageLength) {
      await context.sendActivity(translate(knownLanguage(context), "message.tooLong", { max: maxMessageLength }));
      return;
    }
    const interpretation = interpretMessage(askedText(context.activity), knownLanguage(context));
    switch (interpretation.kind) {
      case "command":
        await commands[interpretation.command](context, {
          argument: interpretation.argument,
          language: interpretation.language,
        });
        return;
      case "empty":
        // A bare @mention or an empty card submit: show what the bot can do.
        await commands.help(context, { argument: "", language: interpretation.language });
        return;
      case "text":
        await answerQuestion(context, interpretation.text, interpretation.language);
        return;
    }
  };
}
