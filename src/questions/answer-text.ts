// Turns an answer into the text a person reads, in the question's language. Quotes from the
// documents stay as written (Swedish); everything around them is translated.
import type { DeadlineRecord } from "../agreements/agreement-store.ts";
import type { Language } from "../shared/language.ts";
import { translate } from "../shared/messages/translate.ts";
import { isoWeekNumber, type IsoDate } from "../shared/text/swedish-dates.ts";
import type { Answer, Citation } from "./answer-model.ts";
import { englishMonthNames, swedishMonthNames } from "../shared/lexicon/months.ts";
import { formatDate } from "./date-expressions.ts";

/** How many deadline items a text answer lists before asking the person to narrow down. */
export const maxListedItems = 25;

export interface RenderHints {
  topic?: string;
  topicMissed?: boolean;
  nextDate?: IsoDate | null;
  amount?: { activity: string; amountTkr: number } | null;
  /** Days the quote names in words, as ISO dates ("senast 15 oktober" → 2025-10-15). */
  dates?: string[];
  missingYear?: number | null;
  otherYearThanToday?: boolean;
  /** The question asks for a week ("vilken vecka …"): days are given with their week number. */
  weeks?: boolean;
  agreementLabel(agreementId: string): string;
}

/** "vecka 37", "week 37". */
function weekName(date: IsoDate, language: Language): string {
  return `${language === "sv" ? "vecka" : "week"} ${isoWeekNumber(date).week}`;
}

function monthName(month: string, language: Language): string {
  const names = language === "sv" ? swedishMonthNames : englishMonthNames;
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

function dayName(date: string, language: Language): string {
  const names = language === "sv" ? swedishMonthNames : englishMonthNames;
  return `${Number(date.slice(8, 10))} ${names[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

export function formatAmount(amount: number, language: Language): string {
  return new Intl.NumberFormat(language === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 1 })
    .format(amount)
    .replace(/\u00a0/g, " ");
}

/** " (3 veckor före sammanträdet)" when the due date was derived from a rule; empty when the text stated it. */
export function submissionRuleNote(item: Pick<DeadlineRecord, "submissionRule">, language: Language = "sv"): string {
  return item.submissionRule && item.submissionRule !== "stated"
    ? ` (${ruleInWords(item.submissionRule, language)})`
    : "";
}

const numberNames: Record<Language, string[]> = {
  sv: ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"],
  en: ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
};
const englishUnits: Record<string, [string, string]> = {
  vecka: ["week", "weeks"],
  veckor: ["week", "weeks"],
  dag: ["day", "days"],
  dagar: ["day", "days"],
  arbetsdag: ["working day", "working days"],
  arbetsdagar: ["working day", "working days"],
};

/**
 * A rule as a person writes it: numbers up to twelve in words, as Swedish running text has them
 * ("tre veckor före sammanträdet"), and in English for an English reader ("three weeks before the meeting").
 */
export function ruleInWords(rule: string, language: Language): string {
  const match = /^(\d+) (vecka|veckor|dag|dagar|arbetsdag|arbetsdagar) före sammanträdet$/.exec(rule);
  if (!match) return rule;
  const count = Number(match[1]);
  const number = count <= 12 ? numberNames[language][count]! : String(count);
  if (language === "sv") return `${count === 1 && match[2] === "vecka" ? "en" : number} ${match[2]} före sammanträdet`;
  const [one, many] = englishUnits[match[2]!]!;
  return `${number} ${count === 1 ? one : many} before the meeting`;
}

const meetingOccasion =
  /(?<![\p{L}])(?:(?:återrapporteras|redovisas|rapporteras|lämnas|behandlas)\s+)?(?:(?:vid|till|på|inför)\s+)?(?:nämndens\s+)?(?:första|sista|nästa|nästkommande|årets första|årets sista)\s+(?:ordinarie\s+)?(?:nämnd)?sammanträde[t]?(?:\s+(?:\d{4}|efter\s+\p{L}+|i\s+\p{L}+(?:\s+\d{4})?))?/iu;

/**
 * "Återrapporteras första sammanträdet 2027": a meeting the agreement names rather than dates. The
 * item's day may be a placeholder the document wrote beside it, so the words are shown with it.
 */
export function statedMeetingOccasion(description: string | null): string | null {
  const match = description ? meetingOccasion.exec(description) : null;
  return match ? match[0].replace(/\s+/g, " ").trim() : null;
}

/** One line describing a reporting item: what, where from, how and when material is due. */
export function describeDeadline(
  item: DeadlineRecord,
  language: Language,
  agreementLabel: (id: string) => string,
  weeks = false,
): string {
  const where = `${agreementLabel(item.agreement.id)}${item.section ? ` §${item.section}` : ""}`;
  const details: string[] = [];
  if (item.form) details.push(translate(language, `answer.item.form.${item.form}`));
  // A meeting or papers' day other than the day the item is listed under is written out too: the
  // heading gives only the listed day in words ("sammanträde 2026-09-17 (17 september 2026)").
  // "Vilken vecka ska underlaget vara inne?": with its week ("9 september 2026, vecka 37").
  const inWords = (date: IsoDate) =>
    date !== item.date
      ? ` (${formatDate(date, language)}${weeks ? `, ${weekName(date, language)}` : ""})`
      : weeks
        ? ` (${weekName(date, language)})`
        : "";
  if (item.meetingDate)
    details.push(
      `${translate(language, "answer.item.meeting", { date: item.meetingDate })}${inWords(item.meetingDate)}`,
    );
  if (item.submissionDate)
    details.push(
      `${translate(language, "answer.item.submission", { date: item.submissionDate })}${inWords(item.submissionDate)}${submissionRuleNote(item, language)}`,
    );
  if (item.period) details.push(item.period);
  // Only for an item without a meeting day: one with a day has its meeting in the line already,
  // and its paragraph may name another report's meeting.
  const occasion = item.meetingDate ? null : statedMeetingOccasion(item.description);
  if (occasion) details.push(`”${occasion}”`);
  if (item.channel) details.push(translate(language, "answer.item.channel", { channel: item.channel }));
  const about = item.assignment && !item.title.includes(item.assignment) ? ` — ${item.assignment}` : "";
  return `${item.title}${about} (${where})${details.length ? `: ${details.join("; ")}` : ""}`;
}

function citationLine(citation: Citation, language: Language): string {
  const section = citation.section
    ? translate(language, "answer.content.section", { number: citation.section, heading: citation.heading })
    : citation.heading;
  const document =
    citation.year && !citation.documentTitle.includes(String(citation.year))
      ? `${citation.documentTitle} (${citation.year})`
      : citation.documentTitle;
  return translate(language, "answer.content.from", { document, section });
}

export function renderAnswerText(answer: Answer, hints: RenderHints): string {
  const language = answer.language;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(language, key, params);
  if (answer.intent === "deadlines") {
    const scope = answer.scope ?? "";
    if (!answer.found) {
      const lines = [
        hints.topicMissed && hints.topic
          ? t("answer.deadlines.noneTopic", { topic: hints.topic })
          : t("answer.deadlines.none", { scope }).replace("  ", " "),
      ];
      if (hints.nextDate) lines.push(t("answer.deadlines.next", { date: hints.nextDate }));
      lines.push(t("answer.deadlines.suggest"));
      return lines.join(" ");
    }
    const heading = hints.topic
      ? t("answer.deadlines.headingTopic", { topic: hints.topic, scope, count: answer.deadlines.length })
      : t("answer.deadlines.heading", { scope, count: answer.deadlines.length });
    const lines = [heading.replace(/\s+/g, " ")];
    let listed = 0;
    for (const group of answer.groups) {
      if (listed >= maxListedItems) break;
      // The date as written in the agreements, and as people say it ("2025-05 (maj 2025)",
      // "2025-10-01 (1 oktober 2025)"): a list is read, not parsed.
      const when = group.date
        ? `${group.date} (${group.date.length === 7 ? monthName(group.date, language) : dayName(group.date, language)}${hints.weeks && group.date.length === 10 ? `, ${weekName(group.date, language)}` : ""})`
        : null;
      const label = when
        ? `**${when}**${group.past ? ` (${t("answer.deadlines.past")})` : ""}`
        : `**${t("answer.deadlines.undated")}**`;
      lines.push("", label);
      for (const item of group.items) {
        if (listed >= maxListedItems) break;
        lines.push(`- ${describeDeadline(item, language, hints.agreementLabel, hints.weeks)}`);
        listed += 1;
      }
    }
    if (answer.deadlines.length > listed)
      lines.push("", t("answer.deadlines.more", { count: answer.deadlines.length - listed }));
    return lines.join("\n");
  }

  if (!answer.found) {
    const lines: string[] = [];
    if (hints.missingYear) lines.push(t("answer.content.missingYear", { year: hints.missingYear }));
    lines.push(t("answer.content.none"));
    return lines.join(" ");
  }
  const [first, ...others] = answer.citations;
  const lines: string[] = [];
  if (hints.amount && first?.year) {
    lines.push(
      t("answer.content.amount", {
        activity: hints.amount.activity,
        amount: formatAmount(hints.amount.amountTkr, language),
        year: first.year,
      }),
      "",
    );
  }
  // [n] marks each source; Teams turns the markers into citation pop-ups.
  lines.push(`${citationLine(first!, language)} [1]`, `> ${first!.quote}`);
  if (hints.dates?.length) lines.push("", t("answer.content.dates", { dates: hints.dates.join(", ") }));
  if (hints.otherYearThanToday && first?.year) lines.push("", t("answer.content.otherYear", { year: first.year }));
  if (others.length) {
    lines.push("", t("answer.content.seeAlso"));
    others.forEach((citation, i) => {
      lines.push(
        `- ${citationLine(citation, language)} “${citation.quote.length > 240 ? `${citation.quote.slice(0, 237)}…` : citation.quote}” [${i + 2}]`,
      );
    });
  }
  return lines.join("\n");
}
