// The one place where Teams activities are wired to handlers.
import { ActivityTypes } from "botbuilder";
import type { Application } from "@microsoft/teams-ai";
import type { CommandId } from "../../../conversation/command-catalog.ts";
import type { TeamsDependencies } from "../teams-dependencies.ts";
import type { CommandHandler } from "./command-request.ts";
import { RecentSightings, rememberWhoIsTalking, trackInstallation, welcomeOnInstall } from "./conversation-events.ts";
import { guarded } from "./guarded.ts";
import { turnGate } from "./turn-gate.ts";
import { helpCommand } from "./help-command.ts";
import { routeMessage } from "./message-router.ts";
import { rolesCommand } from "./roles-command.ts";
import { registerReopenActions } from "./reopen-handlers.ts";
import { registerStatusActions, statusCommand } from "./status-handlers.ts";
import { registerSummaryActions, summaryCommand } from "./summary-handlers.ts";
import { digestCommand } from "./digest-command.ts";
import { carriesAttachments, fileUploadHandler } from "./file-upload-handler.ts";
import { registerReviewActions, reviewCommand } from "./review-handlers.ts";

export function registerHandlers(app: Application, deps: TeamsDependencies): void {
  const commands: Record<CommandId, CommandHandler> = {
    help: helpCommand(deps),
    status: statusCommand(deps),
    roles: rolesCommand(deps),
    summary: summaryCommand(deps),
    digest: digestCommand(deps),
    review: reviewCommand(deps),
  };

  app.turn("beforeTurn", turnGate(deps));
  const recentSightings = new RecentSightings();
  app.turn("beforeTurn", rememberWhoIsTalking(deps, recentSightings));
  app.conversationUpdate("membersAdded", guarded(deps, "welcome", welcomeOnInstall(deps)));
  app.activity(
    ActivityTypes.InstallationUpdate,
    guarded(deps, "installation", trackInstallation(deps, recentSightings)),
  );
  // Before the text route: a message that carries a file (or an image) is about that, not its text.
  app.activity(async (context) => carriesAttachments(context.activity), fileUploadHandler(deps));
  app.activity(ActivityTypes.Message, guarded(deps, "message", routeMessage(deps, commands)));
  registerStatusActions(app, deps);
  registerReopenActions(app, deps);
  registerSummaryActions(app, deps);
  registerReviewActions(app, deps);
}
