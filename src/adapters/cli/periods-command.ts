// periods: the last day of vår, delår and helår for one agreement (defaults Jan–Apr, Jan–Aug, Jan–Dec).
import type { Command } from "commander";
import {
  defaultPeriodEnds,
  followUpPeriods,
  isMonthDay,
  type FollowUpPeriod,
} from "../../summaries/follow-up-periods.ts";
import { resolveAgreementOption } from "./agreement-commands.ts";
import { CliFailure, type CliContext } from "./cli-context.ts";

export function registerPeriodsCommand(program: Command, context: CliContext): void {
  program
    .command("periods")
    .description(
      "show or set when an agreement's follow-up periods end (MM-DD), e.g. periods --agreement kan --delar 08-31",
    )
    .requiredOption("--agreement <id>", "agreement id (or a unique part of it)")
    .option("--var <MM-DD>", "last day of the spring period (tertial 1); default 04-30")
    .option("--delar <MM-DD>", "last day of the interim period (delår); default 08-31")
    .option("--helar <MM-DD>", "last day of the full year (helår); default 12-31")
    .option("--reset", "go back to the defaults")
    .action(async (options: { agreement: string; var?: string; delar?: string; helar?: string; reset?: boolean }) => {
      const services = await context.services();
      const agreementId = (await resolveAgreementOption(services.agreements, options.agreement, 2))!;
      const changes: Partial<Record<FollowUpPeriod, string | null>> = {};
      for (const period of followUpPeriods) {
        const value = options[period];
        if (value === undefined) continue;
        if (!isMonthDay(value))
          throw new CliFailure(
            `--${period} must be a day as MM-DD, e.g. ${defaultPeriodEnds[period]} (got "${value}").`,
            2,
          );
        changes[period] = value;
      }
      if (options.reset) for (const period of followUpPeriods) changes[period] = null;
      const merged = {
        ...defaultPeriodEnds,
        ...(await services.agreements.followUpPeriodEnds(agreementId)),
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v)),
      };
      if (merged.var > merged.delar || merged.delar > merged.helar) {
        throw new CliFailure(
          `The periods must end in order: vår ${merged.var} ≤ delår ${merged.delar} ≤ helår ${merged.helar}.`,
          2,
        );
      }
      if (Object.keys(changes).length > 0) await services.agreements.setFollowUpPeriodEnds(agreementId, changes);
      const ends = { ...defaultPeriodEnds, ...(await services.agreements.followUpPeriodEnds(agreementId)) };
      context.out(`${agreementId}: vår 01-01–${ends.var}, delår 01-01–${ends.delar}, helår 01-01–${ends.helar}`);
    });
}
