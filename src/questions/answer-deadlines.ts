// The deadline reading of a question: the reporting items that match its topic, committee, year,
// form and time. Returns how well the topic matched, so the engine can weigh this reading
// against the content reading.
import type { DeadlineRecord } from "../agreements/agreement-store.ts";
import { fold } from "../shared/text/fold.ts";
import { lastDayOfMonth, type IsoDate } from "../shared/text/swedish-dates.ts";
import type { Answer, DeadlineGroup } from "./answer-model.ts";
import { renderAnswerText } from "./answer-text.ts";
import { ordinals } from "./date-expressions.ts";
import { agreementLabel, namedAgreements, occasionCode, queryTerms, type PreparedCorpus } from "./prepared-corpus.ts";
import type { QuestionWord, ReadQuestion } from "./read-question.ts";
import { namesAThing, type QueryTerm } from "./search-index.ts";

export interface DeadlineReading {
  answer: Answer;
  /** How well the best items match the question's topic (0–1); 1 when the question names no topic. */
  topicScore: number;
  /** The question named a topic and no reporting item is about it. */
  topicMissed: boolean;
}

function topicScore(topic: QueryTerm[], keys: Pick<Set<string>, "has">): number {
  const total = topic.reduce((sum, t) => sum + (t.optional ? 0 : t.weight), 0);
  if (total === 0) return 0;
  let matched = 0;
  for (const term of topic) {
    if (term.optional) continue;
    if (term.alternatives.some((alternative) => alternative.weight >= 0.75 && keys.has(alternative.key)))
      matched += term.weight;
  }
  return matched / total;
}

/** The days an item stands for: its day, or every day of its month for an item given only by month. */
function daysOf(date: string): { first: IsoDate; last: IsoDate } {
  if (date.length === 7)
    return { first: `${date}-01`, last: lastDayOfMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7))) };
  return { first: date, last: date };
}

/** The topic as the person wrote it ("Sikta mot arbetslivet"), not as the list of its key words. */
function topicPhrase(text: string, words: QuestionWord[]): string {
  const lower = text.toLowerCase();
  const first = words.length ? lower.indexOf(words[0]!.text.toLowerCase()) : -1;
  const lastWord = words[words.length - 1];
  const last = lastWord ? lower.lastIndexOf(lastWord.text.toLowerCase()) : -1;
  if (first >= 0 && last >= first && last - first < 80) return text.slice(first, last + lastWord!.text.length);
  return words.map((w) => w.text).join(" ");
}

/** The year a question gives a report or plan ("verksamhetsberättelsen för 2026", "internkontrollplan 2028", "the 2028 internal control plan"), or undefined. */
export function reportYearOf(text: string): string | undefined {
  const swedish =
    /(?<!\p{L})\p{L}*(?:rapport|berättelse|bokslut|redovisning|plan|budget)\p{L}*\s+(?:för\s+|avseende\s+|for\s+)?(?:år\s+)?(20\d{2})(?!\d)/iu.exec(
      text,
    );
  const english =
    /(?<!\d)(20\d{2})(?:'s)?\s+(?:\p{L}+\s+){0,2}(?:report|plan|budget|review|accounts|statement)s?\b|\b(?:report|plan|budget|review|accounts|statement)s?\s+(?:for|of|on|covering)\s+(?:the\s+)?(?:year\s+)?(20\d{2})(?!\d)/iu.exec(
      text,
    );
  return swedish?.[1] ?? english?.[1] ?? english?.[2];
}

/** "redovisas", "rapportera", "reported", "reporting": a verb form, not the name of a report ("rapporten", "uppföljning"). */
export function isReportingVerb(word: string): boolean {
  const folded = fold(word.toLowerCase());
  if (/(ning|ningen|ningar|rapport|rapporten|rapporter|rapporterna)$/.test(folded)) return false;
  return /(as|s|a|ar|ade|ats|at|ed|ing)$/.test(folded);
}

/** How far below the best topic match an item may be and still be listed. */
const topicMargin = 0.25;

export function readDeadlines(prepared: PreparedCorpus, question: ReadQuestion, today: IsoDate): DeadlineReading {
  const { dates } = question;
  const named = namedAgreements(prepared, question);
  const topicWords = question.topicWords.filter((w) => !named.words.has(w.key));
  // A short ordinary word the documents never use ("väntas", "hinner") cannot narrow the reporting
  // items to a topic; a name or a long word they never use ("parkeringstillstånd") can, to none.
  const topic = queryTerms(prepared, topicWords).filter(
    (t) => !t.optional && !(t.alternatives.length === 0 && !namesAThing(t.text, t.key)),
  );

  let candidates = prepared.corpus.deadlines.map((item, i) => ({ item, keys: prepared.deadlineKeys[i]!, score: 1 }));
  // A committee named that is no party to any agreement (here, or of the municipality named) has no items.
  if (named.unknownCommittee) candidates = [];
  else if (named.ids) candidates = candidates.filter(({ item }) => named.ids!.has(item.agreement.id));
  // "Årsrapporten för 2026", "the 2028 internal control plan": the year the question gives a report
  // is the year it reports on (or plans for), not the agreement's: an item whose title names
  // another year reports on that one, and the agreement may be of the year after.
  const reportYear = reportYearOf(question.text);
  if (dates.year !== null && String(dates.year) !== reportYear)
    candidates = candidates.filter(
      ({ item }) => (item.agreement.year ?? Number(item.date?.slice(0, 4))) === dates.year,
    );
  if (reportYear)
    candidates = candidates.filter(({ item }) => {
      // The year an item reports on is in its title or its period ("helår 2026"); an item that names
      // none reports on its agreement's year (or, early in the next one, on the year before).
      const years: string[] = `${item.title} ${item.period ?? ""}`.match(/(?<!\d)20\d{2}(?!\d)/g) ?? [];
      if (years.length) return years.includes(reportYear);
      // A full-year report presented in the first months of a year is the year before's.
      if (occasionCode(item) === "H" && item.date) {
        const [year, month] = item.date.split("-").map(Number) as [number, number];
        if (month) return String(month <= 4 ? year - 1 : year) === reportYear;
      }
      const agreementYear = item.agreement.year;
      return agreementYear === null || agreementYear === Number(reportYear) || agreementYear === Number(reportYear) + 1;
    });
  if (question.form) candidates = candidates.filter(({ item }) => item.form === question.form || item.form === "both");
  let sectionMissed = false;
  if (question.sections.length) {
    const wanted = question.sections.map((s) => s.toLowerCase());
    const inSection = candidates.filter(({ item }) =>
      wanted.some(
        (s) =>
          (item.section ?? "").toLowerCase() === s ||
          (item.section ?? "").toLowerCase().startsWith(`${s}.`) ||
          (item.assignmentNumber ?? "").toLowerCase() === s,
      ),
    );
    // "Mål 3", "5.2" that no reporting item belongs to: the items say nothing about it (the text may).
    candidates = inSection;
    if (inSection.length === 0) sectionMissed = true;
  }

  // A verb only the general dictionary knows ("owes", "receive") is how the question is put: it
  // narrows the items only where one of them holds it.
  const holds = (term: QueryTerm, c: (typeof candidates)[number]) =>
    term.alternatives.some((a) => c.keys.primary.has(a.key) || c.keys.secondary.has(a.key));
  for (let i = topic.length - 1; i >= 0; i--)
    if (topic[i]!.soft && !candidates.some((c) => holds(topic[i]!, c))) topic.splice(i, 1);
  // The words the items were narrowed by, as the person wrote them.
  const namedTopic = topicWords.filter((w) => topic.some((t) => t.key === w.key));
  let best = 1;
  let topicMissed = false;
  if (topic.length) {
    const scored = candidates.map((c) => ({ ...c, score: topicScore(topic, c.keys.primary) }));
    best = Math.max(0, ...scored.map((s) => s.score));
    if (best < 0.5) {
      // The topic may only be named in the item's description or its section ("Jobbtorg").
      // Both sets asked in turn rather than merged: this runs for every reporting item of the corpus.
      for (const s of scored)
        s.score = Math.max(
          s.score,
          0.8 * topicScore(topic, { has: (key) => s.keys.primary.has(key) || s.keys.secondary.has(key) }),
        );
      best = Math.max(0, ...scored.map((s) => s.score));
    }
    if (best < 0.5) {
      topicMissed = true;
      candidates = [];
    } else {
      // Reporting words ("ekonomisk uppföljning") only decide between equally good topic matches.
      // (A verb of reporting, "redovisas", "reported", says how the question is put, not which report.)
      const reporting = queryTerms(
        prepared,
        question.reportingWords.filter((w) => !isReportingVerb(w.text)),
      );
      const ranked = scored.map((s) => ({
        ...s,
        score: s.score + (reporting.length ? 0.3 * topicScore(reporting, s.keys.primary) : 0),
      }));
      const top = Math.max(...ranked.map((s) => s.score));
      // Items nearly as good as the best on the topic stay: two reports of one assignment are often
      // titled a little apart ("Uppföljning av uppdrag att …" and "Uppföljning av …"), and a generic
      // word the question shares with one of them ("uppdraget") does not tell them apart.
      // (Only for a topic matched well: a weak match is no reason to list more.)
      const margin = best >= 0.75 ? topicMargin : 0;
      candidates = ranked.filter(
        (s) => s.score >= best - margin && s.score >= top - margin - (margin ? 0.3 : 0) - 1e-9,
      );
    }
  }

  let items = candidates.map((c) => c.item);
  let scopeSv = dates.description?.sv ?? null;
  let scopeEn = dates.description?.en ?? null;
  if (dates.periodCodes) {
    const codes = new Set<string>(dates.periodCodes);
    const atOccasion = items.filter((item) => codes.has(occasionCode(item) ?? ""));
    // "i vår" with no spring-report items of the topic: what is due in the spring months.
    const { season } = dates;
    const inSeason = season
      ? items.filter(
          (item) => item.date !== null && item.date.slice(0, 10) >= season.from && item.date.slice(0, 7) <= season.to,
        )
      : [];
    items = atOccasion.length || !inSeason.length ? atOccasion : inSeason;
    if (!dates.explicit && dates.year === null) {
      // "När ska delåret redovisas?": the current agreement year's, or the latest one that has it.
      const years = [...new Set(items.map((item) => item.agreement.year ?? 0))].sort((a, b) => b - a);
      const year = years.find((y) => y <= Number(today.slice(0, 4))) ?? years[years.length - 1];
      items = items.filter((item) => (item.agreement.year ?? 0) === year);
      if (year) {
        scopeSv = `${scopeSv} ${year}`;
        scopeEn = `${scopeEn} ${year}`;
      }
    }
  } else items = items.filter((item) => item.date !== null);

  if (dates.yearMeeting) {
    // "Årets sista sammanträde": the last (or first) meeting of the year asked about, or of this year.
    const year = String(dates.year ?? today.slice(0, 4));
    const meetingOf = (item: DeadlineRecord) => item.meetingDate ?? item.date;
    const days = items
      .map(meetingOf)
      .filter((d): d is string => d !== null && d.startsWith(year) && d.length === 10)
      .sort();
    const day = dates.yearMeeting === "first" ? days[0] : days.at(-1);
    items = day ? items.filter((item) => meetingOf(item) === day) : [];
    const which = { sv: dates.yearMeeting === "first" ? "första" : "sista", en: dates.yearMeeting };
    scopeSv = day ? `till årets ${which.sv} sammanträde (${day})` : `till årets ${which.sv} sammanträde`;
    scopeEn = day ? `for the ${which.en} meeting of the year (${day})` : `for the ${which.en} meeting of the year`;
  } else if (dates.nextMeeting) {
    const meetingOf = (item: DeadlineRecord) => item.meetingDate ?? item.date;
    const next = items
      .map(meetingOf)
      .filter((d): d is string => d !== null && d >= today)
      .sort()[0];
    items = next ? items.filter((item) => meetingOf(item) === next) : [];
    scopeSv = next ? `till nästa sammanträde (${next})` : "till nästa sammanträde";
    scopeEn = next ? `for the next meeting (${next})` : "for the next meeting";
  } else if (dates.explicit) {
    // "Before/by X" looks ahead from today; a window wholly in the past ("what was due before
    // 2025-05-28?" asked in 2026) lists what was due then, marked as passed.
    const pastWindow = dates.to !== null && dates.to < today && dates.from === null;
    const from = dates.from ?? (pastWindow ? `${dates.to!.slice(0, 4)}-01-01` : today);
    // Questions about handing in material use the day it is due, not the meeting — unless the day
    // they name is a meeting ("the written material for the 2025-09-17 meeting").
    const singleDay = dates.from !== null && dates.from === dates.to ? dates.from : null;
    const namesMeeting = singleDay !== null && items.some((item) => (item.meetingDate ?? item.date) === singleDay);
    const bySubmission = question.aboutSubmission && !namesMeeting;
    const dayOf = (item: DeadlineRecord) =>
      bySubmission
        ? (item.submissionDate ?? item.date)
        : question.aboutSubmission
          ? (item.meetingDate ?? item.date)
          : item.date;
    const inWindow = (day: string | null) => {
      if (day === null) return false;
      const { first, last } = daysOf(day);
      // A report due "in May" falls in a window only when the whole month does: it is not due
      // "this week", nor at the 23 April meeting, nor before 28 May.
      if (day.length === 7 && dates.to) return first >= from && last <= dates.to;
      return last >= from && (!dates.to || first <= dates.to);
    };
    const undated = items.filter((item) => dayOf(item) === null);
    // "Vilka deadlines har vi den här veckan?", "what's due next week?": the day written material is
    // due is a deadline of its own, whenever the meeting is (unless the question asks what is
    // presented or taken up then).
    const dueAsked =
      !namesMeeting &&
      /(?<![\p{L}\d])(deadlines?|due|frist\p{L}*|ska vara (?:inne|klar\p{L}*)|hand(?:ed)? in|lämna\p{L}* in|skicka\p{L}* in)(?![\p{L}\d])/iu.test(
        question.text,
      ) &&
      !/(?<![\p{L}\d])(sammanträde\p{L}*|möte\p{L}*|meeting\p{L}*|presenter\p{L}*|present(?:ed)?|redovisa\p{L}*|tas upp|behandla\p{L}*)(?![\p{L}\d])/iu.test(
        question.text,
      );
    const byDay = items.filter((item) => inWindow(dayOf(item)) || (dueAsked && inWindow(item.submissionDate)));
    // An item has up to three days (its date, the meeting, the day material is due): a day the
    // question names is any of them ("what is on the 17 September meeting", "deadlines in
    // October" when October holds the material for a November meeting). The day that fits the
    // question's words comes first; the others answer when it finds nothing.
    const anyDay = (item: DeadlineRecord) => [item.date, item.meetingDate, item.submissionDate].some(inWindow);
    // The report about the period asked for, whenever it is due ("kvartal 2" → the July report on it).
    const reportPeriod = dates.reportPeriod;
    const aboutPeriod = reportPeriod
      ? items.filter(
          (item) =>
            !byDay.includes(item) &&
            (fold(item.period ?? "").includes(reportPeriod) ||
              (topic.length > 0 && quarterNamed(item.title) === reportPeriod)),
        )
      : [];
    // "När redovisas ej verkställda beslut för tredje kvartalet?": of a series of quarterly reports,
    // the one on another quarter is not the answer, though it falls due in the quarter asked.
    const seriesAsked = topic.length > 0 && aboutPeriod.length > 0;
    const inPeriod = (byDay.length > 0 ? byDay : items.filter(anyDay)).filter((item) => {
      if (aboutPeriod.includes(item)) return false;
      const named = seriesAsked ? quarterNamed(item.title) : null;
      return named === null || named === reportPeriod;
    });
    items = [...undated, ...inPeriod, ...aboutPeriod];
  } else if (!dates.periodCodes && dates.year === null) {
    // Without a time in the question, list what is still ahead; when nothing of the topic is
    // ahead, what it had most recently.
    const ahead = items.filter((item) => item.date !== null && daysOf(item.date).last >= today);
    if (ahead.length === 0 && topic.length && items.length) {
      const latest = items
        .map((i) => i.date!)
        .sort()
        .at(-1)!;
      items = items.filter((i) => i.date === latest);
    } else items = ahead;
    if (dates.nextOccasion && items.length) {
      // "Nästa redovisning": the first day ahead, with everything due that day.
      const first = items.map((i) => daysOf(i.date!).last).sort()[0]!;
      items = items.filter((i) => daysOf(i.date!).last === first);
      scopeSv ??= `som står på tur (från i dag, ${today})`;
      scopeEn ??= `due next (from today, ${today})`;
    }
    scopeSv ??= `från och med i dag (${today})`;
    scopeEn ??= `from today (${today})`;
  }
  items.sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999"));

  const groups: DeadlineGroup[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.date === item.date) last.items.push(item);
    else groups.push({ date: item.date, past: item.date !== null && daysOf(item.date).last < today, items: [item] });
  }
  const years = [...new Set(items.map((item) => item.agreement.year).filter((y): y is number => y !== null))];
  const pool = topic.length > 0 && !topicMissed ? candidates.map((c) => c.item) : prepared.corpus.deadlines;
  const upcoming =
    items.length === 0
      ? (pool
          .map((item) => item.date)
          .filter((d): d is string => d !== null && d >= today && (!dates.to || d > dates.to))
          .sort()[0] ?? null)
      : null;
  const answer: Answer = {
    question: question.text,
    language: question.language,
    intent: "deadlines",
    found: items.length > 0,
    text: "",
    deadlines: items,
    groups,
    scope: question.language === "sv" ? scopeSv : scopeEn,
    citations: [],
    answeredYear: years.length === 1 ? years[0]! : null,
    composedBy: "extractive",
  };
  answer.text = renderAnswerText(answer, {
    topic: namedTopic.length ? topicPhrase(question.text, namedTopic) : undefined,
    topicMissed,
    nextDate: upcoming,
    weeks: /(?<![\p{L}])(vecka|veckan|veckor|veckonummer|week|weeks)(?![\p{L}])/iu.test(question.text),
    agreementLabel: (id) => agreementLabel(prepared, id),
  });
  return { answer, topicScore: topic.length ? best : 1, topicMissed: topicMissed || sectionMissed };
}

/** The quarter a report's title is about ("Ej verkställda beslut, kvartal 3", "Q2", "andra kvartalet"), as "kvartal N". */
export function quarterNamed(title: string): string | null {
  const m =
    /(?<![\p{L}\d])(?:kvartal\s?([1-4])|q([1-4])|([1-4]):?\p{L}*\s+kvartalet|(första|andra|tredje|fjärde|sista)\s+kvartalet)(?![\p{L}\d])/u.exec(
      title.toLowerCase(),
    );
  if (!m) return null;
  return `kvartal ${Number(m[1] ?? m[2] ?? m[3]) || ordinals[m[4]!]}`;
}
