import type { ActivityClaims, ClaimOutcome } from "../../conversation/activity-claims.ts";
import type { PrismaDb } from "./database.ts";

/**
 * Claims are rows keyed by the activity: the database decides who was first, across instances. The
 * claim runs on every message, so it is one plain statement (INSERT … ON CONFLICT DO NOTHING, the same
 * on SQLite and PostgreSQL): a third of what Prisma's create() costs, and no exception for a re-send.
 */
export class PrismaActivityClaims implements ActivityClaims {
  constructor(private readonly prisma: PrismaDb) {}

  async claim(key: string, at: Date): Promise<ClaimOutcome> {
    const inserted = await this.prisma
      .$executeRaw`INSERT INTO "ActivityClaim" ("key", "claimedAt") VALUES (${key}, ${at}) ON CONFLICT ("key") DO NOTHING`;
    if (inserted === 1) return { first: true };
    const row = await this.prisma.activityClaim.findUnique({ where: { key }, select: { reply: true } });
    return { first: false, reply: row?.reply ? (JSON.parse(row.reply) as unknown) : undefined };
  }

  async saveReply(key: string, reply: unknown): Promise<void> {
    await this.prisma.$executeRaw`UPDATE "ActivityClaim" SET "reply" = ${JSON.stringify(reply)} WHERE "key" = ${key}`;
  }

  async sweep(before: Date): Promise<number> {
    const { count } = await this.prisma.activityClaim.deleteMany({ where: { claimedAt: { lt: before } } });
    return count;
  }
}
