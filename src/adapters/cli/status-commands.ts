// status list | add: the same use cases as the status card, for scripted imports, checks and tests.
import { randomUUID } from "node:crypto";
import type { Command } from "commander";
import { Permissions } from "../../people/roles.ts";
import { AppError } from "../../shared/app-error.ts";
import { calendarDate } from "../../shared/text/swedish-dates.ts";
import { translate } from "../../shared/messages/translate.ts";
import { indicatorField } from "../../status/read-status-form.ts";
import {
  chooseReportingItem,
  findPoint,
  isLateReport,
  isLiveAgreement,
  listOverdue,
  nextPoint,
  reportedKeys,
} from "../../status/reporting-periods.ts";
import { matchesAssignment } from "../../status/status-overview.ts";
import { statusLevels, type ReportableAssignment, type StoredStatusUpdate } from "../../status/status-model.ts";
import { submitStatus } from "../../status/submit-status.ts";
import { reopenDays, reopenStatus } from "../../status/reopen-status.ts";
import { resolveAgreementOption } from "./agreement-commands.ts";
import { CliFailure, operatorPrincipal, type CliContext } from "./cli-context.ts";

function statusJson(update: StoredStatusUpdate, assignment: ReportableAssignment | undefined) {
  return {
    agreement: update.agreementId,
    assignment: assignment ? { number: assignment.number, title: assignment.title } : null,
    period: update.periodLabel,
    reportingItemKey: update.reportingItemKey,
    dueDate: update.dueDate,
    status: update.status,
    text: update.text,
    indicatorValues: update.indicatorValues,
    version: update.version,
    author: update.author.name,
    createdAt: update.createdAt.toISOString(),
    updatedAt: update.updatedAt.toISOString(),
  };
}

/** "2=40,35" or "2=40,35,80": indicator ordinal (as the form numbers them), women, men and optionally total. */
function figureFields(values: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const value of values) {
    const match = /^(\d+)\s*=\s*([^,]*),([^,]*)(?:,(.*))?$/.exec(value.trim());
    if (!match)
      throw new CliFailure(`--figure "${value}": write <indicator number>=<women>,<men>[,<total>], e.g. 0=40,35`, 2);
    const ordinal = Number(match[1]);
    fields[indicatorField.women(ordinal)] = match[2]!.trim();
    fields[indicatorField.men(ordinal)] = match[3]!.trim();
    if (match[4] !== undefined) fields[indicatorField.total(ordinal)] = match[4].trim();
  }
  return fields;
}

export function registerStatusCommands(program: Command, context: CliContext): void {
  const status = program.command("status").description("status updates from division chiefs: list and add");

  status
    .command("list")
    .description("list stored status updates (latest version of each)")
    .option("--agreement <id>", "only this agreement (id or a unique part of it)")
    .option("--period <period>", "only this period: T1, T2, D, H, var, delar, helar or a reporting item key")
    .option("--overdue", "list reporting items whose due date passed without a status instead")
    .option("--json", "print JSON")
    .action(async (options: { agreement?: string; period?: string; overdue?: boolean; json?: boolean }) => {
      const services = await context.services();
      const agreementId = await resolveAgreementOption(services.agreements, options.agreement, 2);
      const assignments = await services.status.reportableAssignments({ agreementId });
      const byId = new Map(assignments.map((a) => [a.id, a]));
      const updates = await services.status.list({ agreementId, period: options.period });
      if (options.overdue) {
        const today = calendarDate(services.clock.now());
        const live = assignments.filter((a) => agreementId || isLiveAgreement(a.agreement.year, today));
        const overdue = listOverdue(live, await services.status.list({ agreementId }), today).map(
          ({ assignment: a, point: p }) => ({ a, p }),
        );
        if (options.json) {
          context.out(
            JSON.stringify(
              overdue.map(({ a, p }) => ({
                agreement: a.agreement.id,
                assignment: { number: a.number, title: a.title },
                dueDate: p.dueDate,
                item: p.title,
                key: p.key,
              })),
              null,
              2,
            ),
          );
          return;
        }
        if (overdue.length === 0) return void context.out(`Nothing overdue on ${today}.`);
        for (const { a, p } of overdue) {
          const item = p.title === a.title ? "" : ` — ${p.title}`;
          context.out(`OVERDUE ${p.dueDate}  ${a.agreement.id}  ${`${a.number ?? ""} ${a.title}`.trim()}${item}`);
        }
        return;
      }
      if (options.json)
        return void context.out(
          JSON.stringify(
            updates.map((u) => statusJson(u, byId.get(u.assignmentId))),
            null,
            2,
          ),
        );
      if (updates.length === 0) return void context.out("No status updates stored yet.");
      for (const u of updates) {
        const a = byId.get(u.assignmentId);
        context.out(
          `${u.agreementId}  ${a ? `${a.number ?? ""} ${a.title}`.trim() : u.assignmentId}\n` +
            `    ${u.periodLabel}${u.dueDate ? ` (due ${u.dueDate})` : ""}: ${translate("en", `status.level.${u.status}`)} — v${u.version} by ${u.author.name}, ${u.updatedAt.toISOString().slice(0, 16).replace("T", " ")}Z\n` +
            `    ${u.text.replace(/\s+/g, " ").slice(0, 160)}`,
        );
      }
    });

  status
    .command("reopen")
    .description(`let a chief correct a report after its due date: editable for ${reopenDays} more days (audited)`)
    .requiredOption("--agreement <id>", "agreement id, part of it, or a committee or division code")
    .requiredOption("--assignment <text>", 'assignment number ("3.1") or words of its title')
    .requiredOption("--period <period>", "the reporting item: a date of it, T1/T2/D/H, var/delar/helar, or its key")
    .action(async (options: { agreement: string; assignment: string; period: string }) => {
      const services = await context.services();
      const agreementId = (await resolveAgreementOption(services.agreements, options.agreement, 2))!;
      const candidates = (await services.status.reportableAssignments({ agreementId })).filter((a) =>
        matchesAssignment(a, options.assignment),
      );
      if (candidates.length !== 1)
        throw new CliFailure(
          `"${options.assignment}" matches ${candidates.length} assignments in ${agreementId}; be more specific.`,
          2,
        );
      const assignment = candidates[0]!;
      const point = findPoint(assignment.points, options.period);
      const update = point ? await services.status.findUpdate(assignment.id, point.key) : null;
      if (!update) throw new CliFailure(`No status stored for "${assignment.title}" at "${options.period}".`, 2);
      const operator = operatorPrincipal();
      const permissions = new Permissions(
        {
          tenantId: "cli",
          aadObjectId: "cli",
          name: `${operator.kind === "operator" ? operator.name : "operator"} (CLI)`,
        },
        [],
        true,
      );
      const { update: reopened, changed } = await reopenStatus(
        services,
        permissions,
        { updateId: update.id },
        operator,
      );
      context.out(
        changed
          ? `Reopened: ${update.author.name} can change ${update.periodLabel} of ${assignment.number ?? assignment.title} until ${reopened.reopened!.until}.`
          : `${update.periodLabel} of ${assignment.number ?? assignment.title} can already be changed; nothing done.`,
      );
    });

  status
    .command("add")
    .description("store a status, as a chief would from the card (the operator reports on their behalf)")
    .requiredOption("--agreement <id>", "agreement id (or a unique part of it)")
    .requiredOption("--assignment <text>", 'assignment number ("3.1") or words of its title')
    .requiredOption("--status <status>", statusLevels.join(" | "))
    .requiredOption("--text <text>", "what has been done, deviations, next steps")
    .option(
      "--period <period>",
      "reporting item: a date of it, T1/T2/D/H, var/delar/helar, or its key (default: the next open one)",
    )
    .option(
      "--figure <n=women,men[,total]>",
      "indicator figures, repeatable, e.g. --figure 0=40,35 (n: the indicator's number, listed when wrong)",
      (value: string, all: string[]) => [...all, value],
      [] as string[],
    )
    .option("--as <object id>", "the chief reported for (default: the operator)")
    .option("--key <key>", "idempotency key: running the same command twice with it stores one update")
    .option("--edit", "change the stored status for the period (a new version) instead of refusing")
    .option("--json", "print the stored update as JSON")
    .action(
      async (options: {
        agreement: string;
        assignment: string;
        status: string;
        text: string;
        period?: string;
        figure: string[];
        as?: string;
        key?: string;
        edit?: boolean;
        json?: boolean;
      }) => {
        const services = await context.services();
        const agreementId = (await resolveAgreementOption(services.agreements, options.agreement, 2))!;
        const candidates = (await services.status.reportableAssignments({ agreementId })).filter((a) =>
          matchesAssignment(a, options.assignment),
        );
        if (candidates.length !== 1) {
          const names = candidates.slice(0, 8).map((a) => `${a.number ?? ""} ${a.title}`.trim());
          throw new CliFailure(
            candidates.length === 0
              ? `No assignment in ${agreementId} matches "${options.assignment}".`
              : `"${options.assignment}" matches ${candidates.length} assignments: ${names.join("; ")}. Be more specific.`,
            2,
          );
        }
        const assignment = candidates[0]!;
        const today = calendarDate(services.clock.now());
        // The same default as the card: the next open item without a status; an edit means the next open item.
        const reported = reportedKeys(await services.status.list({ agreementId }));
        const point = options.period
          ? findPoint(assignment.points, options.period)
          : options.edit
            ? nextPoint(assignment.points, today)
            : chooseReportingItem(assignment.points, today, (key) => reported.has(`${assignment.id}|${key}`));
        if (!point) {
          const periods = assignment.points
            .map((p) => p.date ?? p.periodCode ?? p.occasion)
            .filter(Boolean)
            .join(", ");
          const what = options.period ? `matches "${options.period}"` : `is still open on ${today}; give --period`;
          throw new CliFailure(
            `No reporting item of "${assignment.title}" ${what}. Its items: ${periods || "none"}.`,
            2,
          );
        }
        const operator = operatorPrincipal();
        const tenantId = services.config.bot.tenantId ?? "cli";
        const actor = options.as
          ? {
              tenantId,
              aadObjectId: options.as.toLowerCase(),
              name:
                (await services.conversations.findPeople(tenantId, { aadObjectId: options.as }))[0]?.displayName ??
                options.as,
            }
          : {
              tenantId,
              aadObjectId: `cli:${operator.kind === "operator" ? operator.name : "operator"}`,
              name: `${operator.kind === "operator" ? operator.name : "operator"} (CLI)`,
            };
        // The operator has an administrator's rights; the update is stored as the actor's.
        const figures = figureFields(options.figure);
        const known = new Set(assignment.indicators.map((i) => i.ordinal));
        const unknown = Object.keys(figures)
          .map((f) => Number(f.split("_")[1]))
          .filter((n) => !known.has(n));
        if (unknown.length > 0) {
          const list = assignment.indicators.map((i) => `${i.ordinal}=${i.name}`).join("; ");
          throw new CliFailure(
            `--figure ${unknown[0]}: "${assignment.title}" has no such indicator. Its indicators: ${list || "none"}.`,
            2,
          );
        }
        const permissions = new Permissions(actor, [], true);
        const existing = await services.status.findUpdate(assignment.id, point.key);
        const key = options.key ?? randomUUID();
        const outcome = await submitStatus(
          services,
          permissions,
          {
            assignmentId: assignment.id,
            idempotencyKey: key,
            baseVersion: options.edit && existing ? existing.version : 0,
            fields: { status: options.status, text: options.text, period: point.key, ...figures },
          },
          operator,
        ).catch((error: unknown) => {
          if (error instanceof AppError && error.details?.reply === "status.formUsed") {
            throw new CliFailure(
              `--key ${key} was already used for another assignment, period or person; nothing was stored. Use a new key.`,
              2,
            );
          }
          if (error instanceof AppError && error.details?.reply === "status.formBroken")
            throw new CliFailure("--key must be 8 to 100 characters.", 2);
          throw error;
        });
        switch (outcome.kind) {
          case "invalid":
            throw new CliFailure(
              `Not stored:\n${Object.entries(outcome.errors)
                .map(([field, e]) => `  ${field}: ${translate("en", e.key, e.params)}`)
                .join("\n")}`,
              2,
            );
          case "stale":
            throw new CliFailure(
              `Not stored: ${outcome.current.periodLabel} already has a status (version ${outcome.current.version}, ${outcome.current.status}). Add --edit to store a new version.`,
              1,
            );
          case "closed":
            throw new CliFailure(
              `Not stored: the reporting item closed on ${outcome.current.dueDate}; the stored status stands.`,
              1,
            );
          case "stored":
            if (options.json) return void context.out(JSON.stringify(statusJson(outcome.update, assignment), null, 2));
            context.out(
              `${outcome.duplicate ? "Already stored (same --key)" : "Stored"}: ${assignment.number ?? ""} ${assignment.title} — ${outcome.update.periodLabel}: ${outcome.update.status}, version ${outcome.update.version}${!outcome.duplicate && isLateReport(outcome.update) ? " (after the due date)" : ""}.`.replace(
                /\s+/g,
                " ",
              ),
            );
        }
      },
    );
}
