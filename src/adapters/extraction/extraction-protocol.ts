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
  | { kind: "progress"; done: number; total: number; unit: "page" }
  | { kind: "done"; result: ExtractedText }
  | { kind: "rejected"; reason: RejectionReason; message: string }
  | { kind: "failed"; message: string };
