// A form stated once for a section's reports, read from its sentence and given to the reports of
// its timetable that state none.
import { describe, expect, it } from "vitest";
import { formStatementOf, statedFormFor } from "../../../src/agreements/reading/items/stated-forms.ts";

describe("a sentence that states the form of reports", () => {
  it.each([
    [
      "Vårrapport, delårsrapport och helårsrapport lämnas skriftligt i kommunens beslutsstöd Stratsys.",
      { form: "written", kinds: ["varrapport", "delarsrapport", "helarsrapport"] },
    ],
    ["Rapporterna lämnas muntligt vid nämndens sammanträde.", { form: "oral", kinds: "all" }],
    ["Återrapporteringen sker skriftligt.", { form: "written", kinds: "all" }],
    // The form of the subject, a rule for written material, a dated report: no statement.
    ["Skriftliga rapporter ska vara nämndens sekreterare tillhanda senast 14 dagar före sammanträdet.", null],
    ["Delårsrapporten lämnas skriftligt i september.", null],
    ["Uppdraget redovisas skriftligt i delårsrapporten och helårsrapporten.", null],
    ["Nämndens sammanträdesplan för 2026 beslutas separat.", null],
  ])("%s", (sentence, expected) => {
    expect(formStatementOf(sentence)).toEqual(expected);
  });
});

describe("the stated form of a report in the timetable", () => {
  const statements = [formStatementOf("Vårrapport och helårsrapport lämnas skriftligt.")!];
  it.each([
    ["Vårrapport (V) med prognos per april.", "written"],
    ["Helårsrapporten för 2026 (H)", "written"],
    ["Rapport om ej verkställda beslut, kvartal 1.", null],
  ])("%s", (title, form) => {
    expect(statedFormFor(title, statements)).toBe(form);
  });

  it("a general statement reaches every report", () => {
    expect(statedFormFor("Rapport om ej verkställda beslut", [formStatementOf("Rapporterna lämnas muntligt.")!])).toBe(
      "oral",
    );
  });
});
