// Sends the weekly digest into an expert's personal chat or a committee's team channel, and tells
// the use case how Teams answered: throttled (retry), refused (not delivered) or unknown.
import type { ConversationReference } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import type { Digest, DigestRecipient } from "../../digest/digest-model.ts";
import { DeliveryRefusedError, NotSentError, ThrottledError, type DigestChannel } from "../../digest/send-digests.ts";
import { channelIdOf, type ConversationRepository } from "../../people/conversation-sighting.ts";
import type { CardRenderer } from "./card-renderer.ts";
import { withoutLibraryRetries } from "./proactive-send.ts";
import { digestCardData, digestFallbackText } from "./cards/digest-card.ts";

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const code = e.statusCode ?? e.status ?? e.response?.status;
  return typeof code === "number" ? code : undefined;
}

function retryAfterMs(error: unknown): number {
  const headers = (
    error as { response?: { headers?: { get?: (name: string) => string | undefined | null } | Record<string, string> } }
  ).response?.headers;
  const raw =
    headers && typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get: (n: string) => string | null | undefined }).get("retry-after")
      : (headers as Record<string, string> | undefined)?.["retry-after"];
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
}

/** Errors raised before a request reached Teams: no connection, or no token from Entra. */
function failedBeforeSending(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown; message?: unknown };
  if (
    typeof e.code === "string" &&
    ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"].includes(e.code)
  )
    return true;
  return typeof e.name === "string" && /Auth|Msal|Credential/i.test(e.name);
}

export class TeamsDigestChannel implements DigestChannel {
  constructor(
    private readonly adapter: Pick<TeamsAdapter, "continueConversationAsync" | "ConnectorClientKey">,
    private readonly botAppId: string | undefined,
    private readonly conversations: ConversationRepository,
    private readonly cards: CardRenderer,
  ) {}

  async send(recipient: DigestRecipient, digest: Digest): Promise<{ activityId?: string } | { noConversation: true }> {
    const conversation =
      recipient.kind === "person"
        ? await this.conversations.findPersonalConversation(recipient.tenantId, recipient.aadObjectId!)
        : (await this.conversations.listConversations()).find(
            (c) => channelIdOf(c.conversationId) === recipient.conversationId && !c.uninstalledAt,
          );
    if (!conversation) return { noConversation: true };
    // In a channel, post a new message to the channel itself rather than into the thread we were last mentioned in.
    const reference = conversation.reference as Partial<ConversationReference>;
    const target =
      recipient.kind === "channel" && reference.conversation
        ? { ...reference, conversation: { ...reference.conversation, id: recipient.conversationId! } }
        : reference;
    const language = conversation.person?.language ?? "sv";
    const activity = {
      attachments: [this.cards.attachment("digest", digestCardData(language, digest))],
      // Shown in notifications; the card carries the same line as its fallbackText.
      summary: digestFallbackText(language, digest),
    };
    let activityId: string | undefined;
    try {
      await this.adapter.continueConversationAsync(this.botAppId ?? "", target, async (context) => {
        withoutLibraryRetries(context, this.adapter);
        activityId = (await context.sendActivity(activity))?.id;
      });
    } catch (error) {
      if (failedBeforeSending(error)) throw new NotSentError((error as Error).message, { cause: error });
      const status = statusOf(error);
      if (status === 429) throw new ThrottledError(retryAfterMs(error));
      // A definite answer that it was not taken (bad request, forbidden, conversation gone).
      if (status !== undefined && status >= 400 && status < 500)
        throw new DeliveryRefusedError(`Teams answered ${status}`, status);
      throw error; // 5xx, timeouts, resets: it may have arrived
    }
    return { activityId };
  }
}
