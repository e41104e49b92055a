// Builds one recipient's digest from the committees' live agreements. Pure: the day, the data
// and the time of the previous digest come in; the same input gives the same digest.
import type { DeadlineRecord } from "../agreements/agreement-store.ts";
import { addDays, type IsoDate } from "../shared/text/swedish-dates.ts";
import { isLiveAgreement, listOverdue } from "../status/reporting-periods.ts";
import type { ReportableAssignment, StoredStatusUpdate } from "../status/status-model.ts";
import type { Digest, DigestDeadline, DigestRecipient } from "./digest-model.ts";
import type { IsoWeek } from "./iso-week.ts";

export interface DigestInput {
  week: IsoWeek;
  today: IsoDate;
  horizonDays: number;
  recipient: DigestRecipient;
  /** Agreements of the recipient's committees (id, committee code, year). */
  agreements: Array<{ id: string; committeeCode: string | null; year: number | null }>;
  deadlines: DeadlineRecord[];
  assignments: ReportableAssignment[];
  updates: StoredStatusUpdate[];
  /** Updates after this instant are "new since the previous digest". */
  since: Date;
}

const excerptLength = 160;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength - 1).trimEnd()}…` : flat;
}

export function buildDigest(input: DigestInput): Digest {
  const committees = new Set(input.recipient.committeeCodes.map((c) => c.toUpperCase()));
  const agreements = input.agreements.filter(
    (a) => a.committeeCode && committees.has(a.committeeCode.toUpperCase()) && isLiveAgreement(a.year, input.today),
  );
  const ids = new Set(agreements.map((a) => a.id));
  // "The next 14 days" is today and the 13 days after it.
  const until = addDays(input.today, input.horizonDays - 1);

  const upcoming: DigestDeadline[] = [];
  for (const item of input.deadlines) {
    if (!ids.has(item.agreement.id)) continue;
    const assignment = item.assignment;
    if (item.submissionDate && item.submissionDate >= input.today && item.submissionDate <= until) {
      upcoming.push({
        date: item.submissionDate,
        kind: "submission",
        title: item.title,
        agreementId: item.agreement.id,
        assignment,
      });
    }
    const meeting = item.meetingDate ?? (item.submissionDate ? null : item.date);
    if (meeting && meeting >= input.today && meeting <= until) {
      upcoming.push({ date: meeting, kind: "meeting", title: item.title, agreementId: item.agreement.id, assignment });
    }
  }
  upcoming.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.kind.localeCompare(b.kind) ||
      a.agreementId.localeCompare(b.agreementId) ||
      a.title.localeCompare(b.title),
  );

  const own = input.updates.filter((u) => ids.has(u.agreementId));
  const overdue = listOverdue(
    input.assignments.filter((a) => ids.has(a.agreement.id)),
    own,
    input.today,
  )
    .map(({ assignment: a, point: p }) => ({
      dueDate: p.dueDate!,
      title: p.title,
      agreementId: a.agreement.id,
      assignment: a.number && !a.title.startsWith(a.number) ? `${a.number} ${a.title}` : a.title,
    }))
    .sort((a, b) => b.dueDate.localeCompare(a.dueDate) || a.assignment.localeCompare(b.assignment));

  const titles = new Map(
    input.assignments.map((a) => [
      a.id,
      a.number && !a.title.startsWith(a.number) ? `${a.number} ${a.title}` : a.title,
    ]),
  );
  const updates = own
    .filter((u) => u.updatedAt.getTime() > input.since.getTime())
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.id.localeCompare(b.id))
    .map((u) => ({
      agreementId: u.agreementId,
      assignment: titles.get(u.assignmentId) ?? u.periodLabel,
      status: u.status,
      excerpt: excerpt(u.text),
      author: u.author.name,
      updatedAt: u.updatedAt,
      version: u.version,
    }));

  return {
    week: input.week,
    today: input.today,
    horizonDays: input.horizonDays,
    recipient: input.recipient,
    committees: [...committees].sort(),
    agreements: [...ids].sort(),
    upcoming,
    overdue,
    updates,
    quiet: upcoming.length === 0 && overdue.length === 0 && updates.length === 0,
  };
}
