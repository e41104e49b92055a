// The Teams layer on top of the services (composition-root.ts): the teams-ai Application, the
// proactive channels and what the HTTP server needs. Kept apart so that only the server and the CLI
// commands that send to Teams load teams-ai, botbuilder and restify.
import type { Application, TeamsAdapter } from "@microsoft/teams-ai";
import { runDigests, runReminders, digestDataDependencies, type Services } from "./composition-root.ts";
import type { IsoWeek } from "./digest/iso-week.ts";
import type { HttpServerDependencies } from "./adapters/http/http-server.ts";
import { summaryDownloads } from "./adapters/http/summary-downloads.ts";
import { classifyError } from "./adapters/storage/storage-errors.ts";
import { CardRenderer } from "./adapters/teams/card-renderer.ts";
import { TeamsPersonNotifier } from "./adapters/teams/proactive-notice.ts";
import { TeamsDigestChannel } from "./adapters/teams/proactive-digest.ts";
import { TeamsReminderChannel } from "./adapters/teams/proactive-reminders.ts";
import { createTeamsAdapter, createTeamsApplication } from "./adapters/teams/teams-app.ts";
import type { TeamsDependencies } from "./adapters/teams/teams-dependencies.ts";

export function teamsDependencies(services: Services, cards: CardRenderer = new CardRenderer()): TeamsDependencies {
  return {
    conversations: services.conversations,
    activityClaims: services.activityClaims,
    clock: services.clock,
    logger: services.logger.child({ component: "teams" }),
    cards,
    questions: services.questions,
    roles: services.roles,
    admins: services.admins,
    allowedTenants: services.config.allowedTenants,
    status: services.status,
    audit: services.audit,
    agreements: services.agreements,
    corrections: services.corrections,
    imports: {
      dependencies: services.importDependencies,
      download: { maxBytes: services.config.importMaxBytes, ...services.config.importDownload },
      progressIntervalMs: 2000,
    },
    digest: {
      ...digestDataDependencies(services),
      preferences: services.digestPreferences,
      horizonDays: services.config.digest.horizonDays,
    },
    summaries: {
      baseUrl: services.config.links.baseUrl,
      secret: services.linkSecret,
      narrator: services.summaryNarrator,
      narrate: services.config.summaryNarrative && services.summaryNarrator !== undefined,
    },
    classifyError,
    turnBudgetMs: services.config.budgets.turnMs,
  };
}

export function composeTeams(services: Services) {
  const cards = new CardRenderer();
  const adapter = createTeamsAdapter(services.config.bot);
  // Last resort for errors outside our handlers (e.g. in teams-ai itself): log, never crash.
  adapter.onTurnError = async (context, error) => {
    services.logger.error(
      { err: error, activityId: context.activity?.id, type: context.activity?.type },
      "unhandled turn error",
    );
  };
  const notifier = new TeamsPersonNotifier(adapter, services.config.bot.appId, services.conversations);
  const logger = services.logger.child({ component: "teams" });
  const continueLater: TeamsDependencies["continueLater"] = (reference, work) => {
    // Outside any turn: a failure here has no one to answer but the log.
    adapter
      .continueConversationAsync(services.config.bot.appId ?? "", reference, work)
      .catch((error: unknown) => logger.error({ err: error }, "work after the turn failed"));
  };
  const app = createTeamsApplication(
    { ...teamsDependencies(services, cards), notifier, continueLater },
    { adapter, botAppId: services.config.bot.appId },
  );
  const reminderChannel = new TeamsReminderChannel(adapter, services.config.bot.appId, services.conversations, cards);
  const digestChannel = new TeamsDigestChannel(adapter, services.config.bot.appId, services.conversations, cards);
  return {
    adapter,
    app,
    cards,
    sendReminders: (options: { dryRun?: boolean } = {}) => runReminders(services, reminderChannel, options),
    sendDigests: (options: { week?: IsoWeek; committee?: string } = {}) => runDigests(services, digestChannel, options),
  };
}

/** What the HTTP server needs: the Teams endpoint, the health check and the summary downloads. */
export function httpDependencies(
  services: Services,
  teams: { adapter: TeamsAdapter; app: Application },
): HttpServerDependencies {
  return {
    adapter: teams.adapter,
    app: teams.app,
    health: services.health,
    logger: services.logger,
    version: services.version,
    appId: services.config.bot.appId,
    requestTimeoutMs: services.config.budgets.turnMs + 1000,
    summaryDownloads: summaryDownloads({
      status: services.status,
      agreements: services.agreements,
      clock: services.clock,
      secret: services.linkSecret,
    }),
  };
}
