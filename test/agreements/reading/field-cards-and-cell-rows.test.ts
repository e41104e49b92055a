// Layouts the reader met in agreements written by others: a sheet per assignment with labelled
// fields between dotted rules, a "Vad / När / Hur / Till vem" table whose cells arrive one per line
// (a monthly row among dated ones), and a schedule of two spaced cells without a header.
import { describe, expect, it } from "vitest";
import { fieldRole, findFieldCards, listItemsOf } from "../../../src/agreements/reading/blocks/field-cards.ts";
import { withoutLeadingLabel } from "../../../src/agreements/reading/items/read-assignments.ts";
import { indicatorName } from "../../../src/agreements/reading/items/read-indicators-and-economy.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

const cards = [
  "ÖVERENSKOMMELSE 2027",
  "Fritidsnämnden (FRN) – Division Fritid (DF)",
  "",
  "§ 1  Rapportering",
  "Skriftliga underlag ska vara nämndsekreteraren tillhanda senast tio dagar före sammanträdet.",
  "",
  "-----------------------------------------------------------------------",
  "ÅTAGANDE 1                                    Typ: Grunduppdrag",
  "Rubrik:          Simhallar och friluftsbad",
  "Innehåll:        Driva två simhallar och tre friluftsbad med",
  "                 badvakter under hela säsongen.",
  "Återrapport:     Skriftlig rapport om besöksantal till",
  "                 sammanträdet den 12 oktober.",
  "-----------------------------------------------------------------------",
  "ÅTAGANDE 2                                    Typ: Nämndmål",
  "Rubrik:          Fler flickor deltar i föreningslivet",
  "Indikatorer:     – Andel flickor 7–20 år med aktivitetsstöd",
  "                   (egen statistik). Utfall 2026: 38 %. Målvärde 2027: 42 %.",
  "                 – Antal nya föreningar för unga (Kolada N09999).",
  "Återrapport:     Muntligt den 14/4.",
  "-----------------------------------------------------------------------",
  "ÅTAGANDE 3                                    Typ: Särskilt uppdrag (KF)",
  "Rubrik:          Förstudie om ett nytt aktivitetshus",
  "Start/slut:      2027-02-01 / 2027-11-30",
  "Återrapport:     Skriftlig förstudie 2027-11-30.",
  "-----------------------------------------------------------------------",
  "",
].join("\n");

describe("field cards", () => {
  it("finds each card with its label, title, kind and fields", () => {
    const found = findFieldCards(normaliseLines(cards, { dictionary: null }).lines);
    expect(found.map((c) => `${c.label} | ${c.title} | ${c.kind}`)).toEqual([
      "Åtagande 1 | Simhallar och friluftsbad | Grunduppdrag",
      "Åtagande 2 | Fler flickor deltar i föreningslivet | Nämndmål",
      "Åtagande 3 | Förstudie om ett nytt aktivitetshus | Särskilt uppdrag (KF)",
    ]);
    expect(found[0]!.fields.map((f) => `${f.label}: ${f.value}`)).toEqual([
      "Innehåll: Driva två simhallar och tre friluftsbad med badvakter under hela säsongen.",
      "Återrapport: Skriftlig rapport om besöksantal till sammanträdet den 12 oktober.",
    ]);
    expect(listItemsOf(found[1]!.fields[0]!)).toHaveLength(2);
  });

  it("is no card when it stands alone: one labelled block is a form", () => {
    const one = cards.split("ÅTAGANDE 2")[0]!;
    expect(findFieldCards(normaliseLines(one, { dictionary: null }).lines)).toEqual([]);
  });

  it.each([
    ["Indikatorer", "indicators"],
    ["Nyckeltal", "indicators"],
    ["Start/slut", "period"],
    ["Återrapport", "when"],
    ["Senast", "due"],
    ["Innehåll", "text"],
  ])("a field labelled %s holds %s", (label, role) => {
    expect(fieldRole(label)).toBe(role);
  });

  it("reads the cards into assignments of their kinds, indicators and reporting items", () => {
    const parsed = readAgreement({ text: cards }, { treatAs: "agreement" });
    expect(parsed.assignments.map((a) => `${a.number} ${a.kind} ${a.title}`)).toEqual([
      "1 grunduppdrag Simhallar och friluftsbad",
      "2 mal_namnd Fler flickor deltar i föreningslivet",
      "3 sarskilt_uppdrag_kf Förstudie om ett nytt aktivitetshus",
    ]);
    expect(parsed.indicators.map((i) => `${i.name} (${i.source})`)).toEqual([
      "Andel flickor 7–20 år med aktivitetsstöd (Egen statistik)",
      "Antal nya föreningar för unga (Kolada)",
    ]);
    const byKey = new Map(parsed.assignments.map((a) => [a.key, a.number]));
    expect(
      parsed.reportingItems
        .filter((i) => i.date)
        .map((i) => `${i.date} ${i.form} ${byKey.get(i.assignmentKey ?? "")} ${i.submissionDate ?? "-"}`),
    ).toEqual(["2027-10-12 written 1 2027-10-02", "2027-04-14 oral 2 -", "2027-11-30 written 3 2027-11-20"]);
    const third = parsed.assignments[2]!;
    expect([third.startDate, third.endDate]).toEqual(["2027-02-01", "2027-11-30"]);
  });
});

describe("a table whose cells arrive one per line, a row of lines per row", () => {
  const text = [
    "Uppdragsplan 2027 för Fritidskontoret",
    "",
    "5. Rapportering",
    "",
    "Vad",
    "När",
    "Hur",
    "Till vem",
    "Besöksstatistik för simhallarna",
    "Varje månad, senast den 5:e, mars–oktober. Avser föregående månad.",
    "Skriftlig rapport",
    "Nämndens presidium",
    "Verksamhetsberättelse 2026",
    "Nämndens sammanträde 2027-02-16",
    "Skriftlig",
    "Nämnden",
    "Delårsrapport per 31 augusti",
    "Nämndens sammanträde 2027-09-21",
    "Skriftlig och muntlig",
    "Nämnden",
    "",
  ].join("\n");

  it("keeps each row's cells together, the monthly row on its own days", () => {
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    const items = parsed.reportingItems.filter((i) => i.date).map((i) => `${i.date} ${i.title}`);
    expect(items).toContain("2027-02-16 Verksamhetsberättelse 2026");
    expect(items).toContain("2027-09-21 Delårsrapport per 31 augusti");
    const monthly = items.filter((i) => i.includes("Besöksstatistik")).map((i) => i.slice(0, 10));
    expect(monthly).toEqual([
      "2027-03-05",
      "2027-04-05",
      "2027-05-05",
      "2027-06-05",
      "2027-07-05",
      "2027-08-05",
      "2027-09-05",
      "2027-10-05",
    ]);
  });
});

describe("a schedule of two spaced cells without a header", () => {
  const text = [
    "Överenskommelse 2027 mellan Fritidsnämnden och Division Fritid",
    "",
    "4. Uppföljning",
    "",
    "Utöver återrapporteringen ovan gäller följande:",
    "",
    "Verksamhetsberättelse 2026          Skriftlig, sammanträdet 2027-02-16",
    "Uppföljning av internkontroll       Skriftlig, sammanträdet 2027-12-07",
    "",
  ].join("\n");

  it("names each report by its first cell", () => {
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    expect(parsed.reportingItems.map((i) => `${i.date} ${i.form} ${i.title}`)).toEqual([
      "2027-02-16 written Verksamhetsberättelse 2026",
      "2027-12-07 written Uppföljning av internkontroll",
    ]);
  });
});

describe("names read from labelled text", () => {
  it.each([
    ["Mål 1 – Äldre ska känna sig trygga", "Äldre ska känna sig trygga"],
    ["KF-mål K1: Invånarna ska ha en hälsosam livsstil", "Invånarna ska ha en hälsosam livsstil"],
    ["Inriktningsmål: Matsvinnet ska minska", "Matsvinnet ska minska"],
    ["Kommunfullmäktiges mål: Norrbäck ska minska sin klimatpåverkan", "Norrbäck ska minska sin klimatpåverkan"],
    ["Uppdrag B: Förstudie om bad", "Förstudie om bad"],
    ["Målet om trygghet", "Målet om trygghet"],
  ])("assignment title %s → %s", (heading, title) => {
    expect(withoutLeadingLabel(heading)).toBe(title);
  });

  it.each([
    ["Andel nöjda besökare (Kolada N123). Utfall 2026: 80 %. Målvärde 2027: 85 %.", "Andel nöjda besökare"],
    ["Antal barn (egen statistik). Ingen målnivå, följs över tid.", "Antal barn"],
    // A bracket that names no source is part of the name.
    ["Väntetid till första samtal (dagar)", "Väntetid till första samtal (dagar)"],
    // The target in brackets is a value; the source after a full stop goes too.
    ["Handläggningstid till beslut, median (målvärde: högst 4 veckor)", "Handläggningstid till beslut, median"],
    ["Andel genomförda besök (mål 2026: 90 %)", "Andel genomförda besök"],
    ["Antal deltagare i arbete. Källa: Lifecare. Utfall 2025: 9.", "Antal deltagare i arbete"],
  ])("indicator %s → %s", (text, name) => {
    expect(indicatorName(text)).toBe(name);
  });
});

describe("what goes into a report the document dates that month", () => {
  const text = [
    "Överenskommelse 2027 mellan Fritidsnämnden och Division Fritid",
    "",
    "4. Uppföljning",
    "",
    "Kvalitetsrapporten lämnas skriftligt till nämndens sammanträde 2027-06-08.",
    "",
    "Besöksenkäten genomförs i mars. Resultaten redovisas i kvalitetsrapporten i juni.",
    "",
    "Helårsrapporten för 2027 lämnas i februari 2028.",
    "",
  ].join("\n");

  it("is part of that report; a report named by month alone stays an item", () => {
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    expect(parsed.reportingItems.map((i) => `${i.date} ${i.precision}`).sort()).toEqual([
      "2027-06-08 day",
      "2028-02 month",
    ]);
  });
});

describe("a memo of labelled fields, indented and scanned", () => {
  const memo = [
    "  FJÄLLBY KOMMUN                                   PROMEMORIA",
    "",
    "  Ärende:  UPPDRAGSAVTAL 2027 MELLAN FRITIDSNÄMNDEN OCH FRITIDSFÖRVALTNINGEN",
    "",
    "  Fritidsnämndens sammanträden 2027 (tisdagar):",
    "  26/1   23/2   23/3   20/4   18/5   15/6   21/9   19/10",
    "",
    "  2. MÅL OCH UPPDRAG",
    "",
    "  MÅL 1   Fler unga ska simma",
    "",
    "  Beskrivning:  Simskolan ska erbjudas alla elever i",
    "                årskurs 3.",
    "  Ansvarig:     Eva Lund, badchef",
    "  Redovisas till: Fritidsnämnden 18/5 och 19/10",
    "  Form:         muntlig",
    "",
    "  MÅL 2   Fler ska använda motionsspåren",
    "",
    "  Beskrivning:  Spåren ska belysas.",
    "  Redovisas till: Fritidsnämnden vecka 38",
    "  Form:         muntlig",
    "",
    "  3. ÖVRIG REDOVISNING",
    "",
    "  Verksamhetsberättelse 2026",
    "  Ansvarig:       Eva Lund",
    "  Redovisas till: Fritidsnämnden 23/2",
    "  Senast:         9/2",
    "  Form:           skriftlig",
    "",
    "  Delårsrapport per den 31 augusti 2027",
    "  Ansvarig:       Eva Lund",
    "  Redovisas till: Fritidsnämnden 19/10",
    "  Senast:         5/10",
    "  Form:           skriftlig",
    "",
  ].join("\n");

  it("reads the subject line as the title, the cards as goals and the scheduled fields as reports", () => {
    const parsed = readAgreement({ text: memo }, { treatAs: "agreement" });
    expect(parsed.facts.title.toLowerCase()).toBe("uppdragsavtal 2027 mellan fritidsnämnden och fritidsförvaltningen");
    expect(parsed.assignments.map((a) => `${a.number} ${a.title}`)).toEqual([
      "1 Fler unga ska simma",
      "2 Fler ska använda motionsspåren",
    ]);
    expect(
      parsed.reportingItems.map((i) => `${i.date} ${i.submissionDate ?? "-"} ${i.form} ${i.title}`).sort(),
    ).toEqual([
      "2027-02-23 2027-02-09 written Verksamhetsberättelse 2026",
      "2027-05-18 - oral Fler unga ska simma",
      // "vecka 38" is the week's meeting in the document's list of meeting days.
      "2027-09-21 - oral Fler ska använda motionsspåren",
      "2027-10-19 - oral Fler unga ska simma",
      "2027-10-19 2027-10-05 written Delårsrapport per den 31 augusti 2027",
    ]);
  });
});
