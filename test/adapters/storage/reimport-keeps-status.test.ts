// A re-import after the document changed or the reader reads it differently keeps every status
// attached, and corrections made by people survive it.
import { afterEach, describe, expect, it } from "vitest";
import { swedishDictionary } from "../../../src/adapters/spelling/shared-dictionary.ts";
import { FileTextExtractor } from "../../../src/adapters/extraction/file-text-extractor.ts";
import { PrismaAgreementStore } from "../../../src/adapters/storage/prisma-agreement-store.ts";
import { correctReportingItem } from "../../../src/agreements/corrections/correct-reporting-items.ts";
import { contentHashOf, importDocument } from "../../../src/agreements/import-document.ts";
import { readAgreement, readerVersion } from "../../../src/agreements/reading/read-agreement.ts";
import { passageTerms } from "../../../src/questions/passage-terms.ts";
import { fixedClock } from "../../../src/shared/clock.ts";
import { createTestDatabase, testProviders, type TestDatabase } from "../../support/test-database.ts";

const version1 = `Överenskommelse 2027 mellan Fritidsnämnden och Division Fritid

Denna överenskommelse gäller kalenderåret 2027 mellan Fritidsnämnden (FN) och Division Fritid (DF). Ombud är nämndens sakkunniga.

2 Grunduppdrag Simhallar
Divisionen driver kommunens två simhallar.

Vad\tNär\tHur
Besöksstatistik för simhallarna\t2027-03-17\tMuntlig rapport
\t2027-09-22\tSkriftlig rapport
Skriftliga underlag ska vara sakkunnig tillhanda två veckor före sammanträdet.
`;

// The next version words the row differently and corrects the form of the March report.
const version2 = version1
  .replace("Besöksstatistik för simhallarna", "Besöksstatistik och öppettider för kommunens simhallar")
  .replace("2027-03-17\tMuntlig rapport", "2027-03-17\tSkriftlig rapport");

describe.each(testProviders)("re-importing an agreement into %s", (provider) => {
  let db: TestDatabase;
  afterEach(async () => db?.drop());
  const extractor = new FileTextExtractor({ maxBytes: 1_000_000 });
  const clock = fixedClock(new Date("2027-01-10T08:00:00Z"));
  const operator = { kind: "operator" as const, name: "test" };

  it("keeps every status on its reporting item and re-applies corrections", async () => {
    db = await createTestDatabase(provider);
    const prisma = db.database.prisma;
    const store = new PrismaAgreementStore(prisma);
    const dependencies = { extractor, store, clock, dictionary: swedishDictionary, analyzePassage: passageTerms };
    const first = await importDocument({ name: "fn-2027.txt", bytes: Buffer.from(version1) }, dependencies);
    expect(first.ok).toBe(true);
    const items = await prisma.reportingItem.findMany({ where: { date: { not: null } }, orderBy: { date: "asc" } });
    expect(items.map((i) => i.date)).toEqual(["2027-03-17", "2027-09-22"]);
    const assignment = await prisma.assignment.findFirstOrThrow();
    // A status on each item, as the card would store it.
    for (const item of items) {
      await prisma.statusUpdate.create({
        data: {
          agreementId: assignment.agreementId,
          assignmentId: assignment.id,
          reportingItemKey: item.key,
          periodLabel: item.date!,
          dueDate: item.submissionDate ?? item.date,
          status: "on_track",
          text: "Enligt plan",
          indicatorValues: "[]",
          version: 1,
          tenantId: "t",
          authorAadObjectId: "a",
          authorName: "Ann",
          createdAt: clock.now(),
          updatedAt: clock.now(),
        },
      });
    }
    // An administrator removes nothing but adds a report the reader could not know about.
    await correctReportingItem({ corrections: store, clock }, operator, {
      agreementId: assignment.agreementId,
      action: "add",
      fields: { title: "Invigning av utebadet", meetingDate: "2027-06-16", form: "oral" },
    });
    const second = await importDocument({ name: "fn-2027-v2.txt", bytes: Buffer.from(version2) }, dependencies);
    expect(second).toMatchObject({ ok: true, outcome: { status: "replaced", version: 2 } });
    const after = await prisma.reportingItem.findMany({ orderBy: { date: "asc" } });
    const keys = new Set(after.map((i) => i.key));
    const statuses = await prisma.statusUpdate.findMany();
    expect(statuses).toHaveLength(2);
    for (const status of statuses) expect(keys).toContain(status.reportingItemKey);
    expect(after.find((i) => i.date === "2027-03-17")).toMatchObject({
      form: "written",
      title: expect.stringContaining("öppettider"),
    });
    expect(after.find((i) => i.title === "Invigning av utebadet")).toMatchObject({
      origin: "added",
      meetingDate: "2027-06-16",
    });
  });

  it("reads the same bytes again when the reader is newer, keeping the statuses", async () => {
    db = await createTestDatabase(provider);
    const prisma = db.database.prisma;
    const store = new PrismaAgreementStore(prisma);
    const dependencies = { extractor, store, clock, dictionary: swedishDictionary, analyzePassage: passageTerms };
    const bytes = Buffer.from(version1);
    await importDocument({ name: "fn-2027.txt", bytes }, dependencies);
    const removed = (await prisma.reportingItem.findFirstOrThrow({ where: { date: "2027-09-22" } })).key;
    const agreementId = (await prisma.agreement.findFirstOrThrow()).id;
    await correctReportingItem({ corrections: store, clock }, operator, {
      agreementId,
      action: "remove",
      itemKey: removed,
    });
    expect(await importDocument({ name: "fn-2027.txt", bytes }, dependencies)).toMatchObject({
      ok: true,
      outcome: { status: "unchanged" },
    });
    // A newer reader: the same file is read again and replaces the old reading in place.
    const extracted = await extractor.extract({ name: "fn-2027.txt", bytes });
    const parsed = readAgreement({ text: extracted.text });
    const outcome = await store.saveImport(
      {
        sourceName: "fn-2027.txt",
        contentHash: contentHashOf(bytes),
        byteSize: bytes.length,
        extracted,
        parsed,
        passageTerms: parsed.passages.map((p) => passageTerms(p.text).join(" ")),
        readerVersion: readerVersion + 1,
        seriesKey: "fritidsnamnden|division-fritid|2027",
        preferredAgreementId: "fn-df-2027",
      },
      clock.now(),
    );
    expect(outcome).toMatchObject({ status: "replaced", agreementId, version: 2 });
    expect(await prisma.document.count()).toBe(1);
    // The removal made by a person still holds.
    expect((await prisma.reportingItem.findMany({ where: { date: { not: null } } })).map((i) => i.date)).toEqual([
      "2027-03-17",
    ]);
  });
});
