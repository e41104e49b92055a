// Optional semantic retrieval: a vector per passage from an embeddings model the municipality runs
// itself, computed at import and stored beside the passage. The domain only declares what it needs
// (an embedder, a store of vectors) and decides what to embed; the HTTP client and the database
// live in the adapters. Without an embedder none of this runs and nothing changes.
import type { Clock } from "../shared/clock.ts";
import type { CorpusPassage } from "./question-corpus.ts";

/** Turns texts into vectors, one per text in the same order (an OpenAI-compatible endpoint in production). */
export interface PassageEmbedder {
  /** The model's name: stored with the vectors, so vectors of another model are recognised as stale. */
  readonly model: string;
  embed(texts: string[], options?: { timeoutMs?: number }): Promise<Float32Array[]>;
}

/** A passage as it is embedded: its own text with what places it (section heading, row label, lead-in). */
export interface PassageToEmbed extends Pick<CorpusPassage, "ordinal" | "kind" | "text" | "label" | "context"> {
  heading: string | null;
}

/** Where vectors are kept: beside the stored passages. */
export interface PassageVectorStore {
  /** Documents with passages that lack a vector of `model` (none yet, or another model's), oldest first. */
  documentsNeedingVectors(model: string): Promise<string[]>;
  /** The passages of a document to embed, in order; null when the document is gone. */
  passagesToEmbed(documentId: string): Promise<PassageToEmbed[] | null>;
  /** Stores one vector per passage (by ordinal) and marks the document as embedded with `model`. */
  saveVectors(
    documentId: string,
    model: string,
    vectors: Array<{ ordinal: number; vector: Float32Array }>,
    at: Date,
  ): Promise<void>;
  /** How many documents have vectors of `model`, and how many still wait for them. */
  vectorCounts(model: string): Promise<{ embedded: number; pending: number }>;
}

export interface VectorDependencies {
  store: PassageVectorStore;
  embedder: PassageEmbedder;
  clock: Clock;
}

/**
 * The text a passage is embedded as. The heading and label travel with it because a row or a list
 * item alone ("Minst 20 deltagare") means little; the model should see what it is about.
 */
export function embeddingTextOf(passage: PassageToEmbed): string {
  const parts: string[] = [];
  if (passage.heading) parts.push(passage.heading);
  if (passage.context && passage.kind !== "sentence") parts.push(passage.context);
  const body =
    passage.kind === "tableRow" && passage.label && !passage.text.startsWith(passage.label)
      ? `${passage.label}: ${passage.text}`
      : passage.text;
  parts.push(body);
  return parts.join("\n");
}

/** Computes and stores the vectors of one document's passages. Throws when the embedder fails; nothing is stored then. */
export async function embedDocument(dependencies: VectorDependencies, documentId: string): Promise<number> {
  const passages = await dependencies.store.passagesToEmbed(documentId);
  if (!passages) return 0;
  // Headings are not searched (the index skips them), so they get no vector of their own.
  const embeddable = passages.filter((p) => p.kind !== "heading");
  const vectors = embeddable.length ? await dependencies.embedder.embed(embeddable.map(embeddingTextOf)) : [];
  if (vectors.length !== embeddable.length)
    throw new Error(`The embeddings endpoint returned ${vectors.length} vectors for ${embeddable.length} passages`);
  await dependencies.store.saveVectors(
    documentId,
    dependencies.embedder.model,
    embeddable.map((p, i) => ({ ordinal: p.ordinal, vector: vectors[i]! })),
    dependencies.clock.now(),
  );
  return embeddable.length;
}

export interface BackfillResult {
  documents: number;
  passages: number;
  /** Documents still without vectors (the endpoint failed on the first of them). */
  pending: number;
  error?: unknown;
}

/**
 * Fills in the vectors an import could not compute (the endpoint was down) or that a model change made
 * stale. Stops at the first failure: when the endpoint is down, one error says so, not one per document.
 */
export async function backfillVectors(dependencies: VectorDependencies): Promise<BackfillResult> {
  const waiting = await dependencies.store.documentsNeedingVectors(dependencies.embedder.model);
  let documents = 0;
  let passages = 0;
  for (const documentId of waiting) {
    try {
      passages += await embedDocument(dependencies, documentId);
      documents++;
    } catch (error) {
      return { documents, passages, pending: waiting.length - documents, error };
    }
  }
  return { documents, passages, pending: 0 };
}

/** Vectors as stored: Float32, little-endian, whatever the machine's own byte order. */
export function encodeVector(vector: Float32Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i]!, true);
  return bytes;
}

export function decodeVector(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < vector.length; i++) vector[i] = view.getFloat32(i * 4, true);
  return vector;
}

/** The vector scaled to length 1, so that similarity is a dot product (a zero vector stays zero). */
export function unitVector(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const length = Math.sqrt(sum);
  if (!(length > 0)) return new Float32Array(vector.length);
  const unit = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) unit[i] = vector[i]! / length;
  return unit;
}

/** Cosine similarity of two unit vectors; 0 when their dimensions differ (another model's vector). */
export function similarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}
