// Hybrid retrieval: the lexical (BM25) hits and the passages nearest the question's vector, blended
// into one ranking of candidate passages. Only the candidates change: whether a window answers is
// still decided by the question's own words (coverage) and the kind of answer asked for, so a vector
// can bring a better passage forward but never makes an answer out of nothing.
import type { CorpusDocument } from "./question-corpus.ts";
import { similarity } from "./passage-vectors.ts";
import type { IndexedPassage, PassageHit } from "./search-index.ts";

/** The vectors of the prepared corpus, by passage id (position in the index). */
export interface SemanticVectors {
  byPassage: Array<Float32Array | undefined>;
  /** Passages that have a vector. */
  count: number;
  /** Documents whose passages have no vector yet (the endpoint was down at import, or the model changed). */
  documentsWithout: number;
}

/** The question's vector (unit length), from the same model as the passages'. */
export interface SemanticQuery {
  vector: Float32Array;
}

/** How many of the nearest passages become candidates beside the lexical ones. */
export const semanticCandidates = 20;
/** The semantic share of a candidate's blended score (the lexical share is the rest). */
export const semanticWeight = 0.4;

/**
 * The lexical hits re-ranked with the nearest passages by vector: each candidate's score is a blend
 * of its lexical score and its similarity, both scaled to 0–1 within this question, then put back on
 * the lexical scale (the top lexical score), so what reads `hit.score / topScore` later sees 0–1 as before.
 * Documents the question excludes (another committee's, another year's) stay excluded. When the
 * words found nothing, nothing is added: a vector alone does not make a candidate.
 */
export function hybridHits(
  lexical: PassageHit[],
  passages: IndexedPassage[],
  vectors: SemanticVectors,
  query: SemanticQuery,
  documentWeight: (document: CorpusDocument) => number,
  limit: number,
): PassageHit[] {
  if (lexical.length === 0 || vectors.count === 0) return lexical;
  const weights = new Map<CorpusDocument, number>();
  const weightOf = (document: CorpusDocument) => {
    let weight = weights.get(document);
    if (weight === undefined) weights.set(document, (weight = documentWeight(document)));
    return weight;
  };
  const nearest: Array<{ passage: IndexedPassage; similarity: number }> = [];
  for (const passage of passages) {
    if (!passage) continue;
    const vector = vectors.byPassage[passage.id];
    if (!vector) continue;
    const weight = weightOf(passage.document);
    if (weight <= 0) continue;
    // The agreement in force counts first here too, as it does for the lexical score.
    const value = similarity(query.vector, vector) * weight;
    if (!(value > 0)) continue;
    if (nearest.length < semanticCandidates) {
      nearest.push({ passage, similarity: value });
      if (nearest.length === semanticCandidates) nearest.sort((a, b) => b.similarity - a.similarity);
    } else if (value > nearest[nearest.length - 1]!.similarity) {
      nearest[nearest.length - 1] = { passage, similarity: value };
      nearest.sort((a, b) => b.similarity - a.similarity);
    }
  }
  nearest.sort((a, b) => b.similarity - a.similarity || a.passage.id - b.passage.id);
  if (nearest.length === 0) return lexical;
  const topLexical = lexical[0]!.score;
  const high = nearest[0]!.similarity;
  // Scaled against the passages of the whole corpus that have vectors would need them all; the
  // spread of the nearest ones is what tells them apart. A lone candidate counts fully.
  const low = nearest.length > 1 ? nearest[nearest.length - 1]!.similarity : 0;
  const semanticShare = (value: number) => (high > low ? (value - low) / (high - low) : 1);
  const blended = new Map<number, { passage: IndexedPassage; lexical: number; semantic: number }>();
  for (const hit of lexical) blended.set(hit.passage.id, { passage: hit.passage, lexical: hit.score, semantic: 0 });
  for (const near of nearest) {
    const entry = blended.get(near.passage.id);
    if (entry) entry.semantic = semanticShare(near.similarity);
    else blended.set(near.passage.id, { passage: near.passage, lexical: 0, semantic: semanticShare(near.similarity) });
  }
  const hits: PassageHit[] = [...blended.values()].map((entry) => ({
    passage: entry.passage,
    score: topLexical * ((1 - semanticWeight) * (entry.lexical / topLexical) + semanticWeight * entry.semantic),
  }));
  hits.sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
  return hits.filter((hit) => hit.score > 0).slice(0, limit);
}
