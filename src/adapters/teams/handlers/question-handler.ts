import type { TurnContext } from "botbuilder";
import type { Answer } from "../../../questions/answer-model.ts";
import type { Language } from "../../../shared/language.ts";
import { calendarDate } from "../../../shared/text/swedish-dates.ts";
import { deadlinesCardData } from "../cards/deadlines-card.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { actingPerson } from "./acting-person.ts";
import { isSharedConversation } from "../turn-facts.ts";

/**
 * Teams' citation entity: each [n] in the text opens its source. The quote is the abstract
 * (Teams shows at most 160 characters of it).
 */
export function citationEntity(answer: Answer) {
  return {
    type: "https://schema.org/Message",
    "@type": "Message",
    "@context": "https://schema.org",
    "@id": "",
    ...(answer.composedBy === "llm" ? { additionalType: ["AIGeneratedContent"] } : {}),
    citation: answer.citations.map((citation, i) => ({
      "@type": "Claim",
      position: i + 1,
      appearance: {
        "@type": "DigitalDocument",
        name: `${citation.section ? `§${citation.section} ` : ""}${citation.heading}`.slice(0, 80),
        abstract: citation.quote.length > 160 ? `${citation.quote.slice(0, 157)}…` : citation.quote,
        keywords: [citation.agreement ?? citation.source, ...(citation.year ? [String(citation.year)] : [])].slice(
          0,
          3,
        ),
      },
    })),
  };
}

/** Any message that is not a command is a question about the agreements. */
export function questionHandler(deps: TeamsDependencies) {
  return async (context: TurnContext, question: string, language: Language): Promise<void> => {
    const today = calendarDate(deps.clock.now());
    const answer = await deps.questions.answer(question, { today, language });
    if (answer.intent === "deadlines" && answer.found) {
      // The card offers "Report" only on items of divisions the person reports for, and only in the
      // personal chat: status is not shown where others read along (src/conversation/shared-conversations.ts).
      const permissions = isSharedConversation(context.activity)
        ? undefined
        : (await actingPerson(deps, context))?.permissions;
      const data = deadlinesCardData(answer, (id) => deps.questions.agreementLabel(id), {
        canReport: (item) => permissions?.canReportFor(item.agreement.divisionCode) ?? false,
      });
      await context.sendActivity({ attachments: [deps.cards.attachment("deadlines", data)], summary: data.title });
      // The other half of a two-part question, as the text answers it.
      if (answer.also)
        await context.sendActivity({
          type: "message",
          text: answer.also.text,
          textFormat: "markdown",
          entities: [citationEntity(answer.also)],
        });
      return;
    }
    if (answer.citations.length > 0) {
      await context.sendActivity({
        type: "message",
        text: answer.text,
        textFormat: "markdown",
        entities: [citationEntity(answer)],
      });
      return;
    }
    await context.sendActivity({ type: "message", text: answer.text, textFormat: "markdown" });
  };
}
