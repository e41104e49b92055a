// Import throughput: extraction + parsing + storing in a fresh SQLite database, for the seed
// documents and for a generated agreement of about 5 MB with hundreds of assignments.
// Targets from issue 3: ≥ 1 MB/s of text; the whole seed set in < 2 s including the database.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadConfig } from "../src/config/config.ts";
import { composeServices, prepareDatabase } from "../src/composition-root.ts";
import { importDocument } from "../src/agreements/import-document.ts";
import { readAgreement } from "../src/agreements/reading/read-agreement.ts";

const parseAgreementText = (text: string) => readAgreement({ text });
import { silentLogger } from "../src/shared/logger.ts";
import { round, type BenchReport } from "./bench-kit.ts";

const seeds = process.env.UPPFOLJNING_SEEDS ?? join(import.meta.dirname, "../../shared/seeds");

/** A large agreement in the 2025 layout: numbered special assignments, each with its own follow-up table. */
export function generatedAgreement(assignments: number): string {
  const parts = [
    "ÖVERENSKOMMELSE 2027 MELLAN STORNÄMNDEN OCH DIVISION PROV",
    "",
    "Dokumenttitel\tÖverenskommelse 2027 mellan Stornämnden och Division Prov",
    "Giltighetstid\t2027",
    "",
    "1 FORMALIA",
    "",
    "1.1 Parter",
    "",
    "Stornämnden. Ombud är nämndens sakkunniga. Division Prov. Ombud är divisionschef. Denna överenskommelse avser kalenderåret 2027.",
    "",
    "2 SÄRSKILDA UPPDRAG",
    "",
  ];
  const months = ["02-10", "03-17", "05-12", "06-16", "09-22", "10-20", "11-17", "12-15"];
  for (let i = 1; i <= assignments; i++) {
    parts.push(`2.${i} Särskilt uppdrag nummer ${i} om utveckling av verksamhetsområde ${i}`, "");
    parts.push(`Divisionen ska under året utveckla verksamhetsområde ${i} i samverkan med berörda aktörer. `.repeat(40), "");
    parts.push("Vad\tNär\tHur\tTill vem");
    parts.push(`Redovisning av uppdrag ${i}\t2027-${months[i % 8]}\tMuntlig rapport\tSkriftliga underlag till sakkunnig tre veckor innan sammanträdet`);
    parts.push(`\t2027-${months[(i + 3) % 8]}\tSkriftlig rapport (avser tertial 1 2027)\t`, "");
  }
  return parts.join("\n");
}

export async function run(): Promise<BenchReport[]> {
  const folder = mkdtempSync(join(tmpdir(), "bench-import-"));
  const config = loadConfig({ DATABASE_URL: `file:${join(folder, "bench.db")}` });
  await prepareDatabase(config, silentLogger);
  const services = await composeServices(config, { logger: silentLogger });
  try {
    const files = readdirSync(seeds).sort().map((name) => ({ name, bytes: readFileSync(join(seeds, name)) }));
    const seedBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
    let started = performance.now();
    for (const file of files) await importDocument(file, services.importDependencies);
    const seedMs = performance.now() - started;

    const large = generatedAgreement(600);
    const largeBytes = Buffer.byteLength(large);
    started = performance.now();
    const parsed = parseAgreementText(large);
    const parseMs = performance.now() - started;
    started = performance.now();
    await importDocument({ name: "generated-600.txt", bytes: Buffer.from(large) }, services.importDependencies);
    const largeMs = performance.now() - started;
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return [
      {
        name: "import the seed set (4 files, extraction + parsing + SQLite)",
        figures: { files: files.length, "size MB": round(mb(seedBytes), 3), "total ms": round(seedMs, 0), "MB/s": round(mb(seedBytes) / (seedMs / 1000), 2) },
        target: { description: "whole seed set < 2 s including the database", met: seedMs < 2000 },
      },
      {
        name: "import a generated 600-assignment agreement",
        figures: {
          "size MB": round(mb(largeBytes), 2),
          "reporting items": parsed.reportingItems.length,
          "parse ms": round(parseMs, 0),
          "parse MB/s": round(mb(largeBytes) / (parseMs / 1000), 2),
          "import ms (incl. SQLite)": round(largeMs, 0),
          "import MB/s": round(mb(largeBytes) / (largeMs / 1000), 2),
        },
        target: { description: "≥ 1 MB/s of text", met: mb(largeBytes) / (largeMs / 1000) >= 1 },
      },
    ];
  } finally {
    await services.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
