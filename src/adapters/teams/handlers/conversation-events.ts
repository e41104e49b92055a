import type { TurnContext } from "botbuilder";
import { forgetConversation, rememberConversation } from "../../../people/remember-conversation.ts";
import { guessLanguage } from "../../../shared/language.ts";
import { welcomeCardData } from "../cards/welcome-card.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { botWasAdded, sightingFromActivity } from "../turn-facts.ts";
import { setKnownLanguage } from "../turn-language.ts";

/**
 * Before every turn: remember who wrote and where, for proactive messages later. A database
 * hiccup here must not stop the bot from answering, so failures are logged and the turn goes on.
 */
export function rememberWhoIsTalking(deps: TeamsDependencies) {
  return async (context: TurnContext): Promise<boolean> => {
    const sighting = sightingFromActivity(context.activity);
    if (!sighting) return true;
    if (sighting.person && context.activity.type === "message") {
      sighting.person.language = guessLanguage(context.activity.text);
    }
    try {
      const { personLanguage } = await rememberConversation(deps, sighting);
      setKnownLanguage(context, personLanguage);
    } catch (error) {
      deps.logger.warn({ err: error, conversationId: sighting.conversationId }, "could not record the conversation");
    }
    return true;
  };
}

/** The bot was added to a personal chat, group chat or team: introduce itself (in Swedish). */
export function welcomeOnInstall(deps: TeamsDependencies) {
  return async (context: TurnContext): Promise<void> => {
    if (!botWasAdded(context)) return;
    await context.sendActivity({ attachments: [deps.cards.attachment("welcome", welcomeCardData("sv"))] });
  };
}

/** Teams tells us when the app is removed; stop posting there (the history stays). */
export function trackInstallation(deps: TeamsDependencies) {
  return async (context: TurnContext): Promise<void> => {
    const action = (context.activity as { action?: string }).action ?? "";
    if (action.startsWith("remove") && context.activity.conversation?.id) {
      await forgetConversation(deps, context.activity.conversation.id);
    }
  };
}
