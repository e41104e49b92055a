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
    ["Återrapport", "text"],
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
