import type { Language } from "../shared/language.ts";

export type ConversationType = "personal" | "groupChat" | "channel";

/** What one incoming activity tells us about who is talking to the bot, and where. */
export interface ConversationSighting {
  tenantId: string;
  conversationId: string;
  conversationType: ConversationType;
  teamId?: string;
  serviceUrl: string;
  /** Opaque, JSON-serialisable reference the channel adapter needs to post here later. */
  reference: unknown;
  person?: {
    aadObjectId: string;
    displayName?: string;
    /** The Teams user id ("29:…"), by which @mentions name the person. */
    teamsUserId?: string;
    language?: Language;
  };
}

/** Someone the bot has met, as role commands look them up. */
export interface KnownPerson {
  tenantId: string;
  aadObjectId: string;
  displayName?: string;
}

/** A stored place the bot can post to proactively. */
export interface StoredConversation {
  conversationId: string;
  conversationType: ConversationType;
  tenantId: string;
  teamId?: string;
  reference: unknown;
  installedAt: Date;
  lastActivityAt: Date;
  uninstalledAt?: Date;
  person?: { aadObjectId: string; displayName?: string; language?: Language };
}

export interface ConversationRepository {
  /**
   * Upserts the person and the conversation; never forgets a conversation that still works.
   * Returns the language the person last wrote in, if known.
   */
  recordSighting(sighting: ConversationSighting, at: Date): Promise<{ personLanguage?: Language }>;
  markUninstalled(conversationId: string, at: Date): Promise<void>;
  /** The person's personal chat with the bot, if the app is installed for them. */
  findPersonalConversation(tenantId: string, aadObjectId: string): Promise<StoredConversation | undefined>;
  listConversations(): Promise<StoredConversation[]>;
  /** People met in the tenant by Teams user id, object id or (case-insensitive, exact or partial) name. */
  findPeople(
    tenantId: string,
    query: { teamsUserId?: string; aadObjectId?: string; name?: string },
  ): Promise<KnownPerson[]>;
}

/** A team channel's own id: activities in a channel name the thread as "<channel id>;messageid=…". */
export function channelIdOf(conversationId: string): string {
  return conversationId.split(";")[0]!;
}
