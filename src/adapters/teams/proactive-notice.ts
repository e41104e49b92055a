// Posts a card into someone's personal chat with the bot outside their own turn: the request to
// reopen a report goes to the committee's experts, and the chief hears when it was reopened.
import type { Activity, ConversationReference } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { ConversationRepository } from "../../people/conversation-sighting.ts";
import type { Language } from "../../shared/language.ts";
import { withoutLibraryRetries } from "./proactive-send.ts";

export interface PersonNotifier {
  /** Sends the message (built in the person's language) to their personal chat; false when the app is not installed for them. */
  send(
    person: { tenantId: string; aadObjectId: string },
    message: (language: Language) => Partial<Activity>,
  ): Promise<boolean>;
}

export class TeamsPersonNotifier implements PersonNotifier {
  constructor(
    private readonly adapter: Pick<TeamsAdapter, "continueConversationAsync" | "ConnectorClientKey">,
    private readonly botAppId: string | undefined,
    private readonly conversations: ConversationRepository,
  ) {}

  async send(
    person: { tenantId: string; aadObjectId: string },
    message: (language: Language) => Partial<Activity>,
  ): Promise<boolean> {
    const conversation = await this.conversations.findPersonalConversation(person.tenantId, person.aadObjectId);
    if (!conversation) return false;
    const activity = message(conversation.person?.language ?? "sv");
    await this.adapter.continueConversationAsync(
      this.botAppId ?? "",
      conversation.reference as Partial<ConversationReference>,
      async (context) => {
        withoutLibraryRetries(context, this.adapter);
        await context.sendActivity(activity);
      },
    );
    return true;
  }
}
