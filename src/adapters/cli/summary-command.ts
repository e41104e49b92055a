// summary: the delår/helår summary of one agreement as Markdown, Word or JSON.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { Permissions } from "../../people/roles.ts";
import { calendarDate } from "../../shared/text/swedish-dates.ts";
import { followUpPeriods, readPeriodWord, type FollowUpPeriod } from "../../summaries/follow-up-periods.ts";
import { renderSummaryMarkdown } from "../../summaries/render-markdown.ts";
import { summarise } from "../../summaries/summarise.ts";
import { parseDateOption, resolveAgreementOption } from "./agreement-commands.ts";
import { CliFailure, type CliContext } from "./cli-context.ts";

export function registerSummaryCommand(program: Command, context: CliContext): void {
  program
    .command("summary")
    .description("the vår/delår/helår summary of an agreement from stored status updates")
    .requiredOption(
      "--agreement <id>",
      "agreement id, part of it, committee or division code, or name (narrowed by --year)",
    )
    .requiredOption("--period <period>", `${followUpPeriods.join(" | ")} (also vår, delår, helår, T1)`)
    .option("--year <yyyy>", "agreement year (default: the agreement's)")
    .option("--format <format>", "md | docx | json", "md")
    .option("--out <file>", "write to this file (default for docx: summary-<agreement>-<period>-<year>.docx)")
    .option("--as-of <date>", "describe the state on this day (YYYY-MM-DD); default today")
    .option("--lang <language>", "sv | en", "sv")
    .option("--narrative", "add a short generated narrative per goal area (needs LLM_ENDPOINT)")
    .action(
      async (options: {
        agreement: string;
        period: string;
        year?: string;
        format: string;
        out?: string;
        asOf?: string;
        lang: string;
        narrative?: boolean;
      }) => {
        const period: FollowUpPeriod | null = followUpPeriods.includes(options.period as FollowUpPeriod)
          ? (options.period as FollowUpPeriod)
          : readPeriodWord(options.period);
        if (!period) throw new CliFailure(`--period must be var, delar or helar (got "${options.period}").`, 2);
        if (!["md", "docx", "json"].includes(options.format))
          throw new CliFailure(`--format must be md, docx or json (got "${options.format}").`, 2);
        if (options.lang !== "sv" && options.lang !== "en") throw new CliFailure("--lang must be sv or en.", 2);
        const year = options.year === undefined ? undefined : Number(options.year);
        if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100))
          throw new CliFailure(`--year must be a year such as 2025 (got "${options.year}").`, 2);
        const services = await context.services();
        if (options.narrative && !services.summaryNarrator)
          throw new CliFailure("--narrative needs a language model: set LLM_ENDPOINT (see README).", 2);
        const agreementId = (await resolveAgreementOption(services.agreements, options.agreement, 2, { year }))!;
        const asOf = parseDateOption(options.asOf, "as-of") ?? calendarDate(services.clock.now());
        const operator = new Permissions({ tenantId: "cli", aadObjectId: "cli", name: "CLI" }, [], true);
        const summary = await summarise(
          { status: services.status, agreements: services.agreements, narrator: services.summaryNarrator },
          operator,
          { agreementId, period, year, asOf, narrative: options.narrative ? { language: options.lang } : undefined },
        );
        const language = options.lang;
        if (options.format === "docx") {
          const file = resolve(options.out ?? `summary-${agreementId}-${period}-${summary.year}.docx`);
          const { renderSummaryDocx } = await import("../documents/summary-docx.ts");
          await writeFile(file, await renderSummaryDocx(summary, language));
          context.out(
            `Wrote ${file} (${summary.entries.length} assignments and goals; ${summary.overview.byStatus.none} without an update).`,
          );
          return;
        }
        const text =
          options.format === "json" ? JSON.stringify(summary, null, 2) : renderSummaryMarkdown(summary, language);
        if (options.out) {
          const file = resolve(options.out);
          await writeFile(file, text);
          context.out(`Wrote ${file}.`);
          return;
        }
        context.out(text.trimEnd());
      },
    );
}
