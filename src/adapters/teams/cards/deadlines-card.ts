import type { DeadlineRecord } from "../../../agreements/agreement-store.ts";
import type { Answer } from "../../../questions/answer-model.ts";
import { submissionRuleNote } from "../../../questions/answer-text.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";

/**
 * Items shown on one card. Teams refuses messages over about 28 KB; 15 items with their facts
 * stay far below that, and a longer list is better narrowed than scrolled.
 */
export const maxCardItems = 15;

/** Data for cards/deadlines.json: a deadline answer grouped by date. */
export interface DeadlinesCardData {
  title: string;
  groups: Array<{
    dateLabel: string;
    past: boolean;
    items: Array<{
      title: string;
      facts: Array<{ label: string; value: string }>;
      /** Opens the status form for the item's assignment; only offered to people who report. */
      canReport: boolean;
      action: { assignmentId: string; itemKey: string; lang: Language };
    }>;
  }>;
  moreText: string;
  reportTitle: string;
}

const labels = {
  sv: {
    agreement: "Avtal",
    meeting: "Sammanträde",
    submission: "Skriftligt senast",
    form: "Form",
    period: "Period",
    channel: "Var",
    assignment: "Uppdrag",
  },
  en: {
    agreement: "Agreement",
    meeting: "Meeting",
    submission: "Written due",
    form: "Form",
    period: "Period",
    channel: "Where",
    assignment: "Assignment",
  },
} as const;

function itemFacts(item: DeadlineRecord, language: Language, agreementLabel: (id: string) => string) {
  const l = labels[language];
  const facts: Array<{ label: string; value: string }> = [];
  facts.push({
    label: l.agreement,
    value: `${agreementLabel(item.agreement.id)}${item.section ? ` §${item.section}` : ""}`,
  });
  if (item.assignment && !item.title.includes(item.assignment))
    facts.push({ label: l.assignment, value: item.assignment });
  if (item.meetingDate) facts.push({ label: l.meeting, value: item.meetingDate });
  if (item.submissionDate)
    facts.push({ label: l.submission, value: `${item.submissionDate}${submissionRuleNote(item, language)}` });
  if (item.form) facts.push({ label: l.form, value: translate(language, `answer.item.form.${item.form}`) });
  if (item.period) facts.push({ label: l.period, value: item.period });
  if (item.channel) facts.push({ label: l.channel, value: item.channel });
  return facts;
}

export function deadlinesCardData(
  answer: Answer,
  agreementLabel: (id: string) => string,
  options: { canReport?: (item: DeadlineRecord) => boolean } = {},
): DeadlinesCardData {
  const language = answer.language;
  const groups: DeadlinesCardData["groups"] = [];
  let shown = 0;
  for (const group of answer.groups) {
    if (shown >= maxCardItems) break;
    const items = group.items.slice(0, maxCardItems - shown);
    shown += items.length;
    const pastLabel = group.past ? ` (${translate(language, "answer.deadlines.past")})` : "";
    groups.push({
      dateLabel: group.date ? `${group.date}${pastLabel}` : translate(language, "answer.deadlines.undated"),
      past: group.past,
      items: items.map((item) => ({
        title: item.title,
        facts: itemFacts(item, language, agreementLabel),
        canReport: Boolean(item.assignmentId && options.canReport?.(item)),
        action: { assignmentId: item.assignmentId ?? "", itemKey: item.key, lang: language },
      })),
    });
  }
  const title = answer.text.split("\n")[0]!;
  const more = answer.deadlines.length - shown;
  return {
    title,
    groups,
    moreText: more > 0 ? translate(language, "answer.deadlines.more", { count: more }) : "",
    reportTitle: translate(language, "status.overview.report"),
  };
}
