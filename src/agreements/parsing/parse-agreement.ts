// Text in, agreement model out. Pure: no I/O, no clock; the same text always gives the same model.
import type { ParsedDocument } from "../agreement-model.ts";
import { indicatorUnitOf } from "../indicator-unit.ts";
import { readAgreementFacts } from "./agreement-facts.ts";
import { readAssignments } from "./assignments.ts";
import { buildLayout } from "./document-layout.ts";
import { readEconomy, readIndicators } from "./indicators-and-economy.ts";
import { readReportingItems } from "./reporting-items.ts";

export interface ParseOptions {
  /** Overrides the classification ("this is an agreement" / "this is only a document"). */
  treatAs?: "agreement" | "document";
}

export function parseAgreementText(text: string, options: ParseOptions = {}): ParsedDocument {
  const layout = buildLayout(text);
  const { facts, classification } = readAgreementFacts(layout, text);
  if (options.treatAs) classification.kind = options.treatAs;
  const warnings: string[] = [];
  if (classification.kind === "document") {
    // Reports and minutes are searchable, but their dates are not the division's deadlines.
    return { classification, facts, sections: layout.sections, assignments: [], indicators: [], reportingItems: [], economyLines: [], warnings };
  }
  const reading = readAssignments(layout);
  const reportingItems = readReportingItems(layout, facts, reading);
  if (!facts.year) warnings.push("Hittade inget giltighetsår; datum utan årtal kunde inte läsas.");
  if (!facts.committee) warnings.push("Hittade ingen nämnd i dokumentet.");
  if (reportingItems.filter((i) => i.date).length === 0) warnings.push("Hittade inga daterade rapporteringstillfällen.");
  return {
    classification,
    facts,
    sections: layout.sections,
    assignments: reading.assignments,
    indicators: readIndicators(layout, reading, text).map((indicator) => ({ ...indicator, unit: indicatorUnitOf(indicator.name) })),
    reportingItems,
    economyLines: readEconomy(layout),
    warnings,
  };
}
