import type { TurnContext } from "botbuilder";
import { helpCardData } from "../cards/help-card.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import { isSharedConversation } from "../turn-facts.ts";
import type { CommandRequest } from "./command-request.ts";

export function helpCommand(deps: TeamsDependencies) {
  return async (context: TurnContext, request: CommandRequest): Promise<void> => {
    const data = helpCardData(request.language, { inSharedConversation: isSharedConversation(context.activity) });
    await context.sendActivity({ attachments: [deps.cards.attachment("help", data)] });
  };
}
