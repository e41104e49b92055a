// Layouts of plain-text and PDF exports: numbered indicator entries indented under "Indikatorer:"
// with a line of labelled fields each, owners' marks in brackets beside goals, a month plan over a
// list of meeting days, tables read one cell per line whose form and recipient are codes, indicator
// tables whose names wrap, and page footers that run straight into the next page.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";
import { indicatorName } from "../../../src/agreements/reading/items/read-indicators-and-economy.ts";
import { findTimeMentions } from "../../../src/agreements/reading/time-mentions.ts";
import { formLegendOf } from "../../../src/agreements/reading/items/form-legend.ts";

const read = (text: string) => readAgreement({ text }, { treatAs: "agreement" });
const blocksOf = (text: string) =>
  buildBlocks(normaliseLines(text, { dictionary: null }).lines, null).blocks.map((b) =>
    b.kind === "table"
      ? `table ${JSON.stringify(b.header)} ${b.rows.map((r) => JSON.stringify(r.cells)).join(" ")}`
      : `${b.kind} ${b.kind === "heading" ? `${b.number ?? "-"} ` : ""}${"text" in b ? b.text : ""}`,
  );

const plan = [
  "Verksamhetsplan 2026 – Fritidsnämndens uppdrag till fritidskontoret",
  "",
  "2. GRUNDUPPDRAG",
  "",
  "G1 Simhallar och bad",
  "Kontoret driver kommunens två simhallar och friluftsbadet vid sjön.",
  "",
  "G2 Föreningsstöd",
  "Kontoret handlägger bidrag till föreningar enligt nämndens regler.",
  "",
  "G3 Fritidsgårdar",
  "Kontoret driver fyra fritidsgårdar för unga 13–19 år.",
  "",
  "3. MÅL 2026",
  "",
  "Mål 1 (KF) Fler unga ska röra på sig varje vecka",
  "Indikatorer:",
  "  1.1  Andel unga 13–19 år som tränar i förening (%)",
  "       Källa: Ungdomsenkäten   Utfall 2025: 41 %   Målvärde 2026: 45 %",
  "  1.2  Antal besök i simhallarna per invånare",
  "       Källa: Egen statistik   Utfall 2025: 6,2   Målvärde 2026: 6,5",
  "",
  "Mål 2 (FRN) Föreningarna ska få snabbt besked",
  "Indikatorer:",
  "  2.1  Handläggningstid för bidrag, median (dagar)",
  "       Källa: Egen statistik   Utfall 2025: 31   Målvärde 2026: 21",
  "",
  "4. SÄRSKILDA UPPDRAG",
  "",
  "SU 1 Ny spontanidrottsplats (KF)",
  "Kontoret ska bygga en spontanidrottsplats i Norrdalen.",
  "",
  "SU 2 Digital bokning (FRN)",
  "Kontoret ska införa bokning av lokaler på webben.",
  "",
  "SU 3 Sommarlov för alla (FRN)",
  "Kontoret ska erbjuda avgiftsfria sommarlovsaktiviteter.",
  "",
  "5. UPPFÖLJNINGSPLAN",
  "",
  "Nämnden sammanträder 2026 följande dagar: 22/1, 19/2, 19/3, 23/4, 21/5, 11/6, 20/8 och 17/9.",
  "",
  "Om inget annat anges redovisas punkterna vid nämndens sammanträde den angivna månaden. Skriftliga rapporter ska vara nämndens sekreterare tillhanda senast två veckor före sammanträdet.",
  "",
  "MARS",
  "  – SU 2 Digital bokning: lägesrapport (muntlig)",
  "",
  "MAJ",
  "  – Tertialrapport 1 med måluppfyllelse (skriftlig)",
].join("\n");

describe("a plan exported as plain text", () => {
  const parsed = read(plan);

  it("reads indented numbered entries under 'Indikatorer:' as indicators, not as headings", () => {
    expect(parsed.indicators.map((i) => i.name)).toEqual([
      "Andel unga 13–19 år som tränar i förening (%)",
      "Antal besök i simhallarna per invånare",
      "Handläggningstid för bidrag, median (dagar)",
    ]);
    expect(parsed.sections.map((s) => s.number)).not.toContain("1.1");
  });

  it("keeps the outline's parts, so every coded item under them is read with its part's kind", () => {
    expect(parsed.assignments.map((a) => `${a.number} ${a.kind} ${a.title}`)).toEqual([
      "G1 grunduppdrag Simhallar och bad",
      "G2 grunduppdrag Föreningsstöd",
      "G3 grunduppdrag Fritidsgårdar",
      "1 mal_kf Fler unga ska röra på sig varje vecka",
      "2 mal_namnd Föreningarna ska få snabbt besked",
      "SU 1 sarskilt_uppdrag_kf Ny spontanidrottsplats",
      "SU 2 sarskilt_uppdrag_namnd Digital bokning",
      "SU 3 sarskilt_uppdrag_namnd Sommarlov för alla",
    ]);
  });

  it("gives a month's reports the one meeting of that month, and the written ones their papers' day", () => {
    expect(parsed.reportingItems.map((r) => [r.date, r.title, r.form, r.submissionDate])).toEqual([
      ["2026-03-19", "SU 2 Digital bokning: lägesrapport", "oral", null],
      ["2026-05-21", "Tertialrapport 1 med måluppfyllelse", "written", "2026-05-07"],
    ]);
  });
});

describe("meeting days listed after a sentence about the meetings", () => {
  it.each([
    ["Nämnden sammanträder 2026 följande dagar: 22/1, 19/2 och 19/3.", ["2026-01-22", "2026-02-19", "2026-03-19"]],
    ["Nämndens möten hålls dessa dagar: 4/2, 8/4.", ["2026-02-04", "2026-04-08"]],
    // A share is no day.
    ["Sammanträdena leds av ordföranden: 1/2 tjänst avsätts.", []],
  ])("%s", (text, days) => {
    expect(findTimeMentions(text, 2026).flatMap((m) => (m.precision === "day" ? [m.date] : []))).toEqual(days);
  });
});

describe("indicator names with their fields on the same line", () => {
  it.each([
    ["1.1 Antal besök per invånare Källa: Egen statistik Utfall 2025: 6,2", "Antal besök per invånare"],
    ["Andel nöjda brukare (%) Målvärde 2026: 90 %", "Andel nöjda brukare (%)"],
    // A colon inside the name is no field.
    ["Väntetid: median i dagar", "Väntetid: median i dagar"],
  ])("%s → %s", (text, name) => {
    expect(indicatorName(text)).toBe(name);
  });
});

describe("form codes explained by a legend of code and meaning", () => {
  it("reads codes over their meanings, a combined code as both forms", () => {
    const legend = formLegendOf("", [
      ["M", "Muntlig redovisning vid sammanträdet"],
      ["S", "Skriftlig rapport"],
      ["S+M", "Skriftlig rapport som även föredras muntligt"],
      ["VON", "Vård- och omsorgsnämnden"],
      ["Kod", "Betydelse"],
    ]);
    expect([...legend]).toEqual([
      ["M", "oral"],
      ["S", "written"],
      ["S+M", "both"],
    ]);
  });
});

const pdfExport = [
  "Ljungby kommun",
  "Tekniska nämnden",
  "ÖVERENSKOMMELSE 2026",
  "mellan Tekniska nämnden (TN)",
  "och Division Teknik (DT)",
  "Ljungby kommun | Överenskommelse TN–DT 2026 | Sida 1 av 4",
  "1 Parter",
  "Tekniska nämnden (TN). Ombud är nämndens sakkunnige.",
  "2 Koder",
  "Kod",
  "Betydelse",
  "M",
  "Muntlig redovisning",
  "S",
  "Skriftlig rapport",
  "Skriftliga rapporter ska vara nämndens sakkunnige tillhanda senast två veckor före sammanträdet.",
  "Ljungby kommun | Överenskommelse TN–DT 2026 | Sida 2 av 4",
  "3 Grunduppdrag",
  "3.1 Gator och vägar",
  "Beskrivning",
  "Divisionen sköter drift och underhåll av kommunens gator.",
  "Vad",
  "När",
  "Hur",
  "Till vem",
  "Lägesrapport om",
  "vinterväghållningen",
  "2026-03-",
  "18",
  "M",
  "TN",
  "Beläggningsprogram 2027",
  "2026-10-",
  "21",
  "S",
  "TN och",
  "kommunstyrelsen",
  "Indikatorer för grunduppdraget",
  "Indikator",
  "Källa",
  "Utfall 2025",
  "Målvärde 2026",
  "Andel gator med god",
  "beläggning (%)",
  "Egen inventering",
  "71",
  "75",
  "Antal klagomål på",
  "snöröjningen",
  "Egen statistik",
  "212",
  "högst 150",
  "Ljungby kommun | Överenskommelse TN–DT 2026 | Sida 3 av 4",
  "4 Sammanträden",
  "Sammanträde",
  "Sista dag för skriftligt underlag",
  "2026-02-11",
  "2026-01-28",
  "2026-03-18",
  "2026-03-04",
  "2026-06-10",
  "2026-05-27",
  "2026-10-21",
  "2026-10-07",
  "Ljungby kommun | Överenskommelse TN–DT 2026 | Sida 4 av 4",
].join("\n");

describe("an agreement exported from a PDF, one cell a line", () => {
  const parsed = read(pdfExport);

  it("takes the title in capitals under the letterhead, not a footer", () => {
    expect(parsed.facts.title).toBe("Överenskommelse 2026 mellan Tekniska nämnden (TN) och Division Teknik (DT)");
  });

  it("reads a row's form and recipient from their codes, and its papers' day from the meeting list", () => {
    expect(parsed.reportingItems.map((r) => [r.date, r.title, r.form, r.submissionDate, r.recipient])).toEqual([
      ["2026-03-18", "Lägesrapport om vinterväghållningen", "oral", null, expect.anything()],
      ["2026-10-21", "Beläggningsprogram 2027", "written", "2026-10-07", expect.anything()],
    ]);
  });

  it("reads indicators whose names wrap, each row ending at its values", () => {
    expect(parsed.indicators.map((i) => [i.name, i.source])).toEqual([
      ["Andel gator med god beläggning (%)", "Egen inventering"],
      ["Antal klagomål på snöröjningen", "Egen statistik"],
    ]);
  });

  it("puts the labelled field before the table apart from the table's header", () => {
    const blocks = blocksOf(pdfExport);
    expect(blocks.some((b) => b.startsWith('table ["Vad","När","Hur","Till vem"]'))).toBe(true);
    expect(blocks.some((b) => b.startsWith('table ["Beskrivning"'))).toBe(false);
  });
});
