// Question answering: latency on the seed corpus and on one 100× larger, and how often the
// answer holds the expected fact compared with a plain full-text baseline (MiniSearch over
// the same passages) in the same run.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import MiniSearch from "minisearch";
import { loadConfig } from "../src/config/config.ts";
import { composeServices, prepareDatabase } from "../src/composition-root.ts";
import { importDocument } from "../src/agreements/import-document.ts";
import { PrismaQuestionCorpus } from "../src/adapters/storage/prisma-question-corpus.ts";
import { answerFromCorpus, prepareCorpus } from "../src/questions/answer-question.ts";
import type { QuestionCorpus } from "../src/questions/question-corpus.ts";
import { loadEnglishToSwedish } from "../src/adapters/dictionaries/freedict-dictionary.ts";
import type { EnglishToSwedish } from "../src/questions/english-to-swedish.ts";
import { silentLogger } from "../src/shared/logger.ts";
import { percentile, round, type BenchReport } from "./bench-kit.ts";

const seeds = resolve(process.env.UPPFOLJNING_SEEDS ?? join(import.meta.dirname, "../../shared/seeds"));

// Realistic questions with the fact a correct answer contains (deadline answers: the dates).
export const questions: Array<{ q: string; today: string; fact: RegExp }> = [
  { q: "vad är målgruppen för Jobbtorg?", today: "2025-01-15", fact: /18-64/ },
  { q: "What is the target group for Jobbtorg?", today: "2025-01-15", fact: /18-64/ },
  { q: "hur länge får en arbetsträning pågå?", today: "2025-01-15", fact: /6 månader/ },
  { q: "How long can someone stay in work training?", today: "2025-01-15", fact: /6 månader/ },
  { q: "How much does Integrationsvägledning receive in 2025?", today: "2025-01-15", fact: /3 250/ },
  { q: "hur mycket pengar får Sikta mot arbetslivet?", today: "2025-01-15", fact: /815/ },
  { q: "vad är budgetramen för socialnämnden?", today: "2026-01-20", fact: /315 ?700/ },
  {
    q: "hur många platser för arbetsmarknadsanställningar ska divisionerna ta fram?",
    today: "2025-01-15",
    fact: /100 platser/,
  },
  { q: "vilka ska Jobbtorg samverka med?", today: "2025-01-15", fact: /Arbetsförmedlingen/ },
  { q: "vem är dataskyddsombud?", today: "2025-01-15", fact: /dataskyddsombud/i },
  { q: "hur ska barnrättsperspektivet beaktas?", today: "2025-01-15", fact: /[Bb]arnkonventionen|anhörigperspektiv/ },
  { q: "vad säger överenskommelsen om jämställdhet?", today: "2025-01-15", fact: /[Jj]ämställd/ },
  { q: "När ska Sikta mot arbetslivet rapporteras?", today: "2025-01-15", fact: /2025-03-26[\s\S]*2025-11-05/ },
  { q: "what is due before 2025-05-28?", today: "2025-01-15", fact: /2025-03-26/ },
  { q: "när ska felaktiga utbetalningar redovisas?", today: "2026-01-20", fact: /2026-02-05/ },
];

export async function seedCorpus(): Promise<QuestionCorpus> {
  const folder = mkdtempSync(join(tmpdir(), "uppfoljning-bench-"));
  const config = loadConfig({ DATABASE_URL: `file:${join(folder, "bench.db")}` });
  await prepareDatabase(config, silentLogger);
  const services = await composeServices(config, { logger: silentLogger });
  try {
    for (const name of readdirSync(seeds).sort()) {
      await importDocument({ name, bytes: readFileSync(join(seeds, name)) }, services.importDependencies);
    }
    return await new PrismaQuestionCorpus(services.database.prisma, services.agreements).loadCorpus();
  } finally {
    await services.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The corpus `times` over: each copy is an earlier year's agreements (ids apart, the agreement
 * year and every date moved back by the same number of years), as a municipality that has used
 * the bot for a long time would hold. The questions are about the current agreements.
 */
export function multiply(corpus: QuestionCorpus, times: number): QuestionCorpus {
  const out: QuestionCorpus = { documents: [], sections: [], passages: [], deadlines: [], economyLines: [] };
  for (let n = 0; n < times; n++) {
    const suffix = n === 0 ? "" : `-m${n}`;
    const shift = n === 0 ? 0 : 2 + n;
    const year = (y: number | null) => (y === null ? y : y - shift);
    const date = <T extends string | null>(d: T): T =>
      d === null || shift === 0 ? d : (`${Number(d.slice(0, 4)) - shift}${d.slice(4)}` as T);
    out.documents.push(
      ...corpus.documents.map((d) => ({
        ...d,
        documentId: d.documentId + suffix,
        agreementId: d.agreementId && d.agreementId + suffix,
        year: year(d.year),
      })),
    );
    out.sections.push(...corpus.sections.map((s) => ({ ...s, documentId: s.documentId + suffix })));
    out.passages.push(...corpus.passages.map((p) => ({ ...p, documentId: p.documentId + suffix })));
    out.deadlines.push(
      ...corpus.deadlines.map((d) => ({
        ...d,
        key: d.key + suffix,
        date: date(d.date),
        meetingDate: date(d.meetingDate),
        submissionDate: date(d.submissionDate),
        agreement: { ...d.agreement, id: d.agreement.id + suffix, year: year(d.agreement.year) },
      })),
    );
    out.economyLines.push(...corpus.economyLines.map((l) => ({ ...l, agreementId: l.agreementId + suffix })));
  }
  return out;
}

function measure(
  corpus: QuestionCorpus,
  label: string,
  rounds: number,
  translator: EnglishToSwedish | null,
): BenchReport {
  const started = performance.now();
  const prepared = prepareCorpus(corpus);
  const prepareMs = performance.now() - started;
  const latencies: number[] = [];
  let correct = 0;
  for (let r = 0; r < rounds; r++) {
    for (const { q, today, fact } of questions) {
      const t = performance.now();
      const answer = answerFromCorpus(prepared, q, { today }, translator);
      latencies.push(performance.now() - t);
      if (r === 0 && answer.found && fact.test(answer.text)) correct += 1;
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    name: `questions: ${label}`,
    figures: {
      passages: prepared.index.passages.length,
      "index build ms": round(prepareMs, 0),
      "answer p50 ms": round(percentile(latencies, 50)),
      "answer p95 ms": round(percentile(latencies, 95)),
      [`correct of ${questions.length}`]: correct,
    },
  } as BenchReport;
}

function baseline(corpus: QuestionCorpus): BenchReport {
  // Plain full-text search: every passage a document, the top hit's text is the answer.
  const headings = new Map(corpus.sections.map((s) => [`${s.documentId}|${s.ordinal}`, s.heading]));
  const docs = corpus.passages.map((p, i) => ({
    id: String(i),
    text: `${headings.get(`${p.documentId}|${p.section}`) ?? ""} ${p.label ?? ""} ${p.text}`,
  }));
  const search = new MiniSearch({
    fields: ["text"],
    storeFields: ["text"],
    searchOptions: { prefix: true, fuzzy: 0.2 },
  });
  search.addAll(docs);
  let correct = 0;
  const latencies: number[] = [];
  for (const { q, fact } of questions) {
    const t = performance.now();
    const top = search.search(q)[0] as { text?: string } | undefined;
    latencies.push(performance.now() - t);
    if (top?.text && fact.test(top.text)) correct += 1;
  }
  latencies.sort((a, b) => a - b);
  return {
    name: "questions: MiniSearch baseline (seed corpus)",
    figures: {
      "answer p50 ms": round(percentile(latencies, 50)),
      "answer p95 ms": round(percentile(latencies, 95)),
      [`correct of ${questions.length}`]: correct,
    },
  } as BenchReport;
}

export async function run(): Promise<BenchReport[]> {
  const corpus = await seedCorpus();
  // English questions go through the same dictionary the bot loads at start.
  const translator = loadEnglishToSwedish(silentLogger);
  return [
    measure(corpus, "seed corpus", 20, translator),
    measure(multiply(corpus, 100), "100× seed corpus", 2, translator),
    baseline(corpus),
  ];
}
