// import, agreements, deadlines: the same use cases the bot uses, for administrators and scripts.
import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { importDocument, type ImportResult } from "../../agreements/import-document.ts";
import type { AgreementStore, DeadlineRecord } from "../../agreements/agreement-store.ts";
import { resolveAgreement } from "../../agreements/resolve-agreement.ts";
import { assignmentKindLabels, type ReportingItemModel } from "../../agreements/agreement-model.ts";
import { dueByDay, isValidIsoDate } from "../../shared/text/swedish-dates.ts";
import { submissionRuleNote } from "../../questions/answer-text.ts";
import { CliFailure, operatorPrincipal, type CliContext } from "./cli-context.ts";
import { auditActor } from "../../audit/audit-log.ts";
import { itemRef } from "../../agreements/corrections/item-ref.ts";
import { registerCorrectionCommands } from "./correction-commands.ts";

const formLabels = { oral: "oral", written: "written", both: "oral+written" } as const;

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

function shorten(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function describeItem(
  item: Pick<
    ReportingItemModel,
    | "date"
    | "meetingDate"
    | "submissionDate"
    | "submissionRule"
    | "form"
    | "section"
    | "title"
    | "period"
    | "channel"
    | "occasion"
  >,
): string {
  const when = item.date ?? `(${item.occasion ?? "?"})`;
  const dates = [
    item.meetingDate ? `meeting ${item.meetingDate}` : null,
    item.submissionDate ? `material due ${item.submissionDate}` : null,
  ].filter(Boolean);
  const form = item.form ? formLabels[item.form] : "form not stated";
  const period = item.period ? ` [${item.period}]` : "";
  const channel = item.channel ? ` in ${item.channel}` : "";
  return `${pad(when, 11)} ${pad(form, 15)} §${pad(item.section ?? "-", 7)} ${shorten(item.title, 80)}${period}${channel}${dates.length ? ` (${dates.join(", ")})` : ""}`;
}

function printReview(context: CliContext, result: Extract<ImportResult, { ok: true }>, verbose: boolean): void {
  const { outcome, parsed, extracted } = result;
  const what =
    parsed.classification.kind === "agreement"
      ? `agreement ${outcome.agreementId}`
      : "document (not an agreement: searchable, no deadlines)";
  const status =
    outcome.status === "unchanged"
      ? `unchanged: the same file was already imported${outcome.existingSourceName && outcome.existingSourceName !== result.file ? ` as ${outcome.existingSourceName}` : ""}`
      : outcome.status === "replaced"
        ? `replaced the previous version${outcome.version ? ` (now version ${outcome.version}; ${outcome.keptAssignments ?? 0} assignments kept, ${outcome.retiredAssignments ?? 0} no longer present)` : ""}`
        : `created${outcome.version ? ` (version ${outcome.version})` : ""}`;
  context.out(`  ✔ ${what}: ${status}`);
  const f = parsed.facts;
  context.out(`  Title:      ${f.title}`);
  if (parsed.classification.kind === "agreement") {
    context.out(`  Committee:  ${f.committee ? `${f.committee.name} (${f.committee.code})` : "not found"}`);
    context.out(`  Division:   ${f.division ? `${f.division.name} (${f.division.code})` : "not found"}`);
    context.out(
      `  Year:       ${f.year ?? "not found"}${f.diarienummer ? `   Dnr: ${f.diarienummer}` : ""}${f.decisionDate ? `   Decided: ${f.decisionDate}` : ""}`,
    );
  }
  const dated = parsed.reportingItems.filter((i) => i.date);
  const periodic = parsed.reportingItems.filter((i) => !i.date);
  context.out(
    `  Found:      ${parsed.sections.length} sections, ${parsed.assignments.length} assignments/goals, ${parsed.indicators.length} indicators, ` +
      `${dated.length} dated reporting items, ${periodic.length} vår/delår/helår follow-ups, ${parsed.economyLines.length} economy lines` +
      `${extracted.pageCount ? ` (${extracted.pageCount} pages)` : ""}${extracted.encoding && extracted.encoding !== "utf-8" ? ` (decoded as ${extracted.encoding})` : ""}`,
  );
  for (const warning of [...extracted.warnings, ...parsed.warnings]) context.out(`  ! ${warning}`);
  if (result.vectors?.status === "pending")
    context.out(
      `  ! Semantic vectors not computed (${result.vectors.message}). The document is answered from its words meanwhile; the vectors are filled in when the embeddings server is back (the bot does it on its own, or: npm run cli -- embeddings backfill).`,
    );
  if (parsed.classification.kind !== "agreement") return;
  if (verbose) {
    context.out("  Assignments and goals:");
    for (const a of parsed.assignments)
      context.out(
        `    ${pad(a.number ?? a.section ?? "-", 7)} ${pad(assignmentKindLabels[a.kind].en, 30)} ${shorten(a.title, 90)}`,
      );
  }
  context.out("  Reporting items:");
  for (const item of [...dated].sort((a, b) => a.date!.localeCompare(b.date!) || a.ordinal - b.ordinal))
    context.out(`    ${describeItem(item)}`);
  if (periodic.length > 0) {
    const byAssignment = new Map<string, string[]>();
    for (const item of periodic) {
      const label = `§${item.section ?? "-"} ${shorten(item.title, 70)}${item.channel ? ` (${item.channel})` : ""}`;
      byAssignment.set(label, [...(byAssignment.get(label) ?? []), item.period?.split(" ")[0] ?? item.occasion ?? "?"]);
    }
    context.out("  Follow-up at vår/delår/helår (no date in the text):");
    for (const [label, occasions] of byAssignment) context.out(`    ${pad(occasions.join(", "), 18)} ${label}`);
  }
}

export function parseDateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isValidIsoDate(value))
    throw new CliFailure(`--${name} must be a date written as YYYY-MM-DD (got "${value}").`, 2);
  return value;
}

/**
 * The JSON a script gets: the record without database ids. An item given by month ("redovisas i
 * maj") is due by the month's end: its date is that day, so that dates sort and compare as days,
 * and `month` keeps the month it was given as.
 */
export function deadlineJson(record: DeadlineRecord) {
  const { assignmentId: _databaseId, key, ...json } = record;
  if (record.precision === "month" && record.date?.length === 7)
    return { ref: itemRef(key), ...json, date: dueByDay(record.date!), month: record.date };
  return { ref: itemRef(key), ...json };
}

/**
 * The agreement an `--agreement` option names, read as the bot reads it (resolveAgreement): the id,
 * part of it, a committee or division code, a name, a year — narrowed by `year` (e.g. `--year`) when given.
 */
export async function resolveAgreementOption(
  agreements: AgreementStore,
  value: string | undefined,
  exitCode = 1,
  options: { year?: number } = {},
): Promise<string | undefined> {
  if (!value) return undefined;
  const stored = await agreements.listAgreements();
  const { matches } = resolveAgreement(stored, { text: value, year: options.year });
  if (matches.length === 1) return matches[0]!.id;
  const scope = options.year === undefined ? `"${value}"` : `"${value}" in ${options.year}`;
  if (matches.length > 1) {
    throw new CliFailure(
      `${matches.length} agreements match ${scope}: ${matches.map((a) => a.id).join(", ")}. Give more of the id${options.year === undefined ? " or a year" : ""}.`,
      exitCode,
    );
  }
  throw new CliFailure(
    `No agreement matches ${scope}. Stored: ${stored.length ? stored.map((a) => a.id).join(", ") : "none"}.`,
    exitCode,
  );
}

export function registerAgreementCommands(program: Command, context: CliContext): void {
  program
    .command("import")
    .description("read agreements (PDF, Word .docx, .txt, .md) into the database and print what was found")
    .argument("<files...>", "files to import")
    .option("--as <kind>", 'store as "agreement" or "document" regardless of what the file looks like')
    .option("--json", "print the results as JSON")
    .option("--verbose", "also list the assignments and goals found")
    .action(async (files: string[], options: { as?: string; json?: boolean; verbose?: boolean }) => {
      if (options.as && options.as !== "agreement" && options.as !== "document")
        throw new CliFailure('--as must be "agreement" or "document".', 2);
      const services = await context.services();
      const results: ImportResult[] = [];
      for (const [index, file] of files.entries()) {
        const path = resolve(file);
        const name = basename(path);
        if (!options.json) context.out(`[${index + 1}/${files.length}] ${name}`);
        let result: ImportResult;
        try {
          const info = await stat(path);
          if (!info.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
          if (info.size > context.config.importMaxBytes) {
            // Refuse before reading a huge file into memory.
            result = {
              file: name,
              ok: false,
              reason: "too_large",
              message: `The file is ${(info.size / 1024 / 1024).toFixed(1)} MB; the import limit is ${(context.config.importMaxBytes / 1024 / 1024).toFixed(1)} MB (IMPORT_MAX_FILE_MB).`,
            };
          } else {
            const bytes = await readFile(path);
            const started = Date.now();
            result = await importDocument({ name, bytes }, services.importDependencies, {
              treatAs: options.as as "agreement" | "document" | undefined,
              onProgress: (done, total, _unit, phase) => {
                // An OCR page takes seconds, so each one is worth a line; text-layer pages go by in tens.
                const worthALine = phase === "ocr" || (total >= 10 && (done % 10 === 0 || done === total));
                if (worthALine && !options.json)
                  context.err(
                    `  … page ${done}/${total}${phase === "ocr" ? " (OCR)" : ""} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
                  );
              },
            });
          }
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
            result = {
              file: name,
              ok: false,
              reason: "unreadable",
              message: code === "ENOENT" ? `No such file: ${path}` : `Cannot read ${path} (${code}).`,
            };
          } else throw error;
        }
        results.push(result);
        if (result.ok && result.outcome.status !== "unchanged") {
          // Who changed what the bot answers from, and when.
          await services.audit.record({
            at: services.clock.now(),
            ...auditActor(operatorPrincipal()),
            action: "import",
            subject: result.outcome.agreementId ?? result.outcome.documentId,
            detail: {
              file: name,
              status: result.outcome.status,
              version: result.outcome.version,
              kind: result.outcome.agreementId ? "agreement" : "document",
            },
          });
        }
        if (options.json) continue;
        if (result.ok) printReview(context, result, options.verbose ?? false);
        else context.out(`  ✘ not imported: ${result.message}`);
      }
      const failed = results.filter((r) => !r.ok);
      if (options.json) {
        context.out(
          JSON.stringify(
            results.map((r) =>
              r.ok
                ? {
                    file: r.file,
                    ok: true,
                    status: r.outcome.status,
                    kind: r.parsed.classification.kind,
                    agreementId: r.outcome.agreementId,
                    version: r.outcome.version,
                    facts: r.parsed.facts,
                    counts: {
                      sections: r.parsed.sections.length,
                      assignments: r.parsed.assignments.length,
                      indicators: r.parsed.indicators.length,
                      reportingItems: r.parsed.reportingItems.length,
                      datedReportingItems: r.parsed.reportingItems.filter((i) => i.date).length,
                      economyLines: r.parsed.economyLines.length,
                    },
                    ocrPages: r.extracted.ocrPages ?? [],
                    warnings: [...r.extracted.warnings, ...r.parsed.warnings],
                    ...(r.vectors ? { vectors: r.vectors } : {}),
                  }
                : { file: r.file, ok: false, reason: r.reason, error: r.message },
            ),
            null,
            2,
          ),
        );
      } else if (files.length > 1) {
        context.out(
          `${results.length - failed.length} of ${results.length} file(s) imported${failed.length ? `; failed: ${failed.map((f) => f.file).join(", ")}` : ""}.`,
        );
      }
      if (failed.length > 0) process.exitCode = 1;
    });

  program
    .command("agreements")
    .description("list the stored agreements (and, with --all, the other documents)")
    .option("--json", "print JSON")
    .option("--all", "also list documents that are not agreements")
    .action(async (options: { json?: boolean; all?: boolean }) => {
      const services = await context.services();
      const agreements = await services.agreements.listAgreements();
      const documents = options.all
        ? (await services.agreements.listDocuments()).filter((d) => d.kind === "document")
        : [];
      if (options.json) {
        context.out(JSON.stringify(options.all ? { agreements, documents } : agreements, null, 2));
        return;
      }
      if (agreements.length === 0)
        context.out("No agreements stored yet. Import one with: npm run cli -- import <file>");
      for (const a of agreements) {
        context.out(`${a.id}  ${a.title}`);
        context.out(
          `    ${a.committee ?? "?"} ↔ ${a.division ?? "?"} · ${a.year ?? "year ?"} · version ${a.version} from ${a.source}` +
            ` · ${a.counts.assignments} assignments, ${a.counts.indicators} indicators, ${a.counts.datedReportingItems} dated reporting items (${a.counts.reportingItems} in all)`,
        );
      }
      if (options.all) {
        context.out(documents.length ? "Other documents:" : "No other documents.");
        for (const d of documents) context.out(`  ${d.title}  (${d.source}, ${d.sections} sections)`);
      }
    });

  const deadlines = program
    .command("deadlines")
    .description("reporting items in date order; review|add|edit|remove|confirm correct them")
    .option("--from <date>", "first date (YYYY-MM-DD), inclusive")
    .option("--to <date>", "last date (YYYY-MM-DD), inclusive")
    .option("--agreement <id>", "only this agreement (id as listed by `agreements`, or a unique part of it)")
    .option("--include-periodic", "also list vår/delår/helår follow-up that has no date")
    .option("--json", "print JSON")
    .action(
      async (options: {
        from?: string;
        to?: string;
        agreement?: string;
        includePeriodic?: boolean;
        json?: boolean;
      }) => {
        const from = parseDateOption(options.from, "from");
        const to = parseDateOption(options.to, "to");
        if (from && to && from > to) throw new CliFailure(`--from ${from} is after --to ${to}.`, 2);
        const services = await context.services();
        const agreementId = await resolveAgreementOption(services.agreements, options.agreement);
        const records = await services.agreements.listDeadlines({
          from,
          to,
          agreementId,
          includePeriodic: options.includePeriodic,
        });
        if (options.json) {
          context.out(JSON.stringify(records.map(deadlineJson), null, 2));
          return;
        }
        if (records.length === 0) {
          context.out("No reporting items in that range.");
          return;
        }
        let currentDate: string | null | undefined;
        for (const record of records) {
          if (record.date !== currentDate) {
            currentDate = record.date;
            context.out(record.date ?? "Vår/delår/helår (no date in the agreement)");
          }
          const parts = [
            record.meetingDate ? `meeting ${record.meetingDate}` : null,
            record.submissionDate ? `material due ${record.submissionDate}${submissionRuleNote(record, "en")}` : null,
            record.form ? formLabels[record.form] : null,
            record.period,
            record.channel,
          ].filter(Boolean);
          context.out(`  ${record.agreement.id} §${record.section ?? "-"}  ${shorten(record.title, 100)}`);
          if (parts.length) context.out(`      ${parts.join(" · ")}`);
        }
      },
    );
  // Options after "review", "edit" … belong to that subcommand, not to `deadlines` itself.
  deadlines.enablePositionalOptions();
  registerCorrectionCommands(deadlines, context);
}
