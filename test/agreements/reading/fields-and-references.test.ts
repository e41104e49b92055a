// An intranet page gives its title as a field ("Sidtitel: …"), and an indicator table may name the
// assignment each row follows up by its number in brackets ("… (4.1)"): the title is the field's
// value, and the indicator is named without the reference and owned by that assignment.
import { describe, expect, it } from "vitest";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";

// Written for this test.
const page = [
  "Kommunen – Intranätet › Styrning › Överenskommelser",
  "",
  "Sidtitel: Uppdragsbeskrivning 2026 – Tekniska nämndens uppdrag till Teknik- och serviceförvaltningen",
  "Nämnd: Tekniska nämnden",
  "",
  "1 INLEDNING",
  "",
  "Tekniska nämnden ger Teknik- och serviceförvaltningen i uppdrag att sköta gator och laddinfrastruktur under 2026.",
  "",
  "3 GRUNDUPPDRAG",
  "",
  "3.1 Gator och vägar",
  "",
  "Förvaltningen sköter kommunens gator och vägar.",
  "",
  "4 SÄRSKILDA UPPDRAG",
  "",
  "4.1 Publik laddinfrastruktur",
  "",
  "Förvaltningen ska bygga ut publika laddpunkter.",
  "",
  "5 INDIKATORER",
  "",
  "Indikator | Utgångsläge | Målvärde 2026 | Källa",
  "Nöjd Medborgar-Index, gator och vägar (3.1) | 52 | 55 | SCB",
  "Antal nya publika laddpunkter (4.1) | 0 | 40 | Egen statistik",
  "Andel gatlampor som lyser (9.9) | 95 % | 98 % | Egen statistik",
].join("\n");

describe("a title field and indicators' references", () => {
  const parsed = readAgreement({ text: page, positionedLines: null });
  it("takes the title from the field's value", () => {
    expect(parsed.facts.title).toBe(
      "Uppdragsbeskrivning 2026 – Tekniska nämndens uppdrag till Teknik- och serviceförvaltningen",
    );
  });

  it("names an indicator without the number of the assignment it follows up, and owns it by that number", () => {
    const owner = (name: string) => {
      const indicator = parsed.indicators.find((i) => i.name === name);
      return parsed.assignments.find((a) => a.key === indicator?.assignmentKey)?.number ?? null;
    };
    expect(owner("Nöjd Medborgar-Index, gator och vägar")).toBe("3.1");
    expect(owner("Antal nya publika laddpunkter")).toBe("4.1");
    // A bracket that names no assignment of the document stays part of the name.
    expect(parsed.indicators.map((i) => i.name)).toContain("Andel gatlampor som lyser (9.9)");
  });
});

describe("records of labelled fields, each under a caption", () => {
  // Written for this test: a case system's export, every record under a bracketed caption.
  const plan = [
    "Överenskommelse 2026 mellan Barn- och ungdomsnämnden och Förvaltningen för barn och utbildning",
    "",
    "7 UPPFÖLJNING OCH RAPPORTERING",
    "",
    "[Ärendeblock 7.1]",
    "Ärende:            Årsredovisning 2025 inklusive uppföljning av",
    "                   inriktningsmålen (helår)",
    "Sammanträde:       17.2.2026",
    "Handlingar senast: 30.1.2026",
    "Form:              Skriftlig",
    "",
    "[Ärendeblock 7.2]",
    "Ärende:            Närvaroteam – uppstart och bemanning",
    "Sammanträde:       17.2.2026",
    "Handlingar senast: –",
    "Form:              Muntlig",
    "",
    "[Ärendeblock 7.3]",
    "Ärende:            Tertialrapport 1",
    "Sammanträde:       19.5.2026",
    "Handlingar senast: 5.5.2026",
    "Form:              Skriftlig",
  ].join("\n");
  it("reads one item per record, with its form and last day for papers", () => {
    const items = readAgreement({ text: plan, positionedLines: null }).reportingItems.filter((i) => i.date);
    expect(items.map((i) => `${i.date} ${i.form} ${i.submissionDate ?? "-"} ${i.title}`)).toEqual([
      "2026-02-17 written 2026-01-30 Årsredovisning 2025 inklusive uppföljning av inriktningsmålen (helår)",
      "2026-02-17 oral - Närvaroteam – uppstart och bemanning",
      "2026-05-19 written 2026-05-05 Tertialrapport 1",
    ]);
  });
});
