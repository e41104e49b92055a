// What kind of answer a question asks for — a date, a number, an amount, a duration, how often,
// who, where, what something is — and whether a piece of text holds one. An answer that does not
// hold the kind asked for does not answer, however many of the question's words it shares.
import { fold } from "../shared/text/fold.ts";

export type AnswerType =
  | "date"
  | "number"
  | "amount"
  | "duration"
  | "age"
  | "hours"
  | "criterion"
  | "frequency"
  | "who"
  | "where"
  | "definition"
  | "manner"
  | "list"
  | "any";

// Order matters: "hur länge" before "hur", "how many" before "how".
const patterns: Array<{ type: AnswerType; pattern: RegExp }> = [
  {
    // "När räknas målet som uppfyllt?", "vad krävs för att mål 1 ska vara uppnått?", "what must happen
    // for goal 3 to count as fulfilled?": the criterion the agreement states, not a day.
    type: "criterion",
    pattern:
      /\b(nar|vad (kravs|behovs|ska till)|vad som kravs|when|what (is required|is needed|does it take|must happen|has to happen))\b[^?]{0,80}\b(uppfyllt|uppfyllda|uppfylls|uppnatt|uppnadd|uppnas|fulfill?ed|achieved|met|reached)\b/,
  },
  {
    // "När har Servicepoolen öppet?", "how late are the youth centres open?": the hours of the day,
    // or the weekdays, something is open or staffed — not a date.
    type: "hours",
    pattern:
      // Being open ("har öppet", "is open"), not opening ("when does it open?" asks for a day).
      /\b(nar|vilka tider|vilken tid|when|what times?|hur (sent|tidigt|lange)|how (late|early|long))\b[^?]{0,50}\b((har|haller|ar) (\w+ ){0,2}(oppet|oppen|stangt|bemannad|bemannat)|(is|are) (?:(?!to\b)\w+ ){0,3}(open|closed|staffed))\b|\boppettid\w*|\bopening (hours|times)\b|\b(vilket klockslag|hur dags|at what time|what time)\b/,
  },
  {
    type: "duration",
    pattern:
      /\b(hur lang tid|hur lange|how long|under hur lang|max(imal)? (tid|langd)|hur manga (manader|veckor|dagar|ar|timmar)\b|how many (months|weeks|days|years|hours)\b|inom vilken tid|within what (time|period)|within how long|hur (snabbt|fort)|how (quickly|fast|soon))/,
  },
  {
    // "Vilka åldrar vänder sig fritidsgårdarna till?", "which age group is it for?": an age or a range of ages.
    type: "age",
    pattern:
      /\b(vilken alder|vilka aldrar|i vilken alder|vilken aldersgrupp|vilka aldersgrupper|aldersgrupp\w*|aldersspann|hur gamla|what age|which ages?|what ages|age groups?|age range|how old)\b/,
  },
  {
    type: "frequency",
    pattern:
      /\b(hur ofta|how often|hur manga ganger|how many times|med vilken (frekvens|regelbundenhet)|how frequently|(nar|vilken dag) i (manaden|veckan)|(when|what day|which day) (in|of) the (month|week))\b/,
  },
  {
    type: "amount",
    pattern:
      /\b(hur mycket|how much|vilket belopp|hur stor[at]? (?!(an)?del)(\S+ ){0,4}?(\S*(ersattning|budget|kostnad|nettoram|budgetram|summa|belopp|anslag)\w*|ram(en)?\b)|what (is|was) the (budget|cost|amount|compensation|frame)|vad kostar|vad (far|ska|kommer|beraknas|maste) .{1,60} kosta|what does .{1,60} cost|hur stort (belopp|underskott|overskott|anslag)|how big)\b|\b(vad|vilken|vilket|what|which)\b.{0,40}\b(ersattning\w*|budget\w*|belopp\w*|anslag\w*|kostnad\w*|pengar|tkr|kronor|avgift\w*|taxa\w*|timlon\w*|lon|lonen|compensation|funding|funds|amount|fees?|price|wages?|salary)\b/,
  },
  {
    type: "number",
    pattern:
      /\b(hur manga|how many|vilket antal|what number|antalet|hur stor (an)?del|what share|what proportion|vilken andel|hur hog)\b/,
  },
  {
    type: "date",
    pattern:
      /\b(nar|when|vilket datum|what date|vilken dag|which date|fran och med nar|senast nar|by when|(start|end|closing|final)[- ]?dates?|startdatum|slutdatum|vilken (tidsperiod|period)|which period|what period|sedan nar|since when|(vid|pa) vilk(a|en|et) (tidpunkt|tillfalle)\w*|at what (time|point)|on which (occasion|date)s?|which occasions|(vid|pa|till) vilk(a|et|en) (sammantrade|mote|namndmote)\w*|(at|on|for) which (committee )?meetings?|which meetings|vilket ar|vilken manad|(in )?(which|what) (year|month)|cut-?off( date)?|deadline|due date|last day|sista (dag|dagen|datum))\b/,
  },
  {
    type: "who",
    pattern:
      /\b(vem|vilka personer|vilken (person|roll|namnd|myndighet|aktor|organisation)|who|whom|whose|vems|vilka (namnder|aktorer|organisationer|myndigheter|parter)|which (committee|organisation|organization|party|authority))\b/,
  },
  {
    type: "where",
    pattern:
      // A question that opens with "Var" asks where ("Var hämtas indikatorerna ifrån?"), unless it asks "was it".
      /^var (?!det\b|detta\b|den\b|de\b)|\b(var (ska|finns|ligger|sker|har)|where|vart|i vilket (omrade|bostadsomrade)|pa vilken plats|in which area)\b/,
  },
  {
    type: "definition",
    pattern:
      /\b(vad ar|vad innebar|vad betyder|vad star .{1,20} for|what is|what are|what (does|do) .{1,60} (mean|stand for|involve)|vad menas med|vad handlar .{1,40} om|vad (ska|skall|bor|maste) .{1,50} (innehalla|omfatta)|vad innehaller|what (should|must|does|will) .{1,50} (contain|include|cover))\b/,
  },
  {
    // "Hur ska DSO rapportera …", "how is the goal followed up", "vilken regel gäller för …": the way
    // it is done, which the text describes.
    type: "manner",
    pattern:
      /\b(hur (ska|skall|sker|gors|görs|foljs|redovisas|rapporteras|arbetar|fungerar|beraknas|matas)|pa vilket satt|how (is|are|should|will|does|do|must) (?!much|many|long|often)|(vilken|vilka) (regel|regler|rutin|rutiner|princip|principer)|(what|which) (rules?|procedures?|principles?))\b/,
  },
  { type: "list", pattern: /\b(vilka|vilken|vilket|which|what)\b/ },
];

/**
 * Where a question word of the pattern asks (-1 if none does): "när"/"when" inside the sentence, not
 * at its start or after "och"/"and", is a conjunction ("which levels … when judging a goal").
 */
function firstAsking(folded: string, pattern: RegExp): number {
  const global = new RegExp(pattern.source, "g");
  for (const match of folded.matchAll(global)) {
    const conjunction =
      /^(nar|when)$/.test(match[0]) &&
      match.index > 0 &&
      !/(^|[,;:?–-]|\b(och|and|samt|eller|or))\s*$/.test(folded.slice(0, match.index));
    if (!conjunction) return match.index;
  }
  return -1;
}

/** The kind of answer asked for: the question word that comes first decides ("Vem … och när?" asks who). */
export function answerTypeOf(question: string): AnswerType {
  const folded = fold(question);
  // "Vad står FIA för i budgeten?", "vad betyder förkortningen …": what a word means, whatever the
  // sentence goes on to name ("budget" would make it a question of money).
  if (
    /^(vad (star|betyder|innebar|menas med)|what (does|do) .{1,40} (mean|stand for))\b/.test(folded) &&
    /^vad (star .{1,20} for|betyder|innebar|menas med)\b|^what (does|do) .{1,40} (mean|stand for)\b/.test(folded)
  )
    return "definition";
  let best: { type: AnswerType; index: number } | null = null;
  for (const { type, pattern } of patterns) {
    if (type === "list") continue;
    const index = firstAsking(folded, pattern);
    if (index >= 0 && (!best || index < best.index)) best = { type, index };
  }
  // "What are the start and end dates …", "vad är ersättningen …": "what is" only opens the question; a
  // kind of answer named later in it is what is asked.
  if (
    best?.type === "definition" &&
    /^(vad ar|what is|what are)$/.test(folded.slice(best.index).match(/^\w+ \w+/)?.[0] ?? "")
  ) {
    const later = patterns
      .filter((p) => p.type !== "list" && p.type !== "definition" && p.type !== "who" && p.type !== "where")
      .map(({ type, pattern }) => ({ type, match: pattern.exec(folded) }))
      .find((m) => m.match);
    if (later) return later.type;
  }
  // "Hur mycket ska kön kortas?": how much a thing changes, not money, unless the question names money.
  if (
    best?.type === "amount" &&
    /\b(hur mycket|how much)\b/.test(folded) &&
    (/\b(ok(a|as|ar|ade|at)|minsk\w*|kort(a|as|ar|ades)|sank(a|as|s|er)|hoj(a|as|s|er)|forbattr\w*|increase\w*|decrease\w*|reduced?|shorten\w*|grow\w*|fall|drop)\b/.test(
      folded,
    ) ||
      measuresThing(folded)) &&
    !/\b(pengar|kronor|kr|tkr|mnkr|budget\w*|ersattning\w*|kostnad\w*|kostar|belopp\w*|anslag\w*|ram(en)?|money|cost\w*|budget|funding|fee|price|sek)\b/.test(
      folded,
    )
  )
    return "number";
  if (best) return best.type;
  return patterns.find((p) => p.type === "list")!.pattern.test(folded) ? "list" : "any";
}

/**
 * "Vid hur mycket snö …", "how much energy …": "hur mycket" before a noun measures that thing. Before
 * a verb ("hur mycket får …", "how much does …") it asks for money; Swedish verbs after it end in -r,
 * -s or a past ending, English ones are auxiliaries or end in -s/-ed.
 */
function measuresThing(folded: string): boolean {
  const match = /\b(hur mycket|how much) (\w+)/.exec(folded);
  if (!match) return false;
  const next = match[2]!;
  if (/^(hur|how)$/.test(next)) return false;
  if (match[1] === "how much")
    return !(
      /^(is|are|was|were|do|does|did|will|would|can|could|should|must|may|has|have|had|of)$/.test(next) ||
      /(ed|s)$/.test(next)
    );
  return !(/(r|s|de|te|dde|tt)$/.test(next) || /^(ska|skall|kan|bor|maste|far|fick|blir|ger)$/.test(next));
}

const month = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";

/** Units of time, plain and compounded ("arbetsdagar", "kalenderveckor", "skoldagar"). */
const durationUnits =
  "(?:arbets|kalender|vardags|skol|bank)?(?:dagar|dag|veckor|vecka)|manader|manad|ar|timmar|timme|minuter|terminer|termin";
const numberWords =
  "tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv|tjugo|trettio|fyrtio|femtio|hundra|tusen|two|three|four|five|six|seven|eight|nine|ten|twelve";

const evidence: Partial<Record<AnswerType, RegExp>> = {
  date: new RegExp(
    `\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}:?[ae]? (${month})\\b|\\b(${month}) \\d{4}\\b|\\b(i|under|fran|till|per) (${month})\\b|\\b\\d{1,2}/\\d{1,2}\\b|\\b(vecka|v\\.) ?\\d{1,2}\\b|\\b(varje|vid) (ar|manad|kvartal|tertial)|\\b(tertial|kvartal|delar|helar|var)\\w*\\b|\\b(20|19)\\d{2}\\b|\\b(inom|efter|senast|fore|innan|within|after) (\\d+|en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio) (dag|dagar|vecka|veckor|manad|manader|ar|timmar)\\b|\\b\\d+:?e (vecka|veckan|dagen|manaden)\\b`,
  ),
  // A figure, or a number written out ("två familjecentraler").
  // A code that carries digits ("G5", "U21468") is not a figure.
  number: new RegExp(`(?<![a-z])\\d|\\b(${numberWords})\\b`),
  // Money: a share ("10 procent") is not what "hur mycket får …" asks for ("hur stor andel" is a number question).
  // … or written out ("fem miljoner kronor").
  amount: new RegExp(
    // A figure followed by a noun other than money ("300 barn", "4 300 besökare") counts things.
    `\\d[\\d\\s]*(,\\d+)?\\s*(tkr|kr|kronor|mnkr|mkr|miljoner|miljon)\\b|\\d{1,3}(\\s\\d{3})+(?![\\d,]|\\s+[a-z])|\\b\\d{3,}\\b(?![,]|\\s+[a-z])|\\b(en|ett|${numberWords}) (miljoner|miljon|miljarder|miljard|tusen|hundra)( ?kronor| ?kr)?\\b|\\b(${numberWords}) kronor\\b`,
  ),
  // "tre månader", "inom fem arbetsdagar", "två kalenderveckor", "48 timmar", "samma dag", and how
  // soon in words: "senast dagen efter", "omgående".
  duration: new RegExp(
    `\\b\\d+([,.]\\d+)?\\s*(-\\s*\\d+\\s*)?(${durationUnits})\\b|\\b(en|ett|${numberWords}) (${durationUnits})\\b|\\bsamma (dag|vecka)\\b|\\b(dagen|veckan|manaden) (efter|fore)\\b|\\b(omgaende|snarast|utan drojsmal)\\b`,
  ),
  // Weekdays ("tisdagar och torsdagar", "vardagar"), times of day ("kl. 9–11", "7-16", "08.00–16.30")
  // or how always ("dygnet runt", "kontorstid").
  hours:
    /\b(mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag)(ar|en|arna)?\b|\b(vardag|vardagar|helger|helgdagar|kvall|kvallar|kvallstid|dagtid|kontorstid|dygnet runt|dygn|hela aret)\b|\b(kl|klockan)\.? ?\d|\b\d{1,2}[.:]\d{2}\b|\b\d{1,2} ?[-–] ?\d{1,2}\b(?! ?(ar|procent|%))|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/,
  // "13–18 år", "unga i åldern 13–17", "barn under 12 år", "från 65 år", "aged 16 to 19".
  age: /\b\d{1,2}\s*[-–]\s*\d{1,2}\s*(ar|years?)\b|\bi aldern\s+\d|\b(under|over|fran|upp till|till och med|minst|mellan)\s+\d{1,2}(\s*[-–och]+\s*\d{1,2})?\s*(ar|years?)\b|\b\d{1,2}\s*(ar|years?) (och|eller|or) (aldre|yngre|older|younger)\b|\b(aged?|ages)\s+\d/,
  frequency:
    /\b(varje|varannan|vartannat|var (tredje|fjarde|femte|sjatte|fjortonde)|per (dag|dygn|vecka|manad|ar|kvartal|tertial|termin|halvar|lasar|sasong)|i manaden|i veckan|om aret|ganger|gang|ggr|kvartalsvis|manadsvis|veckovis|arligen|tertialvis|halvarsvis|lopande|regelbundet|kontinuerligt|dagligen|vid (varje|delar|helar|var))\b|\bvar \d+:?e\b/,
};

const numberToken = new RegExp(`^(\\d+([,.]\\d+)?|${numberWords})$`);

/**
 * True when a number in `text` counts the thing asked for: "två familjecentraler", "12 medarbetare",
 * "Antal deltagare: 120". `isCounted` tells a word of the text that names it (folded).
 */
export function countsThing(text: string, isCounted: (foldedWord: string) => boolean): boolean {
  // Dates, years and ordinals ("räknas den 15:e") are not counts; a number counts within its own sentence.
  const sentences = fold(text)
    .replace(/\b\d{4}-\d{1,2}-\d{1,2}\b|\b(19|20)\d{2}\b|\b\d{1,2}:[ae]\b/g, " ")
    .split(/[.!?;](?:\s+|$)/);
  return sentences.some((sentence) => countsIn(sentence, isCounted));
}

function countsIn(sentence: string, isCounted: (foldedWord: string) => boolean): boolean {
  const words = sentence
    .split(/[^a-z0-9,.]+/)
    .map((w) => w.replace(/[,.]+$/, ""))
    .filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    if (!isCounted(words[i]!)) continue;
    // "Antal hushåll som … ska vara under 600": a count named as such, its figure anywhere after it.
    // ("Antal inspekterade enskilda avlopp (målvärde 250)": the adjectives between say which.)
    const named = words.slice(Math.max(0, i - 3), i).some((w) => /^(antal|antalet|number)$/.test(w));
    // Otherwise the number just before the noun ("två nya familjecentraler") or right after it ("deltagare: 120").
    const from = Math.max(0, i - 3);
    const to = named ? words.length - 1 : Math.min(words.length - 1, i + 1);
    for (let j = from; j <= to; j++)
      if (j !== i && numberToken.test(words[j]!) && !countsUnit(words, j, isCounted)) return true;
  }
  return false;
}

/** Units a number may count instead ("unga 18-24 år", "inom 30 dagar", "85 procent"). */
const units =
  /^(ar|aren|arig\w*|manad\w*|vecka|veckor|dag|dagar|timmar|timme|procent|kr|kronor|tkr|mnkr|years?|months?|weeks?|days?|hours?|percent)$/;

/** The number at `j` counts the unit after it (or the one after a range's second number), not the thing asked about. */
function countsUnit(words: string[], j: number, isCounted: (foldedWord: string) => boolean): boolean {
  let next = j + 1;
  if (numberToken.test(words[next] ?? "")) next++;
  const unit = words[next];
  return unit !== undefined && units.test(unit) && !isCounted(unit);
}

/** True when `text` holds an answer of `type` (always true for types without a pattern). */
export function holdsAnswer(type: AnswerType, text: string): boolean {
  return evidence[type] ? holdsFoldedAnswer(type, fold(text)) : true;
}

/** holdsAnswer of a text already folded (`fold`): the reader folds each passage once, not each window. */
export function holdsFoldedAnswer(type: AnswerType, foldedText: string): boolean {
  const pattern = evidence[type];
  if (!pattern) return true;
  // "Väntetid i antal dagar … – högst 60": a figure beside the unit a row's label names.
  if (
    type === "duration" &&
    /\b(antal|i) (dagar|veckor|manader|timmar)\b/.test(foldedText) &&
    /(?<![\d-])(?!(?:19|20)\d{2}\b)\d{1,4}(?![\d-])/.test(foldedText)
  )
    return true;
  let folded = foldedText;
  // A date or a year is not the number or amount a question asks for.
  if (type === "number" || type === "amount")
    folded = folded.replace(
      // … nor is an ordinal ("räknas den 15:e varje månad").
      new RegExp(
        `\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b(19|20)\\d{2}\\b|\\b\\d{1,2}:?[ae]? (${month})\\b|\\b\\d{1,2}:[ae]\\b`,
        "g",
      ),
      " ",
    );
  return pattern.test(folded);
}

/** Words that name the kind of answer in agreements ("Insatsernas längd", "Ersättning, tkr"): hints, never required. */
export const answerTypeHints: Partial<Record<AnswerType, string[]>> = {
  duration: ["längd", "tid", "period"],
  amount: ["ersättning", "belopp", "tkr", "budget"],
  number: ["antal"],
  frequency: ["gång", "varje"],
  hours: ["öppettider", "öppet"],
  age: ["ålder", "år"],
  who: ["ansvar", "ansvarig"],
};

/** Types whose answer must be in the quoted text for the text to count as an answer. */
export function isStrictType(type: AnswerType): boolean {
  return (
    type === "number" ||
    type === "amount" ||
    type === "duration" ||
    type === "date" ||
    type === "frequency" ||
    type === "age" ||
    type === "hours"
  );
}
