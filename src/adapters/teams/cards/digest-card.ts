// Data for cards/digest.json and the digest's one-line text fallback.
import type { Digest } from "../../../digest/digest-model.ts";
import type { Language } from "../../../shared/language.ts";
import { translate, type MessageKey } from "../../../shared/messages/translate.ts";
import { localDateTime } from "../../../shared/text/swedish-dates.ts";
import { statusColours } from "../../../status/status-model.ts";
import { periodNames, type FollowUpPeriod } from "../../../summaries/follow-up-periods.ts";

/** Rows per section: the card stays short enough to read on a phone and far below Teams' size limit. */
export const digestRowsPerSection = 8;

/** Teams shows up to six actions on a card; one is "Hela listan". */
export const maxSummaryButtons = 4;

/** The period as the summary command reads it ("sammanfattning helår 2026 sn-dso-2026"). */
const summaryPeriodWords: Record<Language, Record<FollowUpPeriod, string>> = {
  sv: { var: "vår", delar: "delår", helar: "helår" },
  en: { var: "spring", delar: "interim", helar: "full year" },
};

/** The follow-up period a summary button should open on a given day: the one being reported next. */
export function periodForDay(today: string): { period: FollowUpPeriod; year: number } {
  const year = Number(today.slice(0, 4));
  const monthDay = today.slice(5);
  if (monthDay <= "01-31") return { period: "helar", year: year - 1 };
  if (monthDay <= "05-31") return { period: "var", year };
  if (monthDay <= "09-30") return { period: "delar", year };
  return { period: "helar", year };
}

export function digestFallbackText(language: Language, digest: Digest): string {
  return translate(language, "digest.fallback", {
    week: digest.week.slice(-2),
    upcoming: digest.upcoming.length,
    overdue: digest.overdue.length,
    updates: digest.updates.length,
  });
}

export function digestCardData(language: Language, digest: Digest) {
  const days = digest.horizonDays;
  const committees = digest.committees.join(", ");
  const sections: Array<{
    heading: string;
    colour: string;
    rows: Array<{ label: string; labelColour: string; text: string; detail: string }>;
    more: string;
  }> = [];
  const section = <T>(
    key: MessageKey,
    colour: string,
    items: T[],
    row: (item: T) => { label: string; labelColour: string; text: string; detail: string },
  ) => {
    if (items.length === 0) return;
    sections.push({
      heading: translate(language, key, { count: items.length, days }),
      colour,
      rows: items.slice(0, digestRowsPerSection).map(row),
      more:
        items.length > digestRowsPerSection
          ? translate(language, "digest.more", { count: items.length - digestRowsPerSection })
          : "",
    });
  };
  section("digest.upcoming", "Accent", digest.upcoming, (d) => ({
    label: d.date,
    labelColour: "Default",
    text: `${translate(language, d.kind === "meeting" ? "digest.meeting" : "digest.submission")}: ${d.title}`,
    detail: `${d.agreementId}${d.assignment && d.assignment !== d.title ? ` · ${d.assignment}` : ""}`,
  }));
  section("digest.overdue", "Attention", digest.overdue, (o) => ({
    label: o.dueDate,
    labelColour: "Attention",
    text: o.assignment,
    detail: `${o.agreementId}${o.title !== o.assignment ? ` · ${o.title}` : ""}`,
  }));
  section("digest.updates", "Good", digest.updates, (u) => ({
    label: `● ${translate(language, `status.level.${u.status}` as MessageKey)}`,
    labelColour: statusColours[u.status],
    text: `${u.assignment}: ${u.excerpt}`,
    detail: translate(language, "digest.updateDetail", {
      author: u.author,
      when: localDateTime(u.updatedAt),
      version: u.version,
    }),
  }));
  const target = periodForDay(digest.today);
  const period = periodNames[language][target.period];
  return {
    fallbackText: digestFallbackText(language, digest),
    title: translate(language, "digest.title", { week: Number(digest.week.slice(-2)) }),
    subtitle: translate(language, "digest.subtitle", {
      committees,
      agreements: digest.agreements.join(", ") || "–",
      today: digest.today,
    }),
    quietText: digest.quiet ? translate(language, "digest.quiet", { days }) : "",
    sections,
    footer: translate(language, digest.recipient.kind === "channel" ? "digest.footerChannel" : "digest.footer", {
      committees,
    }),
    deadlinesQuestion: translate(language, "digest.deadlinesQuestion"),
    // One button per agreement (up to maxSummaryButtons), each asking for the summary as a new message
    // (Action.Submit with `{ ask }`), so it comes below the digest instead of replacing it.
    summaryButtons: digest.agreements.slice(0, maxSummaryButtons).map((agreementId) => ({
      title: translate(language, digest.agreements.length === 1 ? "digest.summary" : "digest.summaryOf", {
        period,
        agreement: agreementId,
      }),
      request: `${translate(language, "command.summary.title")} ${summaryPeriodWords[language][target.period]} ${target.year} ${agreementId}`,
    })),
    labels: { deadlines: translate(language, "digest.deadlines") },
  };
}
