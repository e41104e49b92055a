import { describe, expect, it } from "vitest";
import { detectLanguage, guessLanguage } from "../../src/shared/language.ts";

describe("language of a message", () => {
  it.each([
    ["What is due before 2025-05-28?", "en"],
    ["how much does Integrationsvägledning receive in 2025?", "en"],
    ["help", "en"],
    ["Can you show me the deadlines for next week", "en"],
    ["vad ska redovisas i april?", "sv"],
    ["Vad är målgruppen för Jobbtorg?", "sv"],
    ["hjälp", "sv"],
    ["när ska Sikta mot arbetslivet rapporteras", "sv"],
    ["hur länge får en arbetsträning pågå?", "sv"],
    // Swedish names quoted in an English question do not make it Swedish.
    ["Who heads Måltidsservice at Norrbäck's Serviceförvaltning?", "en"],
    ["Är Måltidsservice en del av beställningen?", "sv"],
    ["När lämnas Delårsrapport?", "sv"],
  ])("%s → %s", (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it("cannot tell from a bare word both languages use, and then falls back", () => {
    expect(guessLanguage("status")).toBeUndefined();
    expect(detectLanguage("status", "en")).toBe("en");
    expect(detectLanguage("status")).toBe("sv");
    expect(detectLanguage("")).toBe("sv");
  });
});
