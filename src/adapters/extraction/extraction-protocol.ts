// What the host and the extraction worker say to each other.
import type { ExtractedText, RejectionReason } from "../../agreements/source-document.ts";
import type { ExtractorOptions } from "./file-text-extractor.ts";

/** The worker's input (workerData): one file and the limits to read it within. */
export interface ExtractionJob {
  name: string;
  /** A copy of the file's bytes, transferred to the worker. */
  bytes: ArrayBuffer;
  options: Omit<ExtractorOptions, "signal">;
}

export type WorkerMessage =
  | { kind: "progress"; done: number; total: number; unit: "page"; phase?: "text" | "ocr" }
  /** OCR is about to read this many scanned pages: the host gives the job more time for them. */
  | { kind: "ocrPlanned"; pages: number }
  /** The OCR tools were found; later jobs need not look again. */
  | { kind: "ocrToolsVerified" }
  /** A child process (pdftoppm, tesseract) started or ended; the host kills those left if it stops the worker. */
  | { kind: "child"; pid: number; running: boolean }
  /** OCR's temporary folder, or null once removed; the host removes one left behind. */
  | { kind: "scratch"; folder: string | null }
  | { kind: "done"; result: ExtractedText }
  | { kind: "rejected"; reason: RejectionReason; message: string }
  | { kind: "failed"; message: string };
