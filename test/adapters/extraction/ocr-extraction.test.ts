// Scanned PDFs read with real pdftoppm and tesseract (Debian poppler-utils, tesseract-ocr,
// tesseract-ocr-swe): the OCR runner on its own, a scanned table page through the reader, a mixed
// PDF, progress across the worker, stopping mid-page, and the message when the tools are missing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BoundedTextExtractor,
  type BoundedExtractorOptions,
} from "../../../src/adapters/extraction/bounded-text-extractor.ts";
import { FileTextExtractor } from "../../../src/adapters/extraction/file-text-extractor.ts";
import {
  checkOcrTools,
  defaultOcrSettings,
  ocrUnavailable,
  TesseractPageReader,
  type OcrSettings,
} from "../../../src/adapters/extraction/tesseract-page-reader.ts";
import { readAgreement } from "../../../src/agreements/reading/read-agreement.ts";
import { DocumentRejected, type SourceFile } from "../../../src/agreements/source-document.ts";
import { agreementText, fixtureFolder, splitForMixed, tablePageText } from "../../fixtures/scanned/scanned-fixtures.ts";
import { recall } from "../../fixtures/scanned/recall.ts";

const fixture = (name: string): SourceFile => ({ name, bytes: readFileSync(join(fixtureFolder, name)) });
const ocr: OcrSettings = { ...defaultOcrSettings };
const bounded: BoundedExtractorOptions = {
  reader: { maxBytes: 20 * 1024 * 1024, maxPages: 1000, ocr },
  memoryLimitMb: 512,
  timeLimitMs: 120_000,
};
const itemsOf = (text: string, positionedLines?: Parameters<typeof readAgreement>[0]["positionedLines"]) =>
  readAgreement({ text, positionedLines }).reportingItems.map((item) => ({ date: item.date, title: item.title }));

async function refusal(work: Promise<unknown>): Promise<DocumentRejected> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DocumentRejected) return error;
    throw error;
  }
  throw new Error("the file was read");
}

describe("the OCR runner", () => {
  it("finds pdftoppm, tesseract and the Swedish model on this machine", async () => {
    expect(await checkOcrTools(ocr)).toEqual({ ok: true });
  });

  it("reads a scanned page with its Swedish letters and dates, and removes its temporary folder", async () => {
    const folders: Array<string | null> = [];
    const spawned: number[] = [];
    const reader = new TesseractPageReader(ocr, {
      onScratch: (folder) => folders.push(folder),
      onSpawn: (pid) => spawned.push(pid),
    });
    const pages = await reader.read(fixture("scanned-table-page.pdf").bytes, [1], () => undefined);
    const text = pages.get(1)!.text;
    expect(text).toContain("Miljö- och byggnadsnämnden");
    for (const date of ["2026-03-18", "2026-05-20", "2026-09-16", "2026-11-25", "2026-12-09"])
      expect(text).toContain(date);
    // Rendering and reading are two processes a page.
    expect(spawned.length).toBe(2);
    expect(folders).toHaveLength(2);
    expect(folders[1]).toBeNull();
    expect(existsSync(folders[0]!)).toBe(false);
  }, 120_000);

  it("kills its processes and removes its folder when the job is stopped mid-page", async () => {
    const stop = new AbortController();
    const spawned: number[] = [];
    let folder: string | null = null;
    const reader = new TesseractPageReader(ocr, {
      onSpawn: (pid) => {
        spawned.push(pid);
        if (spawned.length === 1) setTimeout(() => stop.abort(new Error("time is up")), 50);
      },
      onScratch: (path) => (folder ??= path),
    });
    await expect(
      reader.read(fixture("scanned-agreement.pdf").bytes, [1, 2], () => undefined, stop.signal),
    ).rejects.toThrow();
    expect(spawned.length).toBeGreaterThan(0);
    for (const pid of spawned) expect(() => process.kill(pid, 0)).toThrow();
    expect(existsSync(folder!)).toBe(false);
  }, 60_000);
});

describe("scanned documents through the reader", () => {
  it("a scanned page of a table gives the same reporting items as its text", async () => {
    const scanned = await new FileTextExtractor({ maxBytes: 20 * 1024 * 1024, ocr }).extract(
      fixture("scanned-table-page.pdf"),
    );
    expect(scanned.ocrPages).toEqual([1]);
    const expected = itemsOf(tablePageText());
    const found = itemsOf(scanned.text, scanned.positionedLines);
    expect(found.map((i) => i.date)).toEqual(expected.map((i) => i.date));
    expect(recall(expected, found).share).toBe(1);
  }, 120_000);

  it("a mixed PDF reads page 1 from its text layer and page 2 by OCR, with progress for each across the worker", async () => {
    const progress: string[] = [];
    const result = await new BoundedTextExtractor(bounded).extract(
      fixture("mixed-agreement.pdf"),
      (done, total, _unit, phase) => progress.push(`${done}/${total} ${phase}`),
    );
    expect(progress).toEqual(["1/2 text", "2/2 ocr"]);
    expect(result).toMatchObject({ pageCount: 2, ocrPages: [2] });
    expect(result.warnings.join(" ")).toMatch(/1 av 2 sidor var inskannade/);
    // Page 1's lines keep pdf.js positions, page 2's those OCR found.
    expect(result.positionedLines!.filter((l) => l.page === 1 && l.spans.length > 0).length).toBeGreaterThan(5);
    expect(result.positionedLines!.filter((l) => l.page === 2 && l.spans.length > 0).length).toBeGreaterThan(5);
    const [first, second] = splitForMixed(agreementText());
    expect(result.text).toContain("Beslutad av Fritids- och föreningsnämnden 2024-12-04.");
    const score = recall(itemsOf(`${first}\n\n${second}`), itemsOf(result.text, result.positionedLines));
    expect(score.missing).toEqual([]);
  }, 120_000);

  it("stops an OCR that takes longer than the time limit, and reads the next file as usual", async () => {
    // Time enough to start and find the two scanned pages even on a busy machine, not to read them:
    // at 600 dpi, one page at a time, a page takes Tesseract well over ten seconds.
    const slowOcr = { ...ocr, secondsPerPage: 0.25, dpi: 600, parallelPages: 1 };
    const hurried = new BoundedTextExtractor({
      ...bounded,
      timeLimitMs: 8000,
      reader: { ...bounded.reader, ocr: slowOcr },
    });
    const error = await refusal(hurried.extract(fixture("scanned-agreement.pdf")));
    expect(error.reason).toBe("extraction_too_slow");
    expect(error.message).toMatch(
      /longer than 8 s \(IMPORT_TIME_LIMIT_SECONDS\) plus 0\.5 s for its scanned pages \(OCR_SECONDS_PER_PAGE\)/,
    );
    const text = await hurried.extract({ name: "avtal.txt", bytes: Buffer.from(agreementText()) });
    expect(text.text).toContain("Simkunnighet");
  }, 60_000);

  it("refuses more scanned pages than OCR reads", async () => {
    const capped = new FileTextExtractor({ maxBytes: 20 * 1024 * 1024, ocr: { ...ocr, maxPages: 1 } });
    const error = await refusal(capped.extract(fixture("scanned-agreement.pdf")));
    expect(error.reason).toBe("ocr_too_many_pages");
    expect(error.message).toMatch(/2 inskannade sidor; textigenkänningen läser högst 1 \(OCR_MAX_PAGES\)/);
  });

  it("with OCR turned off, a scan is refused as needing OCR", async () => {
    const error = await refusal(
      new FileTextExtractor({ maxBytes: 20 * 1024 * 1024, ocr: null }).extract(fixture("scanned-agreement.pdf")),
    );
    expect(error.reason).toBe("pdf_needs_ocr");
    expect(error.message).toMatch(/OCR=off/);
  });
});

describe("when the OCR tools are missing", () => {
  const extractWith = (settings: Partial<OcrSettings>) =>
    refusal(
      new BoundedTextExtractor({ ...bounded, reader: { ...bounded.reader, ocr: { ...ocr, ...settings } } }).extract(
        fixture("scanned-table-page.pdf"),
      ),
    );

  it("names the Debian packages for tesseract and its Swedish model, in Swedish", async () => {
    const error = await extractWith({ commands: { tesseract: "tesseract-som-saknas", pdftoppm: "pdftoppm" } });
    expect(error.reason).toBe("ocr_unavailable");
    expect(error.message).toMatch(/sudo apt-get install tesseract-ocr tesseract-ocr-swe\b/);
    expect(error.message).toMatch(/Inget har importerats/);
  });

  it("names the model's package when only the language is missing", async () => {
    const error = await extractWith({ language: "swe+fao" });
    expect(error.message).toMatch(/apt-get install tesseract-ocr-fao\./);
    expect(error.message).not.toMatch(/install tesseract-ocr /);
  });

  it("names poppler-utils when pdftoppm is missing", async () => {
    const error = await extractWith({ commands: { tesseract: "tesseract", pdftoppm: "pdftoppm-som-saknas" } });
    expect(error.message).toMatch(/apt-get install poppler-utils/);
  });

  it("has the same message in English", async () => {
    const check = await checkOcrTools({
      ...ocr,
      commands: { tesseract: "tesseract-som-saknas", pdftoppm: "pdftoppm" },
    });
    if (check.ok) throw new Error("the missing command was found");
    expect(ocrUnavailable(check, "en").message).toMatch(
      /^The PDF is a scan .* install the Debian packages: sudo apt-get install tesseract-ocr tesseract-ocr-swe\. Nothing was imported\.$/,
    );
  });
});
