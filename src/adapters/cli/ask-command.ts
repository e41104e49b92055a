// ask: the question engine the bot uses, from the command line (for trying questions and scripts).
import type { Command } from "commander";
import { calendarDate } from "../../shared/text/swedish-dates.ts";
import { deadlineJson, parseDateOption } from "./agreement-commands.ts";
import { CliFailure, type CliContext } from "./cli-context.ts";

export function registerAskCommand(program: Command, context: CliContext): void {
  program
    .command("ask")
    .description('answer a question about the agreements, e.g. ask "vad ska redovisas i april?"')
    .argument("<question...>", "the question (quotes optional)")
    .option("--today <date>", "answer as if asked on this day (YYYY-MM-DD); default: today in Europe/Stockholm")
    .option("--json", "print JSON: answer, found, language, intent, deadlines, citations")
    .action(async (words: string[], options: { today?: string; json?: boolean }) => {
      const question = words.join(" ").trim();
      if (!question) throw new CliFailure('Write a question, e.g. ask "vad ska redovisas i april?"', 2);
      const services = await context.services();
      const today = parseDateOption(options.today, "today") ?? calendarDate(services.clock.now());
      const answer = await services.questions.answer(question, { today });
      if (options.json) {
        context.out(
          JSON.stringify(
            {
              answer: answer.text,
              found: answer.found,
              language: answer.language,
              intent: answer.intent,
              scope: answer.scope,
              answeredYear: answer.answeredYear,
              composedBy: answer.composedBy,
              deadlines: answer.deadlines.map(deadlineJson),
              citations: answer.citations.map((c) => ({
                agreement: c.agreement,
                document: c.documentTitle,
                year: c.year,
                section: c.section,
                heading: c.heading,
                quote: c.quote,
              })),
            },
            null,
            2,
          ),
        );
        return;
      }
      context.out(answer.text);
    });
}
