import type { TurnContext } from "botbuilder";
import { forgetConversation, rememberConversation } from "../../../people/remember-conversation.ts";
import type { ConversationSighting } from "../../../people/conversation-sighting.ts";
import { guessLanguage, type Language } from "../../../shared/language.ts";
import { welcomeCardData } from "../cards/welcome-card.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { botWasAdded, sightingFromActivity } from "../turn-facts.ts";
import { setKnownLanguage } from "../turn-language.ts";
import { turnBudget } from "../turn-budget.ts";

/**
 * Who was recorded recently, so that a conversation in full flow is not written on every message:
 * the row is refreshed when something changes (name, language, service URL) or after a minute.
 */
export class RecentSightings {
  private readonly entries = new Map<
    string,
    { atMs: number; language?: Language; displayName?: string; serviceUrl: string }
  >();

  constructor(private readonly refreshMs = 60_000) {}

  private key(sighting: ConversationSighting): string {
    return `${sighting.conversationId}|${sighting.person?.aadObjectId ?? ""}`;
  }

  /** The language last recorded, when the sighting adds nothing new; undefined = write it. */
  fresh(sighting: ConversationSighting, nowMs: number): { language?: Language } | undefined {
    const entry = this.entries.get(this.key(sighting));
    if (!entry || nowMs - entry.atMs >= this.refreshMs || entry.serviceUrl !== sighting.serviceUrl) return undefined;
    const person = sighting.person;
    if (person?.language && person.language !== entry.language) return undefined;
    if (person?.displayName && person.displayName !== entry.displayName) return undefined;
    return { language: entry.language };
  }

  remember(sighting: ConversationSighting, language: Language | undefined, nowMs: number): void {
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(this.key(sighting), {
      atMs: nowMs,
      language,
      displayName: sighting.person?.displayName,
      serviceUrl: sighting.serviceUrl,
    });
  }

  forget(conversationId: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${conversationId}|`)) this.entries.delete(key);
  }
}

/**
 * Before every turn: remember who wrote and where, for proactive messages later. A database
 * hiccup here must not stop the bot from answering, so failures are logged and the turn goes on.
 */
export function rememberWhoIsTalking(deps: TeamsDependencies, recent: RecentSightings) {
  return async (context: TurnContext): Promise<boolean> => {
    const sighting = sightingFromActivity(context.activity);
    if (!sighting) return true;
    // The database already failed in this turn (the claim): the answer matters more than the sighting.
    if (turnBudget(context, deps).databaseUnavailable) return true;
    if (sighting.person && context.activity.type === "message") {
      sighting.person.language = guessLanguage(context.activity.text);
    }
    const nowMs = deps.clock.now().getTime();
    // Installs and other conversation events are always written; messages and clicks only when something is new.
    const routine = context.activity.type === "message" || context.activity.type === "invoke";
    const known = routine ? recent.fresh(sighting, nowMs) : undefined;
    if (known) {
      setKnownLanguage(context, known.language);
      return true;
    }
    try {
      const { personLanguage } = await rememberConversation(deps, sighting);
      setKnownLanguage(context, personLanguage);
      recent.remember(sighting, personLanguage, nowMs);
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
export function trackInstallation(deps: TeamsDependencies, recent: RecentSightings) {
  return async (context: TurnContext): Promise<void> => {
    const action = (context.activity as { action?: string }).action ?? "";
    if (action.startsWith("remove") && context.activity.conversation?.id) {
      recent.forget(context.activity.conversation.id);
      await forgetConversation(deps, context.activity.conversation.id);
    }
  };
}
