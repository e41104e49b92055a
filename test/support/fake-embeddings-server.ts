// A stand-in for a municipality's own embeddings server: OpenAI-compatible POST /v1/embeddings on
// loopback, answering with deterministic vectors. The vectors are a hashed bag of words in 64
// dimensions, with a few words grouped into one "concept" the way a real model knows that summer is
// June to August: texts that share words or concepts are near, others are not.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const fakeDimensions = 64;

/** Words a real model would put near each other; the lexical search does not know them. */
const concepts: Array<[string, string[]]> = [
  ["summer", ["sommar", "semesterperiod", "juni", "juli", "augusti", "summer"]],
  ["winter", ["vinter", "december", "januari", "februari", "winter"]],
];

const ignored = new Set(["och", "att", "det", "som", "för", "med", "den", "har", "hur", "vad", "the", "och"]);

function bucketOf(word: string): string {
  for (const [concept, stems] of concepts) if (stems.some((stem) => word.startsWith(stem))) return `#${concept}`;
  // A crude stem, so "papperskorgarna" and "papperskorgar" land together.
  return word.slice(0, 7);
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The fake model's vector of a text. */
export function fakeEmbedding(text: string): number[] {
  const vector = new Array<number>(fakeDimensions).fill(0);
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (word.length <= 2 || ignored.has(word)) continue;
    const bucket = bucketOf(word);
    // Concepts weigh like a word that says what a passage is about.
    vector[hash(bucket) % fakeDimensions]! += bucket.startsWith("#") ? 2 : 1;
  }
  return vector;
}

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: { model?: string; input?: string[] };
}

export interface FakeEmbeddingsServer {
  /** The base URL to set as EMBEDDINGS_ENDPOINT (…/v1). */
  endpoint: string;
  requests: RecordedRequest[];
  /** What the next requests get: vectors (the default), an HTTP error, a delay before answering, or vectors out of order. */
  behave(mode: { status?: number; delayMs?: number; shuffled?: boolean } | "normal"): void;
  /** Stops listening (connections are refused, as when the model server is down) … */
  stop(): Promise<void>;
  /** … and listens again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startFakeEmbeddingsServer(options: { apiKey?: string } = {}): Promise<FakeEmbeddingsServer> {
  const requests: RecordedRequest[] = [];
  let mode: { status?: number; delayMs?: number; shuffled?: boolean } = {};
  const server: Server = createServer(async (request, response) => {
    const body = JSON.parse((await readBody(request)) || "{}") as RecordedRequest["body"];
    requests.push({ path: request.url ?? "", authorization: request.headers.authorization, body });
    if (mode.delayMs) await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (response.destroyed) return;
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(payload));
    };
    if (request.method !== "POST" || request.url !== "/v1/embeddings") return send(404, { error: "not found" });
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`)
      return send(401, { error: { message: "invalid api key" } });
    if (mode.status) return send(mode.status, { error: { message: "model not loaded" } });
    const input = Array.isArray(body.input) ? body.input : [];
    const data = input.map((text, index) => ({ object: "embedding", index, embedding: fakeEmbedding(text) }));
    if (mode.shuffled) data.reverse();
    send(200, { object: "list", model: body.model, data });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    endpoint: `http://127.0.0.1:${port}/v1`,
    requests,
    behave: (next) => {
      mode = next === "normal" ? {} : next;
    },
    stop,
    restart: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: stop,
  };
}
