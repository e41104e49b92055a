// Forms given as codes a legend explains, and rows that hold two reports of one meeting.
import { describe, expect, it } from "vitest";
import { codedEntries, formLegendOf } from "../../../src/agreements/reading/items/form-legend.ts";

describe("a legend of form codes", () => {
  it.each([
    ["S = skriftlig avrapportering, M = muntlig avrapportering.", { S: "written", M: "oral" }],
    ["Förkortningar: SK=skriftligt, MU=muntligt", { SK: "written", MU: "oral" }],
    // A legend of occasions is no legend of forms.
    ["V = vår, D = delår, H = helår", {}],
    ["Beslut i KS = kommunstyrelsen", {}],
  ])("%s", (text, expected) => {
    expect(Object.fromEntries(formLegendOf(text))).toEqual(expected);
  });
});

describe("the reports an entry names", () => {
  const legend = formLegendOf("S = skriftlig, M = muntlig");
  it.each([
    ["Tertialrapport T1 (S)", [{ title: "Tertialrapport T1", form: "written" }]],
    [
      "Resultat matsvinnsmätning (M); Tilläggsuppdrag A – plan (S)",
      [
        { title: "Resultat matsvinnsmätning", form: "oral" },
        { title: "Tilläggsuppdrag A – plan", form: "written" },
      ],
    ],
    // A ";" in running text with one code at the end is one report.
    ["Leveranser; volymer och ekonomi (S)", [{ title: "Leveranser; volymer och ekonomi", form: "written" }]],
    // A code the legend does not know, or no code at all, gives no form.
    ["Samverkan med polisen (KS)", [{ title: "Samverkan med polisen (KS)", form: null }]],
    ["Årsrapport", [{ title: "Årsrapport", form: null }]],
  ])("%s", (title, expected) => {
    expect(codedEntries(title, legend)).toEqual(expected);
  });

  it("reads no code as a form without a legend", () => {
    expect(codedEntries("Tertialrapport T1 (S)", new Map())).toEqual([{ title: "Tertialrapport T1 (S)", form: null }]);
  });
});
