import type { DigestRecipient } from "../../digest/digest-model.ts";
import type { IsoWeek } from "../../digest/iso-week.ts";
import type {
  DeliveryOutcome,
  DigestDeliveryRow,
  DigestDeliveryStore,
  DigestPreferences,
  DigestPreferenceStore,
} from "../../digest/send-digests.ts";
import type { PrismaDb } from "./database.ts";
import { isUniqueViolation } from "./storage-errors.ts";

export class PrismaDigestDeliveryStore implements DigestDeliveryStore {
  constructor(private readonly prisma: PrismaDb) {}

  async claim(week: IsoWeek, recipient: DigestRecipient, at: Date): Promise<boolean> {
    try {
      await this.prisma.digestDelivery.create({
        data: { week, recipientKey: recipient.key, recipientName: recipient.name, claimedAt: at },
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async release(week: IsoWeek, recipientKey: string): Promise<void> {
    await this.prisma.digestDelivery.deleteMany({ where: { week, recipientKey, outcome: null } });
  }

  async finish(
    week: IsoWeek,
    recipientKey: string,
    result: { outcome: DeliveryOutcome; activityId?: string; attempts: number; error?: string; summary?: object },
    at: Date,
  ): Promise<void> {
    await this.prisma.digestDelivery.update({
      where: { week_recipientKey: { week, recipientKey } },
      data: {
        outcome: result.outcome,
        activityId: result.activityId ?? null,
        attempts: result.attempts,
        error: result.error ?? null,
        summary: result.summary ? JSON.stringify(result.summary) : null,
        finishedAt: at,
      },
    });
  }

  async lastSentAt(recipientKey: string, before: IsoWeek): Promise<Date | null> {
    const row = await this.prisma.digestDelivery.findFirst({
      where: { recipientKey, week: { lt: before }, outcome: { in: ["sent", "quiet_skipped"] } },
      orderBy: { claimedAt: "desc" },
      select: { claimedAt: true },
    });
    return row?.claimedAt ?? null;
  }

  async list(filter: { week?: IsoWeek } = {}): Promise<DigestDeliveryRow[]> {
    const rows = await this.prisma.digestDelivery.findMany({
      where: { week: filter.week },
      orderBy: [{ week: "desc" }, { recipientKey: "asc" }],
    });
    return rows.map((row) => ({ ...row, outcome: row.outcome as DeliveryOutcome | null }));
  }
}

export class PrismaDigestPreferenceStore implements DigestPreferenceStore {
  constructor(private readonly prisma: PrismaDb) {}

  async get(tenantId: string, aadObjectId: string): Promise<DigestPreferences> {
    const row = await this.prisma.digestPreference.findUnique({
      where: { tenantId_aadObjectId: { tenantId, aadObjectId: aadObjectId.toLowerCase() } },
    });
    return { paused: row?.paused ?? false, skipQuiet: row?.skipQuiet ?? false };
  }

  async set(
    tenantId: string,
    aadObjectId: string,
    change: Partial<DigestPreferences>,
    at: Date,
  ): Promise<DigestPreferences> {
    const row = await this.prisma.digestPreference.upsert({
      where: { tenantId_aadObjectId: { tenantId, aadObjectId: aadObjectId.toLowerCase() } },
      create: {
        tenantId,
        aadObjectId: aadObjectId.toLowerCase(),
        paused: change.paused ?? false,
        skipQuiet: change.skipQuiet ?? false,
        updatedAt: at,
      },
      update: { ...change, updatedAt: at },
    });
    return { paused: row.paused, skipQuiet: row.skipQuiet };
  }

  async channels(): Promise<Array<{ committeeCode: string; conversationId: string }>> {
    return this.prisma.digestChannel.findMany({
      select: { committeeCode: true, conversationId: true },
      orderBy: [{ committeeCode: "asc" }, { conversationId: "asc" }],
    });
  }

  async addChannel(committeeCode: string, conversationId: string, addedBy: string, at: Date): Promise<boolean> {
    try {
      await this.prisma.digestChannel.create({ data: { committeeCode, conversationId, addedBy, addedAt: at } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async removeChannel(committeeCode: string, conversationId: string): Promise<boolean> {
    const { count } = await this.prisma.digestChannel.deleteMany({ where: { committeeCode, conversationId } });
    return count > 0;
  }
}
