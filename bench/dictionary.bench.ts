// The English → Swedish translator as a CLI `ask` meets it: a fresh process opens FreeDict and
// the municipal lexicon (target < 60 ms, since every `ask` pays it), then segments its first
// question. Each run is its own process, so nothing is warm; the figures are over several runs.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FreedictDictionary } from "../src/adapters/dictionaries/freedict-dictionary.ts";
import { wordSourceFromList } from "../src/questions/english-to-swedish.ts";
import { municipalLexicon } from "../src/questions/lexicon/municipal-lexicon.ts";
import { percentile, round, type BenchReport } from "./bench-kit.ts";

const runs = Number(process.env.DICTIONARY_BENCH_RUNS ?? 15);
const root = join(import.meta.dirname, "..");
const module = (path: string) => JSON.stringify(pathToFileURL(join(root, path)).href);

// Imports are outside the timing: the CLI loads these modules whether or not it asks anything.
const probe = `
const { loadEnglishToSwedish } = await import(${module("src/adapters/dictionaries/freedict-dictionary.ts")});
const { silentLogger } = await import(${module("src/shared/logger.ts")});
const t0 = performance.now();
const translator = loadEnglishToSwedish(silentLogger);
const t1 = performance.now();
translator.segment("When is the written report on financial assistance for unemployed young people due?");
const t2 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, firstQuestion: t2 - t1 }));
`;

export async function run(): Promise<BenchReport> {
  const loads: number[] = [];
  const firstQuestions: number[] = [];
  for (let i = 0; i < runs; i++) {
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", probe], {
      cwd: root,
      encoding: "utf8",
    });
    const { load, firstQuestion } = JSON.parse(output.trim().split("\n").at(-1)!) as {
      load: number;
      firstQuestion: number;
    };
    loads.push(load);
    firstQuestions.push(firstQuestion);
  }
  loads.sort((a, b) => a - b);
  firstQuestions.sort((a, b) => a - b);

  const freedict = FreedictDictionary.open();
  const headwords = new Set(freedict ? freedict.entries().keys() : []);
  const freedictHeadwords = headwords.size;
  for (const headword of wordSourceFromList(municipalLexicon).headwords()) headwords.add(headword);

  const p90 = percentile(loads, 90);
  return {
    name: `English → Swedish translator, cold start (${runs} fresh processes)`,
    figures: {
      "load (open FreeDict + lexicon) median / p90 / min ms": `${round(percentile(loads, 50), 1)} / ${round(p90, 1)} / ${round(loads[0]!, 1)}`,
      "first question (segment, 14 words) median / p90 ms": `${round(percentile(firstQuestions, 50), 1)} / ${round(percentile(firstQuestions, 90), 1)}`,
      "English headwords: FreeDict / lexicon / together": `${freedictHeadwords} / ${municipalLexicon.size} / ${headwords.size}`,
    },
    target: { description: "cold load < 60 ms at p90", met: p90 < 60 },
  };
}
