// Runs inside the extraction worker thread (see bounded-text-extractor.ts): reads one untrusted file
// with the ordinary FileTextExtractor and reports progress, the result or the refusal as messages.
// A later OCR step (pdftoppm + tesseract per page) belongs here too: it would spawn its processes with
// `signal`, so that a cancelled job takes them down with it, and report its pages through `progress`.
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
  const result = await new FileTextExtractor(options).extract(
    { name: job.name, bytes: new Uint8Array(job.bytes) },
    (done, total, unit) => post({ kind: "progress", done, total, unit }),
  );
  post({ kind: "done", result });
} catch (error) {
  if (error instanceof DocumentRejected) post({ kind: "rejected", reason: error.reason, message: error.message });
  else post({ kind: "failed", message: (error as Error)?.message ?? String(error) });
} finally {
  port.close();
}
