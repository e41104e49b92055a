// Data for the import review (cards/import-review.json) and its edit form (cards/review-item-form.json):
// what the reader found in one agreement, a page at a time, with the buttons to correct it.
import type { AgreementSummary, DeadlineRecord } from "../../../agreements/agreement-store.ts";
import type { CorrectionProblem } from "../../../agreements/corrections/correction-model.ts";
import { itemRef } from "../../../agreements/corrections/item-ref.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";

/** Items per card: a page of 15 with two buttons each stays far below Teams' ~28 KB card limit. */
export const reviewPageSize = 15;

export type NoticeColour = "Default" | "Good" | "Warning" | "Attention" | "Accent";

/** What every review button sends back: which agreement, which page, the card's language and its one-time key. */
export interface ReviewActionData {
  agreementId: string;
  page: number;
  lang: Language;
  /**
   * Fresh for every card shown: a second click on the same button is recognised and not done twice.
   * (Not named "key": the Agents Playground's card renderer writes to a data field of that name and fails.)
   */
  idempotencyKey: string;
  ref?: string;
  mode?: "edit" | "add";
}

export interface ReviewItemRow {
  title: string;
  /** The words the item was read from, shortened, so the reviewer can check it against the document. */
  quote: string;
  when: string;
  details: string;
  edit: ReviewActionData;
  remove: ReviewActionData;
}

/** Data for cards/import-review.json. */
export interface ReviewCardData {
  title: string;
  facts: string;
  counts: string;
  intro: string;
  empty: string;
  notice: string;
  noticeColour: NoticeColour;
  items: ReviewItemRow[];
  pageText: string;
  hasPaging: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
  previous: ReviewActionData;
  next: ReviewActionData;
  confirmAll: ReviewActionData;
  add: ReviewActionData;
  labels: Record<"edit" | "remove" | "add" | "confirmAll" | "next" | "previous", string>;
}

function formLabel(language: Language, form: DeadlineRecord["form"]): string {
  return translate(language, form ? `review.form.${form}` : "review.form.none");
}

/** "Sammanträde 2025-05-28 · Underlag senast 2025-05-07", or the period when there is no date. */
export function itemWhen(language: Language, item: DeadlineRecord): string {
  const parts: string[] = [];
  if (item.meetingDate) parts.push(translate(language, "review.meeting", { date: item.meetingDate }));
  if (item.submissionDate) parts.push(translate(language, "review.submission", { date: item.submissionDate }));
  if (parts.length === 0 && item.date) parts.push(translate(language, "review.dateOnly", { date: item.date }));
  if (parts.length === 0)
    parts.push(
      translate(language, "review.noDate", {
        period:
          item.period ?? item.periodCode ?? item.occasion ?? item.recurrence ?? translate(language, "review.unknown"),
      }),
    );
  return parts.join(" · ");
}

function mark(language: Language, item: DeadlineRecord): string | null {
  if (item.origin === "added") return translate(language, "review.mark.added");
  if (item.origin === "corrected") return translate(language, "review.mark.corrected");
  return item.confirmed ? translate(language, "review.mark.confirmed") : null;
}

export function pageCount(items: number): number {
  return Math.max(1, Math.ceil(items / reviewPageSize));
}

export function reviewCardData(
  language: Language,
  input: {
    agreement: AgreementSummary;
    items: DeadlineRecord[];
    page: number;
    key: string;
    notice?: { text: string; colour: NoticeColour };
  },
): ReviewCardData {
  const { agreement, items, key } = input;
  const pages = pageCount(items.length);
  const page = Math.min(Math.max(1, Math.floor(input.page) || 1), pages);
  const action = (extra: Partial<ReviewActionData> = {}): ReviewActionData => ({
    agreementId: agreement.id,
    page,
    lang: language,
    idempotencyKey: key,
    ...extra,
  });
  const unknown = translate(language, "review.unknown");
  return {
    title: translate(language, "review.title", { title: agreement.title }),
    facts: translate(language, "review.facts", {
      committee: agreement.committee ?? unknown,
      division: agreement.division ?? unknown,
      year: agreement.year ?? unknown,
    }),
    counts: translate(language, "review.counts", {
      items: items.length,
      assignments: agreement.counts.assignments,
      indicators: agreement.counts.indicators,
    }),
    intro: translate(language, "review.intro"),
    empty: translate(language, "review.none"),
    notice: input.notice?.text ?? "",
    noticeColour: input.notice?.colour ?? "Default",
    items: items.slice((page - 1) * reviewPageSize, page * reviewPageSize).map((item) => {
      const ref = itemRef(item.key);
      const quote =
        item.description && item.description !== item.title ? item.description.replace(/\s+/g, " ").trim() : "";
      return {
        title: item.title,
        quote: quote.length > 160 ? `”${quote.slice(0, 159)}…”` : quote ? `”${quote}”` : "",
        when: itemWhen(language, item),
        details: [
          formLabel(language, item.form),
          item.section ? `§ ${item.section}` : null,
          item.assignment !== item.title ? item.assignment : null,
          mark(language, item),
        ]
          .filter(Boolean)
          .join(" · "),
        edit: action({ ref }),
        remove: action({ ref }),
      };
    }),
    pageText: pages > 1 ? translate(language, "review.page", { page, pages }) : "",
    hasPaging: pages > 1,
    hasPrevious: page > 1,
    hasNext: page < pages,
    previous: action({ page: page - 1 }),
    next: action({ page: page + 1 }),
    confirmAll: action(),
    add: action({ mode: "add" }),
    labels: {
      edit: translate(language, "review.edit"),
      remove: translate(language, "review.remove"),
      add: translate(language, "review.add"),
      confirmAll: translate(language, "review.confirmAll"),
      next: translate(language, "review.next"),
      previous: translate(language, "review.previous"),
    },
  };
}

/** What the edit form's inputs hold: as stored, or as the person typed them when something was wrong. */
export interface ReviewFormValues {
  title: string;
  date: string;
  meetingDate: string;
  submissionDate: string;
  /** oral | written | both | none */
  form: string;
}

export function formValuesOf(item: DeadlineRecord): ReviewFormValues {
  return {
    title: item.title,
    date: item.date ?? "",
    meetingDate: item.meetingDate ?? "",
    submissionDate: item.submissionDate ?? "",
    form: item.form ?? "none",
  };
}

/** Data for cards/review-item-form.json. */
export interface ReviewFormCardData {
  title: string;
  agreement: string;
  evidence: string;
  error: string;
  values: ReviewFormValues;
  forms: Array<{ title: string; value: string }>;
  save: ReviewActionData;
  back: ReviewActionData;
  labels: Record<
    "title" | "titleRequired" | "date" | "meetingDate" | "submissionDate" | "form" | "save" | "cancel",
    string
  >;
}

export function reviewFormCardData(
  language: Language,
  input: {
    agreement: AgreementSummary;
    item?: DeadlineRecord;
    values?: ReviewFormValues;
    problem?: CorrectionProblem;
    page: number;
    key: string;
  },
): ReviewFormCardData {
  const { agreement, item, page, key } = input;
  const base = { agreementId: agreement.id, page, lang: language, idempotencyKey: key };
  const quote = item && item.description && item.description !== item.title ? item.description : "";
  return {
    title: translate(language, item ? "review.editTitle" : "review.addTitle"),
    agreement: agreement.title,
    evidence: quote.length > 400 ? `${quote.slice(0, 399)}…` : quote,
    error: input.problem
      ? `${translate(language, "review.problem.summary")} ${translate(language, `review.problem.${input.problem}`)}`
      : "",
    values:
      input.values ??
      (item ? formValuesOf(item) : { title: "", date: "", meetingDate: "", submissionDate: "", form: "none" }),
    forms: (["none", "oral", "written", "both"] as const).map((value) => ({
      value,
      title: formLabel(language, value === "none" ? null : value),
    })),
    save: item ? { ...base, mode: "edit", ref: itemRef(item.key) } : { ...base, mode: "add" },
    back: base,
    labels: {
      title: translate(language, "review.field.title"),
      titleRequired: translate(language, "review.field.titleRequired"),
      date: translate(language, "review.field.date"),
      meetingDate: translate(language, "review.field.meetingDate"),
      submissionDate: translate(language, "review.field.submissionDate"),
      form: translate(language, "review.field.form"),
      save: translate(language, "review.save"),
      cancel: translate(language, "review.cancel"),
    },
  };
}
