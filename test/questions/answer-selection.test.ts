// The general mechanisms of answer selection, each on its own (table-driven) and then together on a
// small in-memory corpus written for this test: counts of the thing asked for, misread words one edit
// away, captions that introduce rows, sentences cut across paragraphs, rows labelled by a section
// number, committees named twice, seasons and forms.
import { describe, expect, it } from "vitest";
import { answerTypeOf, countsThing, holdsAnswer } from "../../src/questions/answer-types.ts";
import { holdsPerson, isEnumeration, pointsBackward } from "../../src/questions/answer-content.ts";
import { answerFromCorpus, asksEvent, prepareCorpus } from "../../src/questions/answer-question.ts";
import { namedAgreements } from "../../src/questions/prepared-corpus.ts";
import { readDateConstraint } from "../../src/questions/date-expressions.ts";
import { quarterNamed } from "../../src/questions/answer-deadlines.ts";
import { reportYearOf } from "../../src/questions/answer-deadlines.ts";
import type { DeadlineRecord } from "../../src/agreements/agreement-store.ts";
import type {
  CorpusDocument,
  CorpusPassage,
  CorpusSection,
  QuestionCorpus,
} from "../../src/questions/question-corpus.ts";
import { createEnglishToSwedish, wordSourceFromList } from "../../src/questions/english-to-swedish.ts";
import { readQuestion } from "../../src/questions/read-question.ts";
import { isLeadIn } from "../../src/questions/search-index.ts";
import { termKey, Vocabulary, withinOneEdit } from "../../src/questions/text-analysis.ts";

describe("the year a question gives a report", () => {
  it.each([
    ["När ska verksamhetsberättelsen för 2026 vara inne?", "2026"],
    ["Vad ska internkontrollplan 2028 innehålla?", "2028"],
    ["What's the deadline for the papers on the 2028 internal control plan?", "2028"],
    ["When will the committee get the full-year report for 2026?", "2026"],
    ["När ska årsrapporten lämnas?", undefined],
    ["Vad ska redovisas under 2026?", undefined],
  ])("%s → %s", (question, year) => {
    expect(reportYearOf(question)).toBe(year);
  });
});

describe("months joined by a dash or a conjunction are one window", () => {
  it.each([
    ["Vad ska lämnas i maj och juni?", "2027-03-01", "2027-05-01", "2027-06-30"],
    ["What is due in May and June 2027?", "2027-01-10", "2027-05-01", "2027-06-30"],
    ["Vad ska DSO lämna under sept–dec 2025?", "2025-03-01", "2025-09-01", "2025-12-31"],
    ["Vad ska levereras aug–okt?", "2026-03-01", "2026-08-01", "2026-10-31"],
    ["Vad ska redovisas i maj, juni och juli?", "2026-03-01", "2026-05-01", "2026-07-31"],
    // Over the turn of the year.
    ["Vad ska redovisas nov–feb?", "2026-03-01", "2026-11-01", "2027-02-28"],
    ["mellan april och juni", "2026-03-01", "2026-04-01", "2026-06-30"],
    // Where in the second month the window ends.
    ["What is due between 20 April and the end of June 2026?", "2026-03-01", "2026-04-20", "2026-06-30"],
    ["Vad ska redovisas mellan 1 maj och slutet av juni?", "2026-03-01", "2026-05-01", "2026-06-30"],
    ["Vad lämnas från 1 mars till början av maj?", "2026-02-01", "2026-03-01", "2026-05-01"],
    ["What is due between 1 September and the middle of October?", "2026-03-01", "2026-09-01", "2026-10-15"],
    ["What does the division report over the summer, June through August?", "2026-03-01", "2026-06-01", "2026-08-31"],
    ["Vad ska redovisas juni till augusti?", "2026-03-01", "2026-06-01", "2026-08-31"],
    // … or of the year.
    ["Which reports fall due between October and the end of 2025?", "2025-03-01", "2025-10-01", "2025-12-31"],
    ["Vad ska redovisas från september till slutet av året?", "2026-03-01", "2026-09-01", "2026-12-31"],
  ])("%s (asked %s) → %s – %s", (question, today, from, to) => {
    const read = readDateConstraint(question, today);
    expect([read.from, read.to]).toEqual([from, to]);
  });
});

describe("a span of years names a plan's period, not a window", () => {
  it.each([
    "When will the committee receive the final report on housing needs for 2027–2031?",
    "När ska investeringsbehoven 2027-2029 lämnas?",
  ])("%s", (question) => {
    const read = readDateConstraint(question, "2026-03-01");
    expect([read.year, read.from, read.to]).toEqual([null, null, null]);
  });
  it("still reads a year alone", () => {
    expect(readDateConstraint("Vad ska redovisas under 2027?", "2026-03-01").year).toBe(2027);
  });
});

describe("the day a report's period closes is no window", () => {
  it.each([
    "När ska delårsrapporten per augusti lämnas?",
    "När lämnas delårsrapport per 31 augusti?",
    "By what date must the interim report per August be with the secretary?",
  ])("%s", (question) => {
    const read = readQuestion(question, "2026-06-01");
    expect(read.dates.explicit).toBe(false);
    expect(read.dates.periodCodes).toContain("D");
    expect(read.topicWords.map((w) => w.text.toLowerCase())).not.toContain("augusti");
  });
});

describe("a span from today, counted in words or digits", () => {
  it.each([
    ["Anything due in the coming ten days?", "2026-04-06", "2026-04-16"],
    ["Vad ska in de närmaste tio dagarna?", "2026-04-06", "2026-04-16"],
    ["Vad ska redovisas de kommande två veckorna?", "2026-04-06", "2026-04-20"],
    ["What's due in the next 3 weeks?", "2026-04-06", "2026-04-27"],
    ["Anything to hand in within the next fortnight?", "2026-04-06", "2026-04-20"],
    ["What is due for the committee in the coming week?", "2026-04-06", "2026-04-13"],
    ["Vad händer under den kommande veckan?", "2026-04-06", "2026-04-13"],
  ])("%s (asked %s) → … %s", (question, today, to) => {
    const read = readDateConstraint(question, today);
    expect([read.from, read.to]).toEqual([today, to]);
  });
});

describe("whom something is for is its målgrupp", () => {
  it.each([
    ["Vilka vänder sig integrationsvägledningen till?", "vänder"],
    ["Vilka riktar sig uppdraget till?", "riktar"],
    ["Who is the integration guidance aimed at?", "aimed"],
  ])("%s: %s is matched by 'målgrupp'", (question, verb) => {
    const word = readQuestion(question, "2026-03-01").contentWords.find((w) => w.text === verb);
    expect(word?.alternatives).toContain(termKey("målgrupp"));
  });

  it("adds the label as a hint where no verb says it", () => {
    const words = readQuestion("För vilka är öppna förskolan?", "2026-03-01").contentWords;
    expect(words.find((w) => w.key === termKey("målgrupp"))).toMatchObject({ optional: true, hint: true });
  });

  it("leaves other questions alone", () => {
    const words = readQuestion("Vilka insatser erbjuder Jobbtorg?", "2026-03-01").contentWords;
    expect(words.some((w) => w.key === termKey("målgrupp") || w.alternatives?.includes(termKey("målgrupp")))).toBe(
      false,
    );
  });
});

describe("the verb after 'vilka X' is how the question is put", () => {
  it.each([
    ["Vilka insatser erbjuder Jobbtorg?", "erbjuder"],
    ["Vilken nämnd ansvarar för snöröjningen?", "ansvarar"],
    ["vilka nyckeltal följer upp målet?", "följer"],
    // After a question adverb the finite verb comes first.
    ["Sedan när hör enheten till nämnden?", "hör"],
    ["När flyttades enheten till nämnden?", "flyttades"],
    ["Hur fördelade sig anställningarna på enheterna?", "fördelade"],
    // … after "hur ofta"/"hur länge" and "vad", and before a reflexive.
    ["Hur ofta stäms ersättningen av mot utförd tid?", "stäms"],
    ["Hur länge pågår projektet?", "pågår"],
    ["Vad händer om prognosen visar underskott?", "händer"],
    ["Vilka vänder sig integrationsvägledningen till?", "vänder"],
  ])("%s: %s ranks but weighs less", (question, verb) => {
    const words = readQuestion(question, "2026-03-01").contentWords;
    expect(words.find((w) => w.text === verb)?.soft).toBe(true);
    expect(words.filter((w) => w.soft).length).toBe(1);
  });
});

describe("an enumeration answers a list question", () => {
  const passage = (text: string, kind: "sentence" | "listItem" | "tableRow" = "sentence") => ({ kind, text });
  it.each([
    [[passage("Insatser till målgruppen – • Kartläggning • Arbetsträning • Arbetspraktik", "tableRow")], true],
    [[passage("Boklån", "listItem"), passage("Läxhjälp", "listItem")], true],
    [[passage("Insatserna ges på heltid eller deltid.")], false],
    [[passage("• Boklån", "listItem")], false],
  ])("%j → %s", (passages, expected) => {
    expect(isEnumeration(passages)).toBe(expected);
  });
});

describe("a person's contact details answer 'vem'", () => {
  it.each([
    ["Henrik Alm, nämndens sakkunnige", true],
    ["Karin Berg-Lind, controller", true],
    ["tfn 0523-61 40 27", true],
    ["henrik.alm@vretaby.se", true],
    ["Föreningssamordnare – Ulrika Tåg (bidrag, lokalbokning och tidsfördelning)", true],
    ["Nämndsekreterare: Sara Nyqvist", true],
    ["Ulla-Britt Sandin (KD)", true],
    // A role or an organisation alone is no person.
    ["Dokumentansvarig: nämndens sakkunnige", false],
    ["Socialnämnden, Division Vård och omsorg", false],
  ])("%s → %s", (text, expected) => {
    expect(holdsPerson(text)).toBe(expected);
  });
});

describe("a sentence that points back at the one before", () => {
  it.each([
    ["Till henne skickas samtliga skriftliga handlingar.", true],
    ["Hon ansvarar för rapporteringen.", true],
    ["Dessa redovisas i T2.", true],
    ["It is reported in May.", true],
    ["Henrik Alm är nämndens sakkunnige.", false],
    ["Detta: en rubrik", false],
    ["Denna överenskommelse gäller 2026.", false],
  ])("%s → %s", (text, expected) => {
    expect(pointsBackward(text)).toBe(expected);
  });
});

describe("what holds an answer of the kind asked for", () => {
  it.each([
    ["number", "Drift av två familjecentraler inkl. öppen förskola", true],
    ["number", "Biblioteket har 18 medarbetare.", true],
    // The day of a date is not a count.
    ["number", "Rapporteras till nämndsammanträdet 17 september.", false],
    ["number", "Slutdatum: 2026-08-27", false],
    // A code that carries digits is not a figure.
    ["number", "G5 – Föreningsstöd – Kulturenheten", false],
    ["amount", "Redovisas på sammanträdet den 4 juni.", false],
    // An ordinal day is no figure.
    ["number", "Antalet elever räknas den 15:e varje månad.", false],
    ["amount", "Ersättningen är 3 250 tkr per år.", true],
    // An amount written out.
    ["amount", "Nämnden har öronmärkt fem miljoner kronor för insatsen.", true],
    ["amount", "Insatsen pågår i fem månader.", false],
    // Units of time compounded: working days, calendar weeks.
    ["duration", "Utföraren besvarar en reklamation inom fem arbetsdagar.", true],
    ["duration", "Beslutet ska fattas inom två kalenderveckor.", true],
    ["duration", "Anmälan görs samma dag.", true],
    ["duration", "När: Omgående, senast dagen efter att händelsen blivit känd.", true],
    ["duration", "Reklamationer besvaras via Servicewebben.", false],
    // A figure beside the unit the row's label names.
    ["duration", "Väntetid i antal dagar från ansökan till erbjudande – Målvärde: högst 60", true],
    ["duration", "Antal dagar med öppet 2026", false],
    // Every other week is a frequency.
    ["frequency", "Bokbussen trafikerar 38 hållplatser varannan vecka.", true],
    ["frequency", "Bokbussen trafikerar 38 hållplatser på landsbygden.", false],
    // "Per" counts a time only before one.
    ["frequency", "Energianvändning, kWh per besökare", false],
    ["frequency", "Två träffar per termin", true],
    // An age or a range of ages.
    ["age", "Målgrupp: Unga 13–18 år.", true],
    ["age", "Fritidsgårdarna vänder sig till unga i åldern 13–17 år.", true],
    ["age", "Avgiftsfritt för barn under 12 år.", true],
    ["age", "Stödet ska utvecklas för äldre och nyanlända.", false],
    ["age", "Verksamheten har 14 medarbetare.", false],
  ] as const)("%s in %j → %s", (type, text, expected) => {
    expect(holdsAnswer(type, text)).toBe(expected);
  });
});

describe("a number answers 'hur många X' only when it counts X", () => {
  const isFamilyCentre = (word: string) => termKey(word).startsWith("familjecentral");
  it.each([
    ["Kommunen har i dag två familjecentraler.", true],
    ["Familjecentraler: 3 i tätorten", true],
    ["Antal familjecentraler som ska finnas i kommunen år 2027 är enligt planen minst 4.", true],
    ["Familjecentralerna har öppet 2026-01-01 och framåt.", false],
    ["Familjecentralen samverkar med 14 förskolor i norra delen av kommunen och med regionen.", false],
    ["Kommunen har 120 medarbetare.", false],
    // An age or a time is not a count of the thing.
    ["Föräldrar 18-24 år möter familjecentralerna.", false],
    ["Inom 30 dagar kontaktar familjecentralerna familjen.", false],
    // A count named as such needs a figure, not an ordinal day or money.
    ["Antalet familjecentraler räknas den 15:e varje månad, och 300 tkr fördelas.", false],
    // Adjectives between the count's name and the thing say which ones.
    ["Antal nya öppna familjecentraler (målvärde 4)", true],
  ])("%s → %s", (text, expected) => {
    expect(countsThing(text, isFamilyCentre)).toBe(expected);
  });
});

describe("the noun of a particle verb", () => {
  const vocabulary = new Vocabulary(
    new Set(["avstamning", "inflyttning", "uppfoljning", "framtag", "utbetalning", "stamm", "avsnitt", "inflytand"]),
  );
  it.each([
    ["stämma", "av", ["avstamning"]],
    ["flytta", "in", ["inflyttning"]],
    ["följs", "upp", ["uppfoljning"]],
    ["ta", "fram", ["framtag"]],
    ["betalas", "ut", ["utbetalning"]],
    // Neither "avsnitt" nor "inflytande" is the noun of these verbs.
    ["snickra", "av", []],
    ["flyga", "in", []],
  ])("%s %s → %j", (verb, particle, nouns) => {
    expect(vocabulary.particleVerbNouns(verb, particle)).toEqual(nouns);
  });

  it("reads the particle after the verb in a question", () => {
    const words = readQuestion("Hur ofta ska ombuden stämma av med varandra?", "2026-03-01").contentWords;
    expect(words.find((w) => w.text === "stämma")?.particle).toBe("av");
    expect(words.find((w) => w.text === "ombuden")?.particle).toBeUndefined();
  });
});

describe("a verb and the noun of its act", () => {
  const vocabulary = new Vocabulary(new Set(["plogning", "granskning", "inventering", "plog", "inventer"]));
  it.each([
    // The question's verb finds the documents' noun …
    ["plog", "plogning"],
    ["gransk", "granskning"],
    ["inventer", "inventering"],
    // … and the question's noun the documents' verb.
    ["plogning", "plog"],
    ["inventering", "inventer"],
  ])("%s → %s", (key, related) => {
    expect(vocabulary.alternatives(key)).toContainEqual({ key: related, weight: 0.75 });
  });
  it("relates nothing the documents do not write", () => {
    expect(vocabulary.alternatives("sand")).toEqual([]);
  });
});

describe("a question's compound split at a short head", () => {
  it("splits only where the documents write the head as a word", () => {
    // "tim" is only ever a part ("timavlönade") in these documents; "snö" is a word of theirs.
    const parts = new Set(["tim", "avlonad", "ersattning", "sno", "djup", "rojning"]);
    const vocabulary = new Vocabulary(parts, new Set(["avlonad", "ersattning", "sno", "rojning"]));
    expect(vocabulary.compoundParts("timersattning")).toEqual([]);
    expect(vocabulary.compoundParts("snorojning")).toEqual(["sno", "rojning"]);
  });
});

describe("a verb and its be- form", () => {
  it("relates 'svara' to the documents' 'besvarar', below the word itself", () => {
    const vocabulary = new Vocabulary(new Set(["svar", "besvar", "reklamation"]));
    expect(vocabulary.alternatives("svar")).toEqual([
      { key: "svar", weight: 1 },
      { key: "besvar", weight: 0.7 },
    ]);
    expect(vocabulary.alternatives("reklamation")).toEqual([{ key: "reklamation", weight: 1 }]);
  });

  it("reads the council and the board by the abbreviations agreements use for them", () => {
    const vocabulary = new Vocabulary(new Set([termKey("KF"), termKey("KS"), "budgetram"]));
    expect(vocabulary.alternatives(termKey("kommunfullmäktiges")).map((a) => a.key)).toContain(termKey("KF"));
    expect(vocabulary.alternatives(termKey("kommunstyrelsen")).map((a) => a.key)).toContain(termKey("KS"));
  });

  it("does not read a compound the documents never use by its last part", () => {
    // "timersättning" is not "ersättning": a question about a thing never named stays unanswered.
    const vocabulary = new Vocabulary(new Set(["ersattning", "person"]));
    expect(vocabulary.alternatives("timersattning")).toEqual([]);
  });

  it("drops the adverb of 'hur snabbt' from the topic: it asks for a time", () => {
    const read = readQuestion("Hur snabbt måste förvaltningen svara på en reklamation?", "2026-03-01");
    expect(read.answerType).toBe("duration");
    expect(read.contentWords.map((w) => w.text)).not.toContain("snabbt");
    const before = readQuestion("Hur lång tid före mötet ska rapporterna vara inne?", "2026-03-01");
    expect(before.contentWords.map((w) => w.text)).not.toContain("lång");
  });

  it("reads a definite form the stemmer leaves whole by its word and synonyms", () => {
    const vocabulary = new Vocabulary(new Set([termKey("sammanträde"), termKey("möte")]));
    expect(vocabulary.alternatives(termKey("mötet")).map((a) => a.key)).toEqual([
      termKey("möte"),
      termKey("sammanträde"),
    ]);
  });

  it("drops 'kosta' from an amount question: the amount is what it asks", () => {
    const read = readQuestion("Vad får avloppsinventeringen kosta?", "2026-03-01");
    expect(read.answerType).toBe("amount");
    expect(read.contentWords.filter((w) => !w.hint).map((w) => w.text)).toEqual(["avloppsinventeringen"]);
  });
});

describe("words one edit apart", () => {
  it.each([
    ["sormland", "sormiand", true], // OCR: l read as i
    ["stadsmission", "stadsmision", true], // a letter dropped
    ["kulturskola", "kulturksola", true], // two letters swapped
    ["kulturskola", "kulturskolan", true], // an ending added
    ["kulturskola", "kulturskolor", false],
    ["bibliotek", "biblioteken", false],
  ])("%s / %s → %s", (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });

  it("finds the documents' misreading of a long word, not of a short one", () => {
    const vocabulary = new Vocabulary(new Set(["sormiands", "stadsmission", "lag", "lagg"]));
    expect(vocabulary.nearMisses("sormlands")).toEqual(["sormiands"]);
    expect(vocabulary.nearMisses("lagt")).toEqual([]);
    expect(vocabulary.alternatives("sormlands")).toEqual([{ key: "sormiands", weight: 0.85 }]);
  });

  it("relates the stems of one long word that differ by up to four letters", () => {
    // "bostadsområde" and "bostadsområdet" stem to these once folded.
    const vocabulary = new Vocabulary(new Set(["bostadsomradet", "planerna", "omradet"]));
    expect(vocabulary.prefixNeighbours(termKey("bostadsområde"))).toContain("bostadsomradet");
    // A short word keeps to three.
    expect(vocabulary.prefixNeighbours("plan")).toEqual([]);
  });
});

describe("the kind of answer asked for", () => {
  it.each([
    ["What are the start and end dates of assignment 4.1.4?", "date"],
    ["Which period does the assignment cover?", "date"],
    ["Sedan när hör enheten till nämnden?", "date"],
    ["Vad är ersättningen för vinterväghållning?", "amount"],
    ["Vad är BarnSäkert?", "definition"],
    ["Hur mycket får divisionen för parker?", "amount"],
    ["Vad kostar en plats i daglig verksamhet?", "amount"],
    // A share is a number, not money.
    ["Hur stor andel av utredningarna ska vara klara inom fyra månader?", "number"],
    ["Hur stor ersättning får divisionen?", "amount"],
    ["Within what time must SFI be offered?", "duration"],
    ["What is the cutoff for the written papers?", "date"],
    ["Vilken är sista dagen för underlaget?", "date"],
    // The day of the month a rule gives is how often, not a date.
    ["När i månaden ska prognosen skickas?", "frequency"],
    // What a report must contain is described by the text, not listed as deadlines.
    ["Vad ska månadsrapporten innehålla?", "definition"],
    ["What should the annual report contain?", "definition"],
    // A rule asked for is the way something is done, though the question says "när".
    ["Vilken regel gäller för när handlingarna ska lämnas?", "manner"],
    ["What rules apply to late documents?", "manner"],
    ["By which date must the plan be ready?", "date"],
    ["Inom vilken tid ska beslutet fattas?", "duration"],
    ["What does a meal portion cost?", "amount"],
    ["Vid vilka tidpunkter följs budgeten upp?", "date"],
    ["Vid vilka tillfällen redovisas målet?", "date"],
    ["Vid vilka sammanträden lämnas prognosen?", "date"],
    ["At which meetings is the forecast presented?", "date"],
    ["In which year was the centre set up?", "date"],
    // "när"/"when" inside a sentence is a conjunction; after "och"/"and" it asks.
    ["Which levels does the division use when judging a goal?", "list"],
    ["Vilka nivåer används när målen bedöms?", "list"],
    ["Vem ansvarar för uppdraget och när ska det redovisas?", "who"],
    ["Hur många platser finns det, and when do they open?", "number"],
    // "Var" opening a question asks where; "Var det …" asks whether it was.
    ["Var hämtas indikatorerna ifrån?", "where"],
    ["Var det nämnden som beslutade?", "any"],
    ["How many days before the meeting must the papers be in?", "duration"],
    ["What do the letters V, D and H mean?", "definition"],
    ["Vad står FIA för i budgeten?", "definition"],
    // A fee, a price or a wage is money.
    ["What's the monthly fee a brukare pays for hemtjänst?", "amount"],
    ["Vad är timlönen för sommarjobben?", "amount"],
    // An age, or a range of ages, is asked for.
    ["Vilka åldrar vänder sig fritidsgårdarna i Furuvåla till?", "age"],
    ["Vilken åldersgrupp är fritidsgårdarna till för?", "age"],
    ["What age group is the summer programme for?", "age"],
    // "Hur stor" before a frame or a budget, in any compound, asks for money; before a share, for a number.
    ["Hur stor budgetram har kultur- och fritidsnämnden fått för 2026?", "amount"],
    ["Hur stor är tekniska nämndens investeringsbudget 2026 totalt?", "amount"],
    ["Hur stor är kommunfullmäktiges ram till socialnämnden?", "amount"],
    // "Hur mycket" before a noun measures the thing; before a verb it asks for money.
    ["Vid hur mycket snö börjar man ploga?", "number"],
    ["How much snow triggers ploughing?", "number"],
    ["Hur mycket språkundervisning kan deltagarna få?", "number"],
    ["Hur mycket får divisionen för hemtjänsten?", "amount"],
    ["Hur mycket pengar får kulturskolan?", "amount"],
    ["How much does the library get?", "amount"],
    ["How much money goes to the library?", "amount"],
    // Any form of "budget" asks for money ("budgeterades", "budgeteras").
    ["Vad budgeterades för ekonomiskt bistånd 2019?", "amount"],
    ["Vilket belopp budgeteras för vinterväghållningen?", "amount"],
    ["Hur stor andel av budgeten går till bibliotek?", "number"],
    // "Hur snabbt", "how quickly": a time is asked for.
    ["Hur snabbt måste förvaltningen svara på en reklamation?", "duration"],
    ["How quickly must a complaint be answered?", "duration"],
    // Being open asks for hours of the day or weekdays; opening asks for a day.
    ["När har Servicepoolen öppet?", "hours"],
    ["Var ligger Navet och när har de öppet?", "where"],
    ["How late are the youth centres open on Fridays?", "hours"],
    ["Vilka öppettider har bygglovsjouren?", "hours"],
    ["When is the new drop-in centre supposed to open?", "date"],
    ["När öppnar den nya mottagningen?", "date"],
    // When a goal counts as met asks for its criterion.
    ["När räknas mål 1 som uppfyllt?", "criterion"],
    ["What must happen for goal 3 to count as fulfilled?", "criterion"],
    ["Vad krävs för att målet ska vara uppnått?", "criterion"],
  ])("%s → %s", (question, expected) => {
    expect(answerTypeOf(question)).toBe(expected);
  });
});

describe("question reading", () => {
  it.each([
    ["Ska vinterväghållningen redovisas skriftligt eller muntligt?", null],
    ["Vilka rapporter ska redovisas muntligt i maj?", "oral"],
    ["Which items are reported orally rather than in writing?", "oral"],
    ["Vilka skriftliga rapporter lämnas i juni?", "written"],
  ])("form of %s → %s", (question, form) => {
    expect(readQuestion(question, "2026-03-01").form).toBe(form);
  });

  it.each([
    ["What is the next written report due?", true, "written"],
    ["När är nästa delårsrapport?", true, null],
    ["Vad ska nästa rapport innehålla om parkerna?", true, null],
    ["Vilka rapporter lämnas muntligt?", false, "oral"],
  ])("%s: the next occasion %s, form %s", (question, next, form) => {
    const read = readQuestion(question, "2026-03-01");
    expect(read.dates.nextOccasion).toBe(next);
    expect(read.dates.explicit).toBe(false);
    expect(read.form).toBe(form);
  });

  it.each([
    ["Vilket datum ska planen vara klar?", "datum"],
    ["Senast vilket datum ska planen vara klar?", "datum"],
    ["By which date must the plan be ready?", "date"],
  ])("%s: the kind of answer (%s) need not be in the answer", (question, noun) => {
    const translator = createEnglishToSwedish({
      domain: wordSourceFromList(
        new Map([
          ["date", ["datum"]],
          ["plan", ["plan"]],
        ]),
      ),
      general: null,
    });
    const word = readQuestion(question, "2026-03-01", undefined, translator).contentWords.find(
      (w) => w.text.toLowerCase() === noun,
    );
    expect(word?.optional).toBe(true);
  });

  it("does not take the capital of an English question's first word for a name", () => {
    const translator = createEnglishToSwedish({
      domain: wordSourceFromList(new Map([["park", ["park"]]])),
      general: null,
    });
    const words = readQuestion(
      "Within what time are parks cleaned by Parkbolaget?",
      "2026-03-01",
      "en",
      translator,
    ).contentWords;
    // An untranslated ordinary word only ranks; a name counts.
    expect(words.find((w) => w.text === "Within")?.optional).toBe(true);
    expect(words.find((w) => w.text === "Parkbolaget")?.optional).toBe(false);
  });

  it("reads 'the division' and 'the committee' in English as the parties at hand, not as topics", () => {
    const translator = createEnglishToSwedish({
      domain: wordSourceFromList(
        new Map([
          ["division", ["division"]],
          ["committee", ["nämnd"]],
          ["park", ["park"]],
        ]),
      ),
      general: wordSourceFromList(new Map([["among", ["bland", "emellan"]]])),
    });
    const keys = readQuestion(
      "What does the division report to the committee about parks among others?",
      "2026-03-01",
      "en",
      translator,
    ).contentWords.map((w) => w.key);
    expect(keys).toContain(termKey("park"));
    expect(keys).not.toContain(termKey("division"));
    expect(keys).not.toContain(termKey("nämnd"));
    // A word the dictionary renders as a Swedish function word is one too.
    expect(keys).not.toContain(termKey("emellan"));
  });

  it("takes 'may' for the modal verb once no date has taken it as the month", () => {
    const words = readQuestion("Which organisations may refer adults to the job centre?", "2026-03-01").contentWords;
    expect(words.map((w) => w.text.toLowerCase())).not.toContain("may");
    expect(readDateConstraint("What is due in May?", "2026-03-01").from).toBe("2026-05-01");
  });

  it.each([
    ["Hur många besökare hade fritidsgården enligt underlaget från Solby?", "underlaget"],
    ["How many visitors did the youth centre have according to the background report?", "report"],
  ])("%s: the words naming the document cited are optional", (question, word) => {
    const words = readQuestion(question, "2026-03-01").contentWords;
    expect(words.find((w) => w.text === word)?.optional).toBe(true);
    expect(words.find((w) => /^(besökare|visitors)$/.test(w.text))?.optional).toBeFalsy();
  });

  it("takes the generic head of a named compound ('TFCO-uppdraget') as the kind of thing, not a word to match", () => {
    const words = readQuestion("När ska TFCO-uppdraget följas upp?", "2026-03-01").contentWords;
    expect(words.find((w) => w.text === "uppdraget")?.optional).toBe(true);
    expect(words.find((w) => w.text === "TFCO")?.optional).toBeFalsy();
    expect(readQuestion("När ska uppdraget följas upp?", "2026-03-01").contentWords[0]?.optional).toBeFalsy();
  });

  it.each([
    "Vilken dag är sista dag för handlingarna till kvartalsrapport 1?",
    "När ska delårsredovisningen lämnas?",
    "Vilket är sista datum för tertialrapporten?",
  ])("%s reads as a question about deadlines", (question) => {
    expect(readQuestion(question, "2026-03-01").deadlineSignal).toBe("strong");
  });

  it.each([
    ["När ska Uppdrag B redovisas?", ["Uppdrag B"]],
    ["Vi har lämnat Uppdrag B. När tas det upp?", ["Uppdrag B"]],
    ["Vad innebär mål 3?", ["Mål 3"]],
    // A lower-case "a" after "uppdrag" is no letter of an assignment.
    ["Vilket uppdrag a la carte finns?", []],
  ])("%s names the structure %j", (question, sections) => {
    expect(readQuestion(question, "2026-03-01").sections).toEqual(sections);
  });

  it("takes 'hen' for the pronoun it is", () => {
    const words = readQuestion("Vem är nämndens ombud och hur når jag hen?", "2026-03-01").contentWords;
    expect(words.map((w) => w.text)).not.toContain("hen");
  });

  it("knows what 'hur många' counts and that 'betyder' only asks for a definition", () => {
    expect(readQuestion("Hur många familjecentraler finns det?", "2026-03-01").counted).toBe(
      termKey("familjecentraler"),
    );
    // An adjective between "hur många" and the thing is not the thing.
    expect(readQuestion("Hur många nya familjecentraler ska öppnas?", "2026-03-01").counted).toBe(
      termKey("familjecentraler"),
    );
    // Of an English noun phrase the last noun is counted; Swedish puts the verb next to the noun.
    expect(readQuestion("How many home visits does the programme include?", "2026-03-01").counted).toBe(
      termKey("visits"),
    );
    expect(readQuestion("Hur många bilar sköter Servicepoolen?", "2026-03-01").counted).toBe(termKey("bilar"));
    expect(readQuestion("Hur många enskilda avlopp ska inspekteras?", "2026-03-01").counted).toBe(termKey("avlopp"));
    // A verb ends an English noun phrase.
    expect(readQuestion("How many people applied for summer jobs?", "2026-03-01").counted).toBe(termKey("people"));
    const meaning = readQuestion("Vad betyder SMAIL?", "2026-03-01");
    expect(meaning.contentWords.find((w) => w.key === termKey("betyder"))?.optional).toBe(true);
  });

  it.each([
    "Vilka dagar i veckan har fritidsgården öppet?",
    "On which days of the week is the library open?",
    "Hur många gånger i månaden träffas ombuden?",
    "How many evenings a week is the youth centre open?",
    "När i månaden ska prognosen skickas?",
    "What written material is owed, and what's the last day to send it?",
    "Vilken är sista dagen för underlaget?",
  ])("%s asks which days or how often, not about this week or month", (question) => {
    const dates = readDateConstraint(question, "2026-04-27");
    expect(dates.from).toBeNull();
    expect(dates.explicit).toBe(false);
  });

  it.each([
    ["Vad ska redovisas på nämndens sista sammanträde för året?", "last"],
    ["Vad tas upp vid årets första sammanträde?", "first"],
    ["What is on the agenda of the last meeting of the year?", "last"],
    // Another time, not the year's.
    ["Vad redovisas på sista mötet före sommaren?", null],
  ])("%s → the year's %s meeting", (question, which) => {
    expect(readDateConstraint(question, "2026-04-27").yearMeeting ?? null).toBe(which);
  });

  it("keeps what 'hur många X i veckan' counts as the question's word, not 'veckan'", () => {
    const words = readQuestion("Hur många kvällar i veckan har fritidsgården öppet?", "2026-04-27").contentWords;
    expect(words.map((w) => w.text)).toContain("kvällar");
    expect(words.map((w) => w.text)).not.toContain("veckan");
  });

  it("reads 'i vår' as the spring report and the spring months, 'vårrapporten' only as the report", () => {
    const spring = readDateConstraint("Vad ska redovisas i vår?", "2026-03-01");
    expect(spring.periodCodes).toContain("V");
    expect(spring.season).toEqual({ from: "2026-02-01", to: "2026-06-30" });
    expect(readDateConstraint("Vad ska vårrapporten innehålla?", "2026-03-01").season).toBeNull();
    // "oktobermötet" is the meeting of that month, not a topic.
    expect(readDateConstraint("Vad redovisas på oktobermötet?", "2026-03-01")).toMatchObject({
      from: "2026-10-01",
      to: "2026-10-31",
    });
    expect(
      readQuestion("Vad redovisas på junisammanträdet om parkerna?", "2026-03-01").topicWords.map((w) => w.text),
    ).toEqual(["parkerna"]);
    // "i slutet av mars" says when; "slutet" is no topic.
    expect(
      readQuestion("Vilka uppdrag redovisas på mötet i slutet av mars 2025?", "2025-01-10").topicWords.map(
        (w) => w.text,
      ),
    ).not.toContain("slutet");
    // "årets" is this year, not a topic.
    expect(readDateConstraint("Vad ska lämnas för årets första tertial?", "2026-03-01")).toMatchObject({
      from: "2026-01-01",
      to: "2026-12-31",
    });
    expect(readDateConstraint("Vad händer i höst?", "2026-03-01").season).toEqual({
      from: "2026-08-01",
      to: "2026-12-31",
    });
  });
});

describe("lead-ins", () => {
  const passage = (text: string, kind: CorpusPassage["kind"] = "sentence"): CorpusPassage => ({
    documentId: "d",
    ordinal: 0,
    section: 0,
    block: 0,
    position: 0,
    kind,
    text,
    label: null,
    context: null,
    terms: "",
  });
  it.each([
    ["Målgrupper för insatsen är:", true],
    ["Indikatorer", true],
    ["Målvärden 2026", false],
    ["Divisionen ansvarar för snöröjningen.", false],
    ["Indikatorer för grunduppdraget i alla delar av kommunen", false],
    // A sentence its list completes.
    ["Måluppfyllelse – målet är uppfyllt när", true],
    ["Nämnden bedömer att", true],
    ["Nämnden bedömer att målet är uppfyllt.", false],
    // An enumeration that goes on in the next line.
    ["andelen brukare som känner sig trygga är minst 88 procent,", true],
  ])("%s → %s", (text, expected) => {
    expect(isLeadIn(passage(text))).toBe(expected);
  });
});

// A small corpus of two agreements of one municipality and a report of another, written for this test.
function document(documentId: string, fields: Partial<CorpusDocument>): CorpusDocument {
  return {
    documentId,
    agreementId: null,
    title: documentId,
    source: `${documentId}.txt`,
    year: 2026,
    committee: null,
    committeeCode: null,
    division: null,
    divisionCode: null,
    municipality: null,
    ...fields,
  };
}

/** A corpus of one document whose sentences are each a paragraph of its own, all in its first section. */
function sentencesCorpus(doc: CorpusDocument, section: CorpusSection, texts: string[]): QuestionCorpus {
  return {
    documents: [doc],
    sections: [section],
    passages: texts.map((text, i) => ({
      documentId: doc.documentId,
      ordinal: i,
      section: section.ordinal,
      block: i,
      position: 0,
      kind: "sentence" as const,
      text,
      label: null,
      context: null,
      terms: "",
    })),
    deadlines: [],
    economyLines: [],
  };
}

function corpus(): QuestionCorpus {
  const documents = [
    document("tn", {
      agreementId: "tn-ds-2026",
      title: "Överenskommelse 2026 Tekniska nämnden – Division Samhällsbyggnad",
      committee: "Tekniska nämnden",
      committeeCode: "TN",
      division: "Division Samhällsbyggnad",
      divisionCode: "DS",
      municipality: "Granby",
    }),
    document("kfn", {
      agreementId: "kfn-ds-2026",
      title: "Överenskommelse 2026 Kultur- och fritidsnämnden – Division Samhällsbyggnad",
      committee: "Kultur- och fritidsnämnden",
      committeeCode: "KFN",
      division: "Division Samhällsbyggnad",
      divisionCode: "DS",
      municipality: "Granby",
    }),
    document("rapport", { title: "Verksamhetsberättelse fritid", year: null, municipality: "Solby" }),
  ];
  const sections: CorpusSection[] = [
    { documentId: "tn", ordinal: 0, number: "4", heading: "Nämndens mål och indikatorer", level: 1, text: "" },
    { documentId: "tn", ordinal: 1, number: "4.3", heading: "VA-försörjningen ska vara robust", level: 2, text: "" },
    { documentId: "tn", ordinal: 2, number: "5", heading: "Vinterväghållning", level: 1, text: "" },
    { documentId: "tn", ordinal: 3, number: "6.2", heading: "Utreda laddinfrastruktur", level: 2, text: "" },
    { documentId: "tn", ordinal: 4, number: "7", heading: "Övriga uppdrag", level: 1, text: "" },
    { documentId: "kfn", ordinal: 0, number: "3", heading: "Bibliotek", level: 1, text: "" },
    { documentId: "kfn", ordinal: 10, number: "3.1", heading: "Lån till föreningar", level: 2, text: "" },
    { documentId: "kfn", ordinal: 11, number: "4", heading: "Mål 2 Barn läser", level: 1, text: "" },
    { documentId: "kfn", ordinal: 12, number: "5", heading: "Ekonomi", level: 1, text: "" },
    { documentId: "kfn", ordinal: 13, number: "6", heading: "Öppettider", level: 1, text: "" },
    { documentId: "kfn", ordinal: 14, number: "7", heading: "Kontaktpersoner", level: 1, text: "" },
    { documentId: "kfn", ordinal: 15, number: "8", heading: "Verksamheter som omfattas", level: 1, text: "" },
    { documentId: "rapport", ordinal: 0, number: null, heading: "Fritidsgårdar", level: 1, text: "" },
    { documentId: "rapport", ordinal: 1, number: null, heading: "Framåtblick", level: 1, text: "" },
  ];
  let ordinal = 0;
  const passages: CorpusPassage[] = [];
  const add = (
    documentId: string,
    section: number,
    block: number,
    text: string,
    extra: Partial<CorpusPassage> = {},
  ) => {
    const position = passages.filter((p) => p.documentId === documentId && p.block === block).length;
    passages.push({
      documentId,
      ordinal: ordinal++,
      section,
      block,
      position,
      kind: "sentence",
      text,
      label: null,
      context: null,
      terms: "",
      ...extra,
    });
  };
  // The indicators of every goal in one table under the goals' common heading; its rows name their goal by number.
  add("tn", 0, 0, "Målen följs upp med indikatorerna i tabellen, per mål.");
  add("tn", 0, 1, "Indikatorer");
  const header = "Mål | Indikator | Källa";
  add("tn", 0, 2, "4.1 – Andel gång- och cykelvägar med god standard – Källa: Egen inventering", {
    kind: "tableRow",
    label: "4.1",
    context: header,
  });
  for (const indicator of ["Andel debiterat vatten av producerad mängd", "Antal källaröversvämningar per år"])
    add("tn", 0, 2, `4.3 – ${indicator} – Källa: Egen statistik`, { kind: "tableRow", label: "4.3", context: header });
  add("tn", 1, 3, "Vattenförsörjningen ska klara torra somrar och skyfall.");
  // A sentence an OCR'd blank line cut in two, and the paragraph after it.
  add("tn", 2, 4, "Plogning av gång- och cykelvägar med prioritet 1 påbörjas vid ett snödjup av");
  add("tn", 2, 5, "4 cm och ska vara klar inom fyra timmar.");
  // An assignment whose report is due three paragraphs on (OCR makes a paragraph of every sentence).
  add("tn", 4, 10, "Uppdrag att se över parkeringsavgifterna i centrum.");
  add("tn", 4, 11, "Jämförelsen görs med grannkommunerna.");
  add("tn", 4, 12, "Kontoret sammanställer jämförelsen i en rapport.");
  add("tn", 4, 13, "Återrapport under kvartal 3 2026.");
  add("tn", 3, 6, "Uppdraget är att utreda behovet av laddplatser för elbilar i kommunens tätorter.");
  add("tn", 3, 7, "Startdatum: 2026-01-01 – Slutdatum: 2027-06-30", {
    kind: "tableRow",
    label: "Utreda laddinfrastruktur",
    context: "Startdatum | Slutdatum",
  });
  add("tn", 3, 8, "Uppföljning av laddplatser – Muntlig redovisning till nämnden – Slutdatum: 2026-09-01", {
    kind: "tableRow",
    label: "Uppföljning av laddplatser",
    context: "Titel | Beskrivning | Slutdatum",
  });
  add("kfn", 3, 0, "Huvudbiblioteket har öppet minst 52 timmar per vecka.");
  add("kfn", 3, 1, "Biblioteket har i dag 18 medarbetare.");
  add("kfn", 3, 2, "Filialerna samverkar med 14 skolor i kommunen.");
  add("kfn", 3, 3, "Syftet med bibliotekens arbete med integration är att nå fler nyanlända.");
  // Last year's figure, given as background in this year's agreement.
  add("kfn", 3, 4, "Under 2025 lånades 212 000 böcker ut från kommunens bibliotek.");
  // A rule OCR broke at a line whose next line a dash made a list item.
  add("kfn", 10, 20, "Första uppföljningen efter att lånet startat görs inom en månad, därefter minst var 6:e");
  add("kfn", 10, 21, "var 8:e vecka.", { kind: "listItem" });
  add("kfn", 10, 22, "Uppföljning av lån – Första uppföljningen av lånen görs skriftligt – Slutdatum: 2026-05-01", {
    kind: "tableRow",
    label: "Uppföljning av lån",
    context: "Titel | Form | Slutdatum",
  });
  // Criteria whose items OCR made paragraphs of their own, each ending in a comma.
  add("kfn", 11, 30, "Målet om läsande barn är uppfyllt när");
  add("kfn", 11, 31, "minst 60 procent av barnen har lånat en bok,", { kind: "listItem" });
  add("kfn", 11, 32, "antalet lässtunder är högre än 2025,", { kind: "listItem" });
  add("kfn", 11, 33, "samtliga filialer har haft en läsvecka.", { kind: "listItem" });
  // An amount written out, beside an economy row whose label shares the question's words.
  add("kfn", 12, 40, "Nämnden har i sin budget öronmärkt fem miljoner kronor för läsfrämjande insatser.");
  add("kfn", 12, 41, "Läsfrämjande insatser – 35 500", { kind: "tableRow", label: "Läsfrämjande insatser" });
  add("kfn", 12, 42, "Summa – 61 200", { kind: "tableRow", label: "Summa" });
  // A role in the text, and who holds it in the list of contacts.
  add("kfn", 13, 50, "Bibliotekschefen ansvarar för att öppettiderna hålls.");
  add("kfn", 13, 52, "Beslut om sommarens öppettider fattas den 12 maj, efter samråd med föreningarna.");
  add("kfn", 14, 51, "Bibliotekschef: Eva Lind", { kind: "tableRow", label: "Bibliotekschef" });
  add("kfn", 14, 51, "Controller: Bo Ek", { kind: "tableRow", label: "Controller" });
  // A sentence that points back at the one before it for whom it is about.
  add("kfn", 14, 53, "Nämndens sekreterare är Anna Berg, telefon 0123-45 67.");
  add("kfn", 14, 53, "Till henne skickas alla skriftliga handlingar inför sammanträdena.");
  // A list whose items OCR made paragraphs of their own, the fifth of which a question names.
  const leadIn = "Överenskommelsen omfattar följande verksamheter:";
  add("kfn", 15, 60, leadIn);
  for (const [i, item] of [
    "huvudbiblioteket",
    "kommundelsbiblioteken",
    "bokbussen",
    "skolbiblioteken",
    "sommarboken för barn",
  ].entries())
    add("kfn", 15, 61 + i, item, { kind: "listItem", context: leadIn });
  add("rapport", 0, 0, "Under 2024 hade fritidsgården Kvarnen 4 300 besökare.");
  add("rapport", 1, 1, "Från 2025 tar kommunen över driften av fritidsgårdarna.");
  add("rapport", 1, 2, "Den 1 mars år 2024 utökades fritidsgårdens öppettider med två kvällar.");
  add("rapport", 1, 3, "Fritidsgårdarna har öppet fem kvällar i veckan.");
  // One reporting item of TN's agreement: the spring report, in section 6.
  const springReport: DeadlineRecord = {
    key: "tn-v",
    date: "2026-05-19",
    precision: "day",
    meetingDate: "2026-05-19",
    submissionDate: "2026-04-28",
    submissionRule: "3 veckor före sammanträdet",
    title: "Vårrapport: mål, indikatorer och ekonomi",
    description: "",
    section: "6",
    form: "written",
    recipient: null,
    period: "vår 2026",
    periodCode: "V",
    occasion: "var",
    recurrence: null,
    channel: null,
    origin: "read",
    confirmed: false,
    assignment: null,
    assignmentNumber: null,
    assignmentKind: null,
    assignmentId: null,
    agreement: {
      id: "tn-ds-2026",
      title: documents[0]!.title,
      year: 2026,
      source: "tn.txt",
      committee: "Tekniska nämnden",
      divisionCode: "DS",
    },
  };
  // A report given by month only ("månadsrapport i maj").
  const mayReport: DeadlineRecord = {
    ...springReport,
    key: "tn-maj",
    date: "2026-05",
    precision: "month",
    meetingDate: null,
    submissionDate: null,
    submissionRule: null,
    title: "Månadsrapport ekonomi",
    period: null,
    periodCode: null,
    occasion: null,
  };
  // A goal stated in its heading, with nothing under it that says the figure again.
  add("tn", 4, 90, "Laddplatser (KF): Minst 40 nya laddplatser för elbilar ska finnas i tätorterna år 2026", {
    kind: "heading",
  });
  add("tn", 4, 91, "Övriga uppdrag", { kind: "heading" });
  return { documents, sections, passages, deadlines: [springReport, mayReport], economyLines: [] };
}

describe("words that shape a question", () => {
  it("gives a particle at the question's end to the verb after the question word", () => {
    const words = readQuestion("När följs arbetsmarknadsnämndens internbudget upp?", "2026-03-01").contentWords;
    expect(words.find((w) => w.text === "följs")?.particle).toBe("upp");
  });
  it.each(["När sker återrapporteringen till nämnden?", "När ska återkopplingen ske?", "När ska årsrapporten lämnas?"])(
    "%s reads as a question about a report",
    (question) => {
      expect(readQuestion(question, "2026-03-01").deadlineSignal).toBe("strong");
    },
  );
  it("takes no hedge on a figure for a topic", () => {
    const words = readQuestion("Roughly how many places are there?", "2026-03-01").contentWords;
    expect(words.map((w) => w.text.toLowerCase())).not.toContain("roughly");
  });
});

describe("the figure asked for is in the matched sentence or after it", () => {
  const sentences = [
    "Anställningarna vid Servicepoolen varar mellan 1–2 år.",
    "Arbetsförmågebedömningar startades vid verkstaden under 2024.",
    "Ett aktivitetskrav för alla som söker försörjningsstöd träder i kraft 1 juli 2026.",
    "Kommunerna blir då skyldiga att tillhandahålla aktiviteter för dem som omfattas av kravet.",
  ];
  const prepared = prepareCorpus({
    documents: [document("up", { agreementId: "sn-sk-2026", title: "Uppdragsplan 2026", committee: "Socialnämnden" })],
    sections: [{ documentId: "up", ordinal: 0, number: "1", heading: "Insatser", level: 1, text: "" }],
    passages: sentences.map((text, i) => ({
      documentId: "up",
      ordinal: i,
      section: 0,
      block: i < 2 ? 0 : 1,
      position: i % 2,
      kind: "sentence" as const,
      text,
      label: null,
      context: null,
      terms: "",
    })),
    deadlines: [],
    economyLines: [],
  });
  const ask = (q: string) => answerFromCorpus(prepared, q, { today: "2026-03-01" });
  it("does not take a duration of the sentence before for the one asked about", () => {
    expect(ask("Hur länge pågår en arbetsförmågebedömning vid verkstaden?").found).toBe(false);
  });
  it("takes the day of the sentence before when the matched one refers back to it", () => {
    expect(ask("Från vilket datum blir kommunerna skyldiga att tillhandahålla aktiviteter?").text).toContain(
      "1 juli 2026",
    );
  });
});

describe("a code a definition is asked of", () => {
  const texts = [
    "Kommunens budget omfattar all kommunal verksamhet och beskriver de prioriterade målen.",
    "Budgeten beslutas av kommunfullmäktige i juni varje år och fördelar resurserna mellan nämnderna.",
    "Handläggarna använder bedömningsinstrumentet FIA (Förutsättningar inför arbete) vid kartläggningen.",
  ];
  const prepared = prepareCorpus(
    sentencesCorpus(
      document("ib", { title: "Revidering av internbudget 2019", year: 2019 }),
      { documentId: "ib", ordinal: 0, number: null, heading: "Ärende", level: 1, text: "" },
      texts,
    ),
  );
  it("is answered where the code is spelled out, not by the words around it", () => {
    const answer = answerFromCorpus(prepared, "Vad står FIA för i budgeten?", { today: "2019-03-01" });
    expect(answer.citations[0]?.quote).toContain("Förutsättningar inför arbete");
  });
});

describe("a year asked for that has an agreement of its own", () => {
  // Last year's agreement and this year's, which gives last year's outcome beside its target.
  const sectionOf = (documentId: string, heading: string): CorpusSection => ({
    documentId,
    ordinal: 0,
    number: "3",
    heading,
    level: 1,
    text: "",
  });
  const passageOf = (documentId: string, ordinal: number, text: string): CorpusPassage => ({
    documentId,
    ordinal,
    section: 0,
    block: ordinal,
    position: 0,
    kind: "sentence",
    text,
    label: null,
    context: null,
    terms: "",
  });
  const prepared = (thisYear: string) =>
    prepareCorpus({
      documents: [
        document("kn25", { agreementId: "kn-kf-2025", title: "Uppdragsplan 2025 Kulturnämnden", year: 2025 }),
        document("kn26", { agreementId: "kn-kf-2026", title: "Uppdragsplan 2026 Kulturnämnden", year: 2026 }),
      ],
      sections: [sectionOf("kn25", "Bibliotek"), sectionOf("kn26", "Konsthallen")],
      passages: [
        passageOf("kn25", 0, "Biblioteken ska ha öppet minst 50 timmar i veckan under 2025."),
        passageOf("kn26", 0, thisYear),
      ],
      deadlines: [],
      economyLines: [],
    });
  const ask = (corpus: ReturnType<typeof prepared>) =>
    answerFromCorpus(corpus, "Hur många besökare hade konsthallen 2025?", { today: "2026-02-01" });
  it("is still answered by another year's agreement where it speaks of that year", () => {
    const answer = ask(prepared("Konsthallen hade 24 600 besökare under 2025; målvärdet för 2026 är 28 000."));
    expect(answer.citations[0]?.quote).toContain("24 600");
  });
  it("is not answered by another year's agreement that never names it", () => {
    expect(ask(prepared("Konsthallen ska nå 28 000 besökare under 2026.")).found).toBe(false);
  });
});

describe("a figure of a thing the documents never name", () => {
  const prepared = prepareCorpus(
    sentencesCorpus(
      document("bu", {
        agreementId: "bun-bu-2026",
        title: "Överenskommelse 2026",
        committee: "Barn- och utbildningsnämnden",
      }),
      { documentId: "bu", ordinal: 0, number: "5", heading: "Ekonomi", level: 1, text: "" },
      [
        "Förskola – Budget 2026: 312 400 tkr.",
        "Skolskjuts – Budget 2026: 24 600 tkr.",
        "Skolans lokaler underhålls av förvaltningen.",
      ],
    ),
  );
  const ask = (q: string) => answerFromCorpus(prepared, q, { today: "2026-03-01" });
  it("is not answered by a figure of something that only shares a part of its name", () => {
    expect(ask("Hur mycket är budgeterat för skolmåltider 2026?").found).toBe(false);
    expect(ask("Hur stor budget har förskolans skolmåltider 2026?").found).toBe(false);
  });
  it("is answered where the thing is named", () => {
    expect(ask("Hur mycket är budgeterat för skolskjuts 2026?").text).toContain("24 600");
  });
});

describe("a section whose heading names the question", () => {
  // Written for this test: many sentences repeat the question's words, the one that answers it only
  // stands under a heading that names them.
  const sections: CorpusSection[] = [
    { documentId: "ib", ordinal: 0, number: "1", heading: "Verksamhet", level: 1, text: "" },
    { documentId: "ib", ordinal: 1, number: "2", heading: "Uppföljning och utvärdering", level: 1, text: "" },
  ];
  const passages: CorpusPassage[] = [
    "Internbudgeten fördelar nämndens ram på verksamheterna.",
    ...Array.from({ length: 30 }, (_, i) => `Uppföljning och utvärdering av verksamhet ${i + 1} beskrivs i planen.`),
    "Sker i samband med delårsrapport 30 april, 31 augusti samt bokslut.",
  ].map((text, i) => ({
    documentId: "ib",
    ordinal: i,
    section: i <= 30 ? 0 : 1,
    block: i,
    position: 0,
    kind: "sentence" as const,
    text,
    label: null,
    context: null,
    terms: "",
  }));
  const prepared = prepareCorpus({
    documents: [document("ib", { title: "Revidering av internbudget 2019", year: 2019 })],
    sections,
    passages,
    deadlines: [],
    economyLines: [],
  });
  it("is read when the sentences that repeat its words do not answer", () => {
    const answer = answerFromCorpus(prepared, "När sker uppföljning och utvärdering av internbudgeten?", {
      today: "2019-03-01",
    });
    expect(answer.citations[0]?.quote).toContain("30 april");
  });
});

describe("a question for a person's name", () => {
  const corpusWith = (texts: string[]) =>
    prepareCorpus(
      sentencesCorpus(
        document("up", { agreementId: "sn-sk-2026", title: "Uppdragsplan 2026", committee: "Socialnämnden" }),
        { documentId: "up", ordinal: 0, number: "1", heading: "Samverkan", level: 1, text: "" },
        texts,
      ),
    );
  const meetings = "Kontoret deltar i samverkansmöten med nämndens ordförande och sakkunniga varje månad.";
  it("is answered only by a window that names one", () => {
    const ask = (prepared: ReturnType<typeof prepareCorpus>) =>
      answerFromCorpus(prepared, "Vem är ordförande i socialnämnden?", { today: "2026-03-01" });
    expect(ask(corpusWith([meetings])).found).toBe(false);
    const signed = ask(corpusWith([meetings, "Ulla-Britt Sandin (KD), ordförande i socialnämnden"]));
    expect(signed.citations[0]?.quote).toContain("Ulla-Britt Sandin");
  });
});

describe("a row labelled with a synonym of the question's word", () => {
  // "Kostnad" is money, as "budgetram" is, but a row about consultants' cost is no budget frame.
  const sections: CorpusSection[] = [
    { documentId: "up", ordinal: 0, number: "5", heading: "Mål 5 Stabil personal", level: 1, text: "" },
    { documentId: "up", ordinal: 1, number: "6", heading: "Ekonomi", level: 1, text: "" },
  ];
  const passages: CorpusPassage[] = [
    [
      0,
      "tableRow",
      "5.2 Kostnad för inhyrda konsulter, tkr – Utgångsvärde: 4 300 – Målvärde 2026: högst 1 500",
      "5.2 Kostnad för inhyrda konsulter, tkr",
    ],
    [1, "sentence", "Socialnämndens budgetram för 2026 är 293 950 tkr.", null],
    [1, "sentence", "Ramen har räknats upp med 2,1 procent jämfört med 2025.", null],
  ].map(([section, kind, text, label], i) => ({
    documentId: "up",
    ordinal: i,
    section: section as number,
    block: i,
    position: 0,
    kind: kind as CorpusPassage["kind"],
    text: text as string,
    label: label as string | null,
    context: null,
    terms: "",
  }));
  const prepared = prepareCorpus({
    documents: [document("up", { agreementId: "sn-sk-2026", title: "Uppdragsplan 2026", committee: "Socialnämnden" })],
    sections,
    passages,
    deadlines: [],
    economyLines: [],
  });
  it("answers from the sentence that names the frame", () => {
    const answer = answerFromCorpus(prepared, "Hur stor är budgetramen för 2026?", { today: "2026-03-01" });
    expect(answer.citations[0]?.quote).toContain("293 950");
  });
});

describe("the day something happens, beside the reports about it", () => {
  const base = corpus();
  const report = {
    ...base.deadlines[0]!,
    key: "tn-oppen",
    title: "Lägesrapport Öppen ingång",
    date: "2026-10-20",
    meetingDate: "2026-10-20",
    period: null,
    periodCode: null,
    occasion: null,
  };
  const prepared = prepareCorpus({
    ...base,
    passages: [
      ...base.passages,
      {
        documentId: "tn",
        ordinal: 999,
        section: 4,
        block: 999,
        position: 0,
        kind: "sentence",
        text: "Mottagningen Öppen ingång ska öppna för besökare den 1 april 2026 i stadshuset.",
        label: null,
        context: null,
        terms: "",
      },
    ],
    deadlines: [report],
  });
  it.each([
    ["När ska Öppen ingång öppna?", true],
    ["When must the team be up and running?", true],
    ["När kan de boende flytta in?", true],
    ["När ska lägesrapporten om Öppen ingång lämnas?", false],
    ["When is the report on the team due?", false],
  ])("%s asks when something happens: %s", (question, expected) => {
    expect(asksEvent(question)).toBe(expected);
  });

  it("gives the text's day with the items", () => {
    const answer = answerFromCorpus(prepared, "När ska Öppen ingång öppna?", { today: "2026-01-10" });
    expect(answer.text).toContain("1 april 2026");
    expect(answer.deadlines.map((d) => d.date)).toContain("2026-10-20");
  });
});

describe("a goal's criteria under a subheading of its own", () => {
  // "Måluppfyllelse" under each goal: the criteria are about the goal above, at the level they state.
  const sections: CorpusSection[] = [
    { documentId: "up", ordinal: 0, number: "4", heading: "Nämndens mål 2026", level: 1, text: "" },
    {
      documentId: "up",
      ordinal: 1,
      number: "Mål 1",
      heading: "Fler vuxna ska gå vidare till arbete",
      level: 2,
      text: "",
    },
    { documentId: "up", ordinal: 2, number: null, heading: "Måluppfyllelse", level: 2, text: "" },
    { documentId: "up", ordinal: 3, number: "Mål 2", heading: "Alla ska ha ett tryggt boende", level: 2, text: "" },
    { documentId: "up", ordinal: 4, number: null, heading: "Måluppfyllelse", level: 2, text: "" },
  ];
  const sentences: Array<[number, string]> = [
    [1, "Socialkontoret ska tillsammans med arbetsmarknadsenheten stödja fler vuxna till arbete."],
    [2, "Målet är uppfyllt om minst två av tre indikatorer når målvärdet."],
    [2, "Målet är delvis uppfyllt om en indikator når målvärdet."],
    [3, "Ingen ska behöva sova ute, och fler ska få ett eget kontrakt."],
    [4, "Målet är uppfyllt när samtliga indikatorer når målvärdet."],
    [4, "Målet är delvis uppfyllt när hälften av indikatorerna når målvärdet."],
  ];
  const passages: CorpusPassage[] = sentences.map(([section, text], i) => ({
    documentId: "up",
    ordinal: i,
    section,
    block: section,
    position: i,
    kind: "sentence",
    text,
    label: null,
    context: null,
    terms: "",
  }));
  const prepared = prepareCorpus({
    documents: [document("up", { agreementId: "sn-sk-2026", title: "Uppdragsplan 2026", committee: "Socialnämnden" })],
    sections,
    passages,
    deadlines: [],
    economyLines: [],
  });
  it.each([
    ["Vad krävs för att målet om vuxna i arbete ska räknas som uppfyllt?", "minst två av tre"],
    ["När är målet om tryggt boende bara delvis uppfyllt?", "hälften"],
    ["När räknas målet om tryggt boende som uppfyllt?", "samtliga indikatorer"],
  ])("%s → %s", (question, fact) => {
    const answer = answerFromCorpus(prepared, question, { today: "2026-03-01" });
    expect(answer.intent).toBe("content");
    expect(answer.citations[0]?.quote).toContain(fact);
  });
});

describe("the year a full-year report is of", () => {
  const base = corpus();
  const spring = base.deadlines[0]!;
  const fullYear = (key: string, date: string) => ({
    ...spring,
    key,
    date,
    meetingDate: date,
    submissionDate: null,
    title: "Helårsrapport med måluppfyllelse",
    period: "helår",
    periodCode: "H",
    occasion: "helar" as const,
  });
  // The agreement of 2026 has the full-year report of 2025 in February and its own in February 2027.
  const prepared = prepareCorpus({
    ...base,
    deadlines: [fullYear("tn-h-2025", "2026-02-17"), fullYear("tn-h-2026", "2027-02-16")],
  });
  it.each([
    ["När ska helårsrapporten för 2026 lämnas?", "2027-02-16", "2026-02-17"],
    ["When is the full-year report for 2025 presented?", "2026-02-17", "2027-02-16"],
  ])("%s: %s, not %s", (question, listed, other) => {
    const answer = answerFromCorpus(prepared, question, { today: "2026-01-10" });
    const dates = answer.deadlines.map((d) => d.date);
    expect(dates).toContain(listed);
    expect(dates).not.toContain(other);
  });
});

describe("answers from a small corpus", () => {
  const prepared = prepareCorpus(corpus());
  const ask = (question: string) => answerFromCorpus(prepared, question, { today: "2026-03-01" });

  it("lists the rows a caption introduces, by the goal their label numbers", () => {
    const answer = ask("Med vilka indikatorer följs målet om robust VA-försörjning upp?");
    expect(answer.found).toBe(true);
    expect(answer.text).toContain("debiterat vatten");
    expect(answer.text).toContain("källaröversvämningar");
    expect(answer.text).not.toContain("cykelvägar med god standard");
  });

  it("answers from a heading that states a goal, and not from a heading that only names its part", () => {
    const answer = ask("Hur många nya laddplatser för elbilar ska finnas i tätorterna 2026?");
    expect(answer.found).toBe(true);
    expect(answer.text).toContain("Minst 40 nya laddplatser");
    expect(ask("Vilka övriga uppdrag finns?").text).not.toMatch(/> Övriga uppdrag$/m);
  });

  it("quotes a sentence cut across paragraphs whole", () => {
    const answer = ask("Vid vilket snödjup påbörjas plogningen av cykelvägar med prioritet 1?");
    expect(answer.text).toContain("4 cm");
  });

  it("counts the day material is due as a deadline of its own when the question asks what is due", () => {
    const base = corpus();
    // The spring report is presented on 19 May, its written material due on 28 April; an oral
    // briefing is given at the meeting of 29 April.
    const briefing = {
      ...base.deadlines[0]!,
      key: "tn-brief",
      date: "2026-04-29",
      meetingDate: "2026-04-29",
      submissionDate: null,
    };
    const withBriefing = prepareCorpus({ ...base, deadlines: [...base.deadlines, briefing] });
    const asked = (q: string) => answerFromCorpus(withBriefing, q, { today: "2026-04-27" }).deadlines.map((d) => d.key);
    expect(asked("Vilka deadlines har vi den här veckan?")).toEqual(expect.arrayContaining(["tn-v", "tn-brief"]));
    expect(asked("What's due this week?")).toEqual(expect.arrayContaining(["tn-v", "tn-brief"]));
    expect(asked("Vad ska redovisas på sammanträdet den här veckan?")).toEqual(["tn-brief"]);
  });

  it("answers honestly for a committee the named municipality has no agreement with", () => {
    // Granby's agreements are TN's and KFN's: its social services committee says nothing here.
    expect(ask("Vem är ordförande i socialnämnden i Granby?").found).toBe(false);
    expect(ask("Vad ska socialnämnden i Granby redovisa i maj?").deadlines).toEqual([]);
  });

  it("answers 'hur många' with the count of what is asked, and honestly when nothing counts it", () => {
    expect(ask("Hur många medarbetare har biblioteket?").text).toContain("18 medarbetare");
    // "14" counts schools, not branches.
    expect(ask("Hur många filialer har biblioteket?").found).toBe(false);
    // Members are named nowhere, so no figure counts them.
    expect(ask("Hur många medlemmar har filialerna i kommunen?").found).toBe(false);
  });

  it("does not answer for a compound from its first part alone", () => {
    // "skol" of "skolmåltider" is in the documents, "måltid" is not: a meal is not a school.
    expect(ask("Vad står det om skolmåltider?").found).toBe(false);
    expect(ask("Vad står det om skolor?").found).toBe(true);
  });

  it("does not answer an English phrase from the one word of it that Swedish shares", () => {
    const translator = createEnglishToSwedish({
      domain: wordSourceFromList(
        new Map([
          ["purpose", ["syfte"]],
          ["integration guidance", ["integrationsvägledning"]],
          ["integration", ["integration"]],
        ]),
      ),
      general: null,
    });
    const inEnglish = (question: string) => answerFromCorpus(prepared, question, { today: "2026-03-01" }, translator);
    expect(inEnglish("What is the purpose of integration guidance?").found).toBe(false);
    expect(inEnglish("What is the purpose of the work with integration?").found).toBe(true);
  });

  it.each(["Vilken period gäller uppdraget 6.2?", "Under vilken period ska laddinfrastrukturen utredas?"])(
    "answers '%s' with the span from the start to the end date",
    (question) => {
      const answer = ask(question);
      expect(answer.citations[0]?.quote).toContain("2026-01-01 – Slutdatum: 2027-06-30");
    },
  );

  it("answers 'hur länge' with the span from the start to the end date when no duration is stated", () => {
    expect(ask("Hur länge ska laddinfrastrukturen utredas?").citations[0]?.quote).toContain("2027-06-30");
  });

  it("counts the day a question names as part of what the answer must hold", () => {
    const answer = ask("Vad ändrades på fritidsgårdarna den 1 mars 2024?");
    expect(answer.citations[0]?.quote).toContain("Den 1 mars år 2024");
  });

  it("reaches a few sentences on for the date asked for", () => {
    const quote = ask("När ska uppdraget att se över parkeringsavgifterna återrapporteras?").citations[0]?.quote;
    // The assignment and its report date in one quote.
    expect(quote).toContain("Uppdrag att se över parkeringsavgifterna");
    expect(quote).toContain("kvartal 3 2026");
  });

  it("answers for a year from a report of no stated year only where the year is said", () => {
    expect(ask("Hur många besökare hade fritidsgården Kvarnen 2024?").text).toContain("4 300");
    // The section is about 2024; the report names 2025 elsewhere.
    expect(ask("Hur många besökare hade fritidsgården Kvarnen 2025?").found).toBe(false);
    // The report never names 2023.
    expect(ask("Vad hände på fritidsgården Kvarnen 2023?").found).toBe(false);
    expect(ask("Vad hände på fritidsgården Kvarnen 2024?").found).toBe(true);
  });

  it("quotes a rule from where its sentence begins, across a line OCR made a list item", () => {
    const answer = ask("Hur ofta ska lånet följas upp efter att det startat?");
    expect(answer.citations[0]?.quote).toContain("inom en månad");
    expect(answer.citations[0]?.quote).toContain("var 8:e vecka");
  });

  it("quotes every criterion of an enumeration whose items are paragraphs of their own", () => {
    const quote = ask("Vilka kriterier avgör om målet om läsande barn är uppfyllt?").citations[0]?.quote;
    expect(quote).toContain("60 procent");
    expect(quote).toContain("lässtunder");
    expect(quote).toContain("läsvecka");
  });

  it("answers from the structure named when no reporting item belongs to it", () => {
    // The spring report is TN's (section 6); "mål 2" is KFN's goal, whose criteria the text gives.
    const answer = ask("Vilka lässtunder i mål 2 redovisas i vårrapporten?");
    expect(answer.intent).toBe("content");
    expect(answer.citations[0]?.quote).toContain("lässtunder");
    expect(ask("Vad ska redovisas i vårrapporten?").intent).toBe("deadlines");
  });

  it("answers both halves of a question that asks two things", () => {
    const answer = ask(
      "Vem ansvarar för att öppettiderna hålls, och när redovisas vårrapporten om mål och indikatorer?",
    );
    expect(answer.intent).toBe("deadlines");
    expect(answer.deadlines.map((d) => d.key)).toEqual(["tn-v"]);
    expect(answer.also?.citations[0]?.quote).toContain("Bibliotekschefen");
    expect(answer.text).toContain("2026-05-19");
    expect(answer.text).toContain("Bibliotekschefen");
    // One question gets one answer.
    expect(ask("Vem ansvarar för att öppettiderna hålls?").also).toBeUndefined();
  });

  it("quotes both passages when two questions in one are answered in different places", () => {
    const answer = ask(
      "Vem ansvarar för att öppettiderna hålls, och hur många böcker lånades ut från biblioteken under 2025?",
    );
    expect(answer.intent).toBe("content");
    expect(answer.text).toContain("Bibliotekschefen");
    expect(answer.text).toContain("212 000");
    // The second half's sources are numbered after the first's.
    expect(answer.text).toContain(`[${answer.citations.length}]`);
    // A half that points back at the other ("… och vem leder det?") is no question of its own.
    const leaning = ask("Hur många böcker lånades ut från biblioteken under 2025, och vem ansvarar för det?");
    expect(leaning.text).not.toContain("Bibliotekschefen");
  });

  it("lists a meeting's items when the question names only the committee and the time", () => {
    // "Tekniska nämnden" names the agreement; it is no topic the text must answer instead.
    const answer = ask("Vad tar Tekniska nämnden upp på mötet i maj?");
    expect(answer.intent).toBe("deadlines");
    // (The report given only by month is May's too: the text names no meeting day for it.)
    expect(answer.deadlines.map((d) => d.key)).toEqual(["tn-maj", "tn-v"]);
  });

  it("lists a report given by month in that month, not in a week or on a day of it", () => {
    expect(ask("Vad ska redovisas i maj?").deadlines.map((d) => d.key)).toEqual(["tn-maj", "tn-v"]);
    expect(ask("Vad ska redovisas den 19 maj?").deadlines.map((d) => d.key)).toEqual(["tn-v"]);
    expect(ask("Vad ska redovisas mellan 2026-05-11 och 2026-05-22?").deadlines.map((d) => d.key)).toEqual(["tn-v"]);
  });

  it("answers what is due at the year's last meeting", () => {
    const answer = ask("Vad ska redovisas på nämndens sista sammanträde för året?");
    expect(answer.intent).toBe("deadlines");
    expect(answer.deadlines.map((d) => d.key)).toEqual(["tn-v"]);
  });

  it("gives a date the text writes in words also as an ISO date", () => {
    const answer = ask("När fattas beslutet om sommarens öppettider?");
    expect(answer.citations[0]?.quote).toContain("12 maj");
    expect(answer.text).toContain("2026-05-12");
  });

  it("quotes the sentence a pointing-back sentence leans on", () => {
    const answer = ask("Till vem skickar man de skriftliga handlingarna?");
    expect(answer.citations[0]?.quote).toContain("Anna Berg");
  });

  it("quotes the whole list a list question is answered by, not its first items", () => {
    const answer = ask("Vilka verksamheter omfattas av kultur- och fritidsnämndens överenskommelse?");
    expect(answer.citations[0]?.quote).toContain("huvudbiblioteket");
    expect(answer.citations[0]?.quote).toContain("sommarboken för barn");
  });

  it("names the person who holds the role that answers a 'vem' question", () => {
    const answer = ask("Vem ansvarar för att öppettiderna hålls?");
    expect(answer.citations[0]?.quote).toContain("Bibliotekschefen");
    expect(answer.text).toContain("Eva Lind");
    expect(answer.text).not.toContain("Bo Ek");
  });

  it("answers a year no agreement is of from the agreements' text that names it", () => {
    // No agreement here is of 2025: the 2026 agreement speaks of 2025 where it says so.
    expect(ask("Hur många böcker lånades ut från biblioteken under 2025?").text).toContain("212 000");
    expect(ask("Hur många böcker lånades ut från biblioteken under 2023?").found).toBe(false);
  });

  it("answers from a section the question names with fewer of its words", () => {
    // "Fritidsverksamheten" is not a word of the section; the section named says where to look.
    expect(ask("Vad uppgår den samlade ersättningen för året till?").found).toBe(false);
    const answer = ask("Vad uppgår den samlade ersättningen för året till enligt avsnitt 5?");
    expect(answer.text).toContain("61 200");
  });

  it("answers 'hur mycket' with an amount written out in words", () => {
    expect(ask("Hur mycket har nämnden öronmärkt för läsfrämjande insatser?").text).toContain("fem miljoner kronor");
  });

  it("takes a committee's name for one only when it ends in 'nämnd' ('nämndmålet' is a goal)", () => {
    expect(ask("Vad säger nämndmålet om torra somrar och skyfall?").found).toBe(true);
    // No agreement here is with Byggnadsnämnden.
    expect(ask("Vad säger Byggnadsnämnden om torra somrar och skyfall?").found).toBe(false);
  });

  it("narrows to the agreement that fits every party the question names", () => {
    // "Samhällsbyggnad" is a party to both agreements; "Tekniska nämnden" only to one.
    const answer = ask("Hur många timmar per vecka har Tekniska nämndens bibliotek öppet enligt Samhällsbyggnad?");
    expect(answer.found).toBe(false);
    expect(ask("Hur många timmar per vecka har huvudbiblioteket öppet enligt Samhällsbyggnad?").text).toContain("52");
  });
});

describe("a name the agreement's title gives besides its parties", () => {
  const prepared = prepareCorpus({
    documents: [
      document("on", {
        agreementId: "on-of-2026",
        title: "Uppdragsavtal 2026 mellan Omsorgsnämnden och Omsorgsförvaltningen, verksamhetsområde Funktionsstöd",
        committee: "Omsorgsnämnden",
        division: "Omsorgsförvaltningen",
      }),
      document("sn", {
        agreementId: "sn-dso-2026",
        title: "Överenskommelse 2026 mellan Socialnämnden och Division Social omsorg",
        committee: "Socialnämnden",
        division: "Division Social omsorg",
      }),
      document("an", {
        agreementId: "an-dso-2026",
        title: "Överenskommelse 2026 mellan Arbetsnämnden och Division Social omsorg",
        committee: "Arbetsnämnden",
        division: "Division Social omsorg",
      }),
    ],
    sections: [],
    passages: [],
    deadlines: [],
    economyLines: [],
  });
  const named = (question: string) =>
    [...(namedAgreements(prepared, readQuestion(question, "2026-03-01")).ids ?? [])].sort();

  it.each([
    ["Vad ska redovisas i november för Funktionsstöd?", ["on-of-2026"]],
    // A word of a party's name is read as the party, not as a name of the title.
    ["Vem svarar för social beredskap?", []],
  ])("%s → %j", (question, ids) => {
    expect(named(question)).toEqual(ids);
  });
});

describe("a committee or office named in English", () => {
  const prepared = prepareCorpus({
    documents: [
      document("tn", {
        agreementId: "tn-sbf-2026",
        title: "Uppdragsavtal 2026",
        committee: "Tekniska nämnden",
        division: "Samhällsbyggnadsförvaltningen",
      }),
      document("kfn", {
        agreementId: "kfn-kff-2026",
        title: "Resultatavtal 2026",
        committee: "Kultur- och fritidsnämnden",
        division: "Kultur- och fritidsförvaltningen",
      }),
    ],
    sections: [],
    // (The corpus's own words split the compounds of the names: "fritid" + "förvaltning".)
    passages: ["Förvaltningen ansvarar för kultur och fritid.", "Nämnden beslutar om budgeten."].map((text, i) => ({
      documentId: "kfn",
      ordinal: i,
      section: 0,
      block: i,
      position: 0,
      kind: "sentence" as const,
      text,
      label: null,
      context: null,
      terms: "",
    })),
    deadlines: [],
    economyLines: [],
  });
  // The words a dictionary gives them, as the domain lexicon and FreeDict do.
  const translator = createEnglishToSwedish({
    domain: wordSourceFromList(
      new Map([
        ["technical", ["teknisk"]],
        ["committee", ["nämnd"]],
        ["culture", ["kultur"]],
        ["leisure", ["fritid"]],
        ["administration", ["förvaltning"]],
        ["budget", ["budget"]],
      ]),
    ),
    general: null,
  });
  const named = (question: string) =>
    [...(namedAgreements(prepared, readQuestion(question, "2026-03-01", undefined, translator)).ids ?? [])].sort();

  it.each([
    ["What do we have to hand in to the technical committee in June?", ["tn-sbf-2026"]],
    ["What does the culture and leisure administration deliver in May?", ["kfn-kff-2026"]],
    ["What does the culture and leisure committee get in May?", ["kfn-kff-2026"]],
    // "Culture" alone names no party.
    ["What is the culture budget?", []],
  ])("%s → %j", (question, ids) => {
    expect(named(question)).toEqual(ids);
  });
});

describe("a question for the agreement's goals or assignments as such", () => {
  const prepared = prepareCorpus({
    documents: [
      document("kfn", {
        agreementId: "kfn-kff-2026",
        title: "Uppdragsplan 2026",
        committee: "Kultur- och fritidsnämnden",
        committeeCode: "KFN",
      }),
      document("tn", {
        agreementId: "tn-ds-2026",
        title: "Överenskommelse 2026 Tekniska nämnden – Division Samhällsbyggnad",
        committee: "Tekniska nämnden",
        committeeCode: "TN",
      }),
    ],
    assignments: [
      { agreementId: "kfn-kff-2026", kind: "mal_namnd", number: "4.1", title: "Fler barn ska simma", section: "4.1" },
      { agreementId: "kfn-kff-2026", kind: "sarskilt_uppdrag_kf", number: "4.2", title: "Ny simhall", section: "4.2" },
      { agreementId: "tn-ds-2026", kind: "mal_namnd", number: "3.1", title: "Tryggare gator", section: "3.1" },
    ],
    sections: [],
    passages: [],
    deadlines: [],
    economyLines: [],
  });
  const ask = (question: string) => answerFromCorpus(prepared, question, { today: "2026-03-01" });

  it("lists the named agreement's goals, whose committee the bare title does not say", () => {
    const answer = ask("Vilka mål har kultur- och fritidsnämnden satt för 2026?");
    expect(answer.text).toContain("Mål i Uppdragsplan 2026 (Kultur- och fritidsnämnden) (1 st)");
    expect(answer.text).toContain("4.1 Fler barn ska simma [1]");
    expect(answer.text).not.toContain("Ny simhall");
    expect(answer.citations.map((c) => c.quote)).toEqual(["4.1 Fler barn ska simma"]);
  });

  it("lists the special assignments, in English too", () => {
    const answer = ask("list the special assignments in KFN's plan");
    expect(answer.language).toBe("en");
    expect(answer.text).toContain("Special assignments in Uppdragsplan 2026");
    expect(answer.text).toContain("4.2 Ny simhall");
  });

  it("leaves a question about something besides the kind, or no agreement in particular, to the text", () => {
    expect(ask("Vilka mål finns för biblioteken i KFN:s plan?").text).not.toContain("Mål i Uppdragsplan");
    // Two agreements of the year and none named: the list would answer no one.
    expect(ask("Vilka mål finns 2026?").text).not.toContain("Mål i ");
  });
});

describe("the quarter a report is about", () => {
  it.each([
    ["Ej verkställda beslut, kvartal 3", "kvartal 3"],
    ["Besöksstatistik Q2", "kvartal 2"],
    ["Rapport för andra kvartalet", "kvartal 2"],
    ["Uppföljning 4:e kvartalet", "kvartal 4"],
    ["Delårsrapport per augusti", null],
    ["Kvartalsvis uppföljning av ekonomin", null],
  ])("%s → %s", (title, quarter) => {
    expect(quarterNamed(title)).toBe(quarter);
  });

  // Quarterly reports of one series, each due in the quarter after the one it is about.
  const base = corpus();
  const template = base.deadlines[0]!;
  const quarterly = [
    ["2026-05-20", 1],
    ["2026-08-26", 2],
    ["2026-10-21", 3],
  ].map(([date, quarter]) => ({
    ...template,
    key: `ej-verkst-${quarter}`,
    date: date as string,
    meetingDate: date as string,
    submissionDate: null,
    submissionRule: null,
    title: `Ej verkställda beslut, kvartal ${quarter}`,
    period: null,
    periodCode: null,
    occasion: null,
  }));
  // The timetable's rows, as the reader stores them.
  const rows = quarterly.map((item, i) => ({
    ...base.passages[0]!,
    ordinal: 1000 + i,
    block: 1000,
    position: i,
    kind: "tableRow" as const,
    text: `${item.title} | ${item.date} | skriftligt`,
    label: null,
    context: null,
    terms: "",
  }));
  const prepared = prepareCorpus({ ...base, passages: [...base.passages, ...rows], deadlines: quarterly });
  const ask = (question: string) =>
    answerFromCorpus(prepared, question, { today: "2026-03-01" }).deadlines.map((d) => d.key);

  it("answers a series' report on the quarter asked, not the one that falls due in it", () => {
    expect(ask("När redovisas ej verkställda beslut för tredje kvartalet?")).toEqual(["ej-verkst-3"]);
  });
  it("lists everything due in a quarter when no series is asked about", () => {
    expect(ask("Vad ska redovisas under kvartal 3?")).toContain("ej-verkst-2");
  });
});

describe("a field the question names by a compound of the parties' words", () => {
  const doc = document("aln", {
    agreementId: "aln-dvo-2026",
    title: "Överenskommelse 2026",
    committee: "Äldrenämnden",
    division: "Division Vård och omsorg",
  });
  const base = sentencesCorpus(
    doc,
    { documentId: "aln", ordinal: 0, number: "1.1", heading: "Parter och ombud", level: 2, text: "" },
    [
      "Medicinskt ansvarig sjuksköterska (MAS) är Eva Lindh.",
      "Divisionen ansvarar för omsorg om äldre i ordinärt och särskilt boende.",
      "Nämnden beslutar om mål och inriktning.",
    ],
  );
  // Another document uses the compound itself, so the question's word is one the corpus knows.
  const other = document("rapport", { title: "Rapport om kommunens verksamhet", year: null });
  const prepared = prepareCorpus({
    ...base,
    documents: [...base.documents, other],
    sections: [
      ...base.sections,
      { documentId: "rapport", ordinal: 0, number: null, heading: "Inledning", level: 1, text: "" },
    ],
    passages: [
      ...base.passages,
      { ...base.passages[0]!, documentId: "rapport", ordinal: 0, text: "Äldreomsorgen har vuxit under året." },
    ],
  });
  it("answers within the agreement of 'Äldrenämnden' and 'Vård och omsorg' for 'äldreomsorgen'", () => {
    const answer = answerFromCorpus(prepared, "Vem är MAS i äldreomsorgen?", { today: "2026-03-01" });
    expect(answer.text).toContain("Eva Lindh");
  });
});
