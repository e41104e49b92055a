// Words content answers with an OpenAI-compatible chat model (OpenAI or Azure OpenAI), from the
// numbered passages the engine retrieved and nothing else. Off unless LLM_ENDPOINT is set.
import type { AnswerComposer, CompositionRequest } from "../../questions/question-engine.ts";

export interface LlmSettings {
  endpoint: string;
  apiKey?: string;
  model?: string;
  /** Set for Azure OpenAI (the endpoint is then the deployment URL). */
  apiVersion?: string;
  timeoutMs: number;
}

const notFound = "NOT_FOUND";

export class OpenAiAnswerComposer implements AnswerComposer {
  constructor(
    private readonly settings: LlmSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async compose(request: CompositionRequest): Promise<{ text: string } | null> {
    const { endpoint, apiKey, model, apiVersion, timeoutMs } = this.settings;
    const base = endpoint.replace(/\/+$/, "");
    const url = apiVersion ? `${base}/chat/completions?api-version=${encodeURIComponent(apiVersion)}` : `${base}/chat/completions`;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (apiKey) {
      if (apiVersion) headers["api-key"] = apiKey;
      else headers.authorization = `Bearer ${apiKey}`;
    }
    const sources = request.citations
      .map((c, i) => `[${i + 1}] ${c.documentTitle}${c.year ? ` (${c.year})` : ""}, ${c.section ? `avsnitt ${c.section} ` : ""}${c.heading}:\n${c.quote}`)
      .join("\n\n");
    const languageName = request.language === "sv" ? "Swedish" : "English";
    const body = {
      ...(model ? { model } : {}),
      temperature: 0,
      max_tokens: 400,
      messages: [
        {
          role: "system",
          content:
            `You answer questions about Swedish municipal agreements. Use only the numbered sources given; ` +
            `never add facts that are not in them. Refer to sources as [n]. Answer in ${languageName}, in at most ` +
            `four sentences; keep quotations in Swedish. If the sources do not answer the question, reply exactly ${notFound}.`,
        },
        { role: "user", content: `Question: ${request.question}\n\nSources:\n${sources}` },
      ],
    };
    const response = await this.fetchImpl(url, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`Language model endpoint answered ${response.status} ${response.statusText}`);
    const payload = (await response.json()) as { choices?: Array<{ message?: { content?: string } }> };
    const text = payload.choices?.[0]?.message?.content?.trim();
    if (!text) throw new Error("Language model endpoint returned no answer text");
    if (text.includes(notFound)) return null;
    return { text };
  }
}
