// Status updates: what a division chief reports about one assignment for one reporting item.
import type { AssignmentKind, FollowUpOccasion, ReportForm } from "../agreements/agreement-model.ts";
import type { IndicatorUnit } from "../agreements/indicator-unit.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";

export type StatusLevel = "on_track" | "at_risk" | "delayed" | "done";

/** In the order the card offers them. */
export const statusLevels: readonly StatusLevel[] = ["on_track", "at_risk", "delayed", "done"];

/** Adaptive Card colours for each level (green, amber, red, blue-ish accent). */
export const statusColours: Record<StatusLevel, "Good" | "Warning" | "Attention" | "Accent"> = {
  on_track: "Good",
  at_risk: "Warning",
  delayed: "Attention",
  done: "Accent",
};

/** Long enough for what was done, deviations and next steps; short enough to stay a status. */
export const maxStatusTextLength = 2000;

export interface IndicatorValue {
  indicator: string;
  ordinal: number;
  women: number | null;
  men: number | null;
  total: number | null;
}

/** A reporting item as a period one can report status for. */
export interface ReportingPoint {
  key: string;
  title: string;
  date: IsoDate | null;
  meetingDate: IsoDate | null;
  submissionDate: IsoDate | null;
  /** When the status is due: the submission date, else the item's date, else the follow-up occasion's default. */
  dueDate: IsoDate | null;
  form: ReportForm | null;
  occasion: FollowUpOccasion | null;
  periodCode: string | null;
  period: string | null;
  /** Where it is reported, e.g. "Hypergene". */
  channel: string | null;
}

export interface ReportableIndicator {
  ordinal: number;
  name: string;
  splitBySex: boolean;
  /** Decides the form's labels and whether women + men is the total; null = unknown, nothing is added up. */
  unit: IndicatorUnit | null;
}

/** An assignment with what a chief needs to report on it. */
export interface ReportableAssignment {
  id: string;
  number: string | null;
  title: string;
  kind: AssignmentKind;
  section: string | null;
  agreement: {
    id: string;
    title: string;
    year: number | null;
    committeeCode: string | null;
    divisionCode: string | null;
  };
  indicators: ReportableIndicator[];
  points: ReportingPoint[];
}

export interface StatusContent {
  status: StatusLevel;
  text: string;
  indicatorValues: IndicatorValue[];
}

export interface StoredStatusUpdate extends StatusContent {
  id: string;
  agreementId: string;
  assignmentId: string;
  reportingItemKey: string;
  periodLabel: string;
  dueDate: IsoDate | null;
  version: number;
  author: { tenantId: string; aadObjectId: string; name: string };
  createdAt: Date;
  updatedAt: Date;
  /** Reopened after its due date by an administrator or the committee's expert: editable until the end of `until`. */
  reopened: { until: IsoDate; by: string } | null;
}

export interface StatusRevisionRecord extends StatusContent {
  version: number;
  editor: { aadObjectId: string; name: string };
  editedAt: Date;
}

export interface StatusFilter {
  agreementId?: string;
  /** Reporting item key, or a period code ("T1", "D", "H") or occasion ("var", "delar", "helar"). */
  period?: string;
  /** Only these divisions' agreements (chiefs see their own). */
  divisionCodes?: string[];
}
