// Words content answers with an OpenAI-compatible chat model (OpenAI or Azure OpenAI), from the
// numbered passages the engine retrieved and nothing else. Off unless LLM_ENDPOINT is set.
import type { AnswerComposer, CompositionRequest } from "../../questions/question-engine.ts";
import { chatCompletion, type LlmSettings } from "./chat-completion.ts";

const notFound = "NOT_FOUND";

export class OpenAiAnswerComposer implements AnswerComposer {
  constructor(
    private readonly settings: LlmSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async compose(request: CompositionRequest): Promise<{ text: string } | null> {
    const sources = request.citations
      .map(
        (c, i) =>
          `[${i + 1}] ${c.documentTitle}${c.year ? ` (${c.year})` : ""}, ${c.section ? `avsnitt ${c.section} ` : ""}${c.heading}:\n${c.quote}`,
      )
      .join("\n\n");
    const languageName = request.language === "sv" ? "Swedish" : "English";
    const text = await chatCompletion(
      this.settings,
      {
        maxTokens: 400,
        system:
          `You answer questions about Swedish municipal agreements. Use only the numbered sources given; ` +
          `never add facts that are not in them. Refer to sources as [n]. Answer in ${languageName}, in at most ` +
          `four sentences; keep quotations in Swedish. If the sources do not answer the question, reply exactly ${notFound}.`,
        user: `Question: ${request.question}\n\nSources:\n${sources}`,
      },
      this.fetchImpl,
    );
    if (text.includes(notFound)) return null;
    return { text };
  }
}
