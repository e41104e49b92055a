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
