// The import review in Teams: "granska <avtal>" (and every import from a file) shows what the reader
// found; the card's Action.Execute buttons edit, remove, add and confirm reporting items through the
// same correction use case as `deadlines edit|remove|add|confirm` in the CLI. Each answer is the next
// card, which Teams puts in place of the one clicked.
import { randomUUID } from "node:crypto";
import type { TurnContext } from "botbuilder";
import type { AdaptiveCard, Application } from "@microsoft/teams-ai";
import type { Principal } from "../../../audit/audit-log.ts";
import type { DeadlineRecord } from "../../../agreements/agreement-store.ts";
import { correctReportingItem } from "../../../agreements/corrections/correct-reporting-items.ts";
import {
  checkCorrection,
  type CorrectionAction,
  type CorrectionFields,
} from "../../../agreements/corrections/correction-model.ts";
import { itemRef } from "../../../agreements/corrections/item-ref.ts";
import { resolveAgreement } from "../../../agreements/resolve-agreement.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";
import type { Permissions } from "../../../people/roles.ts";
import { reviewCardData, reviewFormCardData, type NoticeColour, type ReviewFormValues } from "../cards/review-card.ts";
import { noticeCardData } from "../cards/status-cards.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { withinTurnBudget } from "../turn-budget.ts";
import { isSharedConversation } from "../turn-facts.ts";
import { actingPerson } from "./acting-person.ts";
import type { CommandRequest } from "./command-request.ts";
import { cardForError, cardLanguage, type Card } from "./status-handlers.ts";

type Notice = { text: string; colour: NoticeColour };

function principalOf(permissions: Permissions): Principal {
  return { kind: "person", actor: permissions.actor, isAdmin: permissions.isAdmin };
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** The review card of one agreement at `page`, with a fresh one-time key for its buttons. */
export async function reviewCard(
  deps: TeamsDependencies,
  language: Language,
  agreementId: string,
  page = 1,
  notice?: Notice,
): Promise<Card> {
  const agreement = (await deps.agreements.listAgreements()).find((a) => a.id === agreementId);
  if (!agreement) throw new AppError("not_found", `no agreement ${agreementId}`);
  const items = await deps.corrections.reviewItems(agreementId);
  return {
    name: "import-review",
    data: reviewCardData(language, { agreement, items, page, key: randomUUID(), notice }),
  };
}

async function formCard(
  deps: TeamsDependencies,
  language: Language,
  agreementId: string,
  page: number,
  state: {
    item?: DeadlineRecord;
    values?: ReviewFormValues;
    problem?: Parameters<typeof reviewFormCardData>[1]["problem"];
  },
): Promise<Card> {
  const agreement = (await deps.agreements.listAgreements()).find((a) => a.id === agreementId);
  if (!agreement) throw new AppError("not_found", `no agreement ${agreementId}`);
  return {
    name: "review-item-form",
    data: reviewFormCardData(language, { agreement, ...state, page, key: randomUUID() }),
  };
}

async function findItem(
  deps: TeamsDependencies,
  agreementId: string,
  ref: string,
): Promise<DeadlineRecord | undefined> {
  return (await deps.corrections.reviewItems(agreementId)).find((item) => itemRef(item.key) === ref);
}

/**
 * Runs `work` once per card and button: a double click, or Teams sending the click again, finds the
 * claim and gets the review as it now is instead of a second correction. The key is fresh for every
 * card shown, so the same button on a newer card is a new request.
 */
async function once(
  deps: TeamsDependencies,
  data: Record<string, unknown>,
  action: string,
  work: () => Promise<Card>,
  already: () => Promise<Card>,
): Promise<Card> {
  const key = text(data.idempotencyKey);
  if (!key) throw new AppError("invalid_input", "a review action without its key");
  const claim = await deps.activityClaims.claim(`review|${key}|${action}|${text(data.ref)}`, deps.clock.now());
  return claim.first ? work() : already();
}

/** The form's inputs as the person left them. */
function typedValues(data: Record<string, unknown>): ReviewFormValues {
  return {
    title: text(data.title),
    date: text(data.date),
    meetingDate: text(data.meetingDate),
    submissionDate: text(data.submissionDate),
    form: text(data.form) || "none",
  };
}

/** Only what the person changed: an edit that repeats the stored values changes nothing. */
function changedFields(values: ReviewFormValues, item: DeadlineRecord | undefined): CorrectionFields {
  const form =
    values.form === "oral" || values.form === "written" || values.form === "both"
      ? values.form
      : values.form === "none"
        ? null
        : (values.form as never);
  const fields: CorrectionFields = {};
  const orNull = (value: string) => (value === "" ? null : value);
  if (!item) {
    fields.title = values.title;
    if (values.date) fields.date = values.date;
    if (values.meetingDate) fields.meetingDate = values.meetingDate;
    if (values.submissionDate) fields.submissionDate = values.submissionDate;
    if (form) fields.form = form;
    return fields;
  }
  if (values.title !== item.title) fields.title = values.title;
  if (orNull(values.date) !== item.date) fields.date = orNull(values.date);
  if (orNull(values.meetingDate) !== item.meetingDate) fields.meetingDate = orNull(values.meetingDate);
  if (orNull(values.submissionDate) !== item.submissionDate) fields.submissionDate = orNull(values.submissionDate);
  if (form !== item.form) fields.form = form;
  return fields;
}

type ReviewStep = (
  context: TurnContext,
  data: Record<string, unknown>,
  language: Language,
  permissions: Permissions,
) => Promise<Card>;

/** One review verb: administrators only; any refusal or failure becomes a card, never a spinning button. */
function reviewAction(app: Application, deps: TeamsDependencies, verb: string, step: ReviewStep): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(verb, async (context, _state, data) => {
    const language = cardLanguage(context, data ?? {});
    let card: Card;
    try {
      card = await withinTurnBudget(context, deps, async () => {
        const person = await actingPerson(deps, context);
        if (!person?.permissions.isAdmin)
          return {
            name: "notice",
            data: noticeCardData(language, translate(language, "review.refused"), { colour: "Attention" }),
          };
        // A card answered in a group chat or channel is replaced for everyone there.
        if (isSharedConversation(context.activity))
          return { name: "notice", data: noticeCardData(language, translate(language, "review.personalOnly")) };
        return step(context, data ?? {}, language, person.permissions);
      });
    } catch (error) {
      deps.logger.warn({ err: error, verb, activityId: context.activity.id }, "review action failed");
      // A passing failure: a message leaves the clicked card (and what was typed in it) as it is.
      if (deps.classifyError(error) === "database_unavailable")
        return translate(language, "error.database_unavailable");
      card = cardForError(deps, language, error);
    }
    return deps.cards.render(card.name, card.data) as unknown as AdaptiveCard;
  });
}

export function registerReviewActions(app: Application, deps: TeamsDependencies): void {
  const page = (data: Record<string, unknown>) => Number(data.page) || 1;
  const correct = (
    permissions: Permissions,
    agreementId: string,
    action: CorrectionAction,
    itemKey?: string,
    fields?: CorrectionFields,
  ) =>
    correctReportingItem({ corrections: deps.corrections, clock: deps.clock }, principalOf(permissions), {
      agreementId,
      action,
      itemKey,
      fields,
    });
  const already = (language: Language, data: Record<string, unknown>) => () =>
    reviewCard(deps, language, text(data.agreementId), page(data), {
      text: translate(language, "review.done.already"),
      colour: "Default",
    });
  const gone = (language: Language, data: Record<string, unknown>) =>
    reviewCard(deps, language, text(data.agreementId), page(data), {
      text: translate(language, "review.gone"),
      colour: "Warning",
    });

  reviewAction(app, deps, "review.page", async (_context, data, language) =>
    reviewCard(deps, language, text(data.agreementId), page(data)),
  );

  reviewAction(app, deps, "review.edit", async (_context, data, language) => {
    const item = await findItem(deps, text(data.agreementId), text(data.ref));
    if (!item) return gone(language, data);
    return formCard(deps, language, text(data.agreementId), page(data), { item });
  });

  reviewAction(app, deps, "review.add", async (_context, data, language) =>
    formCard(deps, language, text(data.agreementId), page(data), {}),
  );

  reviewAction(app, deps, "review.save", async (_context, data, language, permissions) => {
    const agreementId = text(data.agreementId);
    const adding = data.mode === "add";
    const item = adding ? undefined : await findItem(deps, agreementId, text(data.ref));
    if (!adding && !item) return gone(language, data);
    const values = typedValues(data);
    const action: CorrectionAction = adding ? "add" : "edit";
    // Claimed before the check: a second click compares with the first click's result and would
    // read as "nothing changed". A form shown again after a mistake has a new key, so fixing it works.
    return once(
      deps,
      data,
      action,
      async () => {
        const fields = changedFields(values, item);
        const problem = checkCorrection(action, fields) ?? (values.title === "" ? "empty_title" : null);
        if (problem) return formCard(deps, language, agreementId, page(data), { item, values, problem });
        const result = await correct(permissions, agreementId, action, item?.key, fields);
        const title = result.item?.title ?? values.title;
        return reviewCard(deps, language, agreementId, page(data), {
          text: translate(language, adding ? "review.done.add" : "review.done.edit", { title }),
          colour: "Good",
        });
      },
      already(language, data),
    );
  });

  reviewAction(app, deps, "review.remove", async (_context, data, language, permissions) => {
    const agreementId = text(data.agreementId);
    return once(
      deps,
      data,
      "remove",
      async () => {
        const item = await findItem(deps, agreementId, text(data.ref));
        if (!item) return gone(language, data);
        await correct(permissions, agreementId, "remove", item.key);
        return reviewCard(deps, language, agreementId, page(data), {
          text: translate(language, "review.done.remove", { title: item.title }),
          colour: "Good",
        });
      },
      already(language, data),
    );
  });

  reviewAction(app, deps, "review.confirmAll", async (_context, data, language, permissions) => {
    const agreementId = text(data.agreementId);
    return once(
      deps,
      data,
      "confirmAll",
      async () => {
        const open = (await deps.corrections.reviewItems(agreementId)).filter((item) => !item.confirmed);
        for (const item of open) await correct(permissions, agreementId, "confirm", item.key);
        return reviewCard(deps, language, agreementId, page(data), {
          text: translate(language, "review.done.confirm", { count: open.length }),
          colour: "Good",
        });
      },
      already(language, data),
    );
  });
}

/** "granska [avtal]" / "review [agreement]": the review card of an imported agreement, for administrators. */
export function reviewCommand(deps: TeamsDependencies) {
  return async (context: TurnContext, request: CommandRequest): Promise<void> => {
    const { language } = request;
    const person = await actingPerson(deps, context);
    if (!person?.permissions.isAdmin) {
      await context.sendActivity(translate(language, "review.refused"));
      return;
    }
    if (isSharedConversation(context.activity)) {
      await context.sendActivity(translate(language, "review.personalOnly"));
      return;
    }
    const stored = await deps.agreements.listAgreements();
    if (stored.length === 0) {
      await context.sendActivity(translate(language, "review.noAgreements"));
      return;
    }
    const ids = stored.map((a) => a.id).join(", ");
    const argument = request.argument.trim();
    let matches = stored;
    if (argument) matches = resolveAgreement(stored, { text: argument }).matches;
    if (matches.length !== 1) {
      const message = !argument
        ? translate(language, "review.which", { example: stored[0]!.id, agreements: ids })
        : matches.length === 0
          ? translate(language, "review.noMatch", { text: argument, agreements: ids })
          : translate(language, "review.ambiguous", {
              text: argument,
              agreements: matches.map((a) => a.id).join(", "),
            });
      await context.sendActivity(message);
      return;
    }
    const card = await reviewCard(deps, language, matches[0]!.id);
    await context.sendActivity({ attachments: [deps.cards.attachment(card.name, card.data)] });
  };
}
