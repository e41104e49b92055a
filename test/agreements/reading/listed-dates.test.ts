// A reporting cell that lists several dates after one form ("Skriftlig rapport vid sammanträdena
// 2025-04-23 och 2025-10-22"): every date listed gets that form, not only the first.
import { describe, expect, it } from "vitest";
import { buildBlocks } from "../../../src/agreements/reading/blocks/build-blocks.ts";
import { readAssignments } from "../../../src/agreements/reading/items/read-assignments.ts";
import { readFacts } from "../../../src/agreements/reading/items/read-facts.ts";
import { readReportingItems } from "../../../src/agreements/reading/items/read-reporting-items.ts";
import { normaliseLines } from "../../../src/agreements/reading/normalise-lines.ts";

const itemsOf = (text: string) => {
  const lines = normaliseLines(text, { dictionary: null }).lines;
  const structure = buildBlocks(lines, null);
  const { facts } = readFacts(structure, lines.map((l) => l.text).join("\n"), []);
  return readReportingItems(structure, facts, readAssignments(structure)).map((i) => `${i.date} ${i.form ?? "-"}`);
};

const agreement = (cell: string) =>
  [
    "Överenskommelse 2025 mellan Barn- och utbildningsnämnden och Division Skola",
    "5 Särskilda uppdrag",
    "Särskilt uppdrag\tRapportering till",
    `5.1 Ta fram en handlingsplan mot skolfrånvaro\t${cell}`,
  ].join("\n\n");

describe("dates listed after one form", () => {
  it.each([
    [
      "och",
      "Skriftlig rapport vid sammanträdena 2025-04-23 och 2025-10-22.",
      ["2025-04-23 written", "2025-10-22 written"],
    ],
    [
      "a comma and samt",
      "Muntlig information 2025-02-19, 2025-06-11 samt 2025-12-17.",
      ["2025-02-19 oral", "2025-06-11 oral", "2025-12-17 oral"],
    ],
    // Each date with a form of its own keeps it.
    [
      "forms of their own",
      "Muntlig information 2025-02-19, skriftlig slutrapport 2025-12-17.",
      ["2025-02-19 oral", "2025-12-17 written"],
    ],
  ])("%s", (_, cell, expected) => {
    expect(itemsOf(agreement(cell))).toEqual(expected);
  });
});
