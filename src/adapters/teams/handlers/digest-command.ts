// "sammandrag" / "digest": an expert's weekly digest on demand, pausing and resuming it, skipping
// quiet weeks, and connecting a team channel to a committee's digest.
import type { TurnContext } from "botbuilder";
import type { DigestRecipient } from "../../../digest/digest-model.ts";
import { composeDigest } from "../../../digest/send-digests.ts";
import { channelIdOf } from "../../../people/conversation-sighting.ts";
import { translate, type MessageKey } from "../../../shared/messages/translate.ts";
import { digestCardData, digestFallbackText } from "../cards/digest-card.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { conversationType } from "../turn-facts.ts";
import { refusedInSharedConversation } from "./personal-only.ts";
import { actingPerson } from "./acting-person.ts";
import type { CommandRequest } from "./command-request.ts";

const words = {
  pause: ["paus", "pausa", "pause", "stop", "stoppa", "av", "off"],
  resume: ["på", "pa", "återuppta", "aterupta", "resume", "start", "on"],
  quiet: ["tyst", "quiet", "skip quiet"],
  always: ["alltid", "always"],
};

export function digestCommand(deps: TeamsDependencies) {
  return async (context: TurnContext, request: CommandRequest): Promise<void> => {
    const language = request.language;
    const say = (key: MessageKey, params: Record<string, string | number> = {}) =>
      context.sendActivity(translate(language, key, params));
    const person = await actingPerson(deps, context);
    if (!person) return void (await say("status.unknownUser"));
    const { actor, permissions } = person;
    const argument = request.argument.trim();
    const now = deps.clock.now();

    const channelMatch = /^(kanal|channel)(\s+(av|off|bort|remove))?\s+([a-zåäö0-9-]{1,16})$/i.exec(argument);
    if (channelMatch || /^(kanal|channel)\b/i.test(argument)) {
      if (!channelMatch) return void (await say("digest.usage"));
      if (conversationType(context.activity) !== "channel") return void (await say("digest.channelOnlyInChannel"));
      const committee = channelMatch[4]!.toUpperCase();
      if (!permissions.isAdmin && !permissions.committees.includes(committee))
        return void (await say("digest.channelNotAllowed", { committee }));
      const channelData = context.activity.channelData as { channel?: { id?: string } } | undefined;
      const conversationId = channelData?.channel?.id ?? channelIdOf(context.activity.conversation.id);
      if (channelMatch[3]) {
        const removed = await deps.digest.preferences.removeChannel(committee, conversationId);
        return void (await say(removed ? "digest.channelRemoved" : "digest.channelNotConnected", { committee }));
      }
      await deps.digest.preferences.addChannel(
        committee,
        conversationId,
        `${actor.tenantId}/${actor.aadObjectId}`,
        now,
      );
      return void (await say("digest.channelAdded", { committee }));
    }

    if (permissions.committees.length === 0) return void (await say("digest.notExpert"));
    if (words.pause.includes(argument)) {
      await deps.digest.preferences.set(actor.tenantId, actor.aadObjectId, { paused: true }, now);
      return void (await say("digest.paused"));
    }
    if (words.resume.includes(argument)) {
      await deps.digest.preferences.set(actor.tenantId, actor.aadObjectId, { paused: false }, now);
      return void (await say("digest.resumed"));
    }
    if (words.quiet.includes(argument)) {
      await deps.digest.preferences.set(actor.tenantId, actor.aadObjectId, { skipQuiet: true }, now);
      return void (await say("digest.skipQuietOn"));
    }
    if (words.always.includes(argument)) {
      await deps.digest.preferences.set(actor.tenantId, actor.aadObjectId, { skipQuiet: false }, now);
      return void (await say("digest.skipQuietOff"));
    }
    if (argument) return void (await say("digest.usage"));

    if (await refusedInSharedConversation(context, language, "digest")) return;
    // This week's digest now, as a preview: it is not a delivery and does not change what Monday sends.
    const recipient: DigestRecipient = {
      key: `person:${actor.tenantId}/${actor.aadObjectId}`,
      kind: "person",
      name: actor.name,
      tenantId: actor.tenantId,
      aadObjectId: actor.aadObjectId,
      committeeCodes: permissions.committees,
    };
    const digest = await composeDigest(deps.digest, recipient, { horizonDays: deps.digest.horizonDays });
    await context.sendActivity({
      attachments: [deps.cards.attachment("digest", digestCardData(language, digest))],
      summary: digestFallbackText(language, digest),
    });
  };
}
