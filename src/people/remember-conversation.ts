import type { Clock } from "../shared/clock.ts";
import type { Language } from "../shared/language.ts";
import type { ConversationRepository, ConversationSighting } from "./conversation-sighting.ts";

/**
 * Keeps who talked to the bot and where, so later features can message them proactively
 * (reminders, digests). Called for every incoming activity that names a conversation.
 * Returns the language the person last wrote in, to answer ambiguous messages in it.
 */
export async function rememberConversation(
  deps: { conversations: ConversationRepository; clock: Clock },
  sighting: ConversationSighting,
): Promise<{ personLanguage?: Language }> {
  return deps.conversations.recordSighting(sighting, deps.clock.now());
}

/** The app was removed from a conversation: stop posting there, keep the history. */
export async function forgetConversation(
  deps: { conversations: ConversationRepository; clock: Clock },
  conversationId: string,
): Promise<void> {
  await deps.conversations.markUninstalled(conversationId, deps.clock.now());
}
