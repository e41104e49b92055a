// Untrusted files that would exhaust the reader: Word zip bombs (honest and lying about their size),
// archives with thousands of parts, documents too heavy for the memory ceiling, PDFs with too many
// pages or too slow to read. Each is refused with a reason before it costs the process its memory,
// nothing is stored, and the next file is read as usual. Pages read still reach the caller.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BoundedTextExtractor,
  type BoundedExtractorOptions,
} from "../../../src/adapters/extraction/bounded-text-extractor.ts";
import { importDocument } from "../../../src/agreements/import-document.ts";
import { DocumentRejected, type SourceFile } from "../../../src/agreements/source-document.ts";
import { careAgreementDocx } from "../../fixtures/agreement-fixtures.ts";
import { heavyWord, wordWithManyParts, wordZipBomb } from "../../fixtures/hostile-files.ts";
import { cliRunner } from "../../support/cli-runner.ts";

/** The limits the bot runs with by default (IMPORT_* in the README). */
const defaults: BoundedExtractorOptions = {
  reader: { maxBytes: 20 * 1024 * 1024, maxPages: 1000, archive: { maxUnpackedBytes: 100 * 1024 * 1024 } },
  memoryLimitMb: 512,
  timeLimitMs: 120_000,
};

async function refusal(extractor: BoundedTextExtractor, file: SourceFile): Promise<DocumentRejected> {
  try {
    await extractor.extract(file);
  } catch (error) {
    if (error instanceof DocumentRejected) return error;
    throw error;
  }
  throw new Error(`${file.name} was read`);
}

function pdfWithPages(pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50 });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  for (let page = 1; page <= pages; page++) {
    if (page > 1) doc.addPage();
    doc
      .fontSize(11)
      .text(
        `Sida ${page}. Överenskommelse 2027 mellan Socialnämnden och Division Social omsorg; uppföljning vid nämndens sammanträde.`,
      );
  }
  doc.end();
  return done;
}

describe("reading untrusted files within limits", () => {
  const extractor = new BoundedTextExtractor(defaults);

  it("refuses a 1.6 MB Word file that unpacks to 450 MB before unpacking it", async () => {
    const error = await refusal(extractor, { name: "bomb-450.docx", bytes: wordZipBomb({ unpackedMb: 450 }) });
    expect(error.reason).toBe("archive_too_large");
    expect(error.message).toMatch(
      /unpacks to 450\.0 MB; the import reads at most 100\.0 MB \(IMPORT_MAX_UNPACKED_MB\)/,
    );
  });

  it("refuses a Word file that unpacks to 1.2 GB", async () => {
    expect(
      (await refusal(extractor, { name: "bomb-1200.docx", bytes: wordZipBomb({ unpackedMb: 1200 }) })).reason,
    ).toBe("archive_too_large");
  });

  it("refuses a zip bomb that declares a few kilobytes, as soon as it unpacks more than it declared", async () => {
    const error = await refusal(extractor, {
      name: "liar.docx",
      bytes: wordZipBomb({ unpackedMb: 450, declaredBytes: 4096 }),
    });
    expect(error.reason).toBe("archive_suspicious");
    expect(error.message).toMatch(/word\/document\.xml holds more than the 0\.0 MB it declares/);
  });

  it("refuses a zip bomb whose declared size and ratio are plausible, once it unpacks past what it declared", async () => {
    // 90 MB declared in about 1.6 MB: within the size limit and under 100:1, but it holds 450 MB.
    const error = await refusal(extractor, {
      name: "plausible-liar.docx",
      bytes: wordZipBomb({ unpackedMb: 450, declaredBytes: 90 * 1024 * 1024 }),
    });
    expect(error.reason).toBe("archive_suspicious");
  });

  it("refuses a part packed far tighter than text packs", async () => {
    const error = await refusal(
      new BoundedTextExtractor({
        ...defaults,
        reader: { ...defaults.reader, archive: { maxUnpackedBytes: 1024 * 1024 * 1024 } },
      }),
      {
        name: "tight.docx",
        bytes: wordZipBomb({ unpackedMb: 450 }),
      },
    );
    expect(error.reason).toBe("archive_suspicious");
    expect(error.message).toMatch(/to 1; at most 100 to 1/);
  });

  it("refuses a Word file with thousands of parts", async () => {
    const error = await refusal(extractor, { name: "parts.docx", bytes: wordWithManyParts(5000) });
    expect(error.reason).toBe("archive_suspicious");
    expect(error.message).toMatch(/5003 parts/);
  });

  it("stops a document that needs more memory than the ceiling, and reads the next file as usual", async () => {
    const small = new BoundedTextExtractor({ ...defaults, memoryLimitMb: 32 });
    const error = await refusal(small, { name: "heavy.docx", bytes: heavyWord(400_000) });
    expect(error.reason).toBe("extraction_out_of_memory");
    expect(error.message).toMatch(/more than 32 MB of memory \(IMPORT_MEMORY_LIMIT_MB\)/);
    const fine = await small.extract({ name: "avtal.docx", bytes: await careAgreementDocx() });
    expect(fine.text).toContain("Överenskommelse");
  });

  it("refuses a PDF with more pages than allowed before reading any", async () => {
    const limited = new BoundedTextExtractor({ ...defaults, reader: { ...defaults.reader, maxPages: 3 } });
    const error = await refusal(limited, { name: "lang.pdf", bytes: await pdfWithPages(4) });
    expect(error.reason).toBe("pdf_too_many_pages");
    expect(error.message).toMatch(/4 pages; the import reads at most 3 \(IMPORT_MAX_PAGES\)/);
  });

  it("stops a file that takes longer than the time limit", async () => {
    const hurried = new BoundedTextExtractor({ ...defaults, timeLimitMs: 20 });
    const error = await refusal(hurried, { name: "slow.pdf", bytes: await pdfWithPages(5) });
    expect(error.reason).toBe("extraction_too_slow");
    expect(error.message).toMatch(/IMPORT_TIME_LIMIT_SECONDS/);
  });

  it("reads plain text in this thread: no worker start, so no time limit to meet, and the same refusals", async () => {
    // 20 ms is far less than a worker takes to start; a text file is decoded without one.
    const hurried = new BoundedTextExtractor({ ...defaults, timeLimitMs: 20 });
    const text = "Överenskommelse 2026 mellan nämnden och divisionen. Rapport till nämnden 2026-03-18.\n".repeat(2000);
    const result = await hurried.extract({ name: "avtal.txt", bytes: new TextEncoder().encode(text) });
    expect(result.text).toContain("Rapport till nämnden 2026-03-18");
    expect(result.encoding).toBe("utf-8");
    const binary = await refusal(hurried, { name: "bild.txt", bytes: new Uint8Array(4096).fill(7) });
    expect(binary.reason).not.toBe("extraction_too_slow");
    const symbols = await refusal(hurried, {
      name: "tom.txt",
      bytes: new TextEncoder().encode("— 12 34 — ".repeat(5)),
    });
    expect(symbols.reason).toBe("no_text");
  });

  it("reports every page read, across the thread boundary", async () => {
    const progress: string[] = [];
    const result = await extractor.extract({ name: "avtal.pdf", bytes: await pdfWithPages(3) }, (done, total, unit) =>
      progress.push(`${done}/${total} ${unit}`),
    );
    expect(progress).toEqual(["1/3 page", "2/3 page", "3/3 page"]);
    expect(result).toMatchObject({ mediaType: "application/pdf", pageCount: 3 });
    expect(result.text).toContain("Sida 3.");
  });
});

describe("importing a zip bomb from the command line", () => {
  let folder: string;
  let env: Record<string, string>;
  const cli = cliRunner(() => ({ env, cwd: folder }));
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "uppfoljning-bomb-"));
    env = { DATABASE_URL: `file:${join(folder, "cli.db")}` };
    expect((await cli(["db", "migrate"])).code).toBe(0);
    writeFileSync(join(folder, "bomb.docx"), wordZipBomb({ unpackedMb: 1200 }));
    writeFileSync(join(folder, "avtal.docx"), await careAgreementDocx());
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("refuses the bomb with the reason, imports the good file next to it, and stores nothing of the bomb", async () => {
    const { code, out } = await cli(["import", join(folder, "bomb.docx"), join(folder, "avtal.docx")]);
    expect(code).toBe(1);
    expect(out).toMatch(/bomb\.docx\n\s+✘ not imported: The Word file unpacks to 1200\.0 MB/);
    const listed = JSON.parse((await cli(["agreements", "--all", "--json"])).out) as {
      agreements: unknown[];
      documents?: unknown[];
    };
    expect(listed.agreements).toHaveLength(1);
    expect(listed.documents ?? []).toHaveLength(0);
  });

  it("the use case refuses it too, with nothing stored", async () => {
    // Same through importDocument, as the bot and the CLI both call it.
    const { composeServices } = await import("../../../src/composition-root.ts");
    const { loadConfig } = await import("../../../src/config/config.ts");
    const { silentLogger } = await import("../../../src/shared/logger.ts");
    const services = await composeServices(loadConfig(env), { logger: silentLogger });
    try {
      const before = await services.database.prisma.document.count();
      const result = await importDocument(
        { name: "bomb.docx", bytes: wordZipBomb({ unpackedMb: 450 }) },
        services.importDependencies,
      );
      expect(result).toMatchObject({ ok: false, reason: "archive_too_large" });
      expect(await services.database.prisma.document.count()).toBe(before);
    } finally {
      await services.close();
    }
  });
});
