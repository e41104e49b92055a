// The corpus stamp is read before every question: it must change with every import and every
// backfill of vectors (so the next question sees them), and stay the same while nothing changes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgreementStore } from "../../../src/agreements/agreement-store.ts";
import { PrismaQuestionCorpus } from "../../../src/adapters/storage/prisma-question-corpus.ts";
import { createTestDatabase, testProviders, type TestDatabase } from "../../support/test-database.ts";

describe.each(testProviders)("the question corpus's stamp on %s", (provider) => {
  let db: TestDatabase;
  // The stamp reads documents only.
  const agreements = {} as AgreementStore;
  const addDocument = (importedAt: Date) =>
    db.database.prisma.document.create({
      data: {
        kind: "document",
        title: "Rapport",
        sourceName: `rapport-${randomUUID()}.txt`,
        mediaType: "text/plain",
        contentHash: randomUUID(),
        byteSize: 10,
        text: "Rapport",
        importedAt,
      },
    });
  beforeAll(async () => {
    db = await createTestDatabase(provider);
  });
  afterAll(() => db.drop());

  it("changes with each import, also of a document imported at the same time as the latest", async () => {
    const corpus = new PrismaQuestionCorpus(db.database.prisma, agreements);
    const empty = await corpus.corpusStamp();
    expect(await corpus.corpusStamp()).toBe(empty);

    const at = new Date("2025-04-28T08:00:00.123Z");
    await addDocument(at);
    const one = await corpus.corpusStamp();
    expect(one).not.toBe(empty);
    expect(await corpus.corpusStamp()).toBe(one);

    await addDocument(at);
    const two = await corpus.corpusStamp();
    expect(two).not.toBe(one);

    await addDocument(new Date("2025-04-28T08:00:00.124Z"));
    expect(await corpus.corpusStamp()).not.toBe(two);
  });

  it("with embeddings on, changes when vectors are stored for a document already there", async () => {
    const corpus = new PrismaQuestionCorpus(db.database.prisma, agreements, "test-model");
    const before = await corpus.corpusStamp();
    const document = await db.database.prisma.document.findFirstOrThrow();
    await db.database.prisma.document.update({
      where: { id: document.id },
      data: { embeddingModel: "test-model", embeddedAt: new Date("2025-04-29T10:00:00Z") },
    });
    const after = await corpus.corpusStamp();
    expect(after).not.toBe(before);
    expect(await corpus.corpusStamp()).toBe(after);
    // Without embeddings the vectors are not part of the corpus.
    const withoutVectors = new PrismaQuestionCorpus(db.database.prisma, agreements);
    expect(await withoutVectors.corpusStamp()).not.toContain("2025-04-29");
  });
});
