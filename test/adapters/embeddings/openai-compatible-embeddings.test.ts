// The client of a municipality's own embeddings server, against a loopback stand-in that speaks the
// OpenAI embeddings API: batches, the key, vectors in input order, and failures that say what to fix.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EmbeddingsError,
  OpenAiCompatibleEmbeddings,
} from "../../../src/adapters/embeddings/openai-compatible-embeddings.ts";
import { fakeDimensions, fakeEmbedding, startFakeEmbeddingsServer } from "../../support/fake-embeddings-server.ts";

/** A loopback port nobody listens on: a model server that is not running. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("OpenAI-compatible embeddings client", () => {
  let server: Awaited<ReturnType<typeof startFakeEmbeddingsServer>>;
  beforeAll(async () => {
    server = await startFakeEmbeddingsServer({ apiKey: "s3cret" });
  });
  afterAll(() => server.close());

  const client = (overrides: Partial<ConstructorParameters<typeof OpenAiCompatibleEmbeddings>[0]> = {}) =>
    new OpenAiCompatibleEmbeddings({
      endpoint: `${server.endpoint}/`,
      model: "bge-m3",
      apiKey: "s3cret",
      timeoutMs: 2000,
      batchSize: 64,
      ...overrides,
    });

  it("sends 150 passages as batches of 64, 64 and 22 with the model and the key, and returns one vector each in order", async () => {
    server.behave("normal");
    server.requests.length = 0;
    const texts = Array.from({ length: 150 }, (_, i) => `Passage nummer ${i} om ${i % 2 ? "parker" : "skolor"}`);
    const vectors = await client().embed(texts);
    expect(server.requests.map((r) => r.body.input?.length)).toEqual([64, 64, 22]);
    expect(server.requests.every((r) => r.path === "/v1/embeddings" && r.body.model === "bge-m3")).toBe(true);
    expect(server.requests.every((r) => r.authorization === "Bearer s3cret")).toBe(true);
    expect(vectors).toHaveLength(150);
    expect(vectors[0]).toBeInstanceOf(Float32Array);
    expect(vectors[0]!.length).toBe(fakeDimensions);
    expect([...vectors[149]!]).toEqual(fakeEmbedding(texts[149]!));
  });

  it("puts vectors back in input order when the server answers them out of order", async () => {
    server.behave({ shuffled: true });
    const texts = ["Papperskorgar töms varje vecka.", "Lekplatser besiktas varje år."];
    const vectors = await client().embed(texts);
    expect([...vectors[0]!]).toEqual(fakeEmbedding(texts[0]!));
    expect([...vectors[1]!]).toEqual(fakeEmbedding(texts[1]!));
    server.behave("normal");
  });

  it("a wrong key is refused with a hint to check EMBEDDINGS_API_KEY", async () => {
    await expect(client({ apiKey: "wrong" }).embed(["x"])).rejects.toThrow(/401.*EMBEDDINGS_API_KEY/);
    await expect(client({ apiKey: undefined }).embed(["x"])).rejects.toBeInstanceOf(EmbeddingsError);
  });

  it("a server error is reported with its status and message", async () => {
    server.behave({ status: 503 });
    await expect(client().embed(["x"])).rejects.toThrow(/answered 503.*model not loaded/);
    server.behave("normal");
  });

  it("a slow server is given up on after the timeout", async () => {
    server.behave({ delayMs: 1500 });
    const started = Date.now();
    await expect(client().embed(["x"], { timeoutMs: 200 })).rejects.toThrow(/did not answer within 200 ms/);
    expect(Date.now() - started).toBeLessThan(1200);
    server.behave("normal");
  });

  it("a server that is not running is named, with the setting to check", async () => {
    const port = await closedPort();
    const down = new OpenAiCompatibleEmbeddings({
      endpoint: `http://127.0.0.1:${port}/v1`,
      model: "m",
      timeoutMs: 2000,
    });
    await expect(down.embed(["x"])).rejects.toThrow(/could not be reached \(ECONNREFUSED\).*EMBEDDINGS_ENDPOINT/);
  });

  it("a wrong base URL (404) says what the endpoint should look like", async () => {
    const wrong = client({ endpoint: `${server.endpoint.replace(/\/v1$/, "")}/api` });
    await expect(wrong.embed(["x"])).rejects.toThrow(/404.*base URL/);
  });

  it("an empty list needs no request", async () => {
    server.requests.length = 0;
    expect(await client().embed([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
