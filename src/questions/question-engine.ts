// The "ask a question" use case as the adapters call it: keeps the prepared corpus until an
// import changes it, and lets an optional language model word content answers from the same
// retrieved passages (never from anything else).
//
// Indexing is kept off the request path: the index is built at start (warmUp) and after each
// import, a little at a time so the server goes on answering health checks and cards meanwhile.
// A question that arrives during a rebuild waits a short while for it; when that is not enough
// it is answered from the previous index (saying so), or, before the first index exists, told
// to ask again in a moment.
import type { Language } from "../shared/language.ts";
import { translate } from "../shared/messages/translate.ts";
import type { Answer, Citation } from "./answer-model.ts";
import { agreementLabel, answerFromCorpus, type AskContext, type PreparedCorpus } from "./answer-question.ts";
import { prepareCorpusGradually } from "./prepared-corpus.ts";
import { detectLanguage } from "../shared/language.ts";
import type { EnglishToSwedish } from "./english-to-swedish.ts";
import type { QuestionCorpusSource } from "./question-corpus.ts";
import { type PassageEmbedder, unitVector } from "./passage-vectors.ts";
import type { SemanticQuery } from "./hybrid-ranking.ts";

export interface CompositionRequest {
  question: string;
  language: Language;
  citations: Citation[];
  /** The answer the engine would give without a model; a model may only reword what it cites. */
  extractiveText: string;
}

/** A model that words an answer from numbered citations; returns null when they do not answer. */
export interface AnswerComposer {
  compose(request: CompositionRequest): Promise<{ text: string } | null>;
}

export interface QuestionEngineOptions {
  composer?: AnswerComposer;
  /** English → Swedish for English questions; without it English words are searched as they are. */
  translator?: EnglishToSwedish | null;
  /** Called when the composer fails; the extractive answer is given instead. */
  onComposerError?(error: unknown): void;
  /** How long a question waits for an index being built before it is answered without it (ms; Infinity: until it is ready). */
  indexWaitMs?: number;
  /** Lets other work run between slices of indexing; defaults to the event loop's next turn. */
  pause?: () => Promise<void>;
  /** Called when building the index fails; the next question tries again. */
  onIndexError?(error: unknown): void;
  /** Semantic retrieval (EMBEDDINGS_ENDPOINT); without it questions are answered from their words alone. */
  semantic?: SemanticOptions;
}

export interface SemanticOptions {
  embedder: PassageEmbedder;
  /** How long embedding the question may take before it is answered from its words alone (ms). */
  timeoutMs: number;
  /** Called once when the endpoint starts failing (not again until it has worked once more). */
  onError?(error: unknown): void;
  /** Called after a question when some documents still lack vectors: the composition fills them in the background. */
  onMissingVectors?(): void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class QuestionEngine {
  private prepared: { stamp: string; corpus: PreparedCorpus } | null = null;
  private loading: Promise<PreparedCorpus> | null = null;

  constructor(
    private readonly source: QuestionCorpusSource,
    private readonly options: QuestionEngineOptions = {},
  ) {}

  /**
   * The prepared corpus for the stored documents as they are now, rebuilt only when they
   * changed. Concurrent callers share one rebuild.
   */
  async corpus(): Promise<PreparedCorpus> {
    const stamp = await this.source.corpusStamp();
    if (this.prepared?.stamp === stamp) return this.prepared.corpus;
    return this.rebuild(stamp);
  }

  /** Starts building the index now (at start, after an import) so the next question does not wait. */
  warmUp(): void {
    this.corpus().catch((error) => this.options.onIndexError?.(error));
  }

  private rebuild(stamp: string): Promise<PreparedCorpus> {
    if (this.loading && this.loadingStamp === stamp) return this.loading;
    const previous = this.prepared?.corpus;
    const loading = this.source
      .loadCorpus()
      // Segments of documents that did not change are kept; only new ones are built.
      .then((corpus) => prepareCorpusGradually(corpus, previous, this.options.pause ?? nextTurn))
      .then((prepared) => {
        if (this.loading === loading) this.prepared = { stamp, corpus: prepared };
        return prepared;
      })
      .finally(() => {
        if (this.loading === loading) this.loading = null;
      });
    this.loading = loading;
    this.loadingStamp = stamp;
    return loading;
  }

  private loadingStamp: string | null = null;

  /** The corpus to answer from now: the current one, or the previous one while a rebuild takes long. */
  private async corpusForQuestion(): Promise<{ corpus: PreparedCorpus; stale: boolean } | null> {
    const stamp = await this.source.corpusStamp();
    if (this.prepared?.stamp === stamp) return { corpus: this.prepared.corpus, stale: false };
    const building = this.rebuild(stamp);
    const wait = this.options.indexWaitMs ?? 1000;
    // A one-shot caller (the CLI) has nothing else to do: it waits for the index however long it takes.
    if (!Number.isFinite(wait)) return { corpus: await building, stale: false };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), wait);
    });
    try {
      const ready = await Promise.race([building, late]);
      if (ready) return { corpus: ready, stale: false };
    } finally {
      clearTimeout(timer);
    }
    // The rebuild goes on; its failure is reported there, not to this question.
    building.catch((error) => this.options.onIndexError?.(error));
    return this.prepared ? { corpus: this.prepared.corpus, stale: true } : null;
  }

  /** Short label of an agreement ("KAN–DSO 2025") from the corpus already loaded; no I/O. */
  agreementLabel(agreementId: string): string {
    return this.prepared ? agreementLabel(this.prepared.corpus, agreementId) : agreementId;
  }

  private semanticFailing = false;

  /**
   * The question's vector, or null: embeddings off, no passage has a vector yet, or the endpoint
   * failed or was slow (then the question is answered from its words, as without embeddings).
   */
  private async questionVector(question: string, corpus: PreparedCorpus): Promise<SemanticQuery | null> {
    const semantic = this.options.semantic;
    if (!semantic || !corpus.vectors) return null;
    if (corpus.vectors.documentsWithout > 0) semantic.onMissingVectors?.();
    if (corpus.vectors.count === 0) return null;
    try {
      const [vector] = await semantic.embedder.embed([question], { timeoutMs: semantic.timeoutMs });
      if (!vector) throw new Error("The embeddings endpoint returned no vector for the question");
      this.semanticFailing = false;
      return { vector: unitVector(vector) };
    } catch (error) {
      // An endpoint that is down would otherwise log every question.
      if (!this.semanticFailing) semantic.onError?.(error);
      this.semanticFailing = true;
      return null;
    }
  }

  async answer(question: string, context: AskContext): Promise<Answer> {
    const current = await this.corpusForQuestion();
    if (!current) return indexingAnswer(question, context);
    const semantic = await this.questionVector(question, current.corpus);
    const found = answerFromCorpus(current.corpus, question, context, this.options.translator, semantic);
    // Answered from the index before the latest import: said, so nobody takes it as final.
    const answer = current.stale
      ? { ...found, text: `${found.text}\n\n${translate(found.language, "answer.indexStale")}` }
      : found;
    const composer = this.options.composer;
    if (!composer || answer.intent !== "content" || !answer.found) return answer;
    try {
      const composed = await composer.compose({
        question,
        language: answer.language,
        citations: answer.citations,
        extractiveText: answer.text,
      });
      if (!composed) {
        return {
          ...answer,
          found: false,
          citations: [],
          composedBy: "llm",
          text: translate(answer.language, "answer.content.none"),
        };
      }
      const sources = answer.citations.map(
        (c, i) => `[${i + 1}] ${c.documentTitle}${c.section ? ` §${c.section}` : ""} ${c.heading}`,
      );
      return {
        ...answer,
        composedBy: "llm",
        text: [composed.text.trim(), "", ...sources, "", translate(answer.language, "answer.generated")].join("\n"),
      };
    } catch (error) {
      this.options.onComposerError?.(error);
      return answer;
    }
  }
}

/** Before the first index is built: an honest "a moment", never an empty answer. */
function indexingAnswer(question: string, context: AskContext): Answer {
  const language = detectLanguage(question, context.language ?? "sv");
  return {
    question,
    language,
    intent: "content",
    found: false,
    text: translate(language, "answer.indexing"),
    deadlines: [],
    groups: [],
    scope: null,
    citations: [],
    answeredYear: null,
    composedBy: "extractive",
  };
}
