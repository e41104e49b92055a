// What an import starts from (a file's name and bytes) and what extraction makes of it.
// Extraction itself is an adapter (PDF, Word, text); the use case only sees this contract.
import type { PositionedLine } from "./reading/reader-input.ts";

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

export interface ExtractedText {
  text: string;
  mediaType:
    | "text/plain"
    | "text/markdown"
    | "application/pdf"
    | "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  /** How a text file was decoded ("utf-8", "windows-1252", "utf-16le"); null for PDF and Word. */
  encoding: string | null;
  pageCount: number | null;
  warnings: string[];
  /** For PDFs with a text layer: where each line's pieces sat on the page, one entry per line of `text`. */
  positionedLines?: PositionedLine[] | null;
  /** PDF pages (1-based) that were scans and were read by OCR. */
  ocrPages?: number[];
}

/**
 * Pages done of the total, as reading goes. `phase` says how the page just done was read: from its
 * text layer, or by OCR (seconds a page, so worth showing as "läser sida 12 av 40 …").
 */
export type ExtractionProgress = (done: number, total: number, unit: "page", phase?: "text" | "ocr") => void;

export interface TextExtractor {
  extract(file: SourceFile, onProgress?: ExtractionProgress): Promise<ExtractedText>;
}

export type RejectionReason =
  | "empty"
  | "too_large"
  | "unsupported_type"
  | "legacy_word"
  | "not_a_pdf"
  | "pdf_encrypted"
  | "pdf_damaged"
  | "pdf_needs_ocr"
  /** A scanned PDF, and the OCR tools (tesseract, its language model, pdftoppm) are not installed. */
  | "ocr_unavailable"
  /** More scanned pages than OCR reads (OCR_MAX_PAGES). */
  | "ocr_too_many_pages"
  | "docx_damaged"
  | "binary"
  | "no_text"
  /** A Word file that would unpack to more than the import allows (IMPORT_MAX_UNPACKED_MB). */
  | "archive_too_large"
  /** A Word file built to hurt the reader: too many parts, an impossible compression ratio, sizes that lie. */
  | "archive_suspicious"
  | "pdf_too_many_pages"
  /** Reading the file took longer than the import allows (IMPORT_TIME_LIMIT_SECONDS). */
  | "extraction_too_slow"
  /** Reading the file needed more memory than the import allows (IMPORT_MEMORY_LIMIT_MB). */
  | "extraction_out_of_memory";

/** A file that cannot be imported, with a message a person can act on. Nothing is stored. */
export class DocumentRejected extends Error {
  constructor(
    readonly reason: RejectionReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DocumentRejected";
  }
}
