// The weekly digest for one recipient: what is due soon, what is late, what was reported.
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import type { StatusLevel } from "../status/status-model.ts";
import type { IsoWeek } from "./iso-week.ts";

export interface DigestRecipient {
  /** "person:<tenant>/<object id>" or "channel:<conversation id>": the unit of exactly-once. */
  key: string;
  kind: "person" | "channel";
  name: string | null;
  tenantId: string;
  aadObjectId?: string;
  conversationId?: string;
  committeeCodes: string[];
}

export interface DigestDeadline {
  date: IsoDate;
  kind: "meeting" | "submission";
  title: string;
  agreementId: string;
  assignment: string | null;
}

export interface DigestOverdue {
  dueDate: IsoDate;
  title: string;
  agreementId: string;
  assignment: string;
}

export interface DigestUpdate {
  agreementId: string;
  assignment: string;
  status: StatusLevel;
  excerpt: string;
  author: string;
  updatedAt: Date;
  version: number;
}

export interface Digest {
  week: IsoWeek;
  /** The day it describes (the Monday, or the day a missed run was caught up). */
  today: IsoDate;
  horizonDays: number;
  recipient: DigestRecipient;
  committees: string[];
  agreements: string[];
  upcoming: DigestDeadline[];
  overdue: DigestOverdue[];
  updates: DigestUpdate[];
  /** Nothing due, late or reported: the one-line "all quiet" digest (or none, if the person chose so). */
  quiet: boolean;
}
