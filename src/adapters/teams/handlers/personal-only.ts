import type { TurnContext } from "botbuilder";
import { shownInSharedConversation, type PersonalContent } from "../../../conversation/shared-conversations.ts";
import type { Language } from "../../../shared/language.ts";
import { translate, type MessageKey } from "../../../shared/messages/translate.ts";
import { isSharedConversation } from "../turn-facts.ts";

/** The message that says `content` is only shown in the personal chat. */
export function personalOnlyText(language: Language, content: PersonalContent): string {
  return translate(language, `shared.personalOnly.${content}` as MessageKey);
}

/** Applies the shared-conversation rule: true, after saying so, when `content` may not be shown here. */
export async function refusedInSharedConversation(
  context: TurnContext,
  language: Language,
  content: PersonalContent,
): Promise<boolean> {
  if (!isSharedConversation(context.activity) || shownInSharedConversation(content)) return false;
  await context.sendActivity(personalOnlyText(language, content));
  return true;
}
