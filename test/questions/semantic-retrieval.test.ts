// Semantic retrieval end to end, on SQLite and PostgreSQL, against a loopback stand-in for the
// municipality's embeddings server: vectors are computed at import and stored beside the passages,
// questions are ranked by words and vectors together, and a server that is down costs nothing but
// the semantic ranking until it is back.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../src/agreements/import-document.ts";
import { composeServices, type Services } from "../../src/composition-root.ts";
import { loadConfig } from "../../src/config/config.ts";
import { decodeVector } from "../../src/questions/passage-vectors.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import type { Logger } from "../../src/shared/logger.ts";
import {
  fakeDimensions,
  startFakeEmbeddingsServer,
  type FakeEmbeddingsServer,
} from "../support/fake-embeddings-server.ts";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/test-database.ts";

const plan = {
  name: "skotselplan-parker.txt",
  bytes: readFileSync(join(import.meta.dirname, "../fixtures/questions/skotselplan-parker.txt")),
};
const summerQuestion = "Hur ofta töms papperskorgarna i parken på sommaren?";
const weekly = "Papperskorgarna i parken töms en gång i veckan.";
const summer = /^Under semesterperioden juni till augusti/;
const today = { today: "2026-06-01" } as const;

/** Collects warnings, so a test can see what an administrator would read in the log. */
function recordingLogger(warnings: string[]): Logger {
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (_object, message) => void warnings.push(message ?? ""),
    error: () => {},
    child: () => logger,
  };
  return logger;
}

describe.each(testProviders)("semantic retrieval on %s", (provider) => {
  let server: FakeEmbeddingsServer;
  let db: TestDatabase;
  const opened: Services[] = [];
  beforeAll(async () => {
    server = await startFakeEmbeddingsServer({ apiKey: "kommun-nyckel" });
  });
  afterAll(() => server.close());
  afterEach(async () => {
    for (const services of opened.splice(0)) await services.close();
    await db?.drop();
    server.behave("normal");
    await server.restart().catch(() => {});
  });

  async function services(env: Record<string, string>, warnings: string[] = []): Promise<Services> {
    const composed = await composeServices(loadConfig({ DATABASE_URL: db.url, ...env }), {
      logger: recordingLogger(warnings),
      clock: fixedClock(new Date("2026-06-01T08:00:00Z")),
    });
    opened.push(composed);
    return composed;
  }
  const embeddingsOn = (model = "park-model") => ({
    EMBEDDINGS_ENDPOINT: server.endpoint,
    EMBEDDINGS_MODEL: model,
    EMBEDDINGS_API_KEY: "kommun-nyckel",
  });

  it("import stores a vector per passage with the model's name, and a summer question quotes the June–August emptying first", async () => {
    db = await createTestDatabase(provider);
    const on = await services(embeddingsOn());
    const result = await importDocument(plan, on.importDependencies);
    expect(result).toMatchObject({ ok: true, outcome: { status: "created" }, vectors: { status: "stored" } });
    const prisma = db.database.prisma;
    const passages = await prisma.passage.findMany({ select: { kind: true, embedding: true } });
    const searchable = passages.filter((p) => p.kind !== "heading");
    expect(searchable.length).toBeGreaterThanOrEqual(5);
    expect(searchable.every((p) => p.embedding && decodeVector(p.embedding).length === fakeDimensions)).toBe(true);
    expect(passages.filter((p) => p.kind === "heading").every((p) => p.embedding === null)).toBe(true);
    const document = await prisma.document.findFirstOrThrow();
    expect(document.embeddingModel).toBe("park-model");
    expect(document.embeddedAt).not.toBeNull();
    // Each passage was sent with its section heading, with the key.
    const inputs = server.requests.flatMap((r) => r.body.input ?? []);
    expect(inputs).toContain(
      "Säsongsarbete\nUnder semesterperioden juni till augusti töms papperskorgarna i parken varje dag.",
    );
    expect(server.requests.every((r) => r.authorization === "Bearer kommun-nyckel")).toBe(true);

    const hybrid = await on.questions.answer(summerQuestion, today);
    expect(hybrid.citations[0]?.quote).toMatch(summer);
    // The same database without EMBEDDINGS_ENDPOINT: the stored vectors are not read, the words decide.
    const requestsBefore = server.requests.length;
    const off = await services({});
    const lexical = await off.questions.answer(summerQuestion, today);
    expect(lexical.found).toBe(true);
    expect(lexical.citations[0]?.quote).toBe(weekly);
    expect(server.requests.length).toBe(requestsBefore);
  });

  it("with the server down the import succeeds and questions are answered by their words; the vectors are filled in when it is back", async () => {
    db = await createTestDatabase(provider);
    await server.stop();
    const warnings: string[] = [];
    const on = await services(embeddingsOn(), warnings);
    const result = await importDocument(plan, on.importDependencies);
    expect(result).toMatchObject({ ok: true, outcome: { status: "created" }, vectors: { status: "pending" } });
    if (!result.ok || result.vectors?.status !== "pending") throw new Error("expected pending vectors");
    expect(result.vectors.message).toMatch(/could not be reached.*EMBEDDINGS_ENDPOINT/);
    expect(warnings.some((w) => /embeddings server failed at import/.test(w))).toBe(true);
    expect(await db.database.prisma.passage.count({ where: { embedding: { not: null } } })).toBe(0);
    expect(await on.vectors!.dependencies.store.vectorCounts("park-model")).toEqual({ embedded: 0, pending: 1 });

    const lexical = await on.questions.answer(summerQuestion, today);
    expect(lexical.found).toBe(true);
    expect(lexical.citations[0]?.quote).toBe(weekly);

    await server.restart();
    const filled = await on.vectors!.backfill();
    expect(filled).toMatchObject({ documents: 1, pending: 0 });
    expect(filled.error).toBeUndefined();
    expect(await on.vectors!.dependencies.store.vectorCounts("park-model")).toEqual({ embedded: 1, pending: 0 });
    // The corpus is reloaded for the vectors (no new import), and the next question uses them.
    const hybrid = await on.questions.answer(summerQuestion, today);
    expect(hybrid.citations[0]?.quote).toMatch(summer);
  });

  it("a question while the server fails is answered by its words, and the failure is logged once", async () => {
    db = await createTestDatabase(provider);
    const warnings: string[] = [];
    const on = await services(embeddingsOn(), warnings);
    await importDocument(plan, on.importDependencies);
    server.behave({ status: 500 });
    const first = await on.questions.answer(summerQuestion, today);
    const second = await on.questions.answer(summerQuestion, today);
    expect(first.citations[0]?.quote).toBe(weekly);
    expect(second.citations[0]?.quote).toBe(weekly);
    expect(warnings.filter((w) => /questions are answered from their words/.test(w))).toHaveLength(1);
  });

  it("another model's vectors are not used: the documents wait for the new model's, and the backfill replaces them", async () => {
    db = await createTestDatabase(provider);
    const old = await services(embeddingsOn("old-model"));
    await importDocument(plan, old.importDependencies);
    const changed = await services(embeddingsOn("new-model"));
    expect(await changed.vectors!.dependencies.store.vectorCounts("new-model")).toEqual({ embedded: 0, pending: 1 });
    server.requests.length = 0;
    // Until then the question is not embedded at all: there is nothing of the new model to compare it with.
    server.behave({ status: 503 });
    const meanwhile = await changed.questions.answer(summerQuestion, today);
    expect(meanwhile.citations[0]?.quote).toBe(weekly);
    server.behave("normal");
    await changed.vectors!.backfill();
    expect((await db.database.prisma.document.findFirstOrThrow()).embeddingModel).toBe("new-model");
    expect(server.requests.some((r) => r.body.model === "new-model")).toBe(true);
  });
});
