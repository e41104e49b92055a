// What a piece of agreement text says about a report: its form (oral/written), the rule for
// written material ("tre veckor innan sammanträdet"), the meeting named beside a due date.
import {
  dueCue,
  numberWords,
  oralCue,
  submissionRuleStatement,
  writtenCue,
} from "../../../shared/lexicon/agreement-vocabulary.ts";
import { monthOf, swedishMonthPattern } from "../../../shared/lexicon/months.ts";
import { fold } from "../../../shared/text/fold.ts";
import { addDays, isoDate, subtractWorkingDays, type IsoDate } from "../../../shared/text/swedish-dates.ts";
import type { ReportForm } from "../../agreement-model.ts";

export interface SubmissionRule {
  days: number;
  workingDays: boolean;
  label: string;
  /**
   * "senast måndagen veckan före sammanträdet": a weekday (ISO, 1 = Monday) of the week `days / 7`
   * weeks before the meeting's week, instead of a count of days.
   */
  weekday?: number;
}

const weekdayWords: Record<string, number> = { mandag: 1, tisdag: 2, onsdag: 3, torsdag: 4, fredag: 5 };
const weekdayRulePattern = new RegExp(
  `(mandag|tisdag|onsdag|torsdag|fredag)(?:en)?\\s+(?:i\\s+)?(?:(\\d{1,2}|${Object.keys(numberWords).join("|")})\\s+)?(veckan|veckor)\\s+(innan|fore|for|infor)\\s+(?:\\S+\\s+){0,3}?(sammantr\\w*|motet|mote|namndmot\\w*|namndsammantr\\w*|namnden)`,
);

const numberWord = Object.keys(numberWords).join("|");
const rulePattern = new RegExp(
  `(\\d{1,2}|${numberWord})\\s+(veckor|vecka|dagar|dag|arbetsdagar|arbetsdag|kalenderdagar)\\s+(innan|fore|for|infor|forut)\\s+(?:\\S+\\s+){0,3}?(sammantr\\w*|motet|mote|namndmot\\w*|namndsammantr\\w*|namnden|beslut\\w*|presidi\\w*)`,
);

/** "Skriftliga underlag … tre veckor innan sammanträdet", "senast 10 arbetsdagar före nämndmötet". */
// In a table cell the meeting is implied: "Underlag 10 arbetsdagar före".
const cellRulePattern = new RegExp(
  `^(?:\\S+\\s+){0,3}?(\\d{1,2}|${numberWord})\\s+(veckor|vecka|dagar|dag|arbetsdagar|arbetsdag|kalenderdagar)\\s+(innan|fore|forut)\\.?$`,
);

export function findSubmissionRule(text: string): SubmissionRule | null {
  const folded = fold(text).replace(/\s+/g, " ").trim();
  const weekdayRule = weekdayRuleIn(folded);
  if (weekdayRule) return weekdayRule;
  const match =
    rulePattern.exec(folded) ??
    (folded.length < 60 && /underlag|material|handling/.test(folded) ? cellRulePattern.exec(folded) : null);
  if (!match) return null;
  const sentenceStart = Math.max(folded.lastIndexOf(".", match.index), folded.lastIndexOf("\n", match.index)) + 1;
  const sentence = folded.slice(sentenceStart, match.index + match[0].length);
  if (!/underlag|material|handling|skriftlig|rapport|redovisning|dokument|lamnas|inkomma|tillhanda/.test(sentence))
    return null;
  const count = /^\d+$/.test(match[1]!) ? Number(match[1]) : numberWords[match[1]!]!;
  const unit = match[2]!;
  const working = unit.startsWith("arbetsdag");
  const days = unit.startsWith("veck") ? count * 7 : count;
  const unitLabel = unit.startsWith("veck")
    ? count === 1
      ? "vecka"
      : "veckor"
    : working
      ? count === 1
        ? "arbetsdag"
        : "arbetsdagar"
      : count === 1
        ? "dag"
        : "dagar";
  return { days, workingDays: working, label: `${count} ${unitLabel} före sammanträdet` };
}

/** "Handlingar … tillhanda senast måndagen veckan före sammanträdet", "onsdagen två veckor före mötet". */
function weekdayRuleIn(folded: string): SubmissionRule | null {
  const match = weekdayRulePattern.exec(folded);
  if (!match) return null;
  const sentenceStart = Math.max(folded.lastIndexOf(".", match.index), folded.lastIndexOf("\n", match.index)) + 1;
  if (
    !/underlag|material|handling|skriftlig|rapport|dokument|tillhanda|inkomma/.test(
      folded.slice(sentenceStart, match.index),
    )
  )
    return null;
  // "måndagen veckan före" is one week before; "måndagen två veckor före" two.
  const weeks = match[2] ? (/^\d+$/.test(match[2]) ? Number(match[2]) : numberWords[match[2]]!) : 1;
  const weekday = weekdayWords[match[1]!]!;
  const name = weekday === 1 ? "måndagen" : `${match[1]}en`;
  return {
    days: weeks * 7,
    workingDays: false,
    weekday,
    label: `${name} ${weeks === 1 ? "veckan" : `${weeks} veckor`} före sammanträdet`,
  };
}

export function applyRule(meeting: IsoDate, rule: SubmissionRule): IsoDate {
  if (rule.weekday) {
    const weekday = new Date(`${meeting}T00:00:00Z`).getUTCDay() || 7;
    return addDays(meeting, -(weekday - 1) - rule.days + (rule.weekday - 1));
  }
  return rule.workingDays ? subtractWorkingDays(meeting, rule.days) : addDays(meeting, -rule.days);
}

/** Removes the statement of the submission rule so that "Skriftliga underlag …" does not read as a written report. */
export function withoutRuleText(folded: string): string {
  return folded.replace(submissionRuleStatement, " ");
}

export function formOf(text: string): ReportForm | null {
  const folded = withoutRuleText(fold(text));
  const oral = oralCue.test(folded);
  const written = writtenCue.test(folded);
  if (oral && written) return "both";
  if (oral) return "oral";
  if (written) return "written";
  return null;
}

/**
 * The meeting named next to a due date: "till nämndens sammanträde den 4 juni". OCR interleaves
 * columns, so a few words of the neighbouring column may sit between "sammanträde den" and "4
 * juni", or between the day and the month. A meeting must come after the due date, within ten weeks.
 */
export function namedMeeting(text: string, due: IsoDate): IsoDate | null {
  // The due date itself (in its own column) is not the meeting.
  const folded = fold(text).replace(/[|]/g, " ").split(due).join(" ");
  const pattern = new RegExp(
    `sammantr\\S{0,6}(?:\\s+\\S+){0,7}?\\s+(\\d{1,2})(?:\\s+[^\\s\\d]+){0,8}?\\s+(${swedishMonthPattern})(?![\\p{L}])(?:\\s+(\\d{4}))?`,
    "u",
  );
  const iso = /(?:sammantr\S{0,6}|mote\S{0,3})(?:\s+\S+){0,4}?\s+(\d{4}-\d{2}-\d{2})/.exec(folded);
  const candidates: IsoDate[] = [];
  if (iso) candidates.push(iso[1]!);
  const match = pattern.exec(folded);
  if (match) {
    const month = monthOf(match[2]!);
    if (month) {
      let year = match[3] ? Number(match[3]) : Number(due.slice(0, 4));
      let meeting = isoDate(year, month, Number(match[1]));
      if (meeting && !match[3] && meeting < due) {
        year += 1;
        meeting = isoDate(year, month, Number(match[1]));
      }
      if (meeting) candidates.push(meeting);
    }
  }
  return candidates.find((meeting) => meeting >= due && meeting <= addDays(due, 70)) ?? null;
}

/** Whether the (folded) words just before a date say it is a due day: "senast", "sista dag för handlingar". */
export function dueWordsBefore(foldedBefore: string): boolean {
  return (
    new RegExp(`${dueCue.source}\\W+(?:\\S+\\s+){0,3}\\S*$`).test(foldedBefore) || /\bsenast\s*$/.test(foldedBefore)
  );
}
