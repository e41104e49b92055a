// OCR of scanned PDF pages with the Debian tools: poppler's pdftoppm renders one page at a time
// to a grey PNG, Tesseract reads it with the Swedish model. Each tool is a child process with a
// ceiling on its address space (ulimit -v) that dies with the job's AbortSignal; the pictures live
// in a private temporary folder that is removed whatever happens. Runs inside the extraction worker.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DocumentRejected } from "../../agreements/source-document.ts";
import { translate } from "../../shared/messages/translate.ts";
import { ocrWordsToPage, type OcrPage, type ScannedPageReader } from "./scanned-pages.ts";

export interface OcrSettings {
  /** Tesseract's language(s): "swe", or "swe+eng" for both. */
  language: string;
  /** A PDF with more scanned pages than this is refused before any is read (OCR_MAX_PAGES). */
  maxPages: number;
  /** Pages read at the same time; each tesseract runs single-threaded, so this is the cores used. */
  parallelPages: number;
  /** Extra time the import may take per scanned page, on top of its own limit (OCR_SECONDS_PER_PAGE). */
  secondsPerPage: number;
  /** Resolution pages are rendered at: Tesseract reads best at about 300 dpi. */
  dpi: number;
  /**
   * Tesseract's page segmentation: 4 (one column of text of varying sizes) keeps each table row on
   * one line with its cells apart; 3, the automatic layout, sometimes sends a column off on its own.
   */
  pageSegmentation: number;
  /** Address space of each pdftoppm or tesseract process, in MB. */
  memoryLimitMb: number;
  /** Command names (or paths) of the tools. */
  commands: { tesseract: string; pdftoppm: string };
  /** Set by the host once a check found the tools, so later jobs skip it. */
  toolsVerified?: boolean;
}

export const defaultOcrSettings: OcrSettings = {
  language: "swe",
  maxPages: 100,
  parallelPages: 2,
  secondsPerPage: 20,
  dpi: 300,
  pageSegmentation: 4,
  memoryLimitMb: 512,
  commands: { tesseract: "tesseract", pdftoppm: "pdftoppm" },
};

/** What the reader tells its host about the processes and files it makes, so a host that stops it hard can clean up. */
export interface OcrProcessHooks {
  /** OCR is about to read this many pages (the host may allow it more time). */
  onPlanned?(pages: number): void;
  onSpawn?(pid: number): void;
  onExit?(pid: number): void;
  /** The private temporary folder, or null once it is removed. */
  onScratch?(folder: string | null): void;
  /** The tools were found, with the language model. */
  onToolsVerified?(): void;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** What sh answers when the command it was asked to exec does not exist. */
const commandNotFound = 127;
const maxOutputBytes = 8 * 1024 * 1024;

function run(
  command: string,
  args: string[],
  options: { memoryLimitMb: number; signal?: AbortSignal; hooks?: OcrProcessHooks },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // sh sets the ceiling and then becomes the tool (exec), so the pid we kill is the tool's own.
    const child = spawn(
      "sh",
      ["-c", 'ulimit -v "$1" && shift && exec "$@"', "sh", String(options.memoryLimitMb * 1024), command, ...args],
      {
        stdio: ["ignore", "pipe", "pipe"],
        // One thread per process: two pages at a time use the machine's two cores without oversubscribing them.
        env: { ...process.env, OMP_THREAD_LIMIT: "1" },
        signal: options.signal,
        killSignal: "SIGKILL",
      },
    );
    const pid = child.pid;
    if (pid !== undefined) options.hooks?.onSpawn?.(pid);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxOutputBytes) child.kill("SIGKILL");
      else stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 64) stderr.push(chunk);
    });
    let failure: Error | null = null;
    child.on("error", (error) => {
      // Aborted: the child has been sent SIGKILL; settle once it is really gone ("close"), so no caller
      // removes the folder under a process that still runs.
      failure = error;
      if (pid === undefined) reject(error);
    });
    child.on("close", (code) => {
      if (pid === undefined) return;
      options.hooks?.onExit?.(pid);
      if (failure) reject(failure);
      else if (size > maxOutputBytes)
        reject(new Error(`${command} wrote more than ${maxOutputBytes / 1024 / 1024} MB`));
      else
        resolve({
          code,
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderr: Buffer.concat(stderr).toString("utf8"),
        });
    });
  });
}

export type DebianPackage = string;

export type OcrToolsCheck = { ok: true } | { ok: false; missing: DebianPackage[]; detail: string };

/** Debian names a language's model tesseract-ocr-<lang>, with "_" as "-" (chi_sim: tesseract-ocr-chi-sim). */
const modelPackage = (language: string) => `tesseract-ocr-${language.toLowerCase().replace(/_/g, "-")}`;

const checks = new Map<string, Promise<OcrToolsCheck>>();

/**
 * Whether pdftoppm, tesseract and the language model are installed; which Debian packages to
 * install if not. A passing check is kept for the life of the thread; a failing one is tried again
 * next time, so installing the packages needs no restart.
 */
export function checkOcrTools(settings: OcrSettings): Promise<OcrToolsCheck> {
  const key = `${settings.commands.tesseract}|${settings.commands.pdftoppm}|${settings.language}`;
  const cached = checks.get(key);
  if (cached) return cached;
  const check = probeTools(settings);
  checks.set(key, check);
  void check.then((result) => {
    if (!result.ok) checks.delete(key);
  });
  return check;
}

async function probeTools(settings: OcrSettings): Promise<OcrToolsCheck> {
  const missing: DebianPackage[] = [];
  const details: string[] = [];
  const limit = { memoryLimitMb: Math.max(settings.memoryLimitMb, 256) };
  const tesseract = await run(settings.commands.tesseract, ["--list-langs"], limit).catch((error: Error) => ({
    code: commandNotFound,
    stdout: "",
    stderr: error.message,
  }));
  if (tesseract.code === commandNotFound || tesseract.code === null) {
    missing.push("tesseract-ocr", ...settings.language.split("+").map(modelPackage));
    details.push(`${settings.commands.tesseract} not found`);
  } else {
    // "List of available languages in …:" then one language a line (5.x prints it on stdout, 4.x on stderr).
    const listed = new Set(`${tesseract.stdout}\n${tesseract.stderr}`.split(/\s+/).filter(Boolean));
    for (const language of settings.language.split("+")) {
      if (!listed.has(language)) {
        missing.push(modelPackage(language));
        details.push(`no ${language} model`);
      }
    }
  }
  const pdftoppm = await run(settings.commands.pdftoppm, ["-v"], limit).catch((error: Error) => ({
    code: commandNotFound,
    stdout: "",
    stderr: error.message,
  }));
  if (pdftoppm.code === commandNotFound || pdftoppm.code === null) {
    missing.push("poppler-utils");
    details.push(`${settings.commands.pdftoppm} not found`);
  }
  return missing.length === 0 ? { ok: true } : { ok: false, missing, detail: details.join("; ") };
}

/** The refusal when the tools are missing: which packages to install, in Swedish (the bot's default language). */
export function ocrUnavailable(
  check: Extract<OcrToolsCheck, { ok: false }>,
  language: "sv" | "en" = "sv",
): DocumentRejected {
  return new DocumentRejected(
    "ocr_unavailable",
    translate(language, "extraction.ocrUnavailable", { packages: check.missing.join(" "), detail: check.detail }),
  );
}

export class TesseractPageReader implements ScannedPageReader {
  constructor(
    private readonly settings: OcrSettings,
    private readonly hooks: OcrProcessHooks = {},
  ) {}

  async read(
    pdf: Uint8Array,
    pages: number[],
    onPage: (page: number) => void,
    signal?: AbortSignal,
  ): Promise<Map<number, OcrPage>> {
    if (!this.settings.toolsVerified) {
      const tools = await checkOcrTools(this.settings);
      if (!tools.ok) throw ocrUnavailable(tools);
      this.hooks.onToolsVerified?.();
    }
    this.hooks.onPlanned?.(pages.length);
    // mkdtemp makes the folder readable by this user only; the scan may hold personal data.
    const scratch = await mkdtemp(join(tmpdir(), "uppfoljning-ocr-"));
    this.hooks.onScratch?.(scratch);
    // One page failing stops the others: there is no point reading the rest of a file that will be refused.
    const stopped = new AbortController();
    const stopAll = () => stopped.abort(signal?.reason);
    signal?.addEventListener("abort", stopAll, { once: true });
    try {
      const source = join(scratch, "document.pdf");
      await writeFile(source, pdf, { mode: 0o600 });
      const texts = new Map<number, OcrPage>();
      let next = 0;
      const lane = async () => {
        while (next < pages.length) {
          stopped.signal.throwIfAborted();
          const page = pages[next++]!;
          texts.set(page, await this.readPage(source, scratch, page, stopped.signal));
          onPage(page);
        }
      };
      const lanes = Array.from({ length: Math.max(1, Math.min(this.settings.parallelPages, pages.length)) }, () =>
        lane().catch((error: unknown) => {
          stopped.abort(error);
          throw error;
        }),
      );
      // Wait for every lane, not just the first failure, so no child outlives the folder it writes in.
      const outcomes = await Promise.allSettled(lanes);
      const failure = outcomes.find((outcome) => outcome.status === "rejected");
      if (failure) throw signal?.aborted ? signal.reason : (failure as PromiseRejectedResult).reason;
      return texts;
    } finally {
      signal?.removeEventListener("abort", stopAll);
      await rm(scratch, { recursive: true, force: true });
      this.hooks.onScratch?.(null);
    }
  }

  private async readPage(source: string, scratch: string, page: number, signal: AbortSignal): Promise<OcrPage> {
    const { dpi, language, pageSegmentation, memoryLimitMb, commands } = this.settings;
    const base = join(scratch, `page-${page}`);
    const limits = { memoryLimitMb, signal, hooks: this.hooks };
    const rendered = await run(
      commands.pdftoppm,
      ["-r", String(dpi), "-gray", "-png", "-f", String(page), "-l", String(page), "-singlefile", source, base],
      limits,
    );
    if (rendered.code !== 0)
      throw new Error(
        `pdftoppm could not render page ${page} (exit ${rendered.code}): ${rendered.stderr.trim().slice(0, 300)}`,
      );
    const picture = `${base}.png`;
    try {
      // TSV: every word with its box, so the page keeps its columns and positions.
      const read = await run(
        commands.tesseract,
        [picture, "stdout", "-l", language, "--psm", String(pageSegmentation), "tsv"],
        limits,
      );
      if (read.code !== 0)
        throw new Error(
          `tesseract could not read page ${page} (exit ${read.code}): ${read.stderr.trim().slice(0, 300)}`,
        );
      return ocrWordsToPage(read.stdout, dpi, page);
    } finally {
      await rm(picture, { force: true });
    }
  }
}
