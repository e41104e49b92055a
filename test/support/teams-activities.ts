// Activities shaped the way Microsoft Teams sends them, for in-process bot tests.
import type { Activity, ChannelAccount } from "botbuilder";

export const BOT: ChannelAccount = { id: "28:uppfoljningsboten", name: "Uppföljningsboten" };
export const TENANT = "tenant-nykoping";

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export const anna: TeamsUser = { id: "29:anna", aadObjectId: "aad-anna", name: "Anna Andersson" };
export const bertil: TeamsUser = { id: "29:bertil", aadObjectId: "aad-bertil", name: "Bertil Berg" };

type Where =
  | { kind: "personal"; user: TeamsUser }
  | { kind: "groupChat"; id: string }
  | { kind: "channel"; teamId: string; channelId: string };

let counter = 0;

function conversationOf(where: Where, user: TeamsUser) {
  switch (where.kind) {
    case "personal":
      return {
        conversation: {
          id: `a:personal-${user.aadObjectId}`,
          conversationType: "personal",
          tenantId: TENANT,
          isGroup: false,
        },
        channelData: { tenant: { id: TENANT } },
      };
    case "groupChat":
      return {
        conversation: { id: where.id, conversationType: "groupChat", tenantId: TENANT, isGroup: true },
        channelData: { tenant: { id: TENANT } },
      };
    case "channel":
      return {
        conversation: { id: where.channelId, conversationType: "channel", tenantId: TENANT, isGroup: true },
        channelData: { tenant: { id: TENANT }, team: { id: where.teamId }, channel: { id: where.channelId } },
      };
  }
}

function base(user: TeamsUser, where: Where): Partial<Activity> {
  counter += 1;
  const { conversation, channelData } = conversationOf(where, user);
  return {
    id: `activity-${counter}`,
    channelId: "msteams",
    serviceUrl: "https://smba.trafficmanager.net/emea/",
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT,
    conversation: conversation as Activity["conversation"],
    channelData,
    timestamp: new Date("2025-03-03T08:00:00Z"),
    locale: "sv-SE",
  };
}

export const personal = (user: TeamsUser): Where => ({ kind: "personal", user });

export function message(text: string, user: TeamsUser = anna, where: Where = personal(user)): Partial<Activity> {
  return { ...base(user, where), type: "message", text, textFormat: "plain" };
}

/** A channel message that @mentions the bot, as Teams delivers it. */
export function mentionMessage(text: string, user: TeamsUser, where: Where): Partial<Activity> {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...message(`${mention} ${text}`, user, where),
    entities: [{ type: "mention", text: mention, mentioned: BOT }],
  };
}

/** Teams sends this when the app is added to a chat or team: the bot is among the new members. */
export function botAdded(user: TeamsUser = anna, where: Where = personal(user)): Partial<Activity> {
  return {
    ...base(user, where),
    type: "conversationUpdate",
    membersAdded: [BOT],
    channelData: { ...conversationOf(where, user).channelData, eventType: "teamMemberAdded" },
  };
}

export function memberAdded(newMember: TeamsUser, user: TeamsUser, where: Where): Partial<Activity> {
  return {
    ...base(user, where),
    type: "conversationUpdate",
    membersAdded: [{ id: newMember.id, name: newMember.name }],
  };
}

export function installationUpdate(
  action: "add" | "remove",
  user: TeamsUser = anna,
  where: Where = personal(user),
): Partial<Activity> {
  return { ...base(user, where), type: "installationUpdate", action } as Partial<Activity>;
}

export const cecilia: TeamsUser = { id: "29:cecilia", aadObjectId: "aad-cecilia", name: "Cecilia Carlsson" };

/** A click on an Action.Execute button: Teams sends an invoke named adaptiveCard/action with the card's data and inputs. */
export function cardAction(
  verb: string,
  data: Record<string, unknown>,
  user: TeamsUser = anna,
  where: Where = personal(user),
): Partial<Activity> {
  return {
    ...base(user, where),
    type: "invoke",
    name: "adaptiveCard/action",
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  };
}

/** The administrator named in ADMIN_AAD_OBJECT_IDS by tests (object ids are GUIDs). */
export const admin: TeamsUser = {
  id: "29:admin",
  aadObjectId: "00000000-0000-0000-0000-00000000ad01",
  name: "Ada Admin",
};
