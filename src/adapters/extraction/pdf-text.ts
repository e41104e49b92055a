// PDF text through pdfjs-dist (the legacy build runs on Node 20). Text items are put back into
// lines by their vertical position, and wide horizontal gaps become tabs so that tables keep
// their columns, the same shape the parser gets from Word and text files. Pages without a text
// layer (scans) are read by OCR when a ScannedPageReader is given, after the pages pdf.js could read.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PositionedLine } from "../../agreements/reading/reader-input.ts";
import { DocumentRejected, type ExtractedText, type ExtractionProgress } from "../../agreements/source-document.ts";
import { translate } from "../../shared/messages/translate.ts";
import { pageNeedsOcr, type ScannedPageReader } from "./scanned-pages.ts";

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

/** The page's lines as text (wide gaps as tabs) and, line for line, where each piece of text sat. */
function pageText(items: TextItem[], page: number, pageHeight: number): { text: string; lines: PositionedLine[] } {
  const positioned = items
    // pdf.js reports the space between columns as a wide whitespace item; the gap itself is what matters.
    .filter((item) => item.str.trim().length > 0)
    .map((item) => ({
      text: item.str,
      x: item.transform[4]!,
      y: item.transform[5]!,
      width: item.width,
      size: Math.abs(item.transform[3]!) || item.height || 10,
    }));
  // Group into lines: items whose baselines are within a third of the font size.
  positioned.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<typeof positioned> = [];
  for (const item of positioned) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) <= Math.max(2, item.size / 3)) line.push(item);
    else lines.push([item]);
  }
  const out: string[] = [];
  const located: PositionedLine[] = [];
  let previousY: number | null = null;
  let previousSize = 10;
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let text = "";
    let end: number | null = null;
    for (const item of line) {
      if (end !== null) {
        const gap = item.x - end;
        if (gap > item.size * 1.5) text += "\t";
        else if (gap > item.size * 0.15 && !text.endsWith(" ") && !item.text.startsWith(" ")) text += " ";
      }
      text += item.text;
      end = item.x + item.width;
    }
    // A vertical gap larger than a line and a half is a paragraph break.
    const y = pageHeight - line[0]!.y;
    if (previousY !== null && previousY - line[0]!.y > previousSize * 1.9) {
      out.push("");
      located.push({ page, y, spans: [] });
    }
    out.push(text.replace(/ +\t/g, "\t").replace(/\t +/g, "\t"));
    located.push({ page, y, spans: line.map((item) => ({ x: item.x, width: item.width, text: item.text })) });
    previousY = line[0]!.y;
    previousSize = line[0]!.size;
  }
  return { text: out.join("\n"), lines: located };
}

export interface PdfReadOptions {
  maxPages?: number;
  signal?: AbortSignal;
  /** Reads pages without a text layer; without it a scanned PDF is refused as needing OCR. */
  ocr?: { reader: ScannedPageReader; maxPages: number } | null;
}

export async function extractPdfText(
  bytes: Uint8Array,
  onProgress?: ExtractionProgress,
  options: PdfReadOptions = {},
): Promise<ExtractedText> {
  const header = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!header.includes("%PDF-"))
    throw new DocumentRejected("not_a_pdf", "The file is named .pdf but is not a PDF document.");
  const { getDocument, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let document: Awaited<ReturnType<typeof getDocument>["promise"]>;
  try {
    document = await getDocument({
      data: new Uint8Array(bytes),
      standardFontDataUrl,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") {
      throw new DocumentRejected(
        "pdf_encrypted",
        "The PDF is password-protected. Remove the password (or export an unprotected copy) and import again.",
        { cause: error },
      );
    }
    throw new DocumentRejected(
      "pdf_damaged",
      `The PDF could not be read (${(error as Error).message}). It may be damaged; export it again from the original.`,
      { cause: error },
    );
  }
  const pageCount = document.numPages;
  const pages: Array<{ text: string; lines: PositionedLine[] } | null> = [];
  const scanned: number[] = [];
  let done = 0;
  try {
    if (options.maxPages !== undefined && pageCount > options.maxPages) {
      throw new DocumentRejected(
        "pdf_too_many_pages",
        `The PDF has ${pageCount} pages; the import reads at most ${options.maxPages} (IMPORT_MAX_PAGES). Agreements are far shorter: check that this is the right file.`,
      );
    }
    for (let number = 1; number <= pageCount; number++) {
      options.signal?.throwIfAborted();
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const read = pageText(
        content.items.filter((item) => "str" in item) as unknown as TextItem[],
        number,
        page.view[3] ?? 842,
      );
      page.cleanup();
      // A page whose text layer is empty or only a stamp is a scan: it waits for OCR, which reads it all.
      if (options.ocr && pageNeedsOcr(read.text)) {
        scanned.push(number);
        pages.push(null);
        continue;
      }
      pages.push(read);
      onProgress?.(++done, pageCount, "page", "text");
    }
  } finally {
    // The scans are read by other processes from the file's bytes; pdf.js's memory is not needed for that.
    await document.destroy();
  }

  const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;
  const warnings: string[] = [];
  if (options.ocr && scanned.length > 0) {
    if (scanned.length > options.ocr.maxPages) {
      throw new DocumentRejected(
        "ocr_too_many_pages",
        translate("sv", "extraction.ocrTooManyPages", { scanned: scanned.length, max: options.ocr.maxPages }),
      );
    }
    const texts = await options.ocr.reader.read(
      bytes,
      scanned,
      () => onProgress?.(++done, pageCount, "page", "ocr"),
      options.signal,
    );
    for (const number of scanned) pages[number - 1] = texts.get(number) ?? { text: "", lines: [] };
    warnings.push(translate("sv", "extraction.ocrPages", { count: scanned.length, pages: pageCount }));
  }
  const read = pages.map((page) => page ?? { text: "", lines: [] });
  const text = read.map((page) => page.text).join("\n\n");
  if (!options.ocr && letters(text) < 40 * Math.min(pageCount, 3)) {
    throw new DocumentRejected(
      "pdf_needs_ocr",
      translate("sv", "extraction.ocrOff", { pages: pageCount, letters: letters(text) }),
    );
  }
  // One positioned entry per line of `text`, pages apart by the blank line the join puts between them.
  const positionedLines: PositionedLine[] = [];
  read.forEach((page, index) => {
    if (index > 0) positionedLines.push({ page: index + 1, y: 0, spans: [] });
    positionedLines.push(
      ...(page.lines.length === page.text.split("\n").length
        ? page.lines
        : page.text.split("\n").map(() => ({ page: index + 1, y: 0, spans: [] }))),
    );
  });
  return {
    text,
    mediaType: "application/pdf",
    encoding: null,
    pageCount,
    warnings,
    positionedLines,
    ...(scanned.length > 0 ? { ocrPages: scanned } : {}),
  };
}
