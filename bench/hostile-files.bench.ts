// Hostile imports: how fast a zip bomb is refused and how much memory the refusing process takes.
// Each file is read in a fresh Node process (so its RSS is the refusal's alone) through the bounded
// extractor with the default limits; RSS is sampled every 5 ms from before the read until the refusal.
// Target from issue 16: the zip bombs refused within 2 s and 300 MB RSS.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { round, type BenchReport } from "./bench-kit.ts";

interface ChildFigures {
  ms: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  reason: string;
}

const bombs = [
  { name: "Word zip bomb, 1.6 MB → 450 MB", make: "bomb-450" },
  { name: "Word zip bomb, 4.4 MB → 1.2 GB", make: "bomb-1200" },
  { name: "Word zip bomb declaring 90 MB, holding 450 MB", make: "liar-450" },
] as const;

async function child(which: string): Promise<void> {
  const { wordZipBomb } = await import("../test/fixtures/hostile-files.ts");
  const { BoundedTextExtractor } = await import("../src/adapters/extraction/bounded-text-extractor.ts");
  const { loadConfig } = await import("../src/config/config.ts");
  const config = loadConfig({});
  const bytes =
    which === "bomb-450"
      ? wordZipBomb({ unpackedMb: 450 })
      : which === "bomb-1200"
        ? wordZipBomb({ unpackedMb: 1200 })
        : wordZipBomb({ unpackedMb: 450, declaredBytes: 90 * 1024 * 1024 });
  const extractor = new BoundedTextExtractor({
    reader: {
      maxBytes: config.importMaxBytes,
      maxPages: config.importLimits.maxPages,
      archive: { maxUnpackedBytes: config.importLimits.maxUnpackedBytes },
    },
    memoryLimitMb: config.importLimits.memoryLimitMb,
    timeLimitMs: config.importLimits.timeLimitMs,
  });
  const mb = (n: number) => n / 1024 / 1024;
  const rssBeforeMb = mb(process.memoryUsage.rss());
  let peak = rssBeforeMb;
  const sampler = setInterval(() => (peak = Math.max(peak, mb(process.memoryUsage.rss()))), 5);
  const started = performance.now();
  let reason = "read (not refused)";
  try {
    await extractor.extract({ name: `${which}.docx`, bytes });
  } catch (error) {
    reason = (error as { reason?: string }).reason ?? (error as Error).message;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, mb(process.memoryUsage.rss()));
  console.log(JSON.stringify({ ms, rssBeforeMb, rssPeakMb: peak, reason } satisfies ChildFigures));
}

export async function run(): Promise<BenchReport[]> {
  const self = fileURLToPath(import.meta.url);
  return bombs.map((bomb) => {
    const output = execFileSync(process.execPath, ["--import", "tsx", self, bomb.make], {
      encoding: "utf8",
      env: { ...process.env, HOSTILE_FILES_CHILD: "1" },
    });
    const figures = JSON.parse(output.trim().split("\n").at(-1)!) as ChildFigures;
    return {
      name: `hostile import: ${bomb.name}`,
      figures: {
        outcome: figures.reason,
        "time to refusal (ms)": round(figures.ms, 0),
        "process RSS before (MB)": round(figures.rssBeforeMb, 0),
        "process RSS peak (MB)": round(figures.rssPeakMb, 0),
      },
      target: {
        description: "refused within 2 s and 300 MB RSS",
        met: figures.reason !== "read (not refused)" && figures.ms < 2000 && figures.rssPeakMb < 300,
      },
    };
  });
}

if (process.env.HOSTILE_FILES_CHILD === "1" && process.argv[1] === fileURLToPath(import.meta.url))
  await child(process.argv[2] ?? "bomb-450");
