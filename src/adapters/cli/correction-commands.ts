// deadlines review | add | edit | remove | confirm: what an administrator does after an import
// when the reader got something wrong — through the same use case as the import review card.
import type { Command } from "commander";
import { correctReportingItem } from "../../agreements/corrections/correct-reporting-items.ts";
import type { CorrectionAction, CorrectionFields } from "../../agreements/corrections/correction-model.ts";
import { itemRef } from "../../agreements/corrections/item-ref.ts";
import type { DeadlineRecord } from "../../agreements/agreement-store.ts";
import { isAppError } from "../../shared/app-error.ts";
import { CliFailure, operatorPrincipal, type CliContext } from "./cli-context.ts";
import { resolveAgreementOption } from "./agreement-commands.ts";

const forms: Record<string, "oral" | "written" | "both"> = {
  oral: "oral",
  muntlig: "oral",
  written: "written",
  skriftlig: "written",
  both: "both",
  "oral+written": "both",
  båda: "both",
};

function describe(item: DeadlineRecord): string {
  const when = item.date ?? item.periodCode ?? item.recurrence ?? "-";
  const extra = [
    item.meetingDate && item.meetingDate !== item.date ? `meeting ${item.meetingDate}` : null,
    item.submissionDate ? `material due ${item.submissionDate}` : null,
    item.form,
  ]
    .filter(Boolean)
    .join(", ");
  const mark =
    item.origin === "added"
      ? " [added]"
      : item.origin === "corrected"
        ? " [corrected]"
        : item.confirmed
          ? " [confirmed]"
          : "";
  return `${itemRef(item.key)}  ${when.padEnd(10)} §${(item.section ?? "-").padEnd(7)} ${item.title.slice(0, 80)}${extra ? ` (${extra})` : ""}${mark}`;
}

interface FieldOptions {
  title?: string;
  date?: string;
  meeting?: string;
  due?: string;
  form?: string;
  section?: string;
}

function fieldsFrom(options: FieldOptions): CorrectionFields {
  const fields: CorrectionFields = {};
  if (options.title !== undefined) fields.title = options.title;
  if (options.date !== undefined) fields.date = options.date === "none" ? null : options.date;
  if (options.meeting !== undefined) fields.meetingDate = options.meeting === "none" ? null : options.meeting;
  if (options.due !== undefined) fields.submissionDate = options.due === "none" ? null : options.due;
  if (options.form !== undefined) {
    const form = forms[options.form.toLowerCase()];
    if (!form) throw new CliFailure(`--form must be oral, written or both (got "${options.form}").`, 2);
    fields.form = form;
  }
  if (options.section !== undefined) fields.section = options.section;
  return fields;
}

const problemText: Record<string, string> = {
  bad_date: "--date must be YYYY-MM-DD or YYYY-MM (an added item needs --date, --meeting or --due)",
  bad_meeting_date: "--meeting must be YYYY-MM-DD",
  bad_submission_date: "--due must be YYYY-MM-DD",
  empty_title: "--title must not be empty (an added item needs one)",
  nothing_to_change: "give at least one of --title, --date, --meeting, --due, --form, --section",
  due_after_meeting: "--due (written material) cannot be after --meeting",
};

export function registerCorrectionCommands(deadlines: Command, context: CliContext): void {
  const run = async (
    action: CorrectionAction,
    agreement: string | undefined,
    item: string | undefined,
    fields: CorrectionFields,
  ) => {
    const services = await context.services();
    const agreementId = await resolveAgreementOption(services.agreements, agreement, 2);
    if (!agreementId) throw new CliFailure("--agreement is required.", 2);
    let itemKey: string | undefined;
    if (action !== "add") {
      if (!item) throw new CliFailure("--item is required (the reference `deadlines review` prints, e.g. r3f9a2c).", 2);
      const items = await services.corrections.reviewItems(agreementId);
      itemKey = items.find((i) => itemRef(i.key) === item || i.key === item)?.key;
      if (!itemKey)
        throw new CliFailure(`No item ${item} in ${agreementId}; see: deadlines review --agreement ${agreementId}`, 1);
    }
    try {
      const result = await correctReportingItem(
        { corrections: services.corrections, clock: services.clock },
        operatorPrincipal(),
        { agreementId, action, itemKey, fields },
      );
      const verb = { add: "Added", edit: "Corrected", remove: "Removed", confirm: "Confirmed" }[action];
      context.out(`${verb}: ${result.item ? describe(result.item) : itemRef(result.itemKey)}`);
    } catch (error) {
      if (isAppError(error) && error.code === "invalid_input")
        throw new CliFailure(problemText[String(error.details?.problem)] ?? error.message, 2);
      throw error;
    }
  };
  deadlines
    .command("review")
    .description("every reporting item read from one agreement, with the reference to correct it by")
    .requiredOption("--agreement <id>", "the agreement (id or a unique part of it)")
    .option("--json", "print JSON")
    .action(async (options: { agreement: string; json?: boolean }) => {
      const services = await context.services();
      const agreementId = (await resolveAgreementOption(services.agreements, options.agreement, 2))!;
      const items = await services.corrections.reviewItems(agreementId);
      const corrections = await services.corrections.listCorrections(agreementId);
      if (options.json) {
        context.out(
          JSON.stringify(
            {
              agreement: agreementId,
              items: items.map((i) => ({ ref: itemRef(i.key), ...i, key: undefined, assignmentId: undefined })),
              corrections: corrections.length,
            },
            null,
            2,
          ),
        );
        return;
      }
      context.out(`${agreementId}: ${items.length} reporting items, ${corrections.length} correction(s) by people`);
      for (const item of items) context.out(`  ${describe(item)}`);
      context.out(
        "Correct with: deadlines edit|remove|confirm --agreement <id> --item <ref> …, or deadlines add --agreement <id> --title … --date …",
      );
    });
  const withFields = (command: Command) =>
    command
      .option("--title <text>", "what is reported")
      .option("--date <date>", "the date the agreement names (YYYY-MM-DD, or YYYY-MM for a month; none to clear)")
      .option("--meeting <date>", "the committee meeting it is presented at (YYYY-MM-DD; none to clear)")
      .option("--due <date>", "when written material is due (YYYY-MM-DD; none to clear)")
      .option("--form <form>", "oral, written or both")
      .option("--section <number>", "the agreement's section, e.g. 3.2");
  withFields(
    deadlines
      .command("add")
      .description("add a reporting item the reader missed")
      .requiredOption("--agreement <id>", "the agreement"),
  ).action(async (options: FieldOptions & { agreement: string }) =>
    run("add", options.agreement, undefined, fieldsFrom(options)),
  );
  withFields(
    deadlines
      .command("edit")
      .description("correct a reporting item")
      .requiredOption("--agreement <id>", "the agreement")
      .requiredOption("--item <ref>", "the item, as `deadlines review` lists it"),
  ).action(async (options: FieldOptions & { agreement: string; item: string }) =>
    run("edit", options.agreement, options.item, fieldsFrom(options)),
  );
  deadlines
    .command("remove")
    .description("remove a reporting item that is not one (it stays removed after re-imports)")
    .requiredOption("--agreement <id>", "the agreement")
    .requiredOption("--item <ref>", "the item")
    .action(async (options: { agreement: string; item: string }) => run("remove", options.agreement, options.item, {}));
  deadlines
    .command("confirm")
    .description("mark a reporting item as checked against the document")
    .requiredOption("--agreement <id>", "the agreement")
    .requiredOption("--item <ref>", "the item")
    .action(async (options: { agreement: string; item: string }) =>
      run("confirm", options.agreement, options.item, {}),
    );
}
