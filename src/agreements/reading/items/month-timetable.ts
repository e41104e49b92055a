// A follow-up timetable of months, each entry naming the committee's meeting and what is reported
// at it: "Maj: Nämndens sammanträde den 27 maj. Tertialrapport 1 (skriftlig) …", "Maj 2026 – …",
// "I maj: …", "Februari (sammanträde 24/2): …", or a row of "Månad | Sammanträde | Ärende". The
// meeting is when the reports are presented, not a report of its own; each report the entry names
// is one item; a month without a meeting ("Juli: Inget sammanträde.") reports nothing.
import { meetingCue } from "../../../shared/lexicon/agreement-vocabulary.ts";
import { monthOf, swedishMonthPattern } from "../../../shared/lexicon/months.ts";
import { fold, squash } from "../../../shared/text/fold.ts";
import { isoDate, type IsoDate } from "../../../shared/text/swedish-dates.ts";
import { findTimeMentions } from "../time-mentions.ts";
import { splitSentences } from "./sentences.ts";

export interface MonthEntry {
  /** "2026-05". */
  month: string;
  /** The meeting the entry names, when it names a day. */
  meeting: IsoDate | null;
  /** "Inget sammanträde", "Ej sammanträde i juli". */
  noMeeting: boolean;
  /** A due day for the written material stated for the whole entry ("Underlag senast 13 maj."). */
  materialDue: IsoDate | null;
  /** Each report the entry names, in its own words. */
  reports: MonthReport[];
}

export interface MonthReport {
  text: string;
  /** A due day for this report's material ("Tertialrapport 1 (skriftlig), underlag senast 13 maj"). */
  materialDue: IsoDate | null;
}

const entryLabel = new RegExp(
  `^\\s*(?:[•*–-]\\s*)?(?:i\\s+)?(${swedishMonthPattern})\\.?(?:\\s+(\\d{4}))?\\s*(?:\\(([^)]*)\\))?\\s*[:–—-]\\s*(\\S[\\s\\S]*)$`,
  "iu",
);
const noMeetingCue = /\b(?:inget|inga|ej|ingen)\s+(?:\w+\s+)?(?:sammantr\w*|namndmote\w*|mote\w*)/;
/** "Inga rapporter från kontoret", "Inget ärende": a sentence that says nothing is reported. */
const nothingReported = /^(?:inga|inget|ingen)\b/;
const materialDueCue = /(?:underlag|handling\w*|material)\w*\s+(?:ska\s+\S+\s+)?(?:\S+\s+)?senast\s*$/;

function numericDay(text: string, year: number): IsoDate | null {
  const match = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(text);
  return match ? isoDate(year, Number(match[2]), Number(match[1])) : null;
}

/** The entry a line, paragraph or row opens with a month label, or null. */
export function readMonthEntry(text: string, year: number): MonthEntry | null {
  const label = entryLabel.exec(squash(text));
  if (!label) return null;
  const monthNumber = monthOf(fold(label[1]!));
  const body = label[4]!;
  // "Maj–juni: …" is a range of months, not one month's entry.
  if (!monthNumber || new RegExp(`^(?:${swedishMonthPattern})\\b`, "iu").test(body)) return null;
  const entryYear = label[2] ? Number(label[2]) : year;
  const month = `${entryYear}-${String(monthNumber).padStart(2, "0")}`;
  const note = label[3] ?? "";
  let meeting: IsoDate | null = null;
  if (meetingCue.test(fold(note)))
    meeting = numericDay(note, entryYear) ?? findDay(note, entryYear, month)?.date ?? null;
  const reports: MonthReport[] = [];
  let materialDue: IsoDate | null = null;
  const folded = fold(body);
  const noMeeting = noMeetingCue.test(folded) || noMeetingCue.test(fold(note));
  for (const sentence of splitSentences(body).flatMap((s) => s.split(/;\s*/))) {
    let rest = sentence;
    if (!meeting) {
      const day = findDay(sentence, entryYear, month);
      if (day && meetingCue.test(fold(sentence.slice(0, day.index)))) {
        meeting = day.date;
        rest = withoutMeetingClause(sentence, day.index, day.length);
      }
    }
    const restFolded = fold(rest).trim();
    if (!/\p{L}{3}/u.test(restFolded) || nothingReported.test(restFolded) || noMeetingCue.test(restFolded)) continue;
    const due = materialDueIn(rest, entryYear);
    if (due && /^(?:skriftlig\w*\s+)?(?:underlag|handling\w*|material)/.test(restFolded)) {
      materialDue = due;
      continue;
    }
    const report = squash(rest).replace(/^[\s,.;:–—-]+/, "");
    reports.push({ text: report.replace(/^\p{Ll}/u, (c) => c.toUpperCase()), materialDue: due });
  }
  return { month, meeting: noMeeting ? null : meeting, noMeeting, materialDue, reports: noMeeting ? [] : reports };
}

function findDay(text: string, year: number, month: string) {
  return findTimeMentions(text, year)
    .filter((m) => m.precision === "day")
    .find((m) => m.date.startsWith(month));
}

/** "Nämndens sammanträde den 27 maj: Tertialrapport 1" → "Tertialrapport 1"; a report named before the meeting stays. */
function withoutMeetingClause(sentence: string, index: number, length: number): string {
  const after = sentence.slice(index + length).replace(/^[\s,.;:–—-]+/, "");
  if (/\p{L}{3}/u.test(after)) return after;
  let before = sentence.slice(0, fold(sentence).search(meetingCue));
  for (let shorter = before; ; before = shorter) {
    shorter = before.replace(/(?:^|[\s,]+)(?:vid|på|till|inför|i|nämndens|styrelsens|ordinarie|det|den)?\s*$/iu, "");
    if (shorter === before) return before;
  }
}

function materialDueIn(text: string, year: number): IsoDate | null {
  for (const mention of findTimeMentions(text, year))
    if (mention.precision === "day" && materialDueCue.test(fold(text.slice(0, mention.index)))) return mention.date;
  return null;
}

/**
 * What a person reads as the report's name: its words up to its form ("Tertialrapport 1 (skriftlig)
 * med uppföljning … per den 30 april" → "Tertialrapport 1"), without its material's due date or
 * the day its period ends.
 */
export function monthReportTitle(report: string): string {
  return squash(report)
    .replace(/\s*\([^)]*\b(?:muntlig|skriftlig)\w*[^)]*\).*$/iu, "")
    .replace(/,?\s*(?:underlag|handlingar|material)\w*\s+(?:\S+\s+)?senast\b.*$/iu, "")
    .replace(/,?\s+per\s+(?:den\s+)?\d.*$/iu, "")
    .replace(/[\s,.;:–—-]+$/, "");
}
