// Reads a question: its language, the kind of answer it asks for, the time it is about, what
// narrows it (a committee, a year, a section such as "3.4" or "mål 2"), whether it reads like a
// question about deadlines, and the words that say what it is about — English ones turned into
// the Swedish the documents use.
import { detectLanguage, type Language } from "../shared/language.ts";
import { fold } from "../shared/text/fold.ts";
import type { IsoDate } from "../shared/text/swedish-dates.ts";
import { answerTypeHints, answerTypeOf, type AnswerType } from "./answer-types.ts";
import { normalizeEnglish } from "./english-to-swedish.ts";
import { municipalLexicon } from "./lexicon/municipal-lexicon.ts";
import { readDateConstraint, type DateConstraint } from "./date-expressions.ts";
import type { EnglishToSwedish } from "./english-to-swedish.ts";
import { isStopWord, termKey, tokenize } from "./text-analysis.ts";

export type QuestionIntent = "deadlines" | "content";

export interface QuestionWord {
  text: string;
  key: string;
  /** Further keys that count as this word: the Swedish translations of an English word. */
  alternatives?: string[];
  /** Ranks answers but is not required: a word that only shapes the question. */
  optional?: boolean;
  /** An English word given through its Swedish translations. */
  translated?: boolean;
  /** A word of an English question the dictionaries do not know: a name, or a Swedish word. */
  untranslated?: boolean;
  /** Only the general dictionary knows it (not the municipal lexicon): it counts half. */
  soft?: boolean;
  /** Added from the answer type ("längd" for "hur länge"), not written by the person. */
  hint?: boolean;
  /** The particle of a Swedish particle verb ("stämma av", "flytta in"): the text may name the act by its noun ("avstämning", "inflyttning"). */
  particle?: string;
}

export interface ReadQuestion {
  text: string;
  language: Language;
  /** What the wording suggests; the engine decides by the evidence of both readings. */
  intent: QuestionIntent;
  /** Reads as a question about deadlines: a reporting word, a time, "due", "deadline". */
  deadlineSignal: "strong" | "weak" | "none";
  answerType: AnswerType;
  dates: DateConstraint;
  /** Words for the text search (stop words removed, English translated). */
  contentWords: QuestionWord[];
  /** Words that narrow deadlines to a topic (reporting words removed as well). */
  topicWords: QuestionWord[];
  /** Reporting words of the question: they rank topic matches but do not narrow them. */
  reportingWords: QuestionWord[];
  form: "oral" | "written" | null;
  /** Upper-case abbreviations ("KAN", "DSO"). */
  codes: string[];
  /** Section references: "3.4", "5.5.11", "mål 2". */
  sections: string[];
  /** The thing asked for in "vilka X …" / "which X …": the answer lists Xs (its key). */
  focus: string | null;
  /** What "hur många X" / "how many X" counts (its key): the number must be a number of X. */
  counted: string | null;
  /** "Vilken period …", "which period …": the answer is a span, from one date to another. */
  asksPeriod: boolean;
  aboutSubmission: boolean;
}

const strongDeadline =
  /(?<![\p{L}\d])(reports?|reported|reporting|to report|lämnas|redovis\p{L}*|rapporter\p{L}*|återrapport\p{L}*|avrapport\p{L}*|lämna\p{L}* in|inlämning\p{L}*|skicka\p{L}* in|due|deadlines?|submit\p{L}*|hand(?:ed)? in|nämndmöte\p{L}*|frist\p{L}*|ska vara inne|vara klar\p{L}*|be (?:ready|delivered|reported|presented|submitted)|reporting dates?|follow-ups?|uppföljning\p{L}*|slutdatum|följ(?:a|as|s|er) upp|följas upp|redogör\p{L}*|tillhanda|underlag\p{L}*|återkoppl\p{L}*|delrapport\p{L}*|slutrapport\p{L}*|\p{L}+(?:rapport|redovisning)(?:en|er|erna|ar|arna)?|sista (?:dag|dagen|datum|inlämningsdag\p{L}*))(?![\p{L}\d])/iu;
const weakDeadline =
  /\b(när|when|datum|dates?|vilken dag|what day|upcoming|kommande|nästa|next|sammanträde\p{L}*|meetings?)\b/iu;

// Words that ask for reporting in general and so do not narrow deadlines to a topic.
const reportingWordList =
  "redovisa följa följas följs följer redogöra redogör redogörelse tillhanda återkoppla återkoppling slutrapport delrapport redovisas redovisning redovisningar rapportera rapporteras rapport rapporter återrapportera återrapportering avrapportering " +
  "lämna lämnas inlämning inlämnad inlämnat inlämnade underlag underlaget material vara skicka skickas due deadline deadlines submit submitted sammanträde sammanträdet sammanträden " +
  "möte mötet nämndmöte meeting meetings datum date dates reporting upcoming kommande nästa next uppföljning uppföljningar follow skriftlig skriftligt " +
  "skriftliga muntlig muntligt muntliga written oral orally writing in inne klart klar ready list lista visa show vilket vilka " +
  "dags frist period perioden when när vad what whats nämnden committee slutdatum report reported reports presented present deliver delivered " +
  // Who receives it and the verbs of handing in: they say nothing about which report.
  "sakkunnig sakkunniga sakkunnige expert experts expert's committee's presidiet reach need needs ahead be must ska göras " +
  // The papers handed in before a meeting ("sista dag för handlingar"): the material, not a topic.
  "handling handlingar handlingarna papers paperwork documents " +
  // What happens or is owed at a time ("vad händer nästa vecka", "which reports did the division owe").
  "händer hända hänt happens happen happening owe owes owed " +
  // … or is taken up there ("vad tas upp på nämnden 16 juni?", "händer det nåt hos AIN?").
  "ärende ärenden ärendet items item tas tar dras föredras föredra presenteras presentera behandlas behandla diskuteras diskutera discuss discusses discussed treat treats treated considered agenda dagordning hos nåt nånting något leverera levereras leverans";
const reportingKeys = new Set(reportingWordList.split(/\s+/).map(termKey));

const definitionVerbKeys = new Set(
  [
    "betyder",
    "innebär",
    "avser",
    "menas",
    "står",
    "handlar",
    // "Vad ska månadsrapporten innehålla?": the answer lists the contents without the verb.
    "innehålla",
    "innehåller",
    "omfatta",
    "omfattar",
    "mean",
    "means",
    "stand",
    "involve",
    "contain",
    "include",
    "cover",
  ].map(termKey),
);

/** Nouns that name the kind of answer ("vilken period", "which date", "what amount"): the answer need not repeat them. */
const answerKindNouns: Partial<Record<AnswerType, Set<string>>> = {
  date: new Set([
    "vecka",
    "veckan",
    "week",
    "period",
    "perioden",
    "tidsperiod",
    "datum",
    "datumet",
    "dag",
    "dagen",
    "date",
    "dates",
    "day",
    "time",
    "tidpunkt",
    "tidpunkten",
    "tidpunkter",
    "tillfälle",
    "tillfället",
    "tillfällen",
    "occasion",
    "occasions",
    "år",
    "året",
    "year",
    "månad",
    "month",
  ]),
  amount: new Set(["belopp", "beloppet", "summa", "summan", "amount", "sum"]),
  duration: new Set(["tid", "tiden", "time", "period", "perioden"]),
  age: new Set([
    "ålder",
    "åldern",
    "åldrar",
    "åldrarna",
    "åldersgrupp",
    "åldersgruppen",
    "åldersgrupper",
    "åldersspann",
    "age",
    "ages",
    "group",
    "range",
    "old",
  ]),
};
/**
 * Per kind of answer, the words that only shape the question. A criterion: how the judging is put
 * ("Målet är uppfyllt om minst två av tre indikatorer …" repeats none of "räknas", "krävs").
 * Opening hours: being open, which the text says as "bedrivs måndag till fredag 7–16" as often as "har öppet".
 */
const shapingWords: Partial<Record<AnswerType, RegExp>> = {
  criterion:
    /^(räknas|räknar|bedöms|bedömas|bedömer|anses|krävs|krävas|behövs|count|counts|counted|considered|judged|deemed|assessed|required|needed|take|takes|happen|must)$/iu,
  hours:
    /^(öppet|öppen|öppna|öppettid\p{L}*|open|opens|opening|stängt|stänger|closed|closes|bemannad|bemannat|staffed)$/iu,
};
const forWhom =
  /\b(vänder sig|riktar sig|är till för|är avsedd\p{L}* för|för vilka|för vem|aimed at|intended for|targeted at|directed at|meant for|who (?:is|are) (?:\S+ ){1,8}for\??$|who can (?:use|get|apply))/iu;
const targetVerbs = /^(vänder|riktar|avsedd\p{L}*|aimed|intended|targeted|directed|meant)$/iu;
const periodNouns = new Set(["period", "perioden", "tidsperiod", "tidsperioden"]);
// "vilka …", "what are the …": the question word and what may stand between it and the noun it asks about.
const questionWordBeforeNoun =
  "(?:vilka|vilken|vilket|which|what)\\s+(?:(?:is|are|was|were|är|var)\\s+)?(?:(?:the|a|an)\\s+)?";
const questionWordThenNoun = new RegExp(
  `(?:^|[,;:–-])\\s*(?:(?:under|för|från|inom|senast|till|in|during|for|over|vid|på|at|on|from|within|by|until|to)\\s+)?${questionWordBeforeNoun}(\\p{L}+)`,
  "iu",
);
const questionWordThenWord = new RegExp(`^\\s*${questionWordBeforeNoun}(\\S+)`, "iu");

const partyNouns = new Set(["division", "committee", "board", "office", "administration", "department", "contractor"]);

/** Words between "hur många" and the thing counted: "hur många nya platser", "how many more staff". */
const countingAdjectives = new Set([
  "ny",
  "nya",
  "new",
  "fler",
  "more",
  "olika",
  "different",
  "egna",
  "own",
  "additional",
  "extra",
]);

const questionPhrase = /^(how (much|many|long|often)|what|when|who|whom|whose|where|which|why)$/i;

const citedDocumentPhrase =
  /\b(?:according to|as (?:stated|described|set out) in|enligt|som det står i|som beskrivs i)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}?(?:report|document|paper|minutes|study|survey|plan|rapport\p{L}*|underlag\p{L}*|protokoll\p{L}*|utredning\p{L}*|dokument\p{L}*|plan\p{L}*)\b/iu;
const documentGenreWord =
  /^(report|reports|document|paper|minutes|study|survey|background|plan|rapport\w*|underlag\w*|protokoll\w*|utredning\w*|dokument\w*|bakgrund\w*)$/;

/** Heads of a compound whose first part is a name or a code ("TFCO-uppdraget"): the kind of thing, not which. */
const genericHeads =
  /^(uppdrag|uppdraget|uppdragen|mål|målet|projekt|projektet|insats|insatsen|insatserna|arbete|arbetet|satsning|satsningen|ärende|ärendet|verksamhet|verksamheten|programmet|program)$/;

/** Particles of Swedish particle verbs whose act agreements name by a noun with the particle in front ("följa upp" → "uppföljning"). */
const verbParticles = new Set(["av", "in", "upp", "ut", "fram", "bort", "över", "till", "på", "om", "med", "ihop"]);

/** "3.4", "5.5.11", "avsnitt 3.4", "mål 2", "uppdrag 5.2", "Uppdrag B". */
function sectionReferences(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![\d.\-/])(\d{1,2}(?:\.\d{1,3}){1,3})(?![\d.\-/]*\d)/g)) found.add(m[1]!);
  // A top-level section named by its number alone: "enligt avsnitt 6", "kapitel 3", "section 4".
  for (const m of text.matchAll(/\b(?:avsnitt|kapitel|kap\.|section|chapter)\s+(\d{1,2})\b(?![.\d])/giu))
    found.add(m[1]!);
  // "Uppdrag B", "Mål C": a lettered one (a capital on its own).
  for (const m of text.matchAll(
    /\b([Mm]ål|[Gg]oal|[Uu]ppdrag|[Aa]ssignment)\s+(\d{1,2}[a-z]?|[A-ZÅÄÖ])(?![\p{L}\d]|\.[\p{L}\d])/gu,
  )) {
    const word = /^(goal|mål)$/i.test(m[1]!) ? "Mål" : "Uppdrag";
    found.add(`${word} ${m[2]}`);
  }
  return [...found];
}

export function readQuestion(
  question: string,
  today: IsoDate,
  fallbackLanguage: Language = "sv",
  translator?: EnglishToSwedish | null,
): ReadQuestion {
  const text = question.trim();
  const language = detectLanguage(text, fallbackLanguage);
  const dates = readDateConstraint(text, today);
  // The words that expressed time are not topic words.
  const timeless = [...text].map((char, i) => (dates.spans.some(([s, e]) => i >= s && i < e) ? " " : char)).join("");
  const sections = sectionReferences(timeless);
  let withoutSections = timeless
    // "Hur snabbt måste …", "how quickly": the adverb asks for a time (the answer type), it is no topic.
    .replace(/\b(hur|how)\s+(?:snabbt|fort|tidigt|sent|quickly|fast|soon|early|late)\b/giu, "$1")
    // "Hur lång tid före mötet …", "how long before the meeting": a time before or after something.
    .replace(/\b(hur|how)\s+(?:lång tid|long)\s+(?=före|innan|efter|before|after|prior)/giu, "$1 ")
    // "Hur stor del av …" asks for a share or a figure; "del" is no topic.
    .replace(/\b(hur stor|hur stort|how large|how big)\s+(?:del|a part|part)\b/giu, "$1")
    .replace(/\b(?:avsnitt|avsnittet|kapitel|kapitlet|kap\.|section|chapter)(?=\s+\d)/giu, " ")
    .replace(/(?<![\d.])\d{1,2}(?:\.\d{1,3}){1,3}/g, " ");
  const codes = [...new Set(withoutSections.match(/\b[A-ZÅÄÖ]{2,6}\b/gu) ?? [])];
  const answerType = answerTypeOf(text);
  // "Vad får avloppsinventeringen kosta?": the verb asks for the amount, which the answer type carries.
  if (answerType === "amount")
    withoutSections = withoutSections.replace(/\b(kosta|kostar|kostade|cost|costs)\b/giu, " ");
  const words: QuestionWord[] = [];
  if (language === "en" && translator) {
    for (const segment of translator.segment(withoutSections)) {
      const english = segment.english;
      const keys = [
        ...new Set(
          segment.swedish.flatMap((sv) =>
            tokenize(sv)
              .filter((t) => !isStopWord(t.word))
              .map((t) => t.key),
          ),
        ),
      ];
      const ownTokens = tokenize(english);
      const ownContent = ownTokens.filter((t) => !isStopWord(t.word)).map((t) => t.key);
      // Function words ("does", "the") and the question's own form ("how much", "when") are not
      // topic words, whatever a dictionary makes of them; the answer type carries the form.
      if (ownContent.length === 0 || questionPhrase.test(english)) continue;
      // "the division", "the committee": the parties of the agreement at hand, as "divisionen" and "nämnden" are in Swedish.
      if (partyNouns.has(english.toLowerCase()) && new RegExp(`\\bthe ${english}\\b`, "i").test(withoutSections))
        continue;
      // A word the dictionary renders as a Swedish function word ("among" → "bland", "during" →
      // "under") is one too, whether or not the English stop list has it.
      if (ownTokens.length === 1 && segment.swedish.some((sv) => !/\s/.test(sv.trim()) && isStopWord(sv.trim())))
        continue;
      if (keys.length === 0) {
        // An English word without a translation: a name ("Jobbtorg", "TFCO") counts in full,
        // an ordinary word only ranks.
        // (A Swedish word in an English question, such as "uppdragsplan", is required after all
        // when the documents use it: see queryTerms.)
        // (The question's first word has its capital from the sentence, not from a name.)
        const written = original(withoutSections, english);
        const opensQuestion = withoutSections.trimStart().startsWith(written);
        const isName =
          (/[A-ZÅÄÖ]/.test(written) && !opensQuestion) || /[A-ZÅÄÖ]{2}/.test(written) || /\d/.test(english);
        for (const key of ownContent) words.push({ text: english, key, optional: !isName, untranslated: true });
        continue;
      }
      // A word only the general dictionary translates (often a verb: "stay", "receive") may well be
      // said otherwise in the document; the municipal lexicon's terms are how agreements say it.
      const soft = municipalLexicon.get(normalizeEnglish(english)) === undefined;
      // A word English and Swedish share ("integration", "budget") is its own translation; one word of
      // a phrase ("integration" of "integration guidance") is only part of what is asked.
      const ownWord = ownContent.length === 1 ? ownContent : [];
      words.push({
        text: english,
        key: keys[0]!,
        alternatives: [...keys.slice(1), ...ownWord],
        translated: true,
        ...(soft ? { soft: true } : {}),
      });
    }
  } else {
    const tokens = tokenize(withoutSections);
    // "När följs internbudgeten upp?": after a question word the finite verb comes first and its
    // particle last, with the subject between; the particle belongs to that verb.
    const last = tokens.at(-1);
    const verbAfterQuestionWord = /^\s*(?:när|var|hur|vem|vilka|vilken|vilket|varför|sedan när)\s+(\p{L}+)\s/iu.exec(
      withoutSections,
    )?.[1];
    const closingParticle =
      last &&
      tokens.length > 3 &&
      verbParticles.has(last.word.toLowerCase()) &&
      /^\s*[?.!]?\s*$/.test(withoutSections.slice(last.end))
        ? last.word.toLowerCase()
        : null;
    for (const [i, token] of tokens.entries()) {
      if (isStopWord(token.word) || /^\d{1,2}$/.test(token.key)) continue;
      const next = tokens[i + 1];
      const particle =
        next && verbParticles.has(next.word.toLowerCase()) && /^\s*$/.test(withoutSections.slice(token.end, next.start))
          ? next.word.toLowerCase()
          : closingParticle && token.word === verbAfterQuestionWord
            ? closingParticle
            : null;
      // "TFCO-uppdraget", "BarnSäkert-projektet": the name says which; the generic head only what kind.
      const previous = tokens[i - 1];
      const namedHead =
        previous !== undefined &&
        withoutSections.slice(previous.end, token.start) === "-" &&
        /^\p{Lu}/u.test(previous.word) &&
        genericHeads.test(token.word.toLowerCase());
      words.push({
        text: token.word,
        key: token.key,
        ...(particle ? { particle } : {}),
        ...(namedHead ? { optional: true } : {}),
      });
    }
  }
  // "Vad betyder/innebär/avser X?": the verb asks for a definition; the answer need not repeat it.
  if (answerType === "definition") for (const word of words) if (definitionVerbKeys.has(word.key)) word.optional = true;
  // Words that only say how a kind of question is put ("När räknas målet som uppfyllt?", "När har
  // Servicepoolen öppet?"): the answer need not repeat them.
  const shaping = shapingWords[answerType];
  if (shaping) for (const word of words) if (shaping.test(word.text)) word.optional = true;
  // "… according to the background report", "enligt underlaget från 2024": the words naming the
  // document cited are where to look, not what the answer must say.
  const citedDocument = citedDocumentPhrase.exec(text)?.[0];
  if (citedDocument) {
    const cited = new Set(tokenize(citedDocument).map((t) => fold(t.word.toLowerCase())));
    for (const word of words)
      if (cited.has(fold(word.text.toLowerCase())) && documentGenreWord.test(fold(word.text.toLowerCase())))
        word.optional = true;
  }
  // "Vilken period omfattar uppdraget?": a start and an end date answer it without the word "period".
  const kindNoun = questionWordThenNoun.exec(text)?.[1]?.toLowerCase();
  if (kindNoun && answerKindNouns[answerType]?.has(kindNoun))
    for (const word of words) if (word.text.toLowerCase() === kindNoun) word.optional = true;
  // "Vilka vänder sig integrationsvägledningen till?", "who is the service aimed at?": whom something
  // is for is what agreements label its "målgrupp"; the verb of the question is matched by that label.
  if (forWhom.test(text)) {
    const key = termKey("målgrupp");
    const verb = words.find((w) => targetVerbs.test(w.text));
    if (verb) verb.alternatives = [...new Set([...(verb.alternatives ?? []), key])];
    else if (!words.some((w) => w.key === key)) words.push({ text: "målgrupp", key, optional: true, hint: true });
  }
  // The kind of answer asked for, in the words agreements label it with: ranks, never required.
  for (const hint of answerTypeHints[answerType] ?? []) {
    const key = termKey(hint);
    if (!words.some((w) => w.key === key)) words.push({ text: hint, key, optional: true, hint: true });
  }
  const unique = (list: QuestionWord[]) => list.filter((w, i) => list.findIndex((o) => o.key === w.key) === i);
  const contentWords = unique(words);
  const isReporting = (w: QuestionWord) =>
    reportingKeys.has(w.key) || (w.alternatives ?? []).some((k) => reportingKeys.has(k));
  const topicWords = contentWords.filter((w) => !isReporting(w));
  const reportingWords = contentWords.filter(isReporting);
  const aboutSubmission =
    /\b(inlämn\p{L}*|lämna\p{L}* in|underlag\p{L}*|material\p{L}*|handlingar\p{L}*|papers|paperwork|submi\p{L}*|hand(?:ed)? in|reach the|be with|vara .{0,20} tillhanda|tillhanda)\b/iu.test(
      text,
    );
  const timed =
    dates.explicit ||
    dates.nextMeeting ||
    dates.nextOccasion ||
    Boolean(dates.yearMeeting) ||
    dates.periodCodes !== null;
  // "När har de öppet?" asks for opening hours: its "när" is no sign of a deadline.
  const deadlineSignal = strongDeadline.test(text)
    ? "strong"
    : (weakDeadline.test(text) && answerType !== "hours" && answerType !== "criterion") || timed
      ? "weak"
      : "none";
  const intent: QuestionIntent =
    deadlineSignal === "strong" || (deadlineSignal === "weak" && (answerType === "date" || timed))
      ? "deadlines"
      : "content";
  // "skriftliga rapporter", "oral reports" ask for one form; "skriftliga underlag" asks about material.
  const reportNoun =
    "(rapport\\p{L}*|redovisning\\p{L}*|information\\p{L}*|dragning\\p{L}*|reports?|presentations?|accounts?)";
  const reportVerb =
    "(redovis\\p{L}*|rapporter\\p{L}*|lämna\\p{L}*|presenter\\p{L}*|report\\p{L}*|present\\p{L}*|submit\\p{L}*)";
  const formNear = (word: string) =>
    new RegExp(
      `\\b${word}\\s+${reportNoun}|\\b${reportVerb}(?:\\s+\\p{L}+){0,2}\\s+${word}\\b|\\b${word}\\s+(?:\\p{L}+\\s+){0,1}${reportVerb}`,
      "iu",
    );
  const written = formNear("(skriftlig\\p{L}*|written)").test(text) || /\bin writing\b/i.test(text);
  const oral = formNear("(muntlig\\p{L}*|oral\\p{L}*)").test(text) || /\borally\b/i.test(text);
  // "skriftligt eller muntligt?" asks which form, it does not narrow to one; "oral rather than written" does.
  const preferred =
    /\b(muntlig\p{L}*|oral\p{L}*|skriftlig\p{L}*|written)\s+(rather than|instead of|and not|not|snarare än|i stället för|istället för|och inte|men inte)\s+(muntlig|oral|skriftlig|written|in writing)/iu.exec(
      text,
    )?.[1];
  const form =
    written && oral
      ? preferred
        ? /^(muntlig|oral)/i.test(preferred)
          ? "oral"
          : "written"
        : null
      : written
        ? "written"
        : oral
          ? "oral"
          : null;
  // "Vilka nyckeltal följer upp …": the first word after the question word names what is asked for.
  // So does the noun after "what is/are the" ("what are the start and end dates …": the dates).
  // ("Vilka vänder sig … till?": a word before a reflexive is a verb, not the thing asked for.)
  const reflexiveVerb = /^\s*(?:vilka|vilken|vilket|vem)\s+(\p{Ll}+)\s+sig\s/iu.exec(text)?.[1];
  const focusWord = reflexiveVerb ? undefined : questionWordThenWord.exec(text)?.[1];
  const focus = focusWord
    ? (contentWords.find(
        (w) =>
          w.text.toLowerCase() === focusWord.toLowerCase() ||
          fold(focusWord).startsWith(fold(w.text.split(" ")[0] ?? "")),
      ) ?? null)
    : null;
  // "Vilka insatser erbjuder Jobbtorg?": in Swedish word order the word after "vilka X" is the
  // finite verb, how the question is put; the answer lists the Xs whatever verb the text uses.
  const frameVerb = /^\s*[Vv]ilk(?:a|en|et)\s+\p{L}+\s+(\p{Ll}+)\s/u.exec(text)?.[1];
  if (language === "sv" && frameVerb && focus) {
    const verb = contentWords.find((w) => w.text === frameVerb && w !== focus);
    if (verb && !verb.optional) verb.soft = true;
  }
  // "Sedan när hör enheten till …", "När flyttades …", "Vem leder …", "Varför finns …": after a
  // question adverb, Swedish puts the finite verb — how the question is put, not a word the answer
  // must repeat ("Ändringens ikraftträdande gäller från 1 januari 2025" answers "sedan när hör …").
  // So after "hur ofta", "hur länge" ("Hur ofta stäms ersättningen av …": "avräknas kvartalsvis" answers it),
  // after "vad" ("Vad händer om …"), and before a reflexive ("Vilka vänder sig … till?").
  const adverbVerb =
    /^\s*(?:sedan när|från och med när|när|var|vem|varför|hur(?:\s+(?:ofta|länge|snabbt|tidigt|sent|fort|regelbundet))?|vad)\s+(\p{Ll}+)\s/iu.exec(
      text,
    )?.[1] ?? reflexiveVerb;
  if (language === "sv" && adverbVerb) {
    const verb = contentWords.find((w) => w.text === adverbVerb && w !== focus);
    if (verb && !verb.optional) verb.soft = true;
  }
  // "Hur många familjecentraler …", "how many employees …": the word counted.
  // The first word of the question after "hur många" that names a thing: "how many new family homes" counts family homes.
  const countedAt = /\b(?:hur många|how many|vilket antal|antalet|number of)\s+(?:of\s+)?/iu.exec(timeless);
  const afterCount = countedAt ? timeless.slice(countedAt.index + countedAt[0].length).toLowerCase() : "";
  // Of a noun phrase ("how many home visits", "hur många kommunala platser"), the last word is the
  // thing counted; the words before it say which.
  const countable =
    answerType === "number" && countedAt
      ? contentWords
          .filter((w) => !w.hint && !countingAdjectives.has(w.text.toLowerCase()))
          .map((w) => ({ w, at: afterCount.indexOf(w.text.toLowerCase()) }))
          .filter(({ at }) => at >= 0)
          .sort((a, b) => a.at - b.at)
      : [];
  let head = countable[0] ?? null;
  // (Swedish writes such a phrase as one word, "hembesök", and puts the verb next: "Hur många bilar
  // sköter …"; only an adjective goes before the noun: "hur många enskilda avlopp".)
  for (const next of countable.slice(1)) {
    if (!head || !/^\s+$/.test(afterCount.slice(head.at + head.w.text.length, next.at))) break;
    if (language === "sv" && !/(a|e)$/i.test(head.w.text)) break;
    // ("How many people applied for …": a verb ends the noun phrase.)
    if (language === "en" && /^\p{L}+(ed|ing)\b/iu.test(next.w.text)) break;
    head = next;
  }
  const counted = head?.w ?? null;
  return {
    text,
    language,
    intent,
    deadlineSignal,
    answerType,
    dates,
    contentWords,
    topicWords,
    reportingWords,
    form,
    codes,
    sections,
    aboutSubmission,
    focus: focus?.key ?? null,
    counted: counted?.key ?? null,
    asksPeriod: answerType === "date" && periodNouns.has(kindNoun ?? ""),
  };
}

/** The question's own spelling of a lower-cased segment, to tell names from ordinary words. */
function original(text: string, lower: string): string {
  const at = fold(text).indexOf(fold(lower));
  return at >= 0 ? text.slice(at, at + lower.length) : lower;
}
