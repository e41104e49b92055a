// Records typed with the label in a column of its own ("Tidpunkt         Sammanträdet den 24 mars"):
// rewritten as "Label: value" before spaces are collapsed, and read as a table of records whose
// "Rapportering" field names what is reported.
import { describe, expect, it } from "vitest";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";
import { spacedLabelLines } from "../../../src/agreements/reading/spaced-labels.ts";

describe("labels in a column of their own", () => {
  it.each([
    {
      name: "two known labels in one run become 'Label: value'; the wrapped value is left as it is",
      lines: [
        "Rapportering     Kvalitetsberättelse 2026",
        "                 med klagomål",
        "Tidpunkt         Den 24 mars",
      ],
      expected: [
        [0, "Rapportering: Kvalitetsberättelse 2026"],
        [2, "Tidpunkt: Den 24 mars"],
      ],
    },
    {
      name: "one label alone is a line of text",
      lines: ["Form             Skriftlig", "", "Något annat."],
      expected: [],
    },
    {
      name: "a word that is no column label is left alone",
      lines: ["Stockholm        Göteborg", "Malmö            Uppsala"],
      expected: [],
    },
  ])("$name", ({ lines, expected }) => {
    expect([...spacedLabelLines(lines)]).toEqual(expected);
  });

  it("reads the records as reporting items titled by their Rapportering field", () => {
    const record = (what: string, when: string, form: string) => [
      `Rapportering     ${what}`,
      "Ansvarig         Förvaltningschef",
      `Tidpunkt         ${when}`,
      `Form             ${form}`,
      "",
    ];
    const text = [
      "Uppdragsavtal 2027 mellan Funktionshindernämnden (FHN) och Funktionsstödsförvaltningen",
      "",
      "F RAPPORTERING TILL NÄMNDEN",
      "",
      ...record("Verksamhetsberättelse 2026", "Sammanträdet den 24 februari", "Skriftlig"),
      ...record("Kvalitetsberättelse 2026", "Sammanträdet den 24 mars", "Skriftlig"),
      ...record("Lägesrapport om bostäder", "Den 21 april", "Muntlig"),
    ].join("\n");
    const items = readAgreement({ text }, { treatAs: "agreement" })
      .reportingItems.filter((item) => item.date)
      .map((item) => `${item.date} ${item.form} ${item.title}`);
    expect(items).toEqual([
      "2027-02-24 written Verksamhetsberättelse 2026",
      "2027-03-24 written Kvalitetsberättelse 2026",
      "2027-04-21 oral Lägesrapport om bostäder",
    ]);
  });
});
