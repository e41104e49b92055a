// One item per report. Agreements name a report more than once: in the assignment's own sentence
// ("Sjukfrånvaron rapporteras muntligt den 28 januari"), again in a timetable at the end
// ("Vecka 5 (28/1): Sjukfrånvaro helår 2025 – muntlig rapport") and sometimes as a month in the
// prose besides. A timetable's month heading or a calendar's date cell may also stand as a title
// of its own. This last stage of the reader folds such repeats into one item, after every layout's
// own reading, so a deadline list, a digest and a reminder name each report once.
import type { ReportForm, ReportingItemModel } from "../../agreement-model.ts";
import { fold } from "../../../shared/text/fold.ts";
import { swedishMonthNames } from "../../../shared/lexicon/months.ts";
import { findPeriods } from "../../../shared/lexicon/periods.ts";
import { daysBetween } from "../../../shared/text/swedish-dates.ts";

/**
 * Words that say how or when something is reported, not what: two reports at one meeting that
 * share only these ("lägesrapport", "skriftlig", "tertial") are different reports.
 */
const reportingWord =
  /^(uppf\w*ljning\w*|redovis\w*|rapport\w*|aterrapport\w*|avrapport\w*|slutrapport\w*|delrapport\w*|lagesrapport\w*|lagesbeskrivning\w*|information\w*|dragning\w*|muntlig\w*|skriftlig\w*|tertial\w*|delar\w*|helar\w*|kvartal\w*|halvar\w*|manad\w*|vecka|veckan|vecko\w*|forsta|andra|tredje|fjarde|sista|underlag\w*|handling\w*|\w*sammantrade\w*|\w*motet?|namnd\w*|presidi\w*|former|formen|form|infor|till|inom|enligt|samt|med|och|for|per|den|det|att|som|ska|skall|vara|inkl\w*|avser)$/;

const monthWords = new Set(swedishMonthNames.map((m) => fold(m)));
/** "mars", "februari", "marsens": a month's name, folded. */
const isMonthWord = (w: string) => monthWords.has(w) || monthWords.has(w.replace(/(s|en)$/, ""));

/** The words that name what a title reports on (stems of six letters), without reporting words, months and numbers. */
export function subjectStems(title: string): Set<string> {
  const words = fold(title).match(/[a-z]{4,}/g) ?? [];
  return new Set(words.filter((w) => !reportingWord.test(w) && !isMonthWord(w)).map((w) => w.slice(0, 6)));
}

// Words that name no report of their own: the act of reporting, its form and occasion, the papers
// and the meeting. A periodic report's name ("Delårsrapporten", "Tertialrapport 1") names one.
const nothingWord =
  /^(uppf\w*ljning\w*|redovisning\w*|rapportering\w*|aterrapportering\w*|avrapportering\w*|information\w*|dragning\w*|muntlig\w*|skriftlig\w*|vecka|veckan|vecko\w*|underlag\w*|handling\w*|\w*sammantrade\w*|\w*motet?|former|formen|form|under|aret|infor|till|inom|enligt|samt|med|och|for|per|den|det|att|som|ska|skall|vara|mandag|tisdag|onsdag|torsdag|fredag)$/;

/** "Februari", "Vecka 7", "Återrapportering och handlingar", "Torsdag 26 november": a title that names no report. */
export function namesNoReport(title: string): boolean {
  const words = fold(title).match(/[a-z]+/g) ?? [];
  return words.every((w) => w.length < 3 || nothingWord.test(w) || isMonthWord(w));
}

/** "2026-02-03": a calendar's date cell standing as a title. */
const isBareDate = (title: string) => !/\p{L}/u.test(title);

// "underlag till februarisammanträdet", "Handlingar till mötet": the last day for papers, no report.
const papersForMeeting =
  /^(sista dag for |senast )?(skriftligt? )?(underlag\w*|handling\w*|material\w*)\b.*\b(till|for|infor)\b.*(sammantrade\w*|mote\w*)/;

function isPapersMarker(item: ReportingItemModel): boolean {
  const title = fold(item.title);
  return papersForMeeting.test(title) && namesNoReport(title);
}

/** Both titles name a period, and not the same one. */
function otherPeriods(a: string, b: string): boolean {
  const of = (title: string) => new Set(findPeriods(fold(title)).map((p) => p.label));
  const left = of(a);
  const right = of(b);
  return left.size > 0 && right.size > 0 && ![...left].some((label) => right.has(label));
}

function compatible(a: ReportForm | null, b: ReportForm | null): boolean {
  return a === null || b === null || a === b || a === "both" || b === "both";
}

/**
 * The two titles speak of the same thing: they share half the subject words of the shorter and a
 * third of the longer ("Lägesrapport om de särskilda boendena" / "Lägesrapport särskilt boende"),
 * not one word of several ("utfallet" of "det ekonomiska utfallet" and "utfall för indikatorerna").
 */
export function sameSubject(a: string, b: string): boolean {
  const left = subjectStems(a);
  const right = subjectStems(b);
  if (left.size === 0 || right.size === 0) return false;
  const shared = [...left].filter((w) => right.has(w)).length;
  const fewer = Math.min(left.size, right.size);
  return shared >= Math.min(2, fewer) && shared >= fewer / 2 && shared >= Math.max(left.size, right.size) / 3;
}

/** Every subject word of a title is in a text ("Internkontrollplan 2027" in "… förslag till internkontrollplan för 2027 lämnas …"). */
export function subjectWithin(title: string, text: string): boolean {
  const words = subjectStems(title);
  const inText = subjectStems(text);
  return words.size > 0 && [...words].every((w) => inText.has(w));
}

const reportKind = /(lages|slut|del|halvars|manads|kvartals)(rapport|redovisning|beskrivning)/;

/** Of two titles of one report, the one to show: one that names it, in a few words, with the most to say. */
function titleRank(item: ReportingItemModel): number {
  const words = item.title.split(/\s+/).length;
  return (
    (isBareDate(item.title) ? -100 : 0) +
    (namesNoReport(item.title) ? -50 : 0) +
    (words > 14 ? -10 : 0) +
    // "SU 3 Hemmaplanslösningar: delrapport" says which of the assignment's reports it is.
    (reportKind.test(fold(item.title)) ? 3 : 0) +
    subjectStems(item.title).size +
    // Of two as good, the one that says more ("Sjukfrånvaro helår 2025" over "Sjukfrånvaron").
    0.1 * Math.min(words, 14)
  );
}

function mergeInto(keeper: ReportingItemModel, other: ReportingItemModel): void {
  keeper.form = keeper.form ?? other.form;
  if (keeper.form !== other.form && other.form !== null && keeper.form !== "both") keeper.form = "both";
  if (!keeper.submissionDate && other.submissionDate) {
    keeper.submissionDate = other.submissionDate;
    keeper.submissionRule = other.submissionRule;
  }
  keeper.meetingDate ??= other.meetingDate;
  keeper.assignmentKey ??= other.assignmentKey;
  keeper.recipient ??= other.recipient;
  if (!keeper.period && other.period) {
    keeper.period = other.period;
    keeper.periodCode = other.periodCode;
  }
}

/**
 * Each pair of `list` (in order) that `repeatOf` finds to be one report: the second it names is
 * merged into the first and gone.
 */
function foldPairs(
  list: ReportingItemModel[],
  gone: Set<ReportingItemModel>,
  repeatOf: (a: ReportingItemModel, b: ReportingItemModel) => [ReportingItemModel, ReportingItemModel] | null,
): void {
  for (const [i, a] of list.entries()) {
    if (gone.has(a)) continue;
    for (const b of list.slice(i + 1)) {
      if (gone.has(b)) continue;
      const pair = repeatOf(a, b);
      if (!pair) continue;
      const [keeper, other] = pair;
      mergeInto(keeper, other);
      gone.add(other);
      if (other === a) break;
    }
  }
}

const isDated = (item: ReportingItemModel) =>
  item.recurrence === null && item.date !== null && (item.precision === "day" || item.precision === "week");

/**
 * Folds the repeats of one report into one item: items of one day that name the same thing (or of
 * which one names nothing), a month that repeats a day of that month, and a last day for papers
 * that the items of that meeting already carry (or take from it).
 */
export function collapseRepeats(items: ReportingItemModel[]): ReportingItemModel[] {
  const gone = new Set<ReportingItemModel>();
  const dated = items.filter(isDated);
  // The same day, the same report.
  foldPairs(dated, gone, (a, b) => {
    if (b.date !== a.date || !compatible(a.form, b.form)) return null;
    // Reports of two assignments are two reports, however alike their titles ("Lägesrapport"); so
    // are reports of two periods ("… nyckeltal för tertial 1" and "… nyckeltal tertial 2").
    if (a.assignmentKey && b.assignmentKey && a.assignmentKey !== b.assignmentKey) return null;
    if (otherPeriods(a.title, b.title)) return null;
    // One line read twice (a timetable's line, and again under its month heading "Februari").
    // (A line that names two reports gives two items, each named.)
    const sameLine =
      a.description.trim() !== "" &&
      a.description === b.description &&
      (namesNoReport(a.title) || namesNoReport(b.title));
    // A last day for papers is no report to fold another report into.
    const markers = Number(isPapersMarker(a)) + Number(isPapersMarker(b));
    if (markers === 1 && !sameLine) return null;
    // The same report told in two places (an assignment's sentence and a timetable's line). Within
    // one section the reader has told its items apart already. An item titled by its section
    // ("Kvalitet och klagomål") is matched by what its sentence says.
    const toldTwice =
      a.section !== b.section &&
      (sameSubject(a.title, b.title) || subjectWithin(a.title, b.description) || subjectWithin(b.title, a.description));
    // A calendar's date cell standing as a title, on a day with a report.
    const dateCell = isBareDate(a.title) !== isBareDate(b.title);
    if (!(sameLine || toldTwice || dateCell)) return null;
    const [keeper, other] =
      markers === 1 ? (isPapersMarker(a) ? [a, b] : [b, a]) : titleRank(b) > titleRank(a) ? [b, a] : [a, b];
    // A title found in the other's sentence names the report that sentence tells of: it is the one to show.
    if (subjectWithin(other.title, keeper.description) && !subjectWithin(keeper.title, other.description))
      keeper.title = other.title;
    return [keeper, other];
  });
  const kept = () => dated.filter((item) => !gone.has(item));
  // A last day for papers: given to the written reports of the next meeting within a month that
  // lack one, and gone when the reports there carry it.
  for (const marker of kept().filter(isPapersMarker)) {
    const after = kept().filter(
      (item) =>
        item !== marker &&
        !isPapersMarker(item) &&
        item.meetingDate !== null &&
        item.meetingDate > marker.date! &&
        daysBetween(marker.date!, item.meetingDate) <= 31,
    );
    const meeting = after.map((item) => item.meetingDate!).sort()[0];
    if (!meeting) continue;
    const atMeeting = after.filter((item) => item.meetingDate === meeting);
    for (const item of atMeeting)
      if (!item.submissionDate && item.form !== "oral") {
        item.submissionDate = marker.date;
        item.submissionRule = "stated";
      }
    if (atMeeting.some((item) => item.form !== "oral")) gone.add(marker);
  }
  // A month that repeats a day of that month ("i mars" for the report at the 19 March meeting).
  for (const month of items) {
    if (month.precision !== "month" || month.recurrence !== null || !month.date) continue;
    const repeated = kept().some(
      (day) =>
        day.date!.startsWith(month.date!.slice(0, 7)) &&
        compatible(day.form, month.form) &&
        (!day.assignmentKey || !month.assignmentKey || day.assignmentKey === month.assignmentKey) &&
        (sameSubject(day.title, month.title) ||
          subjectWithin(month.title, `${day.title} ${day.description}`) ||
          subjectWithin(day.title, month.description)),
    );
    if (repeated) gone.add(month);
  }
  // A report that recurs month by month, told twice ("Beläggningsgrad" in a table, "Beläggning på
  // särskilt boende" in the text): one series.
  const recurring = items.filter((item) => item.recurrence !== null && item.date !== null);
  foldPairs(recurring, gone, (a, b) => {
    if (b.date !== a.date || !compatible(a.form, b.form)) return null;
    if (a.assignmentKey && b.assignmentKey && a.assignmentKey !== b.assignmentKey) return null;
    if (!(sameSubject(a.title, b.title) || subjectWithin(a.title, b.title) || subjectWithin(b.title, a.title)))
      return null;
    return titleRank(b) > titleRank(a) ? [b, a] : [a, b];
  });
  const result = items.filter((item) => !gone.has(item));
  for (const [i, item] of result.entries()) item.ordinal = i;
  return result;
}
