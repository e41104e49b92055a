// Reminders before submission dates: which chief gets which reminder, claimed once in storage
// before it is sent so that two bot instances or a restart never send it twice.
import type { RoleGrantRecord, RoleStore } from "../people/roles.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import { addDays, calendarDate, daysBetween, type IsoDate } from "../shared/text/swedish-dates.ts";
import { isLiveAgreement, reportedKeys } from "./reporting-periods.ts";
import type { ReportableAssignment, ReportingPoint } from "./status-model.ts";
import type { StatusStore } from "./status-store.ts";

export const defaultReminderDays: readonly number[] = [7, 2];

export interface Recipient {
  tenantId: string;
  aadObjectId: string;
  name: string | null;
}

/** One message to one chief: the assignments of one agreement still without status for one due date. */
export interface PlannedReminder {
  deliveryKey: string;
  recipient: Recipient;
  agreement: ReportableAssignment["agreement"];
  dueDate: IsoDate;
  daysLeft: number;
  /** The reminder step reached (7, 2, …): each step is sent once. */
  daysBefore: number;
  items: Array<{ assignment: ReportableAssignment; point: ReportingPoint }>;
}

/**
 * The reminder step a due date has reached today: the smallest configured number of days that is
 * at least the days left. A server that was down on the exact day still sends that step once when
 * it comes back, and never an earlier step after a later one.
 */
export function reminderStep(
  dueDate: IsoDate,
  today: IsoDate,
  days: readonly number[],
): { daysLeft: number; step: number } | null {
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft < 0) return null;
  const step = [...days].sort((a, b) => a - b).find((d) => daysLeft <= d);
  return step === undefined ? null : { daysLeft, step };
}

export function planReminders(input: {
  today: IsoDate;
  days: readonly number[];
  assignments: readonly ReportableAssignment[];
  reported: (assignmentId: string, itemKey: string) => boolean;
  chiefsOf: (divisionCode: string) => readonly Recipient[];
}): PlannedReminder[] {
  const byMessage = new Map<string, PlannedReminder>();
  for (const assignment of input.assignments) {
    const division = assignment.agreement.divisionCode;
    if (!division || !isLiveAgreement(assignment.agreement.year, input.today)) continue;
    for (const point of assignment.points) {
      // Only dated submissions get reminders; follow-up without a date is the digest's business.
      // A month without a day ("redovisas i maj") may be due on its first day: remind before the month starts.
      const written = point.submissionDate ?? point.date;
      const due = written && written.length === 7 ? `${written}-01` : written;
      if (!due || input.reported(assignment.id, point.key)) continue;
      const step = reminderStep(due, input.today, input.days);
      if (!step) continue;
      for (const recipient of input.chiefsOf(division)) {
        const deliveryKey = `${recipient.tenantId}/${recipient.aadObjectId}|${assignment.agreement.id}|${due}|${step.step}`;
        const planned = byMessage.get(deliveryKey) ?? {
          deliveryKey,
          recipient,
          agreement: assignment.agreement,
          dueDate: due,
          daysLeft: step.daysLeft,
          daysBefore: step.step,
          items: [],
        };
        planned.items.push({ assignment, point });
        byMessage.set(deliveryKey, planned);
      }
    }
  }
  return [...byMessage.values()].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.deliveryKey.localeCompare(b.deliveryKey),
  );
}

export type DeliveryOutcome = "sent" | "failed";

export interface ReminderDeliveryStore {
  /** Inserts the delivery row; false when it already exists (sent or being sent by someone else). */
  claim(reminder: PlannedReminder, at: Date): Promise<boolean>;
  /** Drops a claim nothing was sent for, so a later run can send it (e.g. once the person installs the app). */
  release(deliveryKey: string): Promise<void>;
  finish(
    deliveryKey: string,
    outcome: { outcome: DeliveryOutcome; activityId?: string; error?: string },
    at: Date,
  ): Promise<void>;
  list(filter?: { since?: IsoDate }): Promise<
    Array<{
      deliveryKey: string;
      aadObjectId: string;
      agreementId: string;
      dueDate: string;
      daysBefore: number;
      claimedAt: Date;
      outcome: string | null;
      error: string | null;
    }>
  >;
}

/** Sends one reminder to a person's personal chat; the Teams adapter renders the card. */
export interface ReminderChannel {
  /** Resolves to the sent activity's id; `undefined` when the person has no personal chat with the bot. */
  deliver(reminder: PlannedReminder): Promise<{ delivered: false } | { delivered: true; activityId?: string }>;
}

export interface ReminderRunReport {
  today: IsoDate;
  planned: number;
  sent: number;
  skippedAlreadyClaimed: number;
  noConversation: number;
  failed: number;
}

export async function sendDueReminders(
  deps: {
    status: StatusStore;
    roles: RoleStore;
    deliveries: ReminderDeliveryStore;
    channel: ReminderChannel;
    clock: Clock;
    logger: Logger;
  },
  options: { days: readonly number[]; dryRun?: boolean },
): Promise<ReminderRunReport & { reminders: PlannedReminder[] }> {
  const now = deps.clock.now();
  const today = calendarDate(now);
  const horizon = addDays(today, Math.max(0, ...options.days));
  const assignments = (await deps.status.reportableAssignments({})).filter((a) =>
    a.points.some((p) => {
      const due = p.submissionDate ?? p.date;
      return due !== null && due >= today && due <= horizon;
    }),
  );
  const reported = reportedKeys(await deps.status.list({}));
  const chiefs = await deps.roles.list();
  const chiefsByDivision = new Map<string, Recipient[]>();
  for (const grant of chiefs.filter((g: RoleGrantRecord) => g.role === "chief" || g.role === "delegate")) {
    const list = chiefsByDivision.get(grant.scope) ?? [];
    if (!list.some((r) => r.tenantId === grant.tenantId && r.aadObjectId === grant.aadObjectId)) {
      list.push({ tenantId: grant.tenantId, aadObjectId: grant.aadObjectId, name: grant.displayName });
    }
    chiefsByDivision.set(grant.scope, list);
  }
  const reminders = planReminders({
    today,
    days: options.days,
    assignments,
    reported: (assignmentId, key) => reported.has(`${assignmentId}|${key}`),
    chiefsOf: (division) => chiefsByDivision.get(division.toUpperCase()) ?? [],
  });
  const report: ReminderRunReport = {
    today,
    planned: reminders.length,
    sent: 0,
    skippedAlreadyClaimed: 0,
    noConversation: 0,
    failed: 0,
  };
  if (options.dryRun) return { ...report, reminders };

  for (const reminder of reminders) {
    if (!(await deps.deliveries.claim(reminder, now))) {
      report.skippedAlreadyClaimed += 1;
      continue;
    }
    try {
      const result = await deps.channel.deliver(reminder);
      if (result.delivered) {
        report.sent += 1;
        await deps.deliveries.finish(
          reminder.deliveryKey,
          { outcome: "sent", activityId: result.activityId },
          deps.clock.now(),
        );
      } else {
        // Nothing was sent: let the next run try again, so a chief who installs the app later still gets it.
        report.noConversation += 1;
        await deps.deliveries.release(reminder.deliveryKey);
      }
    } catch (error) {
      // Claimed and failed: recorded, not retried blindly (the chief may have got it after all).
      report.failed += 1;
      deps.logger.warn({ err: error, deliveryKey: reminder.deliveryKey }, "reminder could not be sent");
      await deps.deliveries.finish(
        reminder.deliveryKey,
        { outcome: "failed", error: (error as Error).message?.slice(0, 500) },
        deps.clock.now(),
      );
    }
  }
  return { ...report, reminders };
}
