// Sends the week's digest to every recipient exactly once: each delivery is claimed in the database
// (unique week + recipient) before anything is sent, its outcome is recorded, throttling (429) is
// retried with backoff, and a delivery whose outcome is unknown is never sent again automatically.
import type { AgreementStore } from "../agreements/agreement-store.ts";
import { channelIdOf, type ConversationRepository } from "../people/conversation-sighting.ts";
import type { RoleStore } from "../people/roles.ts";
import type { Clock } from "../shared/clock.ts";
import type { Logger } from "../shared/logger.ts";
import { addDays, calendarDate } from "../shared/text/swedish-dates.ts";
import type { SendPacer } from "../shared/send-pacer.ts";
import type { StatusStore } from "../status/status-store.ts";
import { buildDigest } from "./build-digest.ts";
import type { Digest, DigestRecipient } from "./digest-model.ts";
import { isoWeekOf, type IsoWeek } from "./iso-week.ts";

export type DeliveryOutcome = "sent" | "quiet_skipped" | "failed" | "unknown";

export interface DigestDeliveryRow {
  week: IsoWeek;
  recipientKey: string;
  recipientName: string | null;
  claimedAt: Date;
  outcome: DeliveryOutcome | null;
  activityId: string | null;
  attempts: number;
  error: string | null;
  finishedAt: Date | null;
}

export interface DigestDeliveryStore {
  /** Inserts (week, recipient); false when it exists: sent, being sent, or lost in between. */
  claim(week: IsoWeek, recipient: DigestRecipient, at: Date): Promise<boolean>;
  /** Drops a claim nothing was sent for, so a later run the same week can deliver it. */
  release(week: IsoWeek, recipientKey: string): Promise<void>;
  finish(
    week: IsoWeek,
    recipientKey: string,
    result: { outcome: DeliveryOutcome; activityId?: string; attempts: number; error?: string; summary?: object },
    at: Date,
  ): Promise<void>;
  /** When the recipient's last digest went out, to tell what is new since. */
  lastSentAt(recipientKey: string, before: IsoWeek): Promise<Date | null>;
  list(filter?: { week?: IsoWeek }): Promise<DigestDeliveryRow[]>;
}

export interface DigestPreferences {
  paused: boolean;
  skipQuiet: boolean;
}

export interface DigestPreferenceStore {
  get(tenantId: string, aadObjectId: string): Promise<DigestPreferences>;
  set(tenantId: string, aadObjectId: string, change: Partial<DigestPreferences>, at: Date): Promise<DigestPreferences>;
  /** Team channels registered for committees. */
  channels(): Promise<Array<{ committeeCode: string; conversationId: string }>>;
  addChannel(committeeCode: string, conversationId: string, addedBy: string, at: Date): Promise<boolean>;
  removeChannel(committeeCode: string, conversationId: string): Promise<boolean>;
}

/** Thrown by a channel when Teams throttles: wait `retryAfterMs` and try again. */
export class ThrottledError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`throttled; retry after ${retryAfterMs} ms`);
    this.name = "ThrottledError";
  }
}

/** Thrown when Teams answered with a definite refusal (e.g. 403, 404): nothing was delivered. */
export class DeliveryRefusedError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = "DeliveryRefusedError";
  }
}

export interface DigestChannel {
  /**
   * Sends the digest. Resolves with the activity id; throws ThrottledError (retry), DeliveryRefusedError
   * (certainly not delivered) or anything else (outcome unknown: the message may have arrived).
   */
  send(recipient: DigestRecipient, digest: Digest): Promise<{ activityId?: string } | { noConversation: true }>;
}

export interface DigestDependencies {
  agreements: AgreementStore;
  status: StatusStore;
  roles: RoleStore;
  conversations: ConversationRepository;
  deliveries: DigestDeliveryStore;
  preferences: DigestPreferenceStore;
  channel: DigestChannel;
  pacer: SendPacer;
  clock: Clock;
  logger: Logger;
}

export interface DigestRunReport {
  week: IsoWeek;
  recipients: number;
  sent: number;
  quiet: number;
  paused: number;
  alreadyClaimed: number;
  noConversation: number;
  failed: number;
  unknown: number;
  retries: number;
  /** Recipients skipped because of an error before sending (e.g. the database); a later run retries them. */
  errors: number;
}

export const maxThrottleRetries = 5;

/** Experts (one digest per person, covering all their committees) and registered team channels. */
export async function digestRecipients(
  deps: Pick<DigestDependencies, "roles" | "preferences" | "conversations">,
): Promise<DigestRecipient[]> {
  const people = new Map<string, DigestRecipient>();
  for (const grant of await deps.roles.list({ role: "expert" })) {
    const key = `person:${grant.tenantId}/${grant.aadObjectId}`;
    const recipient = people.get(key) ?? {
      key,
      kind: "person" as const,
      name: grant.displayName,
      tenantId: grant.tenantId,
      aadObjectId: grant.aadObjectId,
      committeeCodes: [],
    };
    recipient.committeeCodes.push(grant.scope);
    people.set(key, recipient);
  }
  const channels = new Map<string, DigestRecipient>();
  // Channel activities name threads ("<channel>;messageid=…"); any live thread of the channel will do.
  const conversations = (await deps.conversations.listConversations()).filter((c) => !c.uninstalledAt);
  for (const channel of await deps.preferences.channels()) {
    const conversation = conversations.find((c) => channelIdOf(c.conversationId) === channel.conversationId);
    if (!conversation) continue;
    const key = `channel:${channel.conversationId}`;
    const recipient = channels.get(key) ?? {
      key,
      kind: "channel" as const,
      name: null,
      tenantId: conversation.tenantId,
      conversationId: channel.conversationId,
      committeeCodes: [],
    };
    recipient.committeeCodes.push(channel.committeeCode);
    channels.set(key, recipient);
  }
  return [...people.values(), ...channels.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The digest a recipient would get today (also the preview behind the "sammandrag" command). */
export async function composeDigest(
  deps: Pick<DigestDependencies, "agreements" | "status" | "deliveries" | "clock">,
  recipient: DigestRecipient,
  options: { week?: IsoWeek; today?: string; horizonDays: number; data?: DigestData },
): Promise<Digest> {
  const today = options.today ?? calendarDate(deps.clock.now());
  const week = options.week ?? isoWeekOf(today);
  const data = options.data ?? (await loadDigestData(deps, today, options.horizonDays));
  // New since the last digest that went out; a first digest looks back one week.
  const since =
    (await deps.deliveries.lastSentAt(recipient.key, week)) ?? new Date(Date.parse(`${addDays(today, -7)}T00:00:00Z`));
  return buildDigest({ week, today, horizonDays: options.horizonDays, recipient, ...data, since });
}

export interface DigestData {
  agreements: Array<{ id: string; committeeCode: string | null; year: number | null }>;
  deadlines: Awaited<ReturnType<AgreementStore["listDeadlines"]>>;
  assignments: Awaited<ReturnType<StatusStore["reportableAssignments"]>>;
  updates: Awaited<ReturnType<StatusStore["list"]>>;
}

/** Everything the week's digests are built from, loaded once per run (not once per recipient). */
export async function loadDigestData(
  deps: Pick<DigestDependencies, "agreements" | "status">,
  today: string,
  horizonDays: number,
): Promise<DigestData> {
  const [agreements, deadlines, assignments, updates] = await Promise.all([
    deps.agreements.listAgreements(),
    // Items are filed under their meeting date; material is due weeks before it, so look further ahead.
    deps.agreements.listDeadlines({ from: addDays(today, -60), to: addDays(today, horizonDays + 90) }),
    deps.status.reportableAssignments({}),
    deps.status.list({}),
  ]);
  return {
    agreements: agreements.map((a) => ({ id: a.id, committeeCode: a.committeeCode, year: a.year })),
    deadlines,
    assignments,
    updates,
  };
}

export async function sendWeeklyDigests(
  deps: DigestDependencies,
  options: { horizonDays: number; week?: IsoWeek; committee?: string },
): Promise<DigestRunReport> {
  const loadedAt = deps.clock.now();
  const today = calendarDate(loadedAt);
  const week = options.week ?? isoWeekOf(today);
  const report: DigestRunReport = {
    week,
    recipients: 0,
    sent: 0,
    quiet: 0,
    paused: 0,
    alreadyClaimed: 0,
    noConversation: 0,
    failed: 0,
    unknown: 0,
    retries: 0,
    errors: 0,
  };
  const data = await loadDigestData(deps, today, options.horizonDays);
  const recipients = (await digestRecipients(deps)).filter(
    (r) => !options.committee || r.committeeCodes.includes(options.committee.toUpperCase()),
  );
  report.recipients = recipients.length;

  for (const recipient of recipients) {
    // One recipient's trouble (a database blip, say) must not cost everyone after them their digest.
    try {
      await digestFor(deps, recipient, { week, today, loadedAt, horizonDays: options.horizonDays, data }, report);
    } catch (error) {
      report.errors += 1;
      deps.logger.warn(
        { err: error, recipient: recipient.key, week },
        "digest skipped for now; a later run this week tries again",
      );
    }
  }
  deps.logger.info({ ...report }, "weekly digest run finished");
  return report;
}

async function digestFor(
  deps: DigestDependencies,
  recipient: DigestRecipient,
  run: { week: IsoWeek; today: string; loadedAt: Date; horizonDays: number; data: DigestData },
  report: DigestRunReport,
): Promise<void> {
  const digest = await composeDigest(deps, recipient, {
    week: run.week,
    today: run.today,
    horizonDays: run.horizonDays,
    data: run.data,
  });
  if (recipient.kind === "person") {
    const preferences = await deps.preferences.get(recipient.tenantId, recipient.aadObjectId!);
    if (preferences.paused) {
      report.paused += 1;
      return;
    }
    if (digest.quiet && preferences.skipQuiet) {
      if (await deps.deliveries.claim(run.week, recipient, run.loadedAt)) {
        await deps.deliveries.finish(
          run.week,
          recipient.key,
          { outcome: "quiet_skipped", attempts: 0 },
          deps.clock.now(),
        );
        report.quiet += 1;
      } else report.alreadyClaimed += 1;
      return;
    }
  }
  await deliver(deps, recipient, digest, run.loadedAt, report);
}

/** Sending failed before anything reached Teams (no connection, no token): safe to try again later. */
export class NotSentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NotSentError";
  }
}

async function deliver(
  deps: DigestDependencies,
  recipient: DigestRecipient,
  digest: Digest,
  loadedAt: Date,
  report: DigestRunReport,
): Promise<void> {
  // Claim first: a second instance, or this one after a restart, finds the row and leaves it alone.
  // The claim carries the time the data was read, so the next digest's "new since" starts exactly there.
  if (!(await deps.deliveries.claim(digest.week, recipient, loadedAt))) {
    report.alreadyClaimed += 1;
    return;
  }
  const summary = {
    upcoming: digest.upcoming.length,
    overdue: digest.overdue.length,
    updates: digest.updates.length,
    quiet: digest.quiet,
  };
  let result: Awaited<ReturnType<DigestChannel["send"]>> | undefined;
  let attempt = 0;
  while (!result) {
    attempt += 1;
    await deps.pacer.beforeSend();
    try {
      result = await deps.channel.send(recipient, digest);
    } catch (error) {
      if (error instanceof ThrottledError && attempt <= maxThrottleRetries) {
        report.retries += 1;
        // Honour Retry-After, with exponential backoff as the floor.
        await deps.pacer.sleep(Math.max(error.retryAfterMs, 1000 * 2 ** (attempt - 1)));
        continue;
      }
      if (error instanceof NotSentError) {
        report.failed += 1;
        deps.logger.warn(
          { err: error, recipient: recipient.key, week: digest.week },
          "digest not sent; a later run this week tries again",
        );
        await deps.deliveries.release(digest.week, recipient.key);
        return;
      }
      const refused = error instanceof DeliveryRefusedError || error instanceof ThrottledError;
      if (refused) report.failed += 1;
      else report.unknown += 1;
      deps.logger.warn(
        { err: error, recipient: recipient.key, week: digest.week },
        refused ? "digest not delivered" : "digest outcome unknown; it will not be resent automatically",
      );
      await deps.deliveries.finish(
        digest.week,
        recipient.key,
        {
          outcome: refused ? "failed" : "unknown",
          attempts: attempt,
          error: (error as Error).message?.slice(0, 500),
          summary,
        },
        deps.clock.now(),
      );
      return;
    }
  }
  if ("noConversation" in result) {
    // Nothing was sent (the app is not installed): let a later run this week deliver it once it is.
    report.noConversation += 1;
    await deps.deliveries.release(digest.week, recipient.key);
    return;
  }
  // Sent. Recording it is outside the send's error handling: a failure here must not turn a sent digest into "unknown".
  report.sent += 1;
  if (digest.quiet) report.quiet += 1;
  await deps.deliveries.finish(
    digest.week,
    recipient.key,
    { outcome: "sent", activityId: result.activityId, attempts: attempt, summary },
    deps.clock.now(),
  );
}
