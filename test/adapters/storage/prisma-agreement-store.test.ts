// Importing into SQLite and PostgreSQL: idempotent, versioned, and all-or-nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { swedishDictionary } from "../../../src/adapters/spelling/shared-dictionary.ts";
import { passageTerms } from "../../../src/questions/passage-terms.ts";
import { FileTextExtractor } from "../../../src/adapters/extraction/file-text-extractor.ts";
import { PrismaAgreementStore } from "../../../src/adapters/storage/prisma-agreement-store.ts";
import { importDocument } from "../../../src/agreements/import-document.ts";
import { fixedClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, testProviders, type TestDatabase } from "../../support/test-database.ts";
import { seedsFolder } from "../../support/seeds.ts";

const seeds = seedsFolder;
const seed = (name: string) => ({ name, bytes: readFileSync(join(seeds, name)) });
const extractor = new FileTextExtractor({ maxBytes: 20 * 1024 * 1024 });

async function counts(db: TestDatabase) {
  const p = db.database.prisma;
  return {
    documents: await p.document.count(),
    sections: await p.section.count(),
    agreements: await p.agreement.count(),
    assignments: await p.assignment.count(),
    indicators: await p.indicator.count(),
    reportingItems: await p.reportingItem.count(),
    economyLines: await p.economyLine.count(),
    versions: await p.agreementVersion.count(),
  };
}

describe.each(testProviders)("importing agreements into %s", (provider) => {
  let db: TestDatabase;
  afterEach(async () => db?.drop());

  const dependencies = (store: PrismaAgreementStore) => ({
    extractor,
    store,
    clock: fixedClock(new Date("2026-11-23T08:00:00Z")),
    dictionary: swedishDictionary,
    analyzePassage: passageTerms,
  });

  it("stores the model once; the same file again changes nothing", async () => {
    db = await createTestDatabase(provider);
    const store = new PrismaAgreementStore(db.database.prisma);
    const first = await importDocument(seed("001_67a0e3e82ef46e51.txt"), dependencies(store));
    expect(first).toMatchObject({ ok: true, outcome: { status: "created", agreementId: "kan-dso-2025", version: 1 } });
    const after = await counts(db);
    expect(after).toMatchObject({
      documents: 1,
      agreements: 1,
      assignments: 9,
      indicators: 18,
      reportingItems: 36,
      economyLines: 5,
      versions: 1,
    });
    const again = await importDocument(seed("001_67a0e3e82ef46e51.txt"), dependencies(store));
    expect(again).toMatchObject({ ok: true, outcome: { status: "unchanged" } });
    expect(await counts(db)).toEqual(after);
  });

  it("replaces a new version in place and keeps the assignments' rows", async () => {
    db = await createTestDatabase(provider);
    const store = new PrismaAgreementStore(db.database.prisma);
    await importDocument(seed("001_67a0e3e82ef46e51.txt"), dependencies(store));
    const before = await db.database.prisma.assignment.findMany({ orderBy: { ordinal: "asc" } });
    // The committee moves a meeting and drops one special assignment.
    const text = readFileSync(join(seeds, "001_67a0e3e82ef46e51.txt"), "utf8")
      .replaceAll("2025-11-05", "2025-11-12")
      .split("\n")
      .filter((line) => !line.startsWith("DSO ska delta i RARs projekt Sikta"))
      .join("\n");
    const second = await importDocument({ name: "kan-2025-rev2.txt", bytes: Buffer.from(text) }, dependencies(store));
    expect(second).toMatchObject({
      ok: true,
      outcome: {
        status: "replaced",
        agreementId: "kan-dso-2025",
        version: 2,
        keptAssignments: 8,
        retiredAssignments: 1,
      },
    });
    const after = await db.database.prisma.assignment.findMany({ orderBy: { ordinal: "asc" } });
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    expect(after.filter((a) => !a.active).map((a) => a.title)).toEqual([
      "DSO ska delta i RARs projekt Sikta mot arbetslivet enligt avtal",
    ]);
    const deadlines = await store.listDeadlines({ agreementId: "kan-dso-2025" });
    expect(deadlines.map((d) => d.date)).toContain("2025-11-12");
    expect(deadlines.map((d) => d.date)).not.toContain("2025-11-05");
    expect(await counts(db)).toMatchObject({ documents: 1, agreements: 1, versions: 2 });
  });

  it("leaves the database exactly as it was when an import fails halfway", async () => {
    db = await createTestDatabase(provider);
    const healthy = new PrismaAgreementStore(db.database.prisma);
    await importDocument(seed("001_67a0e3e82ef46e51.txt"), dependencies(healthy));
    const before = await counts(db);
    const failing = new PrismaAgreementStore(db.database.prisma, {
      beforeCommit: () => {
        throw new Error("disk full");
      },
    });
    await expect(importDocument(seed("002_728f56d805e94fe3.txt"), dependencies(failing))).rejects.toThrow("disk full");
    const text = readFileSync(join(seeds, "001_67a0e3e82ef46e51.txt"), "utf8").replace("2025-05-28", "2025-06-04");
    await expect(importDocument({ name: "rev.txt", bytes: Buffer.from(text) }, dependencies(failing))).rejects.toThrow(
      "disk full",
    );
    expect(await counts(db)).toEqual(before);
    expect((await healthy.listDeadlines({})).map((d) => d.date)).toContain("2025-05-28");
  });

  it("stores other documents as searchable documents and lists deadlines across agreements in date order", async () => {
    db = await createTestDatabase(provider);
    const store = new PrismaAgreementStore(db.database.prisma);
    for (const name of [
      "001_67a0e3e82ef46e51.txt",
      "002_728f56d805e94fe3.txt",
      "003_02981208924aacaa.txt",
      "004_7be657bef05ac405.txt",
    ]) {
      expect(await importDocument(seed(name), dependencies(store))).toMatchObject({ ok: true });
    }
    expect((await store.listAgreements()).map((a) => a.id)).toEqual(["sn-dso-2026", "kan-dso-2025"]);
    expect((await store.listDocuments()).filter((d) => d.kind === "document")).toHaveLength(2);
    const may = await store.listDeadlines({ from: "2025-05-01", to: "2025-05-31" });
    expect(may.map((d) => [d.date, d.section, d.submissionDate])).toEqual([
      ["2025-05-28", "3.2", "2025-05-07"],
      ["2025-05-28", "3.4", "2025-05-07"],
      ["2025-05-28", "3.6", null],
      ["2025-05-28", "4.1", null],
    ]);
    const all = await store.listDeadlines({});
    expect(all).toHaveLength(17 + 26);
    expect(all.map((d) => d.date)).toEqual([...all.map((d) => d.date)].sort());
  });
});
