// Sends reminder cards into people's personal chats with the bot, outside any incoming turn,
// using the conversation reference stored when the app was installed.
import type { ConversationReference } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { ConversationRepository } from "../../people/conversation-sighting.ts";
import type { PlannedReminder, ReminderChannel } from "../../status/reminders.ts";
import type { CardRenderer } from "./card-renderer.ts";
import { reminderCardData } from "./cards/status-cards.ts";
import { withoutLibraryRetries } from "./proactive-send.ts";

export class TeamsReminderChannel implements ReminderChannel {
  constructor(
    private readonly adapter: Pick<TeamsAdapter, "continueConversationAsync" | "ConnectorClientKey">,
    private readonly botAppId: string | undefined,
    private readonly conversations: ConversationRepository,
    private readonly cards: CardRenderer,
  ) {}

  async deliver(reminder: PlannedReminder): Promise<{ delivered: false } | { delivered: true; activityId?: string }> {
    const conversation = await this.conversations.findPersonalConversation(
      reminder.recipient.tenantId,
      reminder.recipient.aadObjectId,
    );
    if (!conversation) return { delivered: false };
    const language = conversation.person?.language ?? "sv";
    const data = reminderCardData(language, reminder);
    let activityId: string | undefined;
    // Without app credentials (local development) the app id is empty and the connector call is unsigned.
    await this.adapter.continueConversationAsync(
      this.botAppId ?? "",
      conversation.reference as Partial<ConversationReference>,
      async (context) => {
        withoutLibraryRetries(context, this.adapter);
        const response = await context.sendActivity({
          attachments: [this.cards.attachment("status-reminder", data)],
          summary: data.title,
        });
        activityId = response?.id;
      },
    );
    return { delivered: true, activityId };
  }
}
