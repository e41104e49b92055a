// eval: runs a question file against the imported agreements and says which answers pass, why
// the others fail, and how fast the answers came. A municipality runs it after importing next
// year's agreements, with its own questions.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { gradeAnswer, type EvaluationQuestion } from "../../questions/evaluation/grade-answer.ts";
import { CliFailure, type CliContext } from "./cli-context.ts";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

export function registerEvalCommand(program: Command, context: CliContext): void {
  program
    .command("eval")
    .description(
      "check the answers to a question file (the format of questions-dev.json) against the imported agreements",
    )
    .argument("<file>", "JSON file: { questions: [{ id, q, today, all?, any?, dates?, absent?, window?, notfound? }] }")
    .option("--verbose", "also list the questions that pass, with the answer")
    .option("--json", "print the results as JSON")
    .action(async (file: string, options: { verbose?: boolean; json?: boolean }) => {
      let questions: EvaluationQuestion[];
      try {
        const parsed = JSON.parse(await readFile(file, "utf8")) as { questions?: unknown };
        if (!Array.isArray(parsed.questions)) throw new Error('it has no "questions" list');
        questions = parsed.questions as EvaluationQuestion[];
      } catch (error) {
        throw new CliFailure(`Cannot read ${file}: ${(error as Error).message}`, 2);
      }
      const services = await context.services();
      const results: Array<{
        id: string;
        question: string;
        passed: boolean;
        reasons: string[];
        ms: number;
        intent: string;
        answer: string;
      }> = [];
      for (const question of questions) {
        if (typeof question.q !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(question.today ?? "")) {
          results.push({
            id: question.id,
            question: String(question.q),
            passed: false,
            reasons: ["the question needs q and today (YYYY-MM-DD)"],
            ms: 0,
            intent: "-",
            answer: "",
          });
          continue;
        }
        const started = performance.now();
        const answer = await services.questions.answer(question.q, { today: question.today });
        const ms = performance.now() - started;
        const reasons = gradeAnswer(question, answer);
        results.push({
          id: question.id,
          question: question.q,
          passed: reasons.length === 0,
          reasons,
          ms,
          intent: answer.intent,
          answer: answer.text,
        });
      }
      const times = results.map((r) => r.ms).sort((a, b) => a - b);
      const passed = results.filter((r) => r.passed).length;
      const summary = {
        passed,
        total: results.length,
        p50Ms: Number(percentile(times, 0.5).toFixed(1)),
        p95Ms: Number(percentile(times, 0.95).toFixed(1)),
      };
      if (options.json) context.out(JSON.stringify({ summary, results }, null, 2));
      else {
        for (const r of results) {
          if (!r.passed)
            context.out(
              `FAIL ${r.id} (${r.intent}) ${r.question}\n     ${r.reasons.join("; ")}\n     → ${r.answer.replace(/\s+/g, " ").slice(0, 300)}`,
            );
          else if (options.verbose)
            context.out(
              `ok   ${r.id} (${r.intent}) ${r.question}\n     → ${r.answer.replace(/\s+/g, " ").slice(0, 200)}`,
            );
        }
        context.out(
          `${passed}/${results.length} passed · p50 ${summary.p50Ms} ms · p95 ${summary.p95Ms} ms per answer`,
        );
      }
      if (passed < results.length) process.exitCode = 1;
    });
}
