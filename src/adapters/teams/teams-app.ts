import { Application, TeamsAdapter } from "@microsoft/teams-ai";
import type { Config } from "../../config/config.ts";
import { registerHandlers } from "./handlers/index.ts";
import type { TeamsDependencies } from "./teams-dependencies.ts";

/**
 * The teams-ai Application with every handler registered. Tests build it without an adapter and
 * drive it through botbuilder's TestAdapter; the HTTP server passes the real TeamsAdapter.
 */
export function createTeamsApplication(
  deps: TeamsDependencies,
  options: { adapter?: TeamsAdapter; botAppId?: string } = {},
): Application {
  const app = new Application({
    adapter: options.adapter,
    botAppId: options.botAppId,
    // The typing timer is one per Application, shared by concurrent turns; replies here are fast anyway.
    startTypingTimer: false,
    removeRecipientMention: true,
  });
  registerHandlers(app, deps);
  return app;
}

/** The Bot Framework adapter: validates incoming tokens and signs outgoing calls when credentials are set. */
export function createTeamsAdapter(bot: Config["bot"]): TeamsAdapter {
  if (bot.unauthenticated) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
  });
}
