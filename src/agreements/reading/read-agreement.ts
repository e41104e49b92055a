// The reader: text in, agreement model out, in stages that each do one thing —
//   normalise  clean lines, re-joined dates and words, OCR damage repaired with the dictionary
//   blocks     headings, markers, paragraphs, list items, tables with column roles
//   facts      title, parties, year, classification
//   items      assignments and goals, reporting items, indicators, economy lines
// Pure: the same text (and dictionary) always gives the same model; no I/O, no clock.
import type { ParsedDocument } from "../agreement-model.ts";
import { buildBlocks } from "./blocks/build-blocks.ts";
import { readAssignments } from "./items/read-assignments.ts";
import { readFacts } from "./items/read-facts.ts";
import { readEconomy, readIndicators } from "./items/read-indicators-and-economy.ts";
import { readReportingItems } from "./items/read-reporting-items.ts";
import { normaliseLines } from "./normalise-lines.ts";
import { buildPassages } from "./passages.ts";
import type { ReaderInput } from "./reader-input.ts";
import type { SpellingDictionary } from "./spelling-dictionary.ts";

/** Bumped whenever the reader reads the same text differently, so stored documents are read again. */
export const readerVersion = 60;

export interface ReadOptions {
  /** Overrides the classification ("this is an agreement" / "this is only a document"). */
  treatAs?: "agreement" | "document";
  /** The Swedish dictionary for OCR repair and hyphenation; without it the text is read as it is. */
  dictionary?: SpellingDictionary | null;
}

export function readAgreement(input: ReaderInput, options: ReadOptions = {}): ParsedDocument {
  const dictionary = options.dictionary ?? null;
  const normalised = normaliseLines(input.text, { dictionary, positionedLines: input.positionedLines ?? null });
  const structure = buildBlocks(normalised.lines, dictionary);
  const cleanText = normalised.lines.map((l) => l.text).join("\n");
  const { facts, classification } = readFacts(structure, cleanText, normalised.pageFurniture);
  if (options.treatAs) classification.kind = options.treatAs;
  const warnings: string[] = [];
  const passages = buildPassages(structure);
  const repair = { damage: normalised.damage, repairs: normalised.repairs.reduce((sum, r) => sum + r.count, 0) };
  if (classification.kind === "document") {
    // Reports and minutes are searchable, but their dates are not the division's deadlines.
    return {
      classification,
      facts,
      sections: structure.sections,
      assignments: [],
      indicators: [],
      reportingItems: [],
      economyLines: [],
      passages,
      repair,
      warnings,
    };
  }
  const reading = readAssignments(structure);
  const reportingItems = readReportingItems(structure, facts, reading);
  if (!facts.year) warnings.push("Hittade inget giltighetsår; datum utan årtal kunde inte läsas.");
  if (!facts.committee) warnings.push("Hittade ingen nämnd i dokumentet.");
  if (reportingItems.filter((i) => i.date).length === 0)
    warnings.push("Hittade inga daterade rapporteringstillfällen.");
  return {
    classification,
    facts,
    sections: structure.sections,
    assignments: reading.assignments,
    indicators: readIndicators(structure, reading, cleanText),
    reportingItems,
    economyLines: readEconomy(structure, facts.year),
    passages,
    repair,
    warnings,
  };
}
