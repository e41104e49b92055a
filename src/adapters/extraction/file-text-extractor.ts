// Reads a file with the reader its kind needs (file-kind.ts).
import mammoth from "mammoth";
import {
  DocumentRejected,
  type ExtractedText,
  type ExtractionProgress,
  type SourceFile,
  type TextExtractor,
} from "../../agreements/source-document.ts";
import { extensionOf, fileKindOf, isMarkdown, isZip, requireReadableText } from "./file-kind.ts";
import { htmlToText } from "./html-to-text.ts";
import { extractPdfText } from "./pdf-text.ts";
import { extractPlainText } from "./plain-text.ts";
import { TesseractPageReader, type OcrProcessHooks, type OcrSettings } from "./tesseract-page-reader.ts";
import { checkArchive, defaultArchiveLimits, type ArchiveLimits } from "./zip-limits.ts";

export interface ExtractorOptions {
  maxBytes: number;
  /** Word files: checked before anything is inflated (default: defaultArchiveLimits). */
  archive?: Partial<ArchiveLimits>;
  /** PDFs with more pages are refused before any page is read. */
  maxPages?: number;
  /** Aborted when the job is cancelled (its time ran out): reading stops between pages. */
  signal?: AbortSignal;
  /** OCR of scanned PDF pages; absent or null: a scanned PDF is refused as needing OCR. */
  ocr?: OcrSettings | null;
}

export const defaultMaxPages = 1000;

/** Images carry no text; not reading them spares inflating (and base64-encoding) every picture. */
const skipImages = mammoth.images.imgElement(async () => ({ src: "" }));

async function extractDocx(bytes: Uint8Array, limits: ArchiveLimits): Promise<ExtractedText> {
  await checkArchive(bytes, limits);
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: skipImages });
    const text = htmlToText(result.value);
    return {
      text,
      mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      encoding: null,
      pageCount: null,
      warnings: result.messages.filter((m) => m.type === "error").map((m) => m.message),
    };
  } catch (error) {
    throw new DocumentRejected(
      "docx_damaged",
      `The Word file could not be read (${(error as Error).message}). Open it in Word and save it again as .docx.`,
      { cause: error },
    );
  }
}

export class FileTextExtractor implements TextExtractor {
  constructor(
    private readonly options: ExtractorOptions,
    /** Told about OCR's child processes and temporary folder, for a host that may have to stop them hard. */
    private readonly ocrHooks: OcrProcessHooks = {},
  ) {}

  async extract(file: SourceFile, onProgress?: ExtractionProgress): Promise<ExtractedText> {
    const { bytes, name } = file;
    if (bytes.length === 0) throw new DocumentRejected("empty", "The file is empty.");
    if (bytes.length > this.options.maxBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new DocumentRejected(
        "too_large",
        `The file is ${mb(bytes.length)}; the import limit is ${mb(this.options.maxBytes)} (IMPORT_MAX_FILE_MB). Agreements are far smaller: check that this is the right file.`,
      );
    }
    const kind = fileKindOf(file);
    let result: ExtractedText;
    if (kind === "legacyWord") {
      throw new DocumentRejected(
        "legacy_word",
        "Old Word files (.doc) cannot be read. Save the document as .docx or PDF and import that.",
      );
    } else if (kind === "pdf") {
      const { ocr } = this.options;
      result = await extractPdfText(bytes, onProgress, {
        maxPages: this.options.maxPages ?? defaultMaxPages,
        signal: this.options.signal,
        ocr: ocr ? { reader: new TesseractPageReader(ocr, this.ocrHooks), maxPages: ocr.maxPages } : null,
      });
    } else if (kind === "docx") {
      if (!isZip(bytes))
        throw new DocumentRejected("docx_damaged", "The file is named .docx but is not a Word document.");
      result = await extractDocx(bytes, { ...defaultArchiveLimits, ...this.options.archive });
    } else if (kind === "text") {
      result = extractPlainText(bytes, isMarkdown(name));
    } else {
      throw new DocumentRejected(
        "unsupported_type",
        `Files of type .${extensionOf(name)} are not supported. Import PDF, Word (.docx), text (.txt) or Markdown (.md).`,
      );
    }
    return requireReadableText(result);
  }
}
