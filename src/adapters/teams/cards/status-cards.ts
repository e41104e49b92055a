// Data for the status cards (cards/status-*.json, cards/notice.json): what the chief sees when
// asking for status, filling in the form, reading the receipt, and getting a reminder.
import { formatFigure, isAdditive, type IndicatorUnit } from "../../../agreements/indicator-unit.ts";
import type { Language } from "../../../shared/language.ts";
import { translate, type MessageKey } from "../../../shared/messages/translate.ts";
import { localDateTime } from "../../../shared/text/swedish-dates.ts";
import type { FieldErrors } from "../../../status/read-status-form.ts";
import { indicatorField } from "../../../status/read-status-form.ts";
import type { PlannedReminder } from "../../../status/reminders.ts";
import {
  chooseReportingItem,
  dueNote,
  isEditable,
  isLateReport,
  isOpen,
  pointLabel,
  sortByDue,
} from "../../../status/reporting-periods.ts";
import type { AssignmentOverview } from "../../../status/status-overview.ts";
import { reopenDays } from "../../../status/reopen-status.ts";
import {
  maxStatusTextLength,
  statusColours,
  statusLevels,
  type ReportableAssignment,
  type StatusLevel,
  type StatusRevisionRecord,
  type StoredStatusUpdate,
} from "../../../status/status-model.ts";

/** Rows on one overview card: Teams refuses messages over about 28 KB, and a longer list is better filtered. */
export const maxOverviewRows = 12;

type Colour = "Default" | "Good" | "Warning" | "Attention" | "Accent";

export function assignmentHeading(assignment: Pick<ReportableAssignment, "number" | "title">): string {
  return assignment.number && !assignment.title.startsWith(assignment.number)
    ? `${assignment.number} ${assignment.title}`
    : assignment.title;
}

function agreementLine(assignment: ReportableAssignment): string {
  return `${assignment.agreement.id} · ${assignment.agreement.title}`;
}

export function statusText(language: Language, level: StatusLevel): string {
  return translate(language, `status.level.${level}` as MessageKey);
}

export function statusOverviewCardData(
  language: Language,
  rows: AssignmentOverview[],
  options: { title?: string; notice?: string } = {},
) {
  const shown = rows.slice(0, maxOverviewRows);
  return {
    title: options.title ?? translate(language, "status.overview.title", { count: rows.length }),
    notice: options.notice ?? "",
    noticeColour: "Default",
    rows: shown.map((row) => {
      const year = row.assignment.agreement.year;
      const next = row.next;
      // With nothing ahead, the row is about the latest item, shown as passed: "next" is never in the past.
      const shownPoint = next ?? row.lastPassed;
      const update = next ? row.nextUpdate : row.lastPassedUpdate;
      const lastOverdue = row.overdue
        .map((p) => p.dueDate!)
        .sort()
        .at(-1);
      const nextText = next
        ? next.dueDate
          ? translate(language, "status.overview.next", { period: pointLabel(next, year, language), due: next.dueDate })
          : translate(language, "status.overview.nextUndated", { period: pointLabel(next, year, language) })
        : row.lastPassed
          ? translate(language, "status.overview.nothingAhead", {
              period: pointLabel(row.lastPassed, year, language),
              due: row.lastPassed.dueDate ?? "",
            })
          : "";
      return {
        heading: assignmentHeading(row.assignment),
        agreement: agreementLine(row.assignment),
        nextText,
        statusText: update
          ? translate(language, "status.overview.reported", {
              status: statusText(language, update.status),
              version: update.version,
            })
          : translate(language, "status.overview.notReported"),
        statusColour: (update ? statusColours[update.status] : "Default") as Colour,
        overdueText:
          row.overdue.length > 0
            ? translate(language, "status.overview.overdue", { count: row.overdue.length, due: lastOverdue ?? "" })
            : "",
        actionTitle: translate(language, update ? "status.overview.view" : "status.overview.report"),
        action: { assignmentId: row.assignment.id, itemKey: shownPoint?.key ?? "", lang: language },
      };
    }),
    moreText:
      rows.length > shown.length
        ? translate(language, "status.overview.more", { count: rows.length - shown.length })
        : "",
  };
}

export interface StatusFormState {
  assignment: ReportableAssignment;
  today: string;
  /** The values to show: what the user typed (after a validation error) or the version being edited. */
  values: Record<string, unknown>;
  errors?: FieldErrors;
  /** Set when editing: the update the form starts from. */
  editing?: StoredStatusUpdate;
  /** The version the edit started from, kept through validation rounds (defaults to `editing.version`). */
  baseVersion?: number;
  /** Who saved the version being edited (the latest editor, not the first author). */
  editorName?: string;
  /** Periods of the assignment that already have a status: a new report offers the others. */
  reported?: ReadonlySet<string>;
  idempotencyKey: string;
  notice?: { text: string; colour: Colour };
}

/** Numbers in messages as the reader writes them: "2 345" in Swedish, "2,345" in English. */
function localNumber(language: Language, value: number): string {
  return value.toLocaleString(language === "sv" ? "sv-SE" : "en-GB");
}

function errorText(language: Language, errors: FieldErrors | undefined, field: string): string {
  const error = errors?.[field];
  if (!error) return "";
  const params = Object.fromEntries(
    Object.entries(error.params ?? {}).map(([name, value]) => [
      name,
      typeof value === "number" ? localNumber(language, value) : value,
    ]),
  );
  return translate(language, error.key, params);
}

/**
 * How much of a too-long text the form shows again: all of what a person plausibly types, bounded so
 * the card stays under Teams' message size limit. The card itself never cuts input (no maxLength):
 * the limit is said in the label and checked when the form is sent, so nothing is lost silently.
 */
const maxShownTextLength = 4 * maxStatusTextLength;

function shownValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/** The form's values for an existing update, to edit it. */
export function formValuesOf(
  update: StoredStatusUpdate,
  assignment: Pick<ReportableAssignment, "indicators">,
): Record<string, unknown> {
  const values: Record<string, unknown> = { status: update.status, text: update.text, period: update.reportingItemKey };
  for (const v of update.indicatorValues) {
    values[indicatorField.women(v.ordinal)] = v.women;
    values[indicatorField.men(v.ordinal)] = v.men;
    // A total that is just women + men is left empty, so it follows when either is changed (counts and amounts only).
    const unit = assignment.indicators.find((i) => i.ordinal === v.ordinal)?.unit ?? null;
    const derived =
      isAdditive(unit) && v.women !== null && v.men !== null && v.total === Math.round((v.women + v.men) * 100) / 100;
    values[indicatorField.total(v.ordinal)] = derived ? null : v.total;
  }
  return values;
}

export function statusFormCardData(language: Language, state: StatusFormState) {
  const { assignment, errors } = state;
  const points = sortByDue(assignment.points);
  // Editing pins the period. A new report offers the periods without a status: open ones, and
  // overdue ones marked late (a late report is better than none).
  const offered = state.editing
    ? points.filter((p) => p.key === state.editing!.reportingItemKey)
    : points.filter((p) => !state.reported?.has(p.key) || p.key === state.values.period);
  const lateMark = language === "sv" ? " – sen" : " – late";
  const choices = (offered.length > 0 ? offered : points).map((p) => ({
    title: `${pointLabel(p, assignment.agreement.year, language)}${dueNote(p, language)}${isOpen(p, state.today) ? "" : lateMark}`,
    value: p.key,
  }));
  const chosen = state.editing
    ? state.editing.reportingItemKey
    : chooseReportingItem(points, state.today, (key) => state.reported?.has(key) ?? false)?.key;
  const selectedKey = shownValue(state.values.period) || chosen || choices[0]?.value || "";
  const selected = points.find((p) => p.key === selectedKey);
  const fieldErrors = errors && Object.keys(errors).length > 0;
  const notice =
    state.notice ??
    (fieldErrors
      ? { text: translate(language, "status.error.summary"), colour: "Attention" as Colour }
      : state.editing
        ? {
            text: translate(language, "status.form.editing", {
              version: state.baseVersion ?? state.editing.version,
              when: localDateTime(state.editing.updatedAt),
              name: state.editorName ?? state.editing.author.name,
            }),
            colour: "Default" as Colour,
          }
        : undefined);
  return {
    title: translate(language, "status.form.title", { assignment: assignmentHeading(assignment) }),
    agreement: agreementLine(assignment),
    notice: notice?.text ?? "",
    noticeColour: notice?.colour ?? "Default",
    due: selected?.dueDate ? translate(language, "status.form.due", { due: selected.dueDate }) : "",
    labels: {
      period: translate(language, "status.form.period"),
      periodRequired: translate(language, "status.error.periodRequired"),
      status: translate(language, "status.form.status"),
      statusRequired: translate(language, "status.error.statusRequired"),
      text: translate(language, "status.form.text", { max: localNumber(language, maxStatusTextLength) }),
      textRequired: translate(language, "status.error.textRequired"),
      textPlaceholder: translate(language, "status.form.textPlaceholder", {
        max: localNumber(language, maxStatusTextLength),
      }),
      indicators: translate(language, "status.form.indicators"),
      indicatorsHint: translate(language, "status.form.indicatorsHint"),
      submit: translate(language, "status.form.submit"),
      back: translate(language, "status.form.back"),
    },
    period: { value: selectedKey, choices, error: errorText(language, errors, "period") },
    status: {
      value: shownValue(state.values.status),
      choices: statusLevels.map((level) => ({
        title: statusText(language, level),
        value: level,
        colour: statusColours[level],
      })),
      error: errorText(language, errors, "status"),
    },
    text: {
      value: shownValue(state.values.text).slice(0, maxShownTextLength),
      error: errorText(language, errors, "text"),
    },
    indicators: assignment.indicators.map((indicator) => {
      const ids = {
        women: indicatorField.women(indicator.ordinal),
        men: indicatorField.men(indicator.ordinal),
        total: indicatorField.total(indicator.ordinal),
      };
      const label = (sex: "women" | "men" | "total") =>
        withUnit(language, translate(language, `status.form.${sex}`), indicator.unit);
      return {
        name: indicator.name,
        unitNote: translate(language, `status.form.unitNote.${indicator.unit ?? "unknown"}`),
        women: { id: ids.women, value: shownValue(state.values[ids.women]), label: label("women") },
        men: { id: ids.men, value: shownValue(state.values[ids.men]), label: label("men") },
        total: { id: ids.total, value: shownValue(state.values[ids.total]), label: label("total") },
        error: [ids.women, ids.men, ids.total]
          .map((id) => errorText(language, errors, id))
          .filter(Boolean)
          .join(" "),
      };
    }),
    submit: {
      assignmentId: assignment.id,
      idempotencyKey: state.idempotencyKey,
      baseVersion: state.baseVersion ?? state.editing?.version ?? 0,
      lang: language,
    },
    back: { lang: language },
  };
}

/** "Kvinnor (%)", "Män (antal)": the field says what to write. */
function withUnit(language: Language, label: string, unit: IndicatorUnit | null): string {
  return unit ? `${label} (${translate(language, `status.form.unit.${unit}`)})` : label;
}

export function statusReceiptCardData(
  language: Language,
  input: {
    update: StoredStatusUpdate;
    assignment: ReportableAssignment;
    history: StatusRevisionRecord[];
    today: string;
    notice?: { text: string; colour: Colour };
    /** After the due date: who may reopen it (the committee's experts by name), and what the viewer may do about it. */
    reopen?: { reopeners: string[]; canReopen: boolean; canRequest: boolean };
  },
) {
  const { update, assignment } = input;
  const point = assignment.points.find((p) => p.key === update.reportingItemKey);
  const open = point ? isEditable(point, update, input.today) : false;
  const reopenedNow = open && point !== undefined && !isOpen(point, input.today) && update.reopened !== null;
  const committee = assignment.agreement.committeeCode ?? "–";
  const reopeners = input.reopen?.reopeners ?? [];
  const who =
    reopeners.length > 0
      ? translate(language, "status.reopen.whoExperts", { names: reopeners.join(", "), committee })
      : translate(language, "status.reopen.whoAdmin");
  const period = point ? pointLabel(point, assignment.agreement.year, language) : update.periodLabel;
  const latest = input.history.at(-1);
  const facts = [
    { label: translate(language, "status.receipt.assignment"), value: assignmentHeading(assignment) },
    { label: translate(language, "status.receipt.agreement"), value: assignment.agreement.id },
    { label: translate(language, "status.receipt.period"), value: `${period}${point ? dueNote(point, language) : ""}` },
    {
      label: translate(language, "status.receipt.by"),
      value: `${update.author.name}, ${localDateTime(update.createdAt)}`,
    },
  ];
  if (update.version > 1 && latest) {
    facts.push({
      label: translate(language, "status.receipt.changedBy"),
      value: `${latest.editor.name}, ${localDateTime(latest.editedAt)}`,
    });
  }
  facts.push({ label: translate(language, "status.receipt.version"), value: String(update.version) });
  if (isLateReport(update) && update.dueDate) {
    facts.push({
      label: translate(language, "status.receipt.lateLabel"),
      value: translate(language, "status.receipt.lateValue", { due: update.dueDate }),
    });
  }
  return {
    title: translate(language, "status.receipt.title"),
    notice: input.notice?.text ?? "",
    noticeColour: input.notice?.colour ?? "Default",
    facts,
    statusText: `● ${statusText(language, update.status)}`,
    statusColour: statusColours[update.status],
    text: update.text,
    labels: {
      indicator: translate(language, "status.receipt.indicator"),
      women: translate(language, "status.form.women"),
      men: translate(language, "status.form.men"),
      total: translate(language, "status.form.total"),
      edit: translate(language, "status.receipt.edit"),
      history: translate(language, "status.receipt.history"),
      overview: translate(language, "status.receipt.overview"),
      reopen: translate(language, "status.receipt.reopen", { days: reopenDays }),
      requestReopen: translate(language, "status.receipt.requestReopen"),
    },
    indicatorRows: update.indicatorValues.map((v) => {
      const unit = assignment.indicators.find((i) => i.ordinal === v.ordinal && i.name === v.indicator)?.unit ?? null;
      return {
        name: v.indicator,
        women: formatFigure(v.women, unit, language),
        men: formatFigure(v.men, unit, language),
        total: formatFigure(v.total, unit, language),
      };
    }),
    canEdit: open,
    lockedText:
      open || !update.dueDate ? "" : translate(language, "status.receipt.locked", { due: update.dueDate, who }),
    reopenedText: reopenedNow
      ? translate(language, "status.receipt.reopened", { by: update.reopened!.by, until: update.reopened!.until })
      : "",
    canReopen: !open && Boolean(update.dueDate) && (input.reopen?.canReopen ?? false),
    canRequestReopen:
      !open && Boolean(update.dueDate) && !(input.reopen?.canReopen ?? false) && (input.reopen?.canRequest ?? false),
    history: [...input.history].reverse().map((r) => ({
      line: translate(language, "status.receipt.historyLine", {
        version: r.version,
        when: localDateTime(r.editedAt),
        name: r.editor.name,
        status: statusText(language, r.status),
      }),
    })),
    edit: { updateId: update.id, lang: language },
    reopen: { updateId: update.id, lang: language },
    back: { lang: language },
  };
}

/** Data for cards/status-reopen-request.json: sent to the committee's experts when a chief asks to correct a passed report. */
export function reopenRequestCardData(
  language: Language,
  input: { update: StoredStatusUpdate; assignment: ReportableAssignment; requester: string },
) {
  const { update, assignment } = input;
  const point = assignment.points.find((p) => p.key === update.reportingItemKey);
  const period = point ? pointLabel(point, assignment.agreement.year, language) : update.periodLabel;
  return {
    title: translate(language, "status.reopen.requestTitle"),
    text: translate(language, "status.reopen.requestText", {
      name: input.requester,
      assignment: assignmentHeading(assignment),
      period,
      due: update.dueDate ?? "–",
      agreement: assignment.agreement.id,
    }),
    statusText: `● ${statusText(language, update.status)} · ${translate(language, "status.receipt.version")} ${update.version}`,
    statusColour: statusColours[update.status],
    excerpt: update.text.length > 280 ? `${update.text.slice(0, 279).trimEnd()}…` : update.text,
    reopenTitle: translate(language, "status.receipt.reopen", { days: reopenDays }),
    reopen: { updateId: update.id, lang: language },
  };
}

export function reminderCardData(language: Language, reminder: PlannedReminder) {
  const shown = reminder.items.slice(0, maxOverviewRows);
  const params = {
    count: reminder.items.length,
    agreement: reminder.agreement.title,
    due: reminder.dueDate,
    days: reminder.daysLeft,
  };
  return {
    title: translate(language, "reminder.title", { due: reminder.dueDate }),
    intro: translate(
      language,
      reminder.daysLeft === 0
        ? "reminder.introToday"
        : reminder.daysLeft === 1
          ? "reminder.introTomorrow"
          : "reminder.intro",
      params,
    ),
    actionTitle: translate(language, "status.overview.report"),
    items: shown.map(({ assignment, point }) => ({
      heading: assignmentHeading(assignment),
      period: pointLabel(point, assignment.agreement.year, language),
      action: { assignmentId: assignment.id, itemKey: point.key, lang: language },
    })),
    moreText:
      reminder.items.length > shown.length
        ? translate(language, "status.overview.more", { count: reminder.items.length - shown.length })
        : "",
  };
}

export function noticeCardData(
  language: Language,
  text: string,
  options: { title?: string; colour?: Colour; back?: boolean } = {},
) {
  return {
    title: options.title ?? "",
    text,
    colour: options.colour ?? "Default",
    backTitle: options.back ? translate(language, "status.receipt.overview") : "",
    back: { lang: language },
  };
}
