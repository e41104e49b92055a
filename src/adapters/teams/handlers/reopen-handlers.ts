// Correcting a report after its due date, in Teams: the chief asks ("Be om att få ändra"), the
// committee's experts (or, without experts, the administrators) get a card in their personal chat,
// one of them reopens it ("Öppna för ändring", audited), and the chief gets the receipt with "Ändra".
import type { AdaptiveCard, Application } from "@microsoft/teams-ai";
import { permissionsOf, type Permissions } from "../../../people/roles.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { Language } from "../../../shared/language.ts";
import { translate } from "../../../shared/messages/translate.ts";
import { reopenStatus } from "../../../status/reopen-status.ts";
import type { ReportableAssignment, StoredStatusUpdate } from "../../../status/status-model.ts";
import { loadReportableAssignment } from "../../../status/submit-status.ts";
import { noticeCardData, reopenRequestCardData } from "../cards/status-cards.ts";
import { userMessageFor } from "../error-message.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { actingPerson } from "./acting-person.ts";
import { personalOnlyText } from "./personal-only.ts";
import { isSharedConversation } from "../turn-facts.ts";
import { cardAction, cardLanguage, receiptCard, type Card } from "./status-handlers.ts";

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

interface Recipient {
  tenantId: string;
  aadObjectId: string;
  name: string | null;
}

/** Who is asked to reopen: the committee's experts; without any, the administrators. */
async function reopenRecipients(
  deps: TeamsDependencies,
  agreement: ReportableAssignment["agreement"],
  tenantId: string,
): Promise<Recipient[]> {
  const toRecipient = (g: { tenantId: string; aadObjectId: string; displayName: string | null }) => ({
    tenantId: g.tenantId,
    aadObjectId: g.aadObjectId,
    name: g.displayName,
  });
  const experts = agreement.committeeCode
    ? (await deps.roles.list({ role: "expert", scope: agreement.committeeCode.toUpperCase(), tenantId })).map(
        toRecipient,
      )
    : [];
  if (experts.length > 0) return experts;
  const granted = (await deps.roles.list({ role: "admin", tenantId })).map(toRecipient);
  const configured =
    deps.admins.tenantId && deps.admins.tenantId !== tenantId
      ? []
      : deps.admins.aadObjectIds.map((id) => ({ tenantId, aadObjectId: id.toLowerCase(), name: null }));
  const all = [...granted, ...configured];
  return all.filter((r, i) => all.findIndex((o) => o.aadObjectId === r.aadObjectId) === i);
}

async function requestReopening(
  deps: TeamsDependencies,
  data: Record<string, unknown>,
  language: Language,
  permissions: Permissions,
): Promise<Card> {
  const update = await deps.status.findUpdateById(text(data.updateId));
  if (!update) throw new AppError("not_found", "no such status update");
  const assignment = await loadReportableAssignment(deps, permissions, update.assignmentId);
  // Someone who may reopen it gets the button on the receipt instead of asking.
  if (permissions.canReopen(assignment.agreement)) return receiptCard(deps, language, update, assignment, permissions);
  const recipients = await reopenRecipients(deps, assignment.agreement, permissions.actor.tenantId);
  const reached: string[] = [];
  for (const recipient of recipients) {
    const sent = await deps.notifier
      ?.send(recipient, (theirs) => {
        const card = reopenRequestCardData(theirs, { update, assignment, requester: permissions.actor.name });
        return { attachments: [deps.cards.attachment("status-reopen-request", card)], summary: card.text };
      })
      .catch((error: unknown) => {
        deps.logger.warn({ err: error, recipient: recipient.aadObjectId }, "reopen request could not be sent");
        return false;
      });
    if (sent) reached.push(recipient.name ?? translate(language, "status.reopen.admins"));
  }
  const names = (list: string[]) => list.join(", ") || translate(language, "status.reopen.admins");
  const notice =
    reached.length > 0
      ? { text: translate(language, "status.reopen.requested", { names: names(reached) }), colour: "Good" as const }
      : {
          text: translate(language, "status.reopen.unreachable", {
            names: names(recipients.map((r) => r.name ?? translate(language, "status.reopen.admins"))),
          }),
          colour: "Warning" as const,
        };
  return receiptCard(deps, language, update, assignment, permissions, notice);
}

/** Tells the chief who wrote the report that it can be corrected, with the receipt and its Edit button. */
async function tellAuthor(
  deps: TeamsDependencies,
  update: StoredStatusUpdate,
  assignment: ReportableAssignment,
  by: string,
): Promise<boolean> {
  if (!deps.notifier) return false;
  const author = await permissionsOf(deps, {
    tenantId: update.author.tenantId,
    aadObjectId: update.author.aadObjectId,
    name: update.author.name,
  });
  const cards = new Map<Language, Card>();
  for (const language of ["sv", "en"] as const) {
    const notice = {
      text: translate(language, "status.reopen.toAuthor", { by, until: update.reopened?.until ?? "" }),
      colour: "Accent" as const,
    };
    cards.set(language, await receiptCard(deps, language, update, assignment, author, notice));
  }
  return deps.notifier
    .send(update.author, (language) => {
      const card = cards.get(language)!;
      return { attachments: [deps.cards.attachment(card.name, card.data)] };
    })
    .catch((error: unknown) => {
      deps.logger.warn({ err: error }, "the author could not be told about the reopened status");
      return false;
    });
}

export function registerReopenActions(app: Application, deps: TeamsDependencies): void {
  cardAction(app, deps, "status.reopenRequest", (_context, data, language, permissions) =>
    requestReopening(deps, data, language, permissions),
  );

  // Experts reopen without reporting themselves, so this verb does not require a reporting role.
  app.adaptiveCards.actionExecute<Record<string, unknown>>("status.reopen", async (context, _state, data) => {
    const language = cardLanguage(context, data ?? {});
    let card: Card;
    try {
      const person = await actingPerson(deps, context);
      if (isSharedConversation(context.activity))
        card = { name: "notice", data: noticeCardData(language, personalOnlyText(language, "status")) };
      else if (!person)
        card = {
          name: "notice",
          data: noticeCardData(language, translate(language, "status.unknownUser"), { colour: "Attention" }),
        };
      else {
        const { update, assignment, changed } = await reopenStatus(deps, person.permissions, {
          updateId: text(data?.updateId),
        });
        const isAuthor =
          update.author.tenantId === person.actor.tenantId && update.author.aadObjectId === person.actor.aadObjectId;
        const told = changed && !isAuthor ? await tellAuthor(deps, update, assignment, person.actor.name) : false;
        if (person.permissions.canReportFor(assignment.agreement.divisionCode)) {
          card = await receiptCard(
            deps,
            language,
            update,
            assignment,
            person.permissions,
            changed
              ? {
                  text: translate(language, "status.receipt.reopened", {
                    by: person.actor.name,
                    until: update.reopened!.until,
                  }),
                  colour: "Accent",
                }
              : undefined,
          );
        } else {
          const done = changed
            ? translate(language, "status.reopen.done", {
                author: update.author.name,
                assignment: assignment.number ?? assignment.title,
                until: update.reopened!.until,
                told: translate(language, told ? "status.reopen.told" : "status.reopen.notTold", {
                  author: update.author.name,
                }),
              })
            : translate(language, "status.reopen.already");
          card = { name: "notice", data: noticeCardData(language, done, { colour: "Good" }) };
        }
      }
    } catch (error) {
      deps.logger.warn({ err: error, verb: "status.reopen", activityId: context.activity.id }, "card action failed");
      const code = deps.classifyError(error);
      if (code === "database_unavailable") return translate(language, "error.database_unavailable");
      card = {
        name: "notice",
        data: noticeCardData(
          language,
          code === "not_found" ? translate(language, "status.notFound") : userMessageFor(language, error, code),
          { colour: "Attention" },
        ),
      };
    }
    return deps.cards.render(card.name, card.data) as unknown as AdaptiveCard;
  });
}
