// A word the line wrap hyphenated is joined again, also across the blank line an extractor or OCR
// puts between the halves; a suspended compound ("ny- och återanskaffning") keeps its hyphen.
import { describe, expect, it } from "vitest";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";
import type { SpellingDictionary } from "../../../src/agreements/reading/spelling-dictionary.ts";

const words = new Set([
  "inventarier",
  "arbetsmarknaden",
  "ny",
  "och",
  "återanskaffning",
  "av",
  "ska",
  "användas",
  "till",
]);
const dictionary: SpellingDictionary = {
  isWord: (word) => words.has(word.toLowerCase()),
  listing: () => null,
  compoundParts: () => null,
};

const text = (input: string) =>
  normaliseLines(input, { dictionary })
    .lines.map((line) => line.text)
    .filter(Boolean)
    .join(" / ");

describe("hyphenated words", () => {
  it.each([
    ["a word wrapped onto the next line", "ska användas till inventa-\nrier.", "ska användas till inventarier."],
    ["a word wrapped across a blank line", "ska användas till inventa-\n\nrier.", "ska användas till inventarier."],
    ["a suspended compound", "ny- och återanskaffning", "ny- och återanskaffning"],
    ["a line ending in a suspended compound", "av ny-\noch återanskaffning", "av ny- / och återanskaffning"],
    ["an unknown word across a paragraph gap", "Kontakt via e-\n\npost", "Kontakt via e- / post"],
  ])("%s", (_name, input, expected) => {
    expect(text(input)).toBe(expected);
  });
});
