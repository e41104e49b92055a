// Small helpers shared by the benchmarks: timing, percentiles and a uniform report line.
import { performance } from "node:perf_hooks";

export interface BenchReport {
  name: string;
  /** Human-readable figures, printed as "key: value". */
  figures: Record<string, string | number>;
  /** Target from the issue, and whether this run met it. */
  target?: { description: string; met: boolean };
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export async function timeEach(
  count: number,
  work: (i: number) => Promise<unknown>,
): Promise<{ latencies: number[]; totalMs: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await work(i);
    latencies.push(performance.now() - t0);
  }
  return { latencies: latencies.sort((a, b) => a - b), totalMs: performance.now() - started };
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function printReport(report: BenchReport): void {
  console.log(`\n== ${report.name}`);
  for (const [key, value] of Object.entries(report.figures)) console.log(`   ${key}: ${value}`);
  if (report.target) console.log(`   target: ${report.target.description} → ${report.target.met ? "MET" : "NOT MET"}`);
}
