// Reads the time a question is about, relative to the day it is asked (in Europe/Stockholm):
// single dates in any common writing (chrono-node's Swedish and English parsers), and the
// expressions chrono does not know — months, weeks, quarters, tertials, delår/helår, "nästa
// sammanträde", "kommande 3 veckor" — with our own rules.
// The two locales only: the package's index loads every locale, three times the start-up cost.
import * as chronoEnglish from "chrono-node/en";
import * as chronoSwedish from "chrono-node/sv";
import { englishNumberWords, numberWords } from "../shared/lexicon/agreement-vocabulary.ts";
import { fold } from "../shared/text/fold.ts";
import { addDays, isoDate, isoWeekday, lastDayOfMonth, type IsoDate } from "../shared/text/swedish-dates.ts";

export type PeriodCode = "V" | "T1" | "T2" | "D" | "H";

export interface DateConstraint {
  /** Inclusive bounds; null when open. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** True when the question names a time; otherwise the engine lists what is due from today. */
  explicit: boolean;
  /** "nästa sammanträde": the first meeting on or after the asking date. */
  nextMeeting: boolean;
  /** "nästa skriftliga rapport", "the next deadline": the first reporting day on or after the asking date. */
  nextOccasion: boolean;
  /** "årets sista sammanträde", "the first meeting of the year": that meeting of the year asked about (or this year). */
  yearMeeting?: "first" | "last" | null;
  /** Report occasions asked for ("delår" → D and T2). */
  periodCodes: PeriodCode[] | null;
  /**
   * "i vår", "under hösten": the season's months, for items that are not tied to a report occasion
   * (the spring report's items come first; a meeting in April answers "i vår" when there are none).
   */
  season?: { from: IsoDate; to: IsoDate } | null;
  /** "kvartal 2": also the reports about that period, which are due after it ("Besöksstatistik kvartal 2" in July). */
  reportPeriod?: string | null;
  /** A year mentioned on its own ("2025"): selects agreements rather than dates. */
  year: number | null;
  /** Every year mentioned on its own, in order ("the 2025 target … the 2024 outcome"). */
  years?: number[];
  /** Character ranges of the question that expressed time, so they are not read as topic words. */
  spans: Array<[number, number]>;
  /** How to say what was understood, per language. */
  description: { sv: string; en: string } | null;
}

const svMonths = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];
const enMonths = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function formatDate(date: IsoDate, language: "sv" | "en"): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return language === "sv" ? `${d} ${svMonths[m - 1]} ${y}` : `${d} ${enMonths[m - 1]} ${y}`;
}

const monthWords: Array<[RegExp, number]> = [
  [/^(januari|january|jan)$/, 1],
  [/^(februari|february|feb)$/, 2],
  [/^(mars|march|mar)$/, 3],
  [/^(april|apr)$/, 4],
  [/^(maj|may)$/, 5],
  [/^(juni|june|jun)$/, 6],
  [/^(juli|july|jul)$/, 7],
  [/^(augusti|august|aug)$/, 8],
  [/^(september|sept|sep)$/, 9],
  [/^(oktober|october|okt|oct)$/, 10],
  [/^(november|nov)$/, 11],
  [/^(december|dec)$/, 12],
];
const monthAlternation =
  "januari|january|februari|february|mars|march|april|maj|may|juni|june|juli|july|augusti|august|september|oktober|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec";

// "per augusti", "per den 31 augusti", "as of 31 August": the day a report's period closes.
const periodClosing = new RegExp(
  `\\b(?:per|as of|as at)\\s+(?:den\\s+)?(?:\\d{1,2}(?:st|nd|rd|th|:e|:a)?\\s+)?(?:${monthAlternation})\\b(?:\\s+20\\d{2})?`,
  "giu",
);

// A count of days, weeks or months in words or digits: the lexicon's number words. Its Swedish ones
// are folded ("tva", "atta"), where a question writes "två", "åtta". ("En", "ett", "one" are no count.)
const countWord = [...Object.keys(numberWords), ...Object.keys(englishNumberWords)]
  .filter((w) => w !== "en" && w !== "ett" && w !== "one")
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/a/g, "[aåä]").replace(/o/g, "[oö]"))
  .join("|");
const nextCountedSpan = new RegExp(
  `(?:inom|de|under|within|in the|the|over the)?\\s*(?:kommande|närmaste|nästa|next|coming|following)\\s+(\\d{1,2}|${countWord})\\s+(veckor(?:na)?|weeks|dagar(?:na)?|days|månader(?:na)?|months)`,
  "iu",
);
const countOf = (word: string): number =>
  numberWords[fold(word)] ?? englishNumberWords[word.toLowerCase()] ?? Number(word);

function monthOf(word: string): number {
  return monthWords.find(([pattern]) => pattern.test(word))![1];
}

/** Ordinals of a year's parts: "tredje kvartalet", "the second tertial". */
export const ordinals: Record<string, number> = {
  första: 1,
  first: 1,
  andra: 2,
  second: 2,
  tredje: 3,
  third: 3,
  fjärde: 4,
  fourth: 4,
  sista: 4,
  last: 4,
};

type Bound = "before" | "by" | "after" | "from" | "on";

interface Mention {
  start: number;
  end: number;
  from: IsoDate;
  to: IsoDate;
  /** What the words before the mention say about it. */
  bound: Bound | null;
  kind: "day" | "month";
}

/** What joins the two ends of a window: "och", "and the end of", "till slutet av". */
const rangeJoin =
  /^\s*(?:och|and|till|to|-|–|—|until)\s+(?:the\s+|den\s+)?((?:end|close|beginning|start|middle)\s+of\s+(?:the\s+)?|(?:slutet|utgången|början|mitten)\s+av\s+)?$|^\s*[-–—]\s*$/u;

const boundBefore: Array<[RegExp, Bound]> = [
  [/(?:^|\s)(?:före|innan|before|prior to|earlier than)(?:\s+(?:den|the|utgången av|end of|i|in))?\s*$/u, "before"],
  [
    /(?:^|\s)(?:senast|by|until|till och med|t\.?o\.?m\.?|no later than|up to|fram till|tills?)(?:\s+(?:den|the|i|in|end of|slutet av|utgången av))?\s*$/u,
    "by",
  ],
  [/(?:^|\s)(?:efter|after|later than)(?:\s+(?:den|the|i|in))?\s*$/u, "after"],
  [/(?:^|\s)(?:från och med|fr\.?o\.?m\.?|from|since|starting|från)(?:\s+(?:den|the|i|in))?\s*$/u, "from"],
  [/(?:^|\s)(?:på|on|den|the)\s*$/u, "on"],
];

function boundOf(text: string, start: number): { bound: Bound | null; start: number } {
  const before = text.slice(Math.max(0, start - 30), start);
  for (const [pattern, bound] of boundBefore) {
    const match = pattern.exec(before);
    if (match) return { bound, start: start - (before.length - match.index) + (match[0].startsWith(" ") ? 1 : 0) };
  }
  return { bound: null, start };
}

function overlaps(spans: Array<[number, number]>, start: number, end: number): boolean {
  return spans.some(([s, e]) => start < e && end > s);
}

/** Reads the time expressions in `question` as asked on `today`. */
export function readDateConstraint(question: string, today: IsoDate): DateConstraint {
  const text = question.toLowerCase();
  const spans: Array<[number, number]> = [];
  const [todayYear, todayMonth] = today.split("-").map(Number) as [number, number];
  const take = (start: number, end: number) => spans.push([start, end]);

  // A year on its own tells which agreement year dates without a year belong to.
  // (Not a span of years, "boendebehov 2027–2031", "kulturplan 2027–2030": that names a plan's period.)
  const yearSpans = [...text.matchAll(/\b20\d{2}\s*[–—-]\s*(?:20)?\d{2}\b/g)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
  const yearMatches = [...text.matchAll(/\b(20\d{2})\b/g)].filter(
    (m) => !yearSpans.some(([start, end]) => m.index >= start! && m.index < end!),
  );
  const yearHint = yearMatches.length ? Number(yearMatches[0]![1]) : null;

  const mentions: Mention[] = [];
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  let nextMeeting = false;
  let nextOccasion = false;
  let yearMeeting: "first" | "last" | null = null;
  let periodCodes: PeriodCode[] | null = null;
  let season: { from: IsoDate; to: IsoDate } | null = null;
  let reportPeriod: string | null = null;
  const descriptionSv: string[] = [];
  const descriptionEn: string[] = [];
  const range = (f: IsoDate | null, t: IsoDate | null, sv: string, en: string) => {
    if (f && (!from || f > from)) from = f;
    if (t && (!to || t < to)) to = t;
    descriptionSv.push(sv);
    descriptionEn.push(en);
  };

  // Our own expressions first, so chrono does not read "next week" as a single day.
  const rule = (pattern: RegExp, apply: (match: RegExpExecArray) => void) => {
    for (const match of text.matchAll(
      new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`),
    )) {
      if (overlaps(spans, match.index, match.index + match[0].length)) continue;
      take(match.index, match.index + match[0].length);
      apply(match as RegExpExecArray);
    }
  };
  const mondayOf = (date: IsoDate) => addDays(date, 1 - isoWeekday(date));

  // "vilka dagar i veckan", "days of the week", "två gånger i månaden": which weekdays, or how often,
  // not this week or this month.
  // What is counted stays the question's word ("kvällar" in "hur många kvällar i veckan"); "i veckan" is no topic.
  const frequency =
    /\b(?:dagar|dag|kvällar|kvällarna|gånger|timmar|när|when|days?|evenings?|times|hours|nights?)(\s+(?:i|per|om|of|a|in|each)\s+(?:the\s+)?(?:veckan|vecka|månaden|månad|året|week|month|year))\b/giu;
  const notTime: Array<[number, number]> = [];
  const perUnit: Array<[number, number]> = [];
  for (const m of text.matchAll(frequency)) {
    const end = m.index + m[0].length;
    notTime.push([m.index, end]);
    perUnit.push([end - m[1]!.length, end]);
  }
  // "what's the last day to send it?", "sista dagen för underlaget": the deadline asked for, not yesterday.
  for (const m of text.matchAll(
    /\b(?:the\s+)?(?:last|final|latest)\s+(?:day|date)\b|\bsista\s+(?:dag|dagen|datum)\b/giu,
  )) {
    perUnit.push([m.index, m.index + m[0].length]);
    notTime.push([m.index, m.index + m[0].length]);
  }
  // "delårsrapporten per augusti", "the interim report per 31 August", "bokslut per den 30 april":
  // the day the report's period closes names the report, not when it is due.
  for (const m of text.matchAll(periodClosing)) {
    // (Nor is it a topic word: "Delårsrapport" is the item, whatever day its period closes.)
    notTime.push([m.index, m.index + m[0].length]);
    perUnit.push([m.index, m.index + m[0].length]);
  }
  spans.push(...notTime);
  rule(/\b(?:nästa|kommande) (?:nämnd)?(?:sammanträde|möte)t?|next (?:committee )?meeting/u, () => {
    nextMeeting = true;
  });
  rule(
    /\b(?:årets\s+)?(första|sista)\s+(?:nämnd)?(?:sammanträde|möte)t?(?!\p{L})(?:\s+(?:för|under|i)\s+året)?(?!\s+(?:före|innan|efter))|\b(?:the\s+)?(first|last|final)\s+(?:committee\s+)?meeting(?!\p{L})(?:\s+of\s+the\s+year)?(?!\s+(?:before|after|prior))/iu,
    (m) => {
      yearMeeting = /^(första|first)$/i.test(m[1] ?? m[2]!) ? "first" : "last";
    },
  );
  // "nästa skriftliga rapport", "the next written report": the first occasion from today (only
  // "next" is a time word; the report and its form are what the question asks about).
  rule(
    /\b(?:nästa|närmaste|next|upcoming)(?= (?:\p{L}+ ){0,2}\p{L}*(?:rapport|redovisning|återrapport|uppföljning|report|deadline)\p{L}*)/u,
    () => {
      nextOccasion = true;
    },
  );
  // "de kommande tio dagarna", "within the next ten days", "närmaste två veckorna": from today on.
  const nextSpan = (days: number, unit: "week" | "day" | "month", n: number) => {
    const sv = unit === "week" ? "veckorna" : unit === "day" ? "dagarna" : "månaderna";
    const en = unit === "week" ? "weeks" : unit === "day" ? "days" : "months";
    range(today, addDays(today, days), `de kommande ${n} ${sv}`, `the next ${n} ${en}`);
  };
  rule(nextCountedSpan, (m) => {
    const n = countOf(m[1]!);
    const unit = m[2]!.toLowerCase();
    if (/^(veck|week)/.test(unit)) nextSpan(n * 7, "week", n);
    else if (/^(dag|day)/.test(unit)) nextSpan(n, "day", n);
    else nextSpan(n * 30, "month", n);
  });
  // "the next fortnight", "within a fortnight": two weeks from today.
  rule(/\b(?:(?:within|in|over)\s+)?(?:the\s+)?(?:next|coming|following|a)\s+fortnight\b|\bfortnight\b/iu, () =>
    nextSpan(14, "week", 2),
  );
  // "den kommande veckan", "närmaste veckan", "the coming week", "the week ahead": the seven days from today.
  rule(
    /\b(?:(?:den|under|inom)\s+)?(?:kommande|närmaste)\s+veckan\b|\b(?:(?:in|within|during|over)\s+)?the\s+(?:coming|following)\s+week\b|\bthe\s+week\s+ahead\b|\b(?:veckan som kommer)\b/iu,
    () => range(today, addDays(today, 7), "den kommande veckan", "the coming week"),
  );
  rule(/\b(?:nästa vecka|next week)\b/u, () => {
    const monday = addDays(mondayOf(today), 7);
    range(monday, addDays(monday, 6), "nästa vecka", "next week");
  });
  rule(/\b(?:denna vecka|den här veckan|i veckan|this week)\b/u, () => {
    range(today, addDays(mondayOf(today), 6), "den här veckan", "this week");
  });
  rule(/\b(?:förra veckan|last week)\b/u, () => {
    const monday = addDays(mondayOf(today), -7);
    range(monday, addDays(monday, 6), "förra veckan", "last week");
  });
  rule(/\b(?:vecka|week|v\.)\s?(\d{1,2})\b/u, (m) => {
    const week = Number(m[1]);
    const year = yearHint ?? todayYear;
    // ISO week 1 contains 4 January.
    const jan4 = isoDate(year, 1, 4)!;
    const monday = addDays(mondayOf(jan4), (week - 1) * 7);
    range(monday, addDays(monday, 6), `vecka ${week}`, `week ${week}`);
  });
  rule(/\b(?:nästa månad|next month)\b/u, () => {
    const month = todayMonth === 12 ? 1 : todayMonth + 1;
    const year = todayMonth === 12 ? todayYear + 1 : todayYear;
    range(isoDate(year, month, 1), lastDayOfMonth(year, month), "nästa månad", "next month");
  });
  rule(/\b(?:denna månad|den här månaden|i månaden|this month)\b/u, () => {
    range(today, lastDayOfMonth(todayYear, todayMonth), "den här månaden", "this month");
  });
  rule(/\b(?:förra månaden|last month)\b/u, () => {
    const month = todayMonth === 1 ? 12 : todayMonth - 1;
    const year = todayMonth === 1 ? todayYear - 1 : todayYear;
    range(isoDate(year, month, 1), lastDayOfMonth(year, month), "förra månaden", "last month");
  });
  rule(
    /(?:\b(?:kvartal|quarter)\s?([1-4])\b|\bq([1-4])\b|\b(första|andra|tredje|fjärde|sista|first|second|third|fourth|last)\s+(?:kvartalet|quarter))/u,
    (m) => {
      const quarter = Number(m[1] ?? m[2]) || ordinals[m[3]!]!;
      const year = yearHint ?? todayYear;
      reportPeriod = `kvartal ${quarter}`;
      range(
        isoDate(year, quarter * 3 - 2, 1),
        lastDayOfMonth(year, quarter * 3),
        `kvartal ${quarter} ${year}`,
        `quarter ${quarter} ${year}`,
      );
    },
  );
  const period = (codes: PeriodCode[], sv: string, en: string) => {
    periodCodes = [...new Set([...(periodCodes ?? []), ...codes])];
    descriptionSv.push(sv);
    descriptionEn.push(en);
  };
  rule(/(?:\btertial\s?([1-3])\b|\bt([1-3])\b|\b(första|andra|tredje|first|second|third)\s+tertial(?:et)?)/u, (m) => {
    const tertial = Number(m[1] ?? m[2]) || ordinals[m[3]!]!;
    const codes: PeriodCode[][] = [[], ["T1", "V"], ["T2", "D"], ["H"]];
    period(codes[tertial]!, `för tertial ${tertial}`, `for tertial ${tertial}`);
  });
  rule(/\b(?:delårs?\p{L}*|interim(?: report)?|half[- ]year(?:ly)?(?: report)?|halvår\p{L}*)/u, () =>
    period(["D", "T2"], "till delåret", "for the interim (delår) report"),
  );
  rule(
    /(?<![\p{L}\d])(?:helårs?\p{L}*|årsbokslut\p{L}*|bokslut\p{L}*|årsredovisning\p{L}*|full[- ]year(?: report)?|annual report|year[- ]end)/u,
    () => period(["H"], "till helåret", "for the full-year (helår) report"),
  );
  // The season itself ("i vår", "under våren") also means its months; the report ("vårrapporten") does not.
  const seasonOf = (first: number, last: number) => {
    const year = yearHint ?? todayYear;
    season = { from: isoDate(year, first, 1)!, to: lastDayOfMonth(year, last) };
  };
  rule(/\b(?:vårrapport\p{L}*|våruppföljning\p{L}*|spring report)\b/u, () =>
    period(["V", "T1"], "till våruppföljningen", "for the spring (vår) report"),
  );
  rule(/\b(?:våren|vår|spring)\b/u, () => {
    period(["V", "T1"], "till våruppföljningen", "for the spring (vår) report");
    seasonOf(2, 6);
  });
  rule(/\b(?:i höst|hösten|autumn|this fall)\b/u, () => {
    seasonOf(8, 12);
    descriptionSv.push("i höst");
    descriptionEn.push("this autumn");
  });
  rule(/(?<!\p{L})(?:i år|årets|this year(?:'s)?)(?!\p{L})/u, () =>
    range(isoDate(todayYear, 1, 1), isoDate(todayYear, 12, 31), `år ${todayYear}`, `${todayYear}`),
  );
  rule(/\b(?:nästa år|next year)\b/u, () =>
    range(isoDate(todayYear + 1, 1, 1), isoDate(todayYear + 1, 12, 31), `år ${todayYear + 1}`, `${todayYear + 1}`),
  );
  rule(/\b(?:förra året|i fjol|last year)\b/u, () =>
    range(isoDate(todayYear - 1, 1, 1), isoDate(todayYear - 1, 12, 31), `år ${todayYear - 1}`, `${todayYear - 1}`),
  );

  // Single days: chrono's Swedish and English parsers (ISO, "28 maj", "May 28th", "28/5", "idag").
  const reference = new Date(`${today}T12:00:00Z`);
  for (const parser of [chronoSwedish, chronoEnglish]) {
    for (const result of parser.parse(question, reference, { forwardDate: true })) {
      if (!result.start.isCertain("day") || !result.start.isCertain("month")) continue;
      // "within 14 days", "inom tre veckor": a length of time, not a day the question is about.
      if (
        /^(within|inom|in|om|after|efter)?\s*(\d+|a|an|en|ett|two|three|four|två|tre|fyra)\s+(days?|dagar|weeks?|veckor|months?|månader)$/i.test(
          result.text.trim(),
        )
      )
        continue;
      const start = result.index;
      const end = start + result.text.length;
      if (overlaps(spans, start, end)) continue;
      // "uppföljning (1/3)", "2/3 av": one of a count, not 1 March — unless a word before makes it a day.
      const fraction = /^(\d)\/(\d)$/.exec(result.text.trim());
      if (
        fraction &&
        Number(fraction[1]) <= Number(fraction[2]) &&
        Number(fraction[2]) <= 4 &&
        boundOf(text, start).bound === null
      )
        continue;
      const month = result.start.get("month")!;
      const day = result.start.get("day")!;
      let year = result.start.isCertain("year") ? result.start.get("year")! : (yearHint ?? todayYear);
      if (!result.start.isCertain("year") && yearHint === null && isoDate(year, month, day)! < today) year += 1;
      const date = isoDate(year, month, day);
      if (!date) continue;
      take(start, end);
      mentions.push({ start, end, from: date, to: date, bound: null, kind: "day" });
    }
  }

  // Whole months: "i april", "april 2025", "before June". "may" only as a month when it clearly is one.
  for (const match of text.matchAll(
    // "oktobermötet", "aprilmötets", "junisammanträdet": the meeting of that month.
    new RegExp(
      `(?<![\\p{L}\\d])(${monthAlternation})(möte|mötet|mötets|sammanträde|sammanträdet|sammanträdets)?\\.?(?:\\s+(20\\d{2}))?(?![\\p{L}])`,
      "gu",
    ),
  )) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlaps(spans, start, end)) continue;
    const word = match[1]!;
    const yearWritten = match[3];
    const preceding = text.slice(Math.max(0, start - 12), start);
    const prepositioned =
      match[2] !== undefined ||
      /(?:^|\s)(i|in|under|during|för|for|före|innan|before|efter|after|senast|by|until|till|från|from|of|av)\s+$/u.test(
        preceding,
      );
    if ((word === "may" || word === "mar" || word === "jun" || word === "jul") && !yearWritten && !prepositioned)
      continue;
    // "aug–okt": an abbreviation joined by a dash to another month is one.
    const dashedMonth = new RegExp(`^\\s*[–—-]\\s*(?:${monthAlternation})(?![\\p{L}])`, "u");
    const dashedAfter = new RegExp(`(?:^|[^\\p{L}])(?:${monthAlternation})\\.?\\s*[–—-]\\s*$`, "u");
    const dashed = dashedMonth.test(text.slice(end)) || dashedAfter.test(text.slice(Math.max(0, start - 14), start));
    if (!prepositioned && !yearWritten && word.length <= 3 && !dashed) continue;
    const month = monthOf(word);
    let year = yearWritten ? Number(yearWritten) : (yearHint ?? todayYear);
    if (!yearWritten && yearHint === null && month < todayMonth) year += 1;
    take(start, end);
    mentions.push({
      start,
      end,
      from: isoDate(year, month, 1)!,
      to: lastDayOfMonth(year, month),
      bound: null,
      kind: "month",
    });
  }

  // "mellan X och Y" / "between X and Y" / "från X till Y".
  mentions.sort((a, b) => a.start - b.start);
  const used = new Set<Mention>();
  for (let i = 0; i + 1 < mentions.length; i++) {
    const first = mentions[i]!;
    const second = mentions[i + 1]!;
    const between = text.slice(first.end, second.start);
    const lead = text.slice(Math.max(0, first.start - 12), first.start);
    // "between 20 April and the end of June": where in the second month the window ends.
    const joined = rangeJoin.exec(between);
    if (joined && /(mellan|between|från|from)\s+(den\s+|the\s+)?$/u.test(lead)) {
      const leadMatch = /(mellan|between|från|from)\s+(den\s+|the\s+)?$/u.exec(lead)!;
      take(first.start - (lead.length - leadMatch.index), second.end);
      const part = joined[1] ?? "";
      const to =
        second.kind !== "month"
          ? second.to
          : /^(?:beginning|start|början)/u.test(part)
            ? second.from
            : /^(?:middle|mitten)/u.test(part)
              ? `${second.from.slice(0, 8)}15`
              : second.to;
      range(
        first.from,
        to,
        `${formatDate(first.from, "sv")} – ${formatDate(to, "sv")}`,
        `${formatDate(first.from, "en")} – ${formatDate(to, "en")}`,
      );
      used.add(first).add(second);
    }
  }
  // "between October and the end of 2025", "från september till årets slut": to the year's last day.
  for (const first of mentions) {
    if (used.has(first)) continue;
    const lead = /(mellan|between|från|from)\s+(den\s+|the\s+)?$/u.exec(
      text.slice(Math.max(0, first.start - 12), first.start),
    );
    const toYearEnd =
      /^\s*(?:och|and|till|to|until)\s+(?:(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+year|(20\d{2}))|(?:slutet|utgången)\s+av\s+(?:året|(20\d{2}))|årets\s+slut)/u.exec(
        text.slice(first.end),
      );
    if (!lead || !toYearEnd) continue;
    const year = toYearEnd[1] ?? toYearEnd[2] ?? first.from.slice(0, 4);
    take(Math.max(0, first.start - 12) + lead.index, first.end + toYearEnd[0].length);
    range(
      first.from,
      `${year}-12-31`,
      `${formatDate(first.from, "sv")} – ${formatDate(`${year}-12-31`, "sv")}`,
      `${formatDate(first.from, "en")} – ${formatDate(`${year}-12-31`, "en")}`,
    );
    used.add(first);
  }
  // "sept–dec", "i maj och juni", "maj, juni och juli": months joined by a dash or a conjunction
  // are one window, from the first one's first day to the last one's last day.
  for (let i = 0; i < mentions.length; i++) {
    if (used.has(mentions[i]!) || mentions[i]!.kind !== "month") continue;
    const group = [mentions[i]!];
    for (let k = i + 1; k < mentions.length; k++) {
      const next = mentions[k]!;
      const between = text.slice(group[group.length - 1]!.end, next.start);
      if (
        next.kind !== "month" ||
        used.has(next) ||
        !/^\s*(?:[–—-]|och|and|&|,|samt|or|eller|through|thru|to|till|until|till och med|t\.o\.m\.)\s*$/u.test(between)
      )
        break;
      group.push(next);
    }
    if (group.length < 2) continue;
    const first = group[0]!;
    const last = group[group.length - 1]!;
    // A month before the first one is in the year after it ("nov–feb"); one written without a year
    // before a month of a later year is in that year ("sept–dec 2025").
    let firstFrom = first.from;
    if (firstFrom > last.from)
      firstFrom = isoDate(Number(firstFrom.slice(0, 4)) - 1, Number(firstFrom.slice(5, 7)), 1)!;
    const { bound, start } = boundOf(text, first.start);
    if (bound !== null) continue;
    take(start, last.end);
    range(
      firstFrom,
      last.to,
      `${formatDate(firstFrom, "sv")} – ${formatDate(last.to, "sv")}`,
      `${formatDate(firstFrom, "en")} – ${formatDate(last.to, "en")}`,
    );
    for (const mention of group) used.add(mention);
  }
  for (const mention of mentions) {
    if (used.has(mention)) continue;
    const { bound, start } = boundOf(text, mention.start);
    take(start, mention.end);
    const sv =
      mention.kind === "month"
        ? `${svMonths[Number(mention.from.slice(5, 7)) - 1]} ${mention.from.slice(0, 4)}`
        : formatDate(mention.from, "sv");
    const en =
      mention.kind === "month"
        ? `${enMonths[Number(mention.from.slice(5, 7)) - 1]} ${mention.from.slice(0, 4)}`
        : formatDate(mention.from, "en");
    switch (bound) {
      case "before":
        range(null, addDays(mention.from, -1), `före ${sv}`, `before ${en}`);
        break;
      case "by":
        range(null, mention.to, `till och med ${sv}`, `by ${en}`);
        break;
      case "after":
        range(addDays(mention.to, 1), null, `efter ${sv}`, `after ${en}`);
        break;
      case "from":
        range(mention.from, null, `från och med ${sv}`, `from ${en}`);
        break;
      default:
        range(
          mention.from,
          mention.to,
          mention.kind === "month" ? `i ${sv}` : `den ${sv}`,
          mention.kind === "month" ? `in ${en}` : `on ${en}`,
        );
    }
  }

  let year: number | null = null;
  const years: number[] = [];
  for (const match of yearMatches) {
    if (overlaps(spans, match.index, match.index + 4)) continue;
    year = Number(match[1]);
    years.push(year);
    take(match.index, match.index + 4);
  }

  const explicit = from !== null || to !== null;
  if (from && to && from > to) to = from;
  // "på mötet i slutet av mars": where in the month is part of saying when, not a topic word.
  const timeSpans = spans
    .filter((span) => !notTime.includes(span))
    .map(([start, end]): [number, number] => {
      const lead =
        /(?:\bi\s+|\bat\s+the\s+|\bin\s+the\s+)?\b(?:slutet|början|mitten|utgången|end|beginning|middle|start)\s+(?:av|of)\s+(?:the\s+)?$/u.exec(
          text.slice(0, start),
        );
      return lead ? [lead.index, end] : [start, end];
    });
  return {
    from,
    to,
    explicit,
    nextMeeting,
    nextOccasion,
    yearMeeting,
    periodCodes,
    season,
    reportPeriod,
    year,
    years,
    spans: [...timeSpans, ...perUnit],
    description: descriptionSv.length ? { sv: descriptionSv.join(", "), en: descriptionEn.join(", ") } : null,
  };
}
