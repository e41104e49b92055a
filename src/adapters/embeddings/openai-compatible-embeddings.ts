// The embeddings model a municipality runs on its own servers, behind an OpenAI-compatible API
// (llama.cpp's server, vLLM, Ollama, text-embeddings-inference, LocalAI …):
// POST {endpoint}/embeddings with { model, input: [...] } → { data: [{ index, embedding }] }.
// Only built when EMBEDDINGS_ENDPOINT is set.
import type { PassageEmbedder } from "../../questions/passage-vectors.ts";

export interface EmbeddingsSettings {
  /** Base URL, e.g. http://localhost:8080/v1 (the path /embeddings is added). */
  endpoint: string;
  model: string;
  apiKey?: string;
  /** Longest wait for one request (a batch) at import and in backfill. */
  timeoutMs: number;
  /** Inputs per request: servers limit a request's size, and a long document is hundreds of passages. */
  batchSize?: number;
}

export class EmbeddingsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddingsError";
  }
}

export const defaultBatchSize = 64;

export class OpenAiCompatibleEmbeddings implements PassageEmbedder {
  readonly model: string;
  private readonly url: string;

  constructor(
    private readonly settings: EmbeddingsSettings,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.model = settings.model;
    this.url = `${settings.endpoint.replace(/\/+$/, "")}/embeddings`;
  }

  async embed(texts: string[], options: { timeoutMs?: number } = {}): Promise<Float32Array[]> {
    const size = Math.max(1, this.settings.batchSize ?? defaultBatchSize);
    const vectors: Float32Array[] = [];
    // One batch after the other: a model server on a municipality's own machine serves one at a time anyway.
    for (let start = 0; start < texts.length; start += size)
      vectors.push(...(await this.request(texts.slice(start, start + size), options.timeoutMs)));
    return vectors;
  }

  private async request(input: string[], timeoutMs = this.settings.timeoutMs): Promise<Float32Array[]> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.settings.apiKey) headers.authorization = `Bearer ${this.settings.apiKey}`;
    let response: Response;
    try {
      response = await this.fetchImpl(this.url, {
        method: "POST",
        headers,
        body: JSON.stringify({ model: this.model, input }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === "TimeoutError" || name === "AbortError")
        throw new EmbeddingsError(`The embeddings endpoint ${this.url} did not answer within ${timeoutMs} ms`, {
          cause: error,
        });
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new EmbeddingsError(
        `The embeddings endpoint ${this.url} could not be reached (${cause?.code ?? cause?.message ?? (error as Error).message}); is the model server running? (EMBEDDINGS_ENDPOINT)`,
        { cause: error },
      );
    }
    if (!response.ok) {
      const detail = (await response.text().catch(() => "")).slice(0, 200).trim();
      const hint =
        response.status === 401 || response.status === 403
          ? " (check EMBEDDINGS_API_KEY)"
          : response.status === 404
            ? " (check EMBEDDINGS_ENDPOINT: the base URL, e.g. http://localhost:8080/v1)"
            : "";
      throw new EmbeddingsError(
        `The embeddings endpoint answered ${response.status} ${response.statusText}${hint}${detail ? `: ${detail}` : ""}`,
      );
    }
    let payload: { data?: Array<{ index?: number; embedding?: unknown }> };
    try {
      payload = (await response.json()) as typeof payload;
    } catch (error) {
      throw new EmbeddingsError("The embeddings endpoint did not answer with JSON", { cause: error });
    }
    const data = Array.isArray(payload?.data) ? payload.data : null;
    if (!data || data.length !== input.length)
      throw new EmbeddingsError(
        `The embeddings endpoint returned ${data?.length ?? "no"} vectors for ${input.length} inputs (model ${this.model})`,
      );
    const vectors: Float32Array[] = new Array(input.length);
    // The API gives each vector its input's index; servers need not keep the order.
    for (const [position, item] of data.entries()) {
      const index = typeof item.index === "number" ? item.index : position;
      const embedding = item.embedding;
      if (
        !Array.isArray(embedding) ||
        embedding.length === 0 ||
        !embedding.every((v) => typeof v === "number" && Number.isFinite(v)) ||
        index < 0 ||
        index >= input.length ||
        vectors[index]
      )
        throw new EmbeddingsError(
          "The embeddings endpoint returned a malformed vector (expected data[].embedding: number[])",
        );
      vectors[index] = Float32Array.from(embedding as number[]);
    }
    const dimensions = vectors[0]!.length;
    if (vectors.some((v) => v.length !== dimensions))
      throw new EmbeddingsError("The embeddings endpoint returned vectors of different lengths");
    return vectors;
  }
}
