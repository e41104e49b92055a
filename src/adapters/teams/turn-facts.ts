// Reads what the bot needs from a Teams activity, in the domain's terms.
import { TurnContext, type Activity } from "botbuilder";
import type { ConversationSighting, ConversationType } from "../../people/conversation-sighting.ts";

export function conversationType(activity: Partial<Activity>): ConversationType {
  const type = activity.conversation?.conversationType;
  return type === "channel" || type === "groupChat" ? type : "personal";
}

export function tenantId(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export function isSharedConversation(activity: Partial<Activity>): boolean {
  return conversationType(activity) !== "personal";
}

/** Who wrote, where: `undefined` when the activity names no tenant or conversation (not from Teams). */
export function sightingFromActivity(activity: Activity): ConversationSighting | undefined {
  const tenant = tenantId(activity);
  if (!tenant || !activity.conversation?.id || !activity.serviceUrl) return undefined;
  const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  const aadObjectId = activity.from?.aadObjectId;
  return {
    tenantId: tenant,
    conversationId: activity.conversation.id,
    conversationType: conversationType(activity),
    teamId,
    serviceUrl: activity.serviceUrl,
    reference: TurnContext.getConversationReference(activity),
    person: aadObjectId ? { aadObjectId, displayName: activity.from.name || undefined } : undefined,
  };
}

export function botWasAdded(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).some((member) => member.id === botId);
}
