import type { DeliveryOutcome, PlannedReminder, ReminderDeliveryStore } from "../../status/reminders.ts";
import type { PrismaDb } from "./database.ts";
import { isUniqueViolation } from "./storage-errors.ts";

export class PrismaReminderDeliveryStore implements ReminderDeliveryStore {
  constructor(private readonly prisma: PrismaDb) {}

  async claim(reminder: PlannedReminder, at: Date): Promise<boolean> {
    try {
      await this.prisma.reminderDelivery.create({
        data: {
          deliveryKey: reminder.deliveryKey,
          tenantId: reminder.recipient.tenantId,
          aadObjectId: reminder.recipient.aadObjectId,
          agreementId: reminder.agreement.id,
          dueDate: reminder.dueDate,
          daysBefore: reminder.daysBefore,
          claimedAt: at,
        },
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async release(deliveryKey: string): Promise<void> {
    await this.prisma.reminderDelivery.deleteMany({ where: { deliveryKey, outcome: null } });
  }

  async finish(
    deliveryKey: string,
    outcome: { outcome: DeliveryOutcome; activityId?: string; error?: string },
    at: Date,
  ): Promise<void> {
    await this.prisma.reminderDelivery.update({
      where: { deliveryKey },
      data: {
        outcome: outcome.outcome,
        activityId: outcome.activityId ?? null,
        error: outcome.error ?? null,
        finishedAt: at,
      },
    });
  }

  async list(filter: { since?: string } = {}) {
    return this.prisma.reminderDelivery.findMany({
      where: filter.since ? { dueDate: { gte: filter.since } } : undefined,
      orderBy: [{ claimedAt: "desc" }, { deliveryKey: "asc" }],
      select: {
        deliveryKey: true,
        aadObjectId: true,
        agreementId: true,
        dueDate: true,
        daysBefore: true,
        claimedAt: true,
        outcome: true,
        error: true,
      },
    });
  }
}
