// Reporting plans written as records of labelled fields, assignment tables with a kind column,
// kinds in brackets after a title, numbered paragraphs, indicators whose fields run on in one
// paragraph, and a plan's title that names the committee's commission. Texts made up for this test.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import type { TableBlock } from "../../../src/agreements/reading/blocks/block-model.ts";
import { isNumberedParagraph } from "../../../src/agreements/reading/blocks/headings.ts";
import type { Line } from "../../../src/agreements/reading/normalise-lines.ts";
import { askedAssignment, kindInBrackets } from "../../../src/agreements/reading/items/read-assignments.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

const plan = [
  "VERKSAMHETSPLAN 2026",
  "Uppdrag från Gymnasie- och vuxenutbildningsnämnden",
  "till Division Lärande",
  "",
  "1 INLEDNING",
  "",
  "1.1 Syfte",
  "",
  "1.1.1 Denna verksamhetsplan beskriver de uppdrag som nämnden lämnar till divisionen för år",
  "2026 och de mål och indikatorer som ska följas upp under året, samt ersättningen.",
  "",
  "1.1.2 Planen gäller för kalenderåret 2026.",
  "",
  "2 UPPDRAG",
  "",
  "2.1 Komvux (grunduppdrag)",
  "",
  "Divisionen anordnar kommunal vuxenutbildning.",
  "",
  "2.2 Fler ska klara sina kurser (nämndmål)",
  "",
  "Andelen som klarar sina kurser ska öka.",
  "",
  "2.3 Validering av yrkeskompetens (särskilt uppdrag från nämnden)",
  "",
  "Divisionen tar fram en modell för validering.",
  "",
  "3 INDIKATORER",
  "",
  "Indikator: Andel elever som klarat sina kurser. Källa: Egen statistik. Utfall 2025: 71 procent.",
  "Målvärde 2026: 75 procent.",
  "",
  "4 RAPPORTERINGSPLAN",
  "",
  "Tidpunkt: 2026-05-20",
  "Ärende: Tertialrapport 1 med indikatorer och ekonomisk",
  "uppföljning",
  "Form: Skriftlig",
  "Underlag senast: 2026-05-04",
  "",
  "Tidpunkt: 2026-09-23",
  "Ärende: Validering av yrkeskompetens – förslag till modell",
  "Form: Muntlig",
  "Underlag senast: –",
  "",
  "Tidpunkt: 2026-12-09",
  "Ärende: Komvux – genomströmning",
  "Form: Skriftlig",
  "Underlag senast: 2026-11-23",
].join("\n");

describe("a plan of labelled records", () => {
  const structure = buildBlocks(normaliseLines(plan, { dictionary: null }).lines, null);
  const table = structure.blocks.find(
    (b): b is TableBlock => b.kind === "table" && b.origin === "records" && b.header?.[0] === "Tidpunkt",
  );
  const indicators = structure.blocks.find(
    (b): b is TableBlock => b.kind === "table" && b.origin === "records" && b.header?.[0] === "Indikator",
  );

  it("reads an indicator written as labelled fields as a table of its own", () => {
    expect(indicators?.header).toEqual(["Indikator", "Målvärde 2026"]);
  });

  it("is one table: its labels the header with their roles, each record a row, a wrapped value joined", () => {
    expect(table?.header).toEqual(["Tidpunkt", "Ärende", "Form", "Underlag senast"]);
    expect(table?.roles).toEqual(["when", "what", "how", "due"]);
    expect(table?.rows.map((r) => r.cells[1])).toEqual([
      "Tertialrapport 1 med indikatorer och ekonomisk uppföljning",
      "Validering av yrkeskompetens – förslag till modell",
      "Komvux – genomströmning",
    ]);
  });

  it("gives each record's report with its meeting, form and papers' day", () => {
    const parsed = readAgreement({ text: plan });
    expect(parsed.classification.kind).toBe("agreement");
    expect(parsed.reportingItems.map((i) => [i.meetingDate, i.submissionDate, i.form])).toEqual([
      ["2026-05-20", "2026-05-04", "written"],
      ["2026-09-23", null, "oral"],
      ["2026-12-09", "2026-11-23", "written"],
    ]);
  });

  it("takes the plan's name and the commission below it for the title", () => {
    expect(readAgreement({ text: plan }).facts.title).toBe(
      "Verksamhetsplan 2026 – Uppdrag från Gymnasie- och vuxenutbildningsnämnden till Division Lärande",
    );
  });

  it("reads the assignments with the kinds their brackets give, and the numbered paragraphs as text", () => {
    const parsed = readAgreement({ text: plan });
    expect(parsed.assignments.map((a) => [a.number, a.kind, a.title])).toEqual([
      ["2.1", "grunduppdrag", "Komvux"],
      ["2.2", "mal_namnd", "Fler ska klara sina kurser"],
      ["2.3", "sarskilt_uppdrag_namnd", "Validering av yrkeskompetens"],
    ]);
  });

  it("reads an indicator whose source and values run on in its paragraph", () => {
    expect(readAgreement({ text: plan }).indicators.map((i) => i.name)).toEqual([
      "Andel elever som klarat sina kurser",
    ]);
  });
});

describe("a kind in brackets after a title", () => {
  it.each([
    ["Hemtjänst och hemsjukvård (grunduppdrag)", "Hemtjänst och hemsjukvård", "grunduppdrag"],
    ["Fler äldre ska känna sig trygga (nämndmål)", "Fler äldre ska känna sig trygga", "mal_namnd"],
    ["Heltid som norm (särskilt uppdrag från Kommunfullmäktige)", "Heltid som norm", "sarskilt_uppdrag_kf"],
  ])("%s", (title, rest, kind) => {
    expect(kindInBrackets(title)).toEqual({ title: rest, kind });
  });
  it("leaves other brackets alone", () => {
    expect(kindInBrackets("Svenska för invandrare (SFI)")).toBeNull();
    expect(kindInBrackets("Hemtjänst")).toBeNull();
  });
});

describe("a numbered paragraph", () => {
  const line = (text: string): Line =>
    ({ index: 0, text, source: text, cells: null, positioned: null, blank: text === "", headingMark: 0 }) as Line;
  it.each([
    // A first sentence of nine words or more that ends in a full stop, on its line or lines on.
    ["Verksamhetsplanen utgör nämndens beställning och ska läsas med styrdokumenten.", [], true],
    [
      "DAL ska genom lärcentrum anordna kommunal vuxenutbildning på grundläggande och",
      ["gymnasial nivå för vuxna i kommunen", "samt utbildning i svenska.", ""],
      true,
    ],
    // A long heading wraps over lines too, but ends without a full stop.
    [
      "Skapa tydliga och hållbara strukturer för samverkan kring barn",
      ["och unga enligt modellen för", "tidiga insatser - nya SoL (SN, BUN)", "", "Text."],
      false,
    ],
    ["Ta fram en plan för att minska långvarigt ekonomiskt bistånd bland", ["hushåll med barn", ""], false],
    ["Nämndmål: Genomströmningen i SFI ska öka", [], false],
    ["Alla som kan jobba ska jobba. Fler kommer i egen försörjning", [], false],
  ])("%s → %s", (text, following, expected) => {
    expect(isNumberedParagraph(text, following.map(line))).toBe(expected);
  });
});

describe("an assignment table with a kind column", () => {
  it("gives each row the kind its Typ cell names, and the title from the Uppdrag column", () => {
    const text = [
      "Beställning 2027 – Kultur- och fritidsnämnden till Kultur- och fritidskontoret",
      "",
      "Beställningen gäller 2027. Ombud för beställaren är nämndsekreteraren. Uppföljning sker vid nämndens sammanträden.",
      "",
      "3 Uppdrag",
      "Nr;Typ;Uppdrag;Beskrivning;Ansvarig",
      "U1;Grunduppdrag;Folkbibliotek;Driva huvudbiblioteket;Bibliotekschef",
      "U2;Nämndmål;Fler barn i organiserad fritid;Andelen ska öka;Chef",
      "U3;Särskilt uppdrag (KF);Avgiftsfria lovaktiviteter;Under alla lov;Samordnare",
    ].join("\n");
    const parsed = readAgreement({ text });
    expect(parsed.assignments.map((a) => [a.number, a.kind, a.title])).toEqual([
      ["U1", "grunduppdrag", "Folkbibliotek"],
      ["U2", "mal_namnd", "Fler barn i organiserad fritid"],
      ["U3", "sarskilt_uppdrag_kf", "Avgiftsfria lovaktiviteter"],
    ]);
  });
});

describe("a timetable split by sub-headings", () => {
  it("goes on with the header of its first part", () => {
    const text = [
      "KVARTAL 1 (januari–mars)",
      "Datum\tÄrende\tForm\tHandl. senast",
      "29/1\tÅrsrapport 2025\tS\t19/1",
      "26/3\tProjektplan\tM\t–",
      "",
      "Q2 (april–juni)",
      "23/4\tHandläggningstider, kvartal 1\tS\t13/4",
      "21/5\tTertialrapport 1\tS\t11/5",
    ].join("\n");
    const structure = buildBlocks(normaliseLines(text, { dictionary: null }).lines, null);
    const tables = structure.blocks.filter((b): b is TableBlock => b.kind === "table");
    expect(tables).toHaveLength(2);
    expect(tables[1]!.header).toEqual(["Datum", "Ärende", "Form", "Handl. senast"]);
    expect(tables[1]!.roles).toEqual(tables[0]!.roles);
  });
});

describe("a heading put as a question about an assignment", () => {
  it.each([
    ["Vad ingår i grunduppdraget Hemtjänst och trygghetslarm?", "grunduppdrag", "Hemtjänst och trygghetslarm"],
    ["Vad innebär uppdraget om digital nattillsyn?", "sarskilt_uppdrag_namnd", "Digital nattillsyn"],
    ["Vad innebär nämndmålet om trygghet?", "mal_namnd", "Trygghet"],
  ])("%s", (heading, kind, title) => {
    expect(askedAssignment(heading)).toEqual({ kind, title });
  });
  it("leaves other questions alone", () => {
    expect(askedAssignment("Hur följs målen upp?")).toBeNull();
    expect(askedAssignment("Vem får avgifterna?")).toBeNull();
  });
});
