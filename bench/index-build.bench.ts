// The search index built off the request path (issue 16): for the 100× seed corpus, how long from
// start until the index is ready, the RSS it adds, and how long other work waits on the event loop
// meanwhile (its lateness is what a health check or a card action would wait). The same corpus
// prepared in one go, afterwards, is the baseline of the same run.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { prepareCorpus } from "../src/questions/answer-question.ts";
import { QuestionEngine } from "../src/questions/question-engine.ts";
import { round, type BenchReport } from "./bench-kit.ts";
import { multiply, seedCorpus } from "./questions.bench.ts";

const mb = (bytes: number) => round(bytes / 1024 / 1024, 0);

export async function run(): Promise<BenchReport[]> {
  const corpus = multiply(await seedCorpus(), 100);

  const rssBefore = process.memoryUsage().rss;
  const engine = new QuestionEngine({ corpusStamp: async () => "bench", loadCorpus: async () => corpus });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  delay.enable();
  // A question asked while the index is being built: answered (from no index: "a moment") without waiting long.
  const asked = performance.now();
  engine.warmUp();
  const early = await engine.answer("vad ska redovisas i maj?", { today: "2026-03-01" });
  const earlyMs = performance.now() - asked;
  await engine.corpus();
  const readyMs = performance.now() - started;
  delay.disable();
  const rssAfter = process.memoryUsage().rss;
  const first = performance.now();
  await engine.answer("vad ska redovisas i maj?", { today: "2026-03-01" });
  const firstAnswerMs = performance.now() - first;

  // Baseline: the whole corpus prepared at once, blocking.
  const blockingStarted = performance.now();
  prepareCorpus(corpus);
  const blockingMs = performance.now() - blockingStarted;

  return [
    {
      name: "index build: 100× seed corpus, in slices beside other work",
      figures: {
        "passages in corpus": corpus.passages.length,
        "start to ready ms": round(readyMs, 0),
        "blocking build ms (baseline, same run)": round(blockingMs, 0),
        "ratio gradual / blocking": round(readyMs / blockingMs),
        "event loop delay p99 ms while building": round(delay.percentile(99) / 1e6, 1),
        "event loop delay max ms while building": round(delay.max / 1e6, 1),
        "question during the build answered after ms": round(earlyMs, 0),
        "question during the build": early.found ? "answered" : "told to ask again",
        "first question after ready ms": round(firstAnswerMs, 1),
        "RSS before MB": mb(rssBefore),
        "RSS after MB": mb(rssAfter),
      },
      target: {
        description:
          "a question during a build waits at most the index wait (1 s), then is answered or told to ask again; no event-loop stall over 1 s",
        met: earlyMs <= 1500 && delay.max / 1e6 < 1000,
      },
    },
  ];
}
