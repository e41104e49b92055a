// Reading an untrusted file must never take the process down. Each file is read by the ordinary
// FileTextExtractor in a worker thread of its own, with a ceiling on its heap (resourceLimits), a watch
// on the process's memory outside the heap (typed arrays of inflated streams are not on it), and a
// time limit. Whichever runs out, the worker is stopped and the file refused with the reason; the
// bot or CLI carries on. Progress (pages done/total) comes back across the thread boundary.
// OCR of scanned pages runs in child processes of the worker: the job gets more time per scanned
// page (bounded by OCR's page cap), and a worker that is stopped hard has its children killed and
// its temporary folder removed from here.
// Plain text is the exception: decoding it is one linear pass over a file already bounded by the
// size limit, with nothing to inflate or render, so it is read in this thread. A worker costs
// more to start than the whole read.
import { rm } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import {
  DocumentRejected,
  type ExtractedText,
  type ExtractionProgress,
  type SourceFile,
  type TextExtractor,
} from "../../agreements/source-document.ts";
import type { ExtractorOptions } from "./file-text-extractor.ts";
import { fileKindOf, isMarkdown, requireReadableText } from "./file-kind.ts";
import { extractPlainText } from "./plain-text.ts";
import type { ExtractionJob, WorkerMessage } from "./extraction-protocol.ts";

export interface BoundedExtractorOptions {
  /** Limits the reader itself applies (file size, Word archive, PDF pages). */
  reader: Omit<ExtractorOptions, "signal">;
  /** Heap of the worker; the process's memory may grow by at most twice this while a file is read. */
  memoryLimitMb: number;
  timeLimitMs: number;
  /** How long a cancelled job gets to stop its own child processes before the thread is terminated. */
  cancelGraceMs?: number;
}

// Compiled (dist/), the worker is plain JavaScript beside this file; from source, a small .mjs entry
// registers tsx in the thread first, since worker threads do not inherit the parent's loader.
const workerEntry = import.meta.url.endsWith(".ts")
  ? new URL("./extraction-worker.mjs", import.meta.url)
  : new URL("./extraction-worker.js", import.meta.url);
const mb = (bytes: number) => bytes / 1024 / 1024;

export class BoundedTextExtractor implements TextExtractor {
  /** Set once a job found the OCR tools: later jobs skip looking for them. */
  private ocrToolsVerified = false;

  constructor(private readonly options: BoundedExtractorOptions) {}

  async extract(file: SourceFile, onProgress?: ExtractionProgress): Promise<ExtractedText> {
    const { reader, memoryLimitMb, timeLimitMs } = this.options;
    // Cheap refusals need no thread; the worker checks them again anyway.
    if (file.bytes.length === 0) throw new DocumentRejected("empty", "The file is empty.");
    if (file.bytes.length > reader.maxBytes) {
      const size = (n: number) => `${mb(n).toFixed(1)} MB`;
      throw new DocumentRejected(
        "too_large",
        `The file is ${size(file.bytes.length)}; the import limit is ${size(reader.maxBytes)} (IMPORT_MAX_FILE_MB). Agreements are far smaller: check that this is the right file.`,
      );
    }
    if (fileKindOf(file) === "text") return requireReadableText(extractPlainText(file.bytes, isMarkdown(file.name)));
    const copy = new Uint8Array(file.bytes).buffer;
    const ocr = reader.ocr ? { ...reader.ocr, toolsVerified: this.ocrToolsVerified } : null;
    const job: ExtractionJob = { name: file.name, bytes: copy, options: { ...reader, ocr } };
    const worker = new Worker(workerEntry, {
      workerData: job,
      transferList: [copy],
      resourceLimits: {
        maxOldGenerationSizeMb: memoryLimitMb,
        maxYoungGenerationSizeMb: Math.min(32, Math.max(4, memoryLimitMb / 8)),
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });

    return new Promise<ExtractedText>((resolve, reject) => {
      let settled = false;
      const children = new Set<number>();
      let scratch: string | null = null;
      const startRss = process.memoryUsage.rss();
      const finish = (outcome: { result: ExtractedText } | { error: unknown }) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        if ("result" in outcome) resolve(outcome.result);
        else reject(outcome.error);
      };
      const stop = (error: DocumentRejected) => {
        finish({ error });
        worker.postMessage({ kind: "cancel" });
        setTimeout(() => void worker.terminate(), this.options.cancelGraceMs ?? 1000).unref();
      };

      const started = Date.now();
      let allowedMs = timeLimitMs;
      const tooSlow = () => {
        const extra =
          allowedMs > timeLimitMs
            ? ` plus ${Number(((allowedMs - timeLimitMs) / 1000).toFixed(1))} s for its scanned pages (OCR_SECONDS_PER_PAGE)`
            : "";
        stop(
          new DocumentRejected(
            "extraction_too_slow",
            `Reading the file took longer than ${Math.round(timeLimitMs / 1000)} s (IMPORT_TIME_LIMIT_SECONDS)${extra} and was stopped. If it is a very large agreement, raise the limit; otherwise check the file.`,
          ),
        );
      };
      let timer = setTimeout(tooSlow, timeLimitMs);
      // Memory outside the worker's heap (inflated PDF streams, buffers) counts against the process, not the heap limit.
      const watch = setInterval(() => {
        if (mb(process.memoryUsage.rss() - startRss) > 2 * memoryLimitMb) {
          void worker.terminate();
          finish({ error: outOfMemory(memoryLimitMb) });
        }
      }, 25);
      watch.unref();

      worker.on("message", (message: WorkerMessage) => {
        switch (message.kind) {
          case "progress":
            if (!settled) onProgress?.(message.done, message.total, message.unit, message.phase);
            return;
          case "ocrPlanned":
            // OCR takes seconds a page; the page cap (OCR_MAX_PAGES) bounds what this adds.
            if (settled) return;
            allowedMs = timeLimitMs + message.pages * (reader.ocr?.secondsPerPage ?? 0) * 1000;
            clearTimeout(timer);
            timer = setTimeout(tooSlow, Math.max(0, allowedMs - (Date.now() - started)));
            return;
          case "ocrToolsVerified":
            this.ocrToolsVerified = true;
            return;
          case "child":
            if (message.running) children.add(message.pid);
            else children.delete(message.pid);
            return;
          case "scratch":
            scratch = message.folder;
            return;
          case "done":
            return finish({ result: message.result });
          case "rejected":
            return finish({ error: new DocumentRejected(message.reason, message.message) });
          case "failed":
            return finish({ error: new Error(`Reading ${file.name} failed: ${message.message}`) });
        }
      });
      worker.on("error", (error: Error & { code?: string }) => {
        finish({
          error:
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? outOfMemory(memoryLimitMb)
              : new Error(`Reading ${file.name} failed: ${error.message}`, { cause: error }),
        });
      });
      worker.on("exit", (code) => {
        // A worker stopped before its OCR finished leaves its tools running and its pictures on disk.
        for (const pid of children) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            // Already gone.
          }
        }
        children.clear();
        if (scratch) void rm(scratch, { recursive: true, force: true }).catch(() => undefined);
        finish({ error: new Error(`Reading ${file.name} stopped unexpectedly (exit code ${code}).`) });
      });
    });
  }
}

function outOfMemory(limitMb: number): DocumentRejected {
  return new DocumentRejected(
    "extraction_out_of_memory",
    `Reading the file needed more than ${limitMb} MB of memory (IMPORT_MEMORY_LIMIT_MB) and was stopped; nothing was imported. The file is unusually complex or damaged: export it again from the original.`,
  );
}
