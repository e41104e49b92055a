// Runs every benchmark in bench/ (or those named on the command line) and prints their figures.
// Usage: npm run bench [-- <name> ...]   e.g. npm run bench -- bot-turns
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { printReport, type BenchReport } from "./bench-kit.ts";

const folder = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
if (files.length === 0) {
  console.error(
    `No benchmark matches ${wanted.join(", ")}. Available: ${readdirSync(folder)
      .filter((f) => f.endsWith(".bench.ts"))
      .join(", ")}`,
  );
  process.exit(2);
}
console.log(`node ${process.version} on ${process.platform}/${process.arch}`);
for (const file of files) {
  const bench = (await import(join(folder, file))) as { run(): Promise<BenchReport | BenchReport[]> };
  const reports = await bench.run();
  for (const report of Array.isArray(reports) ? reports : [reports]) printReport(report);
}
