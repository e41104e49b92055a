// Reads what the bot needs from a Teams activity, in the domain's terms.
import { TurnContext, type Activity } from "botbuilder";
import type { ConversationSighting, ConversationType } from "../../people/conversation-sighting.ts";
import { displayName } from "../../people/display-name.ts";
import type { Actor } from "../../people/roles.ts";

export function conversationType(activity: Partial<Activity>): ConversationType {
  const type = activity.conversation?.conversationType;
  return type === "channel" || type === "groupChat" ? type : "personal";
}

export function tenantId(activity: Partial<Activity>): string | undefined {
  return (
    activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id
  );
}

export function isSharedConversation(activity: Partial<Activity>): boolean {
  return conversationType(activity) !== "personal";
}

/** Who wrote, where: `undefined` when the activity names no tenant or conversation (not from Teams). */
export function sightingFromActivity(activity: Activity): ConversationSighting | undefined {
  const tenant = tenantId(activity);
  if (!tenant || !activity.conversation?.id || !activity.serviceUrl) return undefined;
  const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  // Entra object ids are GUIDs; Teams and Entra disagree on their case, so they are kept in lower case.
  const aadObjectId = activity.from?.aadObjectId?.toLowerCase();
  return {
    tenantId: tenant,
    conversationId: activity.conversation.id,
    conversationType: conversationType(activity),
    teamId,
    serviceUrl: activity.serviceUrl,
    reference: TurnContext.getConversationReference(activity),
    person: aadObjectId
      ? { aadObjectId, displayName: activity.from.name || undefined, teamsUserId: activity.from.id || undefined }
      : undefined,
  };
}

export function botWasAdded(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).some((member) => member.id === botId);
}

/** The person acting in this turn, or undefined when Teams did not say who it is. */
export function actorFromActivity(activity: Partial<Activity>): Actor | undefined {
  const tenant = tenantId(activity);
  const aadObjectId = activity.from?.aadObjectId?.toLowerCase();
  if (!tenant || !aadObjectId) return undefined;
  const sent = activity.from?.name;
  const name = displayName(sent) ?? aadObjectId;
  return { tenantId: tenant, aadObjectId, name, ...(sent && sent !== name ? { sentName: sent } : {}) };
}
