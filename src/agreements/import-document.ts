// Use case: import a file. Extract its text, read the agreement model from it and store it, or
// say clearly why not. Importing the same bytes twice changes nothing; a new version of an
// agreement replaces the old one in one transaction.
import { createHash } from "node:crypto";
import { slugify } from "../shared/text/fold.ts";
import type { Clock } from "../shared/clock.ts";
import type { ParsedDocument } from "./agreement-model.ts";
import type { AgreementStore, SaveOutcome } from "./agreement-store.ts";
import { readAgreement, readerVersion } from "./reading/read-agreement.ts";
import type { SpellingDictionary } from "./reading/spelling-dictionary.ts";
import {
  DocumentRejected,
  type ExtractedText,
  type ExtractionProgress,
  type SourceFile,
  type TextExtractor,
} from "./source-document.ts";

/** Turns a passage's text into the search terms stored with it (the question engine's analysis). */
/** A passage's search terms; the dictionary (when loaded) splits the compounds the corpus cannot. */
export type PassageAnalyzer = (text: string, dictionary: SpellingDictionary | null) => string[];

export interface ImportDependencies {
  extractor: TextExtractor;
  store: AgreementStore;
  clock: Clock;
  /** The Swedish dictionary for repairing OCR damage, loaded on first use (null: read the text as it is). */
  dictionary: () => Promise<SpellingDictionary | null>;
  analyzePassage: PassageAnalyzer;
  /**
   * Computes and stores the semantic vectors of a stored document's passages (EMBEDDINGS_ENDPOINT; the
   * question engine's embedDocument), returning how many; absent when off. When it fails the import
   * still succeeds, searchable by its words, and `onVectorError` hears why.
   */
  embedPassages?: (documentId: string) => Promise<number>;
  onVectorError?(error: unknown, documentId: string): void;
}

/** What became of the passages' semantic vectors (only with embeddings on). */
export type VectorOutcome =
  | { status: "stored"; passages: number }
  /** The endpoint failed: the document is searchable by its words; vectors are filled in later. */
  | { status: "pending"; message: string };

export interface ImportOptions {
  treatAs?: "agreement" | "document";
  onProgress?: ExtractionProgress;
}

export type ImportResult =
  | {
      file: string;
      ok: true;
      outcome: SaveOutcome;
      parsed: ParsedDocument;
      extracted: ExtractedText;
      vectors?: VectorOutcome;
    }
  | { file: string; ok: false; reason: string; message: string };

export function contentHashOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** "kan-dso-2025": committee, division and year, readable on a command line. */
export function agreementIdFor(parsed: ParsedDocument): string {
  const { committee, division, year } = parsed.facts;
  const parts = [
    committee?.code ?? (committee ? slugify(committee.name) : null),
    division?.code ?? null,
    year ? String(year) : null,
  ].filter(Boolean);
  return parts.length > 0 ? slugify(parts.join("-")) : slugify(parsed.facts.title).slice(0, 40) || "overenskommelse";
}

export function seriesKeyFor(parsed: ParsedDocument): string {
  const { committee, division, year } = parsed.facts;
  if (!committee && !year) return `title:${slugify(parsed.facts.title)}`;
  return [committee ? slugify(committee.name) : "-", division ? slugify(division.name) : "-", year ?? "-"].join("|");
}

export async function importDocument(
  file: SourceFile,
  dependencies: ImportDependencies,
  options: ImportOptions = {},
): Promise<ImportResult> {
  try {
    const extracted = await dependencies.extractor.extract(file, options.onProgress);
    const dictionary = await dependencies.dictionary();
    const parsed = readAgreement(
      { text: extracted.text, positionedLines: extracted.positionedLines },
      { treatAs: options.treatAs, dictionary },
    );
    const isAgreement = parsed.classification.kind === "agreement";
    const passageTerms = parsed.passages.map((p) =>
      dependencies
        .analyzePassage(p.label && p.kind === "tableRow" ? `${p.label} ${p.text}` : p.text, dictionary)
        .join(" "),
    );
    const outcome = await dependencies.store.saveImport(
      {
        sourceName: file.name,
        contentHash: contentHashOf(file.bytes),
        byteSize: file.bytes.length,
        extracted,
        parsed,
        passageTerms,
        readerVersion,
        seriesKey: isAgreement ? seriesKeyFor(parsed) : null,
        preferredAgreementId: isAgreement ? agreementIdFor(parsed) : null,
      },
      dependencies.clock.now(),
    );
    const vectors = outcome.status === "unchanged" ? undefined : await storeVectors(dependencies, outcome.documentId);
    return { file: file.name, ok: true, outcome, parsed, extracted, ...(vectors ? { vectors } : {}) };
  } catch (error) {
    if (error instanceof DocumentRejected)
      return { file: file.name, ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}

/**
 * Vectors are computed after the document is stored, not before: a model server that is down or
 * slow must not cost the import, and a file already stored needs none.
 */
async function storeVectors(dependencies: ImportDependencies, documentId: string): Promise<VectorOutcome | undefined> {
  const embed = dependencies.embedPassages;
  if (!embed) return undefined;
  try {
    return { status: "stored", passages: await embed(documentId) };
  } catch (error) {
    dependencies.onVectorError?.(error, documentId);
    return { status: "pending", message: error instanceof Error ? error.message : String(error) };
  }
}
