// The unit of an indicator, read from its name as the seed agreements and other municipalities word it.
import { describe, expect, it } from "vitest";
import { indicatorUnitOf, isAdditive } from "../../src/agreements/indicator-unit.ts";

describe("the unit of an indicator, from its name", () => {
  it.each([
    // 2025 KAN ↔ DSO (clean text)
    ["Antal personer i arbetsträning", "count"],
    ["Antal vuxna med ekonomiskt bistånd som har aktualiserats till Jobbtorg", "count"],
    ["Invånare som någon gång under året erhållit ekonomiskt bistånd, andel av befolkningen", "share"],
    ["Långtidsarbetslöshet 16-24 år, årsmedelvärde, andel av befolkningen", "share"],
    // 2026 SN ↔ DSO (OCR output)
    ["Invénare som nagon gang under aret erhallit ekonomiskt bistand, andel (%) av bef.", "share"],
    ["Langtidsarbetslésai befolkningen, 18-24 ar, andel (%)", "share"],
    ["Varddygn i institutionsvard vuxna missbrukare, antal/inv 21-64 ar", "rate"],
    [
      "Barn och unga 0-20 ar som har varit placerade pa HVB eller familjehem nagon gang under aret, antal/1000 inv",
      "rate",
    ],
    ["Invanare, 25-64 ar, med lag utbildningsniva,", null],
    // other wordings
    ["Nöjdhet (%)", "share"],
    ["Andel äldre i hemtjänst som känner sig trygga", "share"],
    ["Antal larmutryckningar per månad", "count"],
    ["Anmälningar per 1 000 invånare", "rate"],
    ["Kostnad per brukare, kr", "rate"],
    ["Kostnad för ekonomiskt bistånd, tkr", "amount"],
    ["Utbetalt belopp", "amount"],
    ["Deltagare", null],
    ["Nöjd kund-index", null],
  ] as const)("%s → %s", (name, unit) => {
    expect(indicatorUnitOf(name)).toBe(unit);
  });

  it("adds up counts and amounts only", () => {
    expect([
      isAdditive("count"),
      isAdditive("amount"),
      isAdditive("share"),
      isAdditive("rate"),
      isAdditive(null),
    ]).toEqual([true, true, false, false, false]);
  });
});
