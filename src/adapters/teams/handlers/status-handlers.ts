// The status flow in Teams: "status" shows the chief's assignments; the card's Action.Execute
// buttons open the form, submit it, show the receipt and edit it. Each action answers with the
// next card, which Teams puts in place of the one that was clicked (Universal Actions).
import { randomUUID } from "node:crypto";
import type { TurnContext } from "botbuilder";
import type { AdaptiveCard, Application } from "@microsoft/teams-ai";
import { describeRoles } from "../../../people/describe-roles.ts";
import type { Permissions } from "../../../people/roles.ts";
import { AppError, isAppError } from "../../../shared/app-error.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";
import { calendarDate, localDateTime } from "../../../shared/text/swedish-dates.ts";
import { isEditable, isLateReport } from "../../../status/reporting-periods.ts";
import { reopenersOf } from "../../../status/reopen-status.ts";
import { statusOverview } from "../../../status/status-overview.ts";
import { loadReportableAssignment, submitStatus, type SubmitOutcome } from "../../../status/submit-status.ts";
import type { ReportableAssignment, StoredStatusUpdate } from "../../../status/status-model.ts";
import type { CardTemplateName } from "../card-renderer.ts";
import { userMessageFor } from "../error-message.ts";
import {
  formValuesOf,
  noticeCardData,
  statusFormCardData,
  statusOverviewCardData,
  statusReceiptCardData,
} from "../cards/status-cards.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { actingPerson } from "./acting-person.ts";
import { personalOnlyText, refusedInSharedConversation } from "./personal-only.ts";
import { isSharedConversation } from "../turn-facts.ts";
import { knownCodes } from "./roles-command.ts";
import { knownLanguage } from "../turn-language.ts";
import { withinTurnBudget } from "../turn-budget.ts";
import type { CommandRequest } from "./command-request.ts";

/** Words around the filter in "status för jobbtorg" / "status for 3.1" that are not part of it. */
const fillerWords = new Set(["för", "for", "om", "on", "about", "på", "till", "av", "of", "the", "min", "mina", "my"]);

function filterText(argument: string): string {
  return argument
    .split(/\s+/)
    .filter((word) => word && !fillerWords.has(word))
    .join(" ");
}

export type Card = { name: CardTemplateName; data: object };

/** Works out who is acting; a refusal (as a card) when Teams did not say or the person has no reporting role. */
async function reporterOf(
  deps: TeamsDependencies,
  context: TurnContext,
  language: Language,
): Promise<Permissions | Card> {
  const person = await actingPerson(deps, context);
  if (!person)
    return {
      name: "notice",
      data: noticeCardData(language, translate(language, "status.unknownUser"), { colour: "Attention" }),
    };
  if (!person.permissions.mayReportAnything) {
    // The suggestion must work as typed: a real division code, and the person's name after the @.
    const codes = await knownCodes(deps, "chief");
    const example = `${translate(language, "command.roles.title")} ${language === "sv" ? "ge chef" : "grant chief"} ${codes[0] ?? "⟨division⟩"} @${person.actor.name}`;
    return {
      name: "notice",
      data: noticeCardData(
        language,
        translate(language, "status.refused", { example, codes: codes.join(", ") || "–" }),
      ),
    };
  }
  return person.permissions;
}

function today(deps: TeamsDependencies): string {
  return calendarDate(deps.clock.now());
}

async function overviewCard(
  deps: TeamsDependencies,
  permissions: Permissions,
  language: Language,
  text = "",
  notice?: string,
): Promise<Card> {
  const rows = await statusOverview(deps, permissions, { today: today(deps), text });
  if (rows.length === 0) {
    const message = text
      ? translate(language, "status.overview.noMatch", { text })
      : translate(language, "status.overview.none", {
          divisions: permissions.isAdmin ? "–" : permissions.divisions.join(", "),
        });
    return { name: "notice", data: noticeCardData(language, message) };
  }
  return { name: "status-overview", data: statusOverviewCardData(language, rows, { notice }) };
}

/** The receipt as `viewer` sees it: after the due date, who may reopen it, and a button to reopen or to ask for it. */
export async function receiptCard(
  deps: TeamsDependencies,
  language: Language,
  update: StoredStatusUpdate,
  assignment: ReportableAssignment,
  viewer: Permissions,
  notice?: { text: string; colour: "Default" | "Good" | "Warning" | "Attention" | "Accent" },
): Promise<Card> {
  const history = await deps.status.history(update.id);
  const point = assignment.points.find((p) => p.key === update.reportingItemKey);
  const locked = point !== undefined && !isEditable(point, update, today(deps));
  const reopen = locked
    ? {
        reopeners: await reopenersOf(deps, assignment.agreement),
        canReopen: viewer.canReopen(assignment.agreement),
        canRequest: viewer.canReportFor(assignment.agreement.divisionCode),
      }
    : undefined;
  return {
    name: "status-receipt",
    data: statusReceiptCardData(language, { update, assignment, history, today: today(deps), notice, reopen }),
  };
}

async function formCard(
  deps: TeamsDependencies,
  language: Language,
  assignment: ReportableAssignment,
  state: {
    values?: Record<string, unknown>;
    editing?: StoredStatusUpdate;
    baseVersion?: number;
    errors?: Parameters<typeof statusFormCardData>[1]["errors"];
  } = {},
): Promise<Card> {
  const updates = await deps.status.list({ agreementId: assignment.agreement.id });
  const reported = new Set(updates.filter((u) => u.assignmentId === assignment.id).map((u) => u.reportingItemKey));
  const editorName = state.editing ? (await deps.status.history(state.editing.id)).at(-1)?.editor.name : undefined;
  return {
    name: "status-form",
    data: statusFormCardData(language, {
      assignment,
      today: today(deps),
      values: state.values ?? {},
      editing: state.editing,
      baseVersion: state.baseVersion,
      editorName,
      reported,
      errors: state.errors,
      // A fresh key per form shown: resubmitting this card is recognised, a new form is a new submission.
      idempotencyKey: randomUUID(),
    }),
  };
}

async function outcomeCard(
  deps: TeamsDependencies,
  language: Language,
  permissions: Permissions,
  outcome: SubmitOutcome,
  fields: Record<string, unknown>,
  baseVersion: number,
  editing?: StoredStatusUpdate,
): Promise<Card> {
  switch (outcome.kind) {
    case "invalid":
      // The version the edit started from travels on unchanged: fixing a field must not turn an edit of an old version into an edit of the newest.
      return formCard(deps, language, outcome.assignment, {
        values: fields,
        errors: outcome.errors,
        editing: baseVersion > 0 ? editing : undefined,
        baseVersion,
      });
    case "stored": {
      const notice = outcome.duplicate
        ? { text: translate(language, "status.receipt.duplicate"), colour: "Default" as const }
        : isLateReport(outcome.update)
          ? {
              text: translate(language, "status.receipt.late", { due: outcome.update.dueDate ?? "" }),
              colour: "Warning" as const,
            }
          : undefined;
      return receiptCard(deps, language, outcome.update, outcome.assignment, permissions, notice);
    }
    case "stale": {
      const history = await deps.status.history(outcome.current.id);
      const latest = history.at(-1);
      const text = translate(language, "status.stale", {
        name: latest?.editor.name ?? outcome.current.author.name,
        version: outcome.current.version,
        when: localDateTime(latest?.editedAt ?? outcome.current.updatedAt),
      });
      return receiptCard(deps, language, outcome.current, outcome.assignment, permissions, { text, colour: "Warning" });
    }
    case "closed":
      return receiptCard(deps, language, outcome.current, outcome.assignment, permissions, {
        text: translate(language, "status.closed", { due: outcome.current.dueDate ?? "" }),
        colour: "Warning",
      });
  }
}

/** Card data carries the language the card was shown in, so the next card keeps it. */
export function cardLanguage(context: TurnContext, data: { lang?: unknown }): Language {
  return data?.lang === "en" || data?.lang === "sv" ? data.lang : knownLanguage(context);
}

/** A refusal or failure inside a card action becomes a card with the reason, never a broken card. */
export function cardForError(
  deps: TeamsDependencies,
  language: Language,
  error: unknown,
  permissions?: Permissions,
  division?: string | null,
): Card {
  const code = deps.classifyError(error);
  let text: string;
  if (code === "forbidden" && permissions) {
    text = translate(language, "status.refusedDivision", {
      division: division ?? String((isAppError(error) && error.details?.division) ?? "–"),
      roles: describeRoles(language, permissions) || "–",
    });
  } else if (code === "not_found") {
    text = translate(language, "status.notFound");
  } else {
    text = userMessageFor(language, error, code);
  }
  return {
    name: "notice",
    data: noticeCardData(language, text, {
      colour: code === "database_unavailable" ? "Warning" : "Attention",
      back: Boolean(permissions) && code !== "database_unavailable",
    }),
  };
}

type ActionData = Record<string, unknown> & { lang?: string };

/**
 * Registers one Action.Execute verb: resolves who acts and in what language, runs the step, and
 * turns any refusal or failure into a card so the clicked card never just spins.
 */
export function cardAction(
  app: Application,
  deps: TeamsDependencies,
  verb: string,
  step: (context: TurnContext, data: ActionData, language: Language, permissions: Permissions) => Promise<Card>,
): void {
  app.adaptiveCards.actionExecute<ActionData>(verb, async (context, _state, data) => {
    const language = cardLanguage(context, data ?? {});
    let permissions: Permissions | undefined;
    let card: Card;
    try {
      card = await withinTurnBudget(context, deps, async () => {
        const reporter = await reporterOf(deps, context, language);
        // A card clicked in a group chat or channel is replaced for everyone there: status stays personal.
        if (isSharedConversation(context.activity))
          return { name: "notice", data: noticeCardData(language, personalOnlyText(language, "status")) };
        if ("name" in reporter) return reporter;
        permissions = reporter;
        return step(context, data ?? {}, language, reporter);
      });
    } catch (error) {
      deps.logger.warn({ err: error, verb, activityId: context.activity.id }, "card action failed");
      // A passing failure: answer with a message, which leaves the clicked card (and what was typed in it) as it is.
      if (deps.classifyError(error) === "database_unavailable")
        return translate(language, "error.database_unavailable");
      card = cardForError(deps, language, error, permissions);
    }
    return deps.cards.render(card.name, card.data) as unknown as AdaptiveCard;
  });
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function registerStatusActions(app: Application, deps: TeamsDependencies): void {
  cardAction(app, deps, "status.overview", async (_context, _data, language, permissions) =>
    overviewCard(deps, permissions, language),
  );

  cardAction(app, deps, "status.open", async (_context, data, language, permissions) => {
    const assignment = await loadReportableAssignment(deps, permissions, text(data.assignmentId));
    const itemKey = text(data.itemKey);
    const existing = itemKey ? await deps.status.findUpdate(assignment.id, itemKey) : null;
    if (existing) return receiptCard(deps, language, existing, assignment, permissions);
    return formCard(deps, language, assignment, {
      values: itemKey && assignment.points.some((p) => p.key === itemKey) ? { period: itemKey } : {},
    });
  });

  cardAction(app, deps, "status.edit", async (_context, data, language, permissions) => {
    const update = await deps.status.findUpdateById(text(data.updateId));
    if (!update) throw new AppError("not_found", "no such status update");
    const assignment = await loadReportableAssignment(deps, permissions, update.assignmentId);
    const point = assignment.points.find((p) => p.key === update.reportingItemKey);
    if (point && !isEditable(point, update, today(deps))) {
      // An old card's Edit button after the deadline: say so at once rather than after the form is filled in.
      return receiptCard(deps, language, update, assignment, permissions, {
        text: translate(language, "status.closed", { due: update.dueDate ?? "" }),
        colour: "Warning",
      });
    }
    return formCard(deps, language, assignment, { values: formValuesOf(update, assignment), editing: update });
  });

  cardAction(app, deps, "status.submit", async (_context, data, language, permissions) => {
    const baseVersion = Number(data.baseVersion ?? 0);
    const outcome = await submitStatus(deps, permissions, {
      assignmentId: text(data.assignmentId),
      idempotencyKey: text(data.idempotencyKey),
      baseVersion,
      fields: data,
    });
    const editing =
      baseVersion > 0 && outcome.kind === "invalid"
        ? ((await deps.status.findUpdate(outcome.assignment.id, text(data.period))) ?? undefined)
        : undefined;
    return outcomeCard(deps, language, permissions, outcome, data, baseVersion, editing);
  });
}

/** "status" / "rapportera" [filter]: the overview, or straight to the form when the filter names one assignment. */
export function statusCommand(deps: TeamsDependencies) {
  return async (context: TurnContext, request: CommandRequest): Promise<void> => {
    if (await refusedInSharedConversation(context, request.language, "status")) return;
    const reporter = await reporterOf(deps, context, request.language);
    let card: Card;
    if ("name" in reporter) card = reporter;
    else {
      const filter = filterText(request.argument);
      card = await overviewCard(deps, reporter, request.language, filter);
      if (filter && card.name === "status-overview") {
        const rows = (card.data as ReturnType<typeof statusOverviewCardData>).rows;
        if (rows.length === 1) {
          const assignment = await loadReportableAssignment(deps, reporter, rows[0]!.action.assignmentId);
          const existing = rows[0]!.action.itemKey
            ? await deps.status.findUpdate(assignment.id, rows[0]!.action.itemKey)
            : null;
          card = existing
            ? await receiptCard(deps, request.language, existing, assignment, reporter)
            : await formCard(deps, request.language, assignment);
        }
      }
    }
    await context.sendActivity({ attachments: [deps.cards.attachment(card.name, card.data)] });
  };
}
