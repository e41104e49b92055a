// More layouts from agreements written by others: occasions the document dates itself and then
// names by code, Word exports whose headings and bullets are set off by tabs, an indicator table of
// names and values across a page break, and goal labels that come back in later tables.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { occasionEntry } from "../../../src/agreements/reading/items/document-occasions.ts";
import { withoutLeadingLabel } from "../../../src/agreements/reading/items/read-assignments.ts";
import { indicatorName } from "../../../src/agreements/reading/items/read-indicators-and-economy.ts";
import { normaliseLines, runningHeaders } from "../../../src/agreements/reading/normalise-lines.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

describe("an occasion the document defines", () => {
  it.each([
    [
      "T1 – tertialrapport 1, avser januari–april och behandlas av nämnden den 21 maj 2027.",
      "T1 Tertialrapport 1 2027-05-21 T1",
    ],
    [
      "T2 – delårsrapport, avser januari–augusti och behandlas den 23 september 2027.",
      "T2 Delårsrapport 2027-09-23 T2,D",
    ],
    ["T3 – verksamhetsberättelse, behandlas av nämnden i februari 2028.", "T3 Verksamhetsberättelse 2028-02 T3,H"],
    // A line that names no time defines no occasion.
    ["T1 – tertialrapport 1 enligt kommunens mall.", null],
  ])("%s", (text, expected) => {
    const occasion = occasionEntry(text, 2027, 0);
    const value = occasion
      ? `${occasion.code} ${occasion.name} ${occasion.mention.precision === "day" ? occasion.mention.date : occasion.mention.month} ${occasion.periods.join(",")}`
      : null;
    expect(value).toBe(expected);
  });
});

const plan = [
  "Uppdragsplan 2027",
  "",
  "1\tOm uppdragsplanen",
  "",
  "Nämnden följer upp verksamheten vid tre tillfällen:",
  "",
  "•\tT1 – tertialrapport 1, avser januari–april och behandlas av nämnden den 20 maj 2027.",
  "",
  "•\tT2 – delårsrapport, avser januari–augusti och behandlas av nämnden den 23 september 2027.",
  "",
  "•\tT3 – verksamhetsberättelse, avser hela året och behandlas av nämnden i februari 2028.",
  "",
  "Tertialrapporterna T1, T2 och T3 lämnas skriftligt.",
  "",
  "2\tMål och uppdrag 2027",
  "",
  "2.1\tNämndmål: Fler barn ska simma",
  "",
  "Indikatorer och målvärden 2027:",
  "",
  "•\tAndel elever i årskurs 6 som klarar simkunnighetskravet – målvärde 95 procent",
  "",
  "•\tAntal simskoleplatser – målvärde 400",
  "",
  "Återrapportering: Målet följs upp i T1 och T3.",
  "",
  "2.2\tSärskilt uppdrag: Ny simhall (uppdrag från kommunfullmäktige)",
  "",
  "En lägesrapport lämnas i tertialrapport 1.",
  "",
].join("\n");

describe("a Word export whose headings and bullets are set off by tabs", () => {
  const parsed = readAgreement({ text: plan }, { treatAs: "agreement" });

  it("reads the numbered headings and the kind before the colon", () => {
    expect(parsed.assignments.map((a) => `${a.number} ${a.kind} ${a.title}`)).toEqual([
      "2.1 mal_namnd Fler barn ska simma",
      "2.2 sarskilt_uppdrag_kf Ny simhall",
    ]);
  });

  it("reads the bullets as a list of indicators, without their target values", () => {
    expect(parsed.indicators.map((i) => i.name)).toEqual([
      "Andel elever i årskurs 6 som klarar simkunnighetskravet",
      "Antal simskoleplatser",
    ]);
  });

  it("dates what is reported at an occasion by the occasion, and names the occasions' own lines", () => {
    const numberOf = new Map(parsed.assignments.map((a) => [a.key, a.number]));
    expect(
      parsed.reportingItems
        .filter((i) => i.date)
        .map((i) => `${i.date} ${numberOf.get(i.assignmentKey ?? "") ?? "-"} ${i.assignmentKey ? "" : i.title}`.trim())
        .sort(),
    ).toEqual([
      "2027-05-20 - Tertialrapport 1 (T1)",
      "2027-05-20 2.1",
      "2027-05-20 2.2",
      "2027-09-23 - Delårsrapport (T2)",
      "2028-02 - Verksamhetsberättelse (T3)",
      "2028-02 2.1",
    ]);
    // "Tertialrapporterna T1, T2 och T3 lämnas skriftligt" says what the occasions are: no item of its own.
    expect(parsed.reportingItems.filter((i) => !i.date)).toEqual([]);
  });
});

describe("an indicator table of names and values, broken by a page", () => {
  const text = [
    "Överenskommelse 2027 mellan Fritidsnämnden och Division Fritid",
    "",
    ...Array.from({ length: 6 }, (_, k) => `Inledningen beskriver del ${k + 1} av överenskommelsen.`),
    "3 Mål",
    "Mål 1: Fler ska röra sig",
    "Nämnden vill att fler rör sig.",
    "Mål 2: Fler ska läsa",
    "Nämnden vill att fler läser.",
    "",
    "4 Indikatorer och målvärden",
    "Indikator",
    "Målvärde 2027",
    "Mål 1: Andel invånare som motionerar minst en gång i",
    "veckan",
    "minst 60 %",
    "Mål 1: Antal besök i motionsspåren",
    "120 000",
    "Fritidskommunen 2026-12-01 Sida 3 av 5",
    "",
    "ÖVERENSKOMMELSE 2027 FRN – DF",
    "",
    "Mål 2: Antal utlån per invånare",
    "högst 9",
    "Källan är kommunens egen statistik.",
    "",
    "5 Ekonomi",
    ...Array.from({ length: 8 }, (_, k) => `Ersättningen för verksamhet ${k + 1} betalas ut varje månad.`),
    "Fritidskommunen 2026-12-01 Sida 4 av 5",
    "",
    "ÖVERENSKOMMELSE 2027 FRN – DF",
    "",
    "6 Underskrifter",
    ...Array.from({ length: 8 }, (_, k) => `Underskrift ${k + 1} lämnas av ordföranden.`),
    "Fritidskommunen 2026-12-01 Sida 5 av 5",
  ].join("\n");

  it("keeps each name with its value and the goals as they were first given", () => {
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    expect(parsed.assignments.map((a) => a.title)).toEqual(["Fler ska röra sig", "Fler ska läsa"]);
    expect(parsed.indicators.map((i) => i.name)).toEqual([
      "Andel invånare som motionerar minst en gång i veckan",
      "Antal besök i motionsspåren",
      "Antal utlån per invånare",
    ]);
  });

  it("takes the line that comes back under each footer for the next page's header", () => {
    const raw = text.split("\n");
    const running = runningHeaders(raw);
    expect([...running].map((i) => raw[i]).filter((l) => l!.startsWith("ÖVERENSKOMMELSE"))).toHaveLength(2);
    expect(
      normaliseLines(text, { dictionary: null }).lines.find((l) => l.text.startsWith("ÖVERENSKOMMELSE 2027 FRN")),
    ).toBeUndefined();
  });
});

describe("labels off names", () => {
  it.each([
    ["Nämndmål: Fler barn ska simma", "Fler barn ska simma"],
    ["Särskilt uppdrag: Ny simhall (uppdrag från kommunfullmäktige)", "Ny simhall"],
    ["Mål för året", "Mål för året"],
  ])("assignment %s → %s", (heading, title) => {
    expect(withoutLeadingLabel(heading)).toBe(title);
  });
  it.each([
    ["Mål 2: Andel brukare som är nöjda", "Andel brukare som är nöjda"],
    ["Antal meröppna bibliotek – målvärde 4", "Antal meröppna bibliotek"],
  ])("indicator %s → %s", (text, name) => {
    expect(indicatorName(text)).toBe(name);
  });
});

describe("a schedule with the written material's due day in a column of its own", () => {
  const text = [
    "Överenskommelse 2027 mellan Fritidsnämnden och Division Fritid",
    "",
    "5 Rapporteringsplan",
    "",
    "Ärende | Sammanträde | Handlingar senast | Form",
    "Verksamhetsberättelse 2026 | 2027-02-16 | 2027-02-02 | Skriftlig",
    "Besöksstatistik | 2027-04-20, 2027-10-19 | 2027-04-06, 2027-10-05 | Skriftlig",
    "Lägesrapport simhall | 2027-06-08 | – | Muntlig",
    "",
    "Nämndens sammanträden 2027: 16 februari, 20 april, 8 juni och 19 oktober.",
    "",
  ].join("\n");

  it("gives each meeting its due day, in order, and no report of its own to the due days", () => {
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    expect(
      parsed.reportingItems.map((i) => `${i.date} ${i.submissionDate ?? "-"} ${i.form} ${i.title}`).sort(),
    ).toEqual([
      "2027-02-16 2027-02-02 written Verksamhetsberättelse 2026",
      "2027-04-20 2027-04-06 written Besöksstatistik",
      "2027-06-08 - oral Lägesrapport simhall",
      "2027-10-19 2027-10-05 written Besöksstatistik",
    ]);
  });
});

describe("a field's name labels its passage", () => {
  it("labels a short 'Ansvarig: …' paragraph, not a sentence with a lead-in", () => {
    const text = [
      "Uppdragsplan 2027 för Fritidskontoret",
      "",
      "2.1 Simskola",
      "",
      "Ansvarig: Eva Lund, badchef",
      "",
      "Volymer och ersättningar: Utifrån de verksamheter som överenskommits fördelas resurserna enligt tabellen nedan, som visar varje verksamhets ersättning för året.",
      "",
    ].join("\n");
    const passages = readAgreement({ text }, { treatAs: "agreement" }).passages;
    expect(passages.find((p) => p.text.startsWith("Ansvarig"))?.label).toBe("Ansvarig");
    expect(passages.find((p) => p.text.startsWith("Volymer"))?.label).toBeNull();
  });
});

describe("a letter in numbered paragraphs", () => {
  const text = [
    "Överenskommelse 2026 mellan Fritidsnämnden och Division Fritid",
    "",
    "§ 1  Syfte",
    "Överenskommelsen reglerar verksamheten.",
    "",
    "§ 2  Löpande rapportering",
    "a) Avvikelser anmäls till nämnden.",
    "b) Besöksstatistik lämnas kvartalsvis.",
    "",
    "§ 3  Uppdrag",
    "",
    "Uppdrag 1 – Ny simhall",
    "Divisionen utreder en ny simhall.",
    "",
    "§ 4  Återrapportering",
    "Uppdrag 1 redovisas skriftligt vid sammanträdet den tjugotredje september.",
    "",
  ].join("\n");

  it("reads § paragraphs as sections, their lettered points apart from the heading", () => {
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    expect(parsed.sections.map((s) => `${s.number ?? "-"} ${s.heading}`)).toContain("2 Löpande rapportering");
    // (The item is named as the sentence names it; it is not linked to the assignment yet.)
    expect(parsed.reportingItems.filter((i) => i.date).map((i) => `${i.date} ${i.form} ${i.title}`)).toEqual([
      "2026-09-23 written Uppdrag 1",
    ]);
  });
});

describe("a year wheel of month headings over lists", () => {
  const text = [
    "Uppdragsavtal 2027 mellan Fritidsnämnden och Fritidsförvaltningen",
    "",
    "5 Årshjul 2027 (uppföljning och återrapportering)",
    "",
    "Nämndens sammanträden 2027: 18 februari, 18 mars, 15 april och 10 juni.",
    "",
    "MARS",
    "- Lägesrapport simskolan (muntlig till presidiet)",
    "",
    "APRIL",
    "- 15 apr: Kvartalsrapport 1 (skriftlig)",
    "- Besöksstatistik för badet (skriftlig)",
    "",
    "JULI",
    "- Sommaruppehåll – inga ärenden",
    "",
  ].join("\n");

  it("dates an entry without a day by its month; the committee's meeting only when it goes to the committee", () => {
    const parsed = readAgreement({ text }, { treatAs: "agreement" });
    expect(parsed.reportingItems.map((i) => `${i.date} ${i.title}`).sort()).toEqual([
      // To the presidium: not at the committee's March meeting, so by month.
      "2027-03 Lägesrapport simskolan (muntlig till presidiet)",
      "2027-04-15 Besöksstatistik för badet",
      "2027-04-15 Kvartalsrapport 1",
    ]);
  });
});

describe("a Word export's wrapped table cells and its 'Återrapportering:' paragraphs", () => {
  const text = [
    "Internt uppdragsavtal 2026 mellan Tekniska nämnden och Samhällsbyggnadsförvaltningen",
    "",
    "Avtalet gäller under kalenderåret 2026. Förvaltningen återrapporterar till nämnden enligt nedan.",
    "",
    "3\tGrunduppdrag",
    "",
    "3.1\tGata och trafik",
    "",
    "Förvaltningen ska sköta gator och gång- och cykelvägar.",
    "",
    "Indikator\tUtgångsvärde\tMålvärde 2026\tAnsvarig enhet",
    "Andel snöröjningstillfällen där prioriterade\t82 %\t90 %\tGata och trafik",
    "gång- och cykelvägar röjts inom 4 timmar",
    "Antal polisrapporterade olyckor med gående\t23 (2024)\thögst 18\tTrafiksäkerhet och",
    "och cyklister (STRADA)\t\t\tparkering",
    "Andel gatubelysning med LED-armaturer\t64 %\t80 %\tGata och trafik",
    "",
    "Återrapportering: Beläggningsprogrammet 2026 redovisas skriftligt vid nämndens sammanträde",
    "den 24 september (handlingar senast 3 september).",
    "",
    "6\tEkonomi",
    "",
    "6.3\tEkonomisk återrapportering",
    "",
    "Återrapportering: Tertialrapport 1 med ekonomiskt utfall och helårsprognos redovisas skriftligt",
    "vid nämndens sammanträde den 28 maj (underlag till nämndsekreteraren senast 7 maj).",
  ].join("\n");
  const read = readAgreement({ text, positionedLines: null }, { treatAs: "agreement" });

  it("joins a first cell's wrapped line, and a wrapped row's cells, to their row", () => {
    expect(read.indicators.map((i) => i.name)).toEqual([
      "Andel snöröjningstillfällen där prioriterade gång- och cykelvägar röjts inom 4 timmar",
      "Antal polisrapporterade olyckor med gående och cyklister (STRADA)",
      "Andel gatubelysning med LED-armaturer",
    ]);
  });

  it("reads each report once, titled by the report it names, with its papers' day from the same sentence", () => {
    expect(read.reportingItems.map((i) => `${i.date} ${i.form} ${i.submissionDate} ${i.title}`)).toEqual([
      "2026-09-24 written 2026-09-03 Beläggningsprogrammet 2026",
      "2026-05-28 written 2026-05-07 Tertialrapport 1 med ekonomiskt utfall och helårsprognos",
    ]);
  });
});

describe("a Word table whose rows wrap onto lines of their own", () => {
  it("joins the wrapped lines, first cell empty, to their row", () => {
    const text = [
      "Nr\tUppdrag\tTyp\tAnsvarig enhet",
      "3.1\tDrift och underhåll av gator, gång- och\tGrunduppdrag\tGata och trafik",
      "\tcykelvägar samt vinterväghållning\t\t",
      "3.2\tSkötsel av parker och\tGrunduppdrag\tPark och natur",
      "\tlekplatser\t\t",
      "5.1\tTa fram en trädplan för centralorten\tSärskilt uppdrag\tPark och natur",
    ].join("\n");
    const blocks = buildBlocks(normaliseLines(text, { dictionary: null }).lines, null).blocks;
    const table = blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" ? table.rows.map((r) => r.cells) : null).toEqual([
      [
        "3.1",
        "Drift och underhåll av gator, gång- och cykelvägar samt vinterväghållning",
        "Grunduppdrag",
        "Gata och trafik",
      ],
      ["3.2", "Skötsel av parker och lekplatser", "Grunduppdrag", "Park och natur"],
      ["5.1", "Ta fram en trädplan för centralorten", "Särskilt uppdrag", "Park och natur"],
    ]);
  });
});

describe("a table whose header wraps onto a second line", () => {
  it("reads 'Samman-' over 'träde' and 'Handlingar' over 'senast' as one header, the papers' day its column", () => {
    const text = [
      "Nr  Vad redovisas                         Form       Samman-     Handlingar",
      "                                                     träde       senast",
      "1   Helårsuppföljning 2025                Skriftlig  25.2.2026   4 februari",
      "2   Aktivitetskrav – lägesrapport         Muntlig    25.3.2026   –",
      "3   Ej verkställda beslut, kvartal 1      Skriftlig  22.4.2026   1 april",
    ].join("\n");
    const blocks = buildBlocks(normaliseLines(text, { dictionary: null }).lines, null).blocks;
    const table = blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" ? table.header : null).toEqual([
      "Nr",
      "Vad redovisas",
      "Form",
      "Sammanträde",
      "Handlingar senast",
    ]);
    expect(table?.kind === "table" ? table.rows.length : 0).toBe(3);
  });
});
