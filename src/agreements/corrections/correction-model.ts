// Corrections by people: after an import an administrator confirms, edits, removes or adds
// reporting items. Corrections are stored per agreement and applied again after every re-import,
// so a fix survives new versions of the document and changes to the reader.
import type { ReportForm, ReportingItemModel } from "../agreement-model.ts";
import { isValidIsoDate, type IsoDate } from "../../shared/text/swedish-dates.ts";

export type CorrectionAction = "edit" | "remove" | "add" | "confirm";

/** The fields a person may set on a reporting item. */
export interface CorrectionFields {
  title?: string;
  /** "YYYY-MM-DD", or "YYYY-MM" for a month. */
  date?: string | null;
  meetingDate?: IsoDate | null;
  submissionDate?: IsoDate | null;
  form?: ReportForm | null;
  /** Stored assignment key the item belongs to. */
  assignmentKey?: string | null;
  section?: string | null;
}

export interface Correction {
  itemKey: string;
  action: CorrectionAction;
  fields: CorrectionFields;
  actor: string;
  actorName: string | null;
  createdAt: Date;
}

export type CorrectionProblem =
  | "bad_date"
  | "bad_meeting_date"
  | "bad_submission_date"
  | "bad_form"
  | "empty_title"
  | "nothing_to_change"
  | "due_after_meeting";

const month = /^\d{4}-(0[1-9]|1[0-2])$/;

/** What is wrong with a set of fields, or null when they can be stored. */
export function checkCorrection(action: CorrectionAction, fields: CorrectionFields): CorrectionProblem | null {
  if (action === "remove" || action === "confirm") return null;
  if (fields.date !== undefined && fields.date !== null && !isValidIsoDate(fields.date) && !month.test(fields.date))
    return "bad_date";
  if (fields.meetingDate && !isValidIsoDate(fields.meetingDate)) return "bad_meeting_date";
  if (fields.submissionDate && !isValidIsoDate(fields.submissionDate)) return "bad_submission_date";
  if (fields.form !== undefined && fields.form !== null && !["oral", "written", "both"].includes(fields.form))
    return "bad_form";
  if (fields.title !== undefined && fields.title.trim().length === 0) return "empty_title";
  if (action === "add" && !fields.title?.trim()) return "empty_title";
  if (action === "add" && !fields.date && !fields.meetingDate && !fields.submissionDate) return "bad_date";
  if (fields.meetingDate && fields.submissionDate && fields.submissionDate > fields.meetingDate)
    return "due_after_meeting";
  if (action === "edit" && Object.keys(fields).length === 0) return "nothing_to_change";
  return null;
}

export interface CorrectedItem extends ReportingItemModel {
  origin: "read" | "corrected" | "added";
  confirmed: boolean;
  removed: boolean;
}

/** A new item a person adds: the date they give is the meeting (or the due date when only that is given). */
export function itemFromAddition(correction: Correction, ordinal: number): CorrectedItem {
  const f = correction.fields;
  const date = f.date ?? f.meetingDate ?? f.submissionDate ?? null;
  return {
    key: correction.itemKey,
    ordinal,
    assignmentKey: f.assignmentKey ?? null,
    title: f.title!.trim(),
    description: f.title!.trim(),
    evidence: "",
    date,
    precision: date && month.test(date) ? "month" : "day",
    meetingDate: f.meetingDate ?? (f.submissionDate ? null : date && !month.test(date) ? date : null),
    submissionDate: f.submissionDate ?? null,
    submissionRule: f.submissionDate ? "stated" : null,
    form: f.form ?? null,
    recipient: null,
    period: null,
    periodCode: null,
    occasion: null,
    recurrence: null,
    channel: null,
    section: f.section ?? null,
    origin: "added",
    confirmed: true,
    removed: false,
  };
}

/**
 * Applies the corrections in the order they were made to what the reader found. Returns the
 * items (removed ones flagged, not dropped, so reviews can show them) and the corrections whose
 * item no longer exists after a re-import.
 */
export function applyCorrections(
  items: ReportingItemModel[],
  corrections: Correction[],
): { items: CorrectedItem[]; unmatched: Correction[] } {
  const result: CorrectedItem[] = items.map((item) => ({ ...item, origin: "read", confirmed: false, removed: false }));
  const byKey = new Map(result.map((item) => [item.key, item]));
  const unmatched: Correction[] = [];
  for (const correction of [...corrections].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    if (correction.action === "add") {
      const added = itemFromAddition(correction, result.length);
      result.push(added);
      byKey.set(added.key, added);
      continue;
    }
    const item = byKey.get(correction.itemKey);
    if (!item) {
      unmatched.push(correction);
      continue;
    }
    if (correction.action === "remove") item.removed = true;
    else if (correction.action === "confirm") item.confirmed = true;
    else {
      const f = correction.fields;
      if (f.title !== undefined) item.title = f.title.trim();
      if (f.date !== undefined) {
        item.date = f.date;
        item.precision = f.date === null ? "period" : month.test(f.date) ? "month" : "day";
      }
      if (f.meetingDate !== undefined) item.meetingDate = f.meetingDate;
      if (f.submissionDate !== undefined) {
        item.submissionDate = f.submissionDate;
        item.submissionRule = f.submissionDate ? "stated" : null;
      }
      if (f.form !== undefined) item.form = f.form;
      if (f.assignmentKey !== undefined) item.assignmentKey = f.assignmentKey;
      if (f.section !== undefined) item.section = f.section;
      if (item.origin === "read") item.origin = "corrected";
      item.confirmed = true;
    }
  }
  return { items: result, unmatched };
}
