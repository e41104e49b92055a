// The "ask a question" use case as the adapters call it: keeps the prepared corpus until an
// import changes it, and lets an optional language model word content answers from the same
// retrieved passages (never from anything else).
import type { Language } from "../shared/language.ts";
import { translate } from "../shared/messages/translate.ts";
import type { Answer, Citation } from "./answer-model.ts";
import { agreementLabel, answerFromCorpus, prepareCorpus, type AskContext, type PreparedCorpus } from "./answer-question.ts";
import type { EnglishToSwedish } from "./english-to-swedish.ts";
import type { QuestionCorpusSource } from "./question-corpus.ts";

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
}

export class QuestionEngine {
  private prepared: { stamp: string; corpus: PreparedCorpus } | null = null;
  private loading: Promise<PreparedCorpus> | null = null;

  constructor(
    private readonly source: QuestionCorpusSource,
    private readonly options: QuestionEngineOptions = {},
  ) {}

  /** The prepared corpus, rebuilt only when the stored documents changed. */
  async corpus(): Promise<PreparedCorpus> {
    const stamp = await this.source.corpusStamp();
    if (this.prepared?.stamp === stamp) return this.prepared.corpus;
    // Concurrent questions after an import share one rebuild.
    this.loading ??= this.source
      .loadCorpus()
      .then((corpus) => {
        // Segments of documents that did not change are kept; only new ones are built.
        const prepared = prepareCorpus(corpus, this.prepared?.corpus);
        this.prepared = { stamp, corpus: prepared };
        return prepared;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** Short label of an agreement ("KAN–DSO 2025") from the corpus already loaded; no I/O. */
  agreementLabel(agreementId: string): string {
    return this.prepared ? agreementLabel(this.prepared.corpus, agreementId) : agreementId;
  }

  async answer(question: string, context: AskContext): Promise<Answer> {
    const answer = answerFromCorpus(await this.corpus(), question, context, this.options.translator);
    const composer = this.options.composer;
    if (!composer || answer.intent !== "content" || !answer.found) return answer;
    try {
      const composed = await composer.compose({ question, language: answer.language, citations: answer.citations, extractiveText: answer.text });
      if (!composed) {
        return { ...answer, found: false, citations: [], composedBy: "llm", text: translate(answer.language, "answer.content.none") };
      }
      const sources = answer.citations.map((c, i) => `[${i + 1}] ${c.documentTitle}${c.section ? ` §${c.section}` : ""} ${c.heading}`);
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
