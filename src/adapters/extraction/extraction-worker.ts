// Runs inside the extraction worker thread (see bounded-text-extractor.ts): reads one untrusted file
// with the ordinary FileTextExtractor and reports progress, the result or the refusal as messages.
// OCR of scanned pages (pdftoppm + tesseract per page) runs here too: its processes die with
// `signal` when the job is cancelled, and each of them, and its temporary folder, is reported to the
// host, which cleans up after a worker it had to terminate.
import { parentPort, workerData } from "node:worker_threads";
import { DocumentRejected } from "../../agreements/source-document.ts";
import { FileTextExtractor, type ExtractorOptions } from "./file-text-extractor.ts";
import type { ExtractionJob, WorkerMessage } from "./extraction-protocol.ts";

const port = parentPort!;
const job = workerData as ExtractionJob;
const cancelled = new AbortController();
port.on("message", (message: { kind?: string }) => {
  if (message?.kind === "cancel") cancelled.abort(new Error("cancelled"));
});

const post = (message: WorkerMessage) => port.postMessage(message);
const options: ExtractorOptions = { ...job.options, signal: cancelled.signal };

try {
  const extractor = new FileTextExtractor(options, {
    onPlanned: (pages) => post({ kind: "ocrPlanned", pages }),
    onToolsVerified: () => post({ kind: "ocrToolsVerified" }),
    onSpawn: (pid) => post({ kind: "child", pid, running: true }),
    onExit: (pid) => post({ kind: "child", pid, running: false }),
    onScratch: (folder) => post({ kind: "scratch", folder }),
  });
  const result = await extractor.extract(
    { name: job.name, bytes: new Uint8Array(job.bytes) },
    (done, total, unit, phase) => post({ kind: "progress", done, total, unit, phase }),
  );
  post({ kind: "done", result });
} catch (error) {
  if (error instanceof DocumentRejected) post({ kind: "rejected", reason: error.reason, message: error.message });
  else post({ kind: "failed", message: (error as Error)?.message ?? String(error) });
} finally {
  port.close();
}
