// The periods a text names, by their codes: the words and the names of the reports on them.
import { describe, expect, it } from "vitest";
import { findPeriods } from "../../../src/shared/lexicon/periods.ts";
import { fold } from "../../../src/shared/text/fold.ts";

describe("periods named in a text", () => {
  it.each([
    ["Tertial 2 2026", "T2"],
    ["Tertialrapport 1 (skriftlig)", "T1"],
    ["tertialuppföljning 3", "T3"],
    ["Rapport T1", "T1"],
    ["Kvartalsrapport 2", "Q2"],
    ["kvartal 4", "Q4"],
    ["Delårsrapport per 31 augusti", "D"],
    ["Verksamhetsberättelse 2025", "H"],
    ["Årsrapport 2025 för socialkontoret", "H"],
    ["Vårrapport", "V"],
  ])("%s → %s", (text, code) => {
    expect(findPeriods(fold(text))[0]?.code).toBe(code);
  });

  it.each(["Tertialrapporten lämnas skriftligt", "Sammanträde i maj", "Var finns underlaget?"])(
    "%s names none",
    (text) => {
      expect(findPeriods(fold(text))).toEqual([]);
    },
  );
});
