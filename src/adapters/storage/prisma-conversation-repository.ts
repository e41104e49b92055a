import type {
  ConversationRepository,
  KnownPerson,
  ConversationSighting,
  ConversationType,
  StoredConversation,
} from "../../people/conversation-sighting.ts";
import { displayName, nameKey } from "../../people/display-name.ts";
import type { Language } from "../../shared/language.ts";
import type { PrismaDb } from "./database.ts";
import { isUniqueViolation } from "./storage-errors.ts";

type ConversationRow = {
  conversationId: string;
  conversationType: string;
  tenantId: string;
  teamId: string | null;
  reference: string;
  installedAt: Date;
  lastActivityAt: Date;
  uninstalledAt: Date | null;
  person: { aadObjectId: string; displayName: string | null; language: string | null } | null;
};

function toStoredConversation(row: ConversationRow): StoredConversation {
  return {
    conversationId: row.conversationId,
    conversationType: row.conversationType as ConversationType,
    tenantId: row.tenantId,
    teamId: row.teamId ?? undefined,
    reference: JSON.parse(row.reference) as unknown,
    installedAt: row.installedAt,
    lastActivityAt: row.lastActivityAt,
    uninstalledAt: row.uninstalledAt ?? undefined,
    person: row.person
      ? {
          aadObjectId: row.person.aadObjectId,
          displayName: displayName(row.person.displayName),
          language: (row.person.language as Language | null) ?? undefined,
        }
      : undefined,
  };
}

const withPerson = { person: { select: { aadObjectId: true, displayName: true, language: true } } } as const;

export class PrismaConversationRepository implements ConversationRepository {
  constructor(private readonly prisma: PrismaDb) {}

  async recordSighting(sighting: ConversationSighting, at: Date): Promise<{ personLanguage?: Language }> {
    try {
      return await this.upsertSighting(sighting, at);
    } catch (error) {
      // Two first turns of one new person can race to create the same row; the loser finds it on retry.
      if (isUniqueViolation(error)) return this.upsertSighting(sighting, at);
      throw error;
    }
  }

  // Two idempotent upserts, not an interactive transaction: this runs on every turn, and interactive
  // transactions held pooled PostgreSQL connections idle under concurrent load (see bench/load.bench.ts).
  // A turn that stops between them leaves a person without the conversation row; the next turn adds it.
  private async upsertSighting(sighting: ConversationSighting, at: Date): Promise<{ personLanguage?: Language }> {
    let personId: string | undefined;
    let personLanguage: Language | undefined;
    if (sighting.person) {
      const { aadObjectId, displayName, language, teamsUserId } = sighting.person;
      const person = await this.prisma.person.upsert({
        where: { tenantId_aadObjectId: { tenantId: sighting.tenantId, aadObjectId } },
        create: {
          tenantId: sighting.tenantId,
          aadObjectId,
          displayName,
          teamsUserId,
          language,
          firstSeenAt: at,
          lastSeenAt: at,
        },
        // A missing name or language in one activity must not erase what an earlier one told us.
        update: {
          lastSeenAt: at,
          ...(displayName ? { displayName } : {}),
          ...(language ? { language } : {}),
          ...(teamsUserId ? { teamsUserId } : {}),
        },
        select: { id: true, language: true },
      });
      personId = person.id;
      personLanguage = (person.language as Language | null) ?? undefined;
    }
    const reference = JSON.stringify(sighting.reference);
    // Only personal chats belong to one person; group chats and channels are shared places.
    const owner = sighting.conversationType === "personal" ? personId : undefined;
    await this.prisma.conversationReference.upsert({
      where: { conversationId: sighting.conversationId },
      create: {
        conversationId: sighting.conversationId,
        conversationType: sighting.conversationType,
        tenantId: sighting.tenantId,
        teamId: sighting.teamId,
        serviceUrl: sighting.serviceUrl,
        reference,
        personId: owner,
        installedAt: at,
        lastActivityAt: at,
      },
      update: {
        serviceUrl: sighting.serviceUrl,
        reference,
        lastActivityAt: at,
        uninstalledAt: null,
        ...(sighting.teamId ? { teamId: sighting.teamId } : {}),
        ...(owner ? { personId: owner } : {}),
      },
    });
    return { personLanguage };
  }

  async markUninstalled(conversationId: string, at: Date): Promise<void> {
    await this.prisma.conversationReference.updateMany({ where: { conversationId }, data: { uninstalledAt: at } });
  }

  async findPersonalConversation(tenantId: string, aadObjectId: string): Promise<StoredConversation | undefined> {
    const row = await this.prisma.conversationReference.findFirst({
      where: { conversationType: "personal", uninstalledAt: null, person: { tenantId, aadObjectId } },
      orderBy: { lastActivityAt: "desc" },
      include: withPerson,
    });
    return row ? toStoredConversation(row) : undefined;
  }

  async listConversations(): Promise<StoredConversation[]> {
    const rows = await this.prisma.conversationReference.findMany({
      orderBy: { installedAt: "asc" },
      include: withPerson,
    });
    return rows.map(toStoredConversation);
  }

  async findPeople(
    tenantId: string,
    query: { teamsUserId?: string; aadObjectId?: string; name?: string },
  ): Promise<KnownPerson[]> {
    const select = { tenantId: true, aadObjectId: true, displayName: true } as const;
    let rows: Array<{ tenantId: string; aadObjectId: string; displayName: string | null }> = [];
    if (query.teamsUserId)
      rows = await this.prisma.person.findMany({ where: { tenantId, teamsUserId: query.teamsUserId }, select });
    if (rows.length === 0 && query.aadObjectId)
      rows = await this.prisma.person.findMany({
        where: { tenantId, aadObjectId: query.aadObjectId.toLowerCase() },
        select,
      });
    if (rows.length === 0 && query.name) {
      // Names are few per tenant and case rules differ between SQLite and PostgreSQL: compare here, as
      // shown (invisible characters do not make a name different, nor the same as another).
      const wanted = nameKey(query.name);
      const all = (
        await this.prisma.person.findMany({ where: { tenantId, displayName: { not: null } }, select })
      ).filter((p) => nameKey(p.displayName) !== "");
      const exact = all.filter((p) => nameKey(p.displayName) === wanted);
      rows = exact.length > 0 || !wanted ? exact : all.filter((p) => nameKey(p.displayName).includes(wanted));
    }
    return rows.map((row) => ({
      tenantId: row.tenantId,
      aadObjectId: row.aadObjectId,
      displayName: displayName(row.displayName),
    }));
  }
}
