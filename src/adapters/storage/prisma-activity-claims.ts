import type { ActivityClaims, ClaimOutcome } from "../../conversation/activity-claims.ts";
import type { PrismaDb } from "./database.ts";
import { isUniqueViolation } from "./storage-errors.ts";

/** Claims are rows with the activity as primary key: the database decides who was first, across instances. */
export class PrismaActivityClaims implements ActivityClaims {
  constructor(private readonly prisma: PrismaDb) {}

  async claim(key: string, at: Date): Promise<ClaimOutcome> {
    try {
      await this.prisma.activityClaim.create({ data: { key, claimedAt: at } });
      return { first: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const row = await this.prisma.activityClaim.findUnique({ where: { key }, select: { reply: true } });
      return { first: false, reply: row?.reply ? (JSON.parse(row.reply) as unknown) : undefined };
    }
  }

  async saveReply(key: string, reply: unknown): Promise<void> {
    await this.prisma.activityClaim.updateMany({ where: { key }, data: { reply: JSON.stringify(reply) } });
  }

  async sweep(before: Date): Promise<number> {
    const { count } = await this.prisma.activityClaim.deleteMany({ where: { claimedAt: { lt: before } } });
    return count;
  }
}
