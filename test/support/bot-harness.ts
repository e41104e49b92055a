// Drives the real teams-ai Application in process through botbuilder's TestAdapter: no HTTP,
// a real database, the production handlers. Each `send` returns what the bot replied in that turn.
import { TestAdapter, type Activity } from "botbuilder";
import type { Application } from "@microsoft/teams-ai";
import { loadConfig, type DatabaseProvider } from "../../src/config/config.ts";
import { composeServices, type Services } from "../../src/composition-root.ts";
import { teamsDependencies } from "../../src/teams-composition.ts";
import { CardRenderer } from "../../src/adapters/teams/card-renderer.ts";
import { createTeamsApplication } from "../../src/adapters/teams/teams-app.ts";
import type { TeamsDependencies } from "../../src/adapters/teams/teams-dependencies.ts";
import { fixedClock } from "../../src/shared/clock.ts";
import { silentLogger } from "../../src/shared/logger.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

export interface BotHarness {
  app: Application;
  services: Services;
  /** The card renderer the bot uses. */
  cards: CardRenderer;
  db: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Replies to `activityId` that arrived after its turn had ended (there should be none). */
  lateReplies(activityId: string): Partial<Activity>[];
  close(): Promise<void>;
}

export async function createBotHarness(
  options: {
    provider?: DatabaseProvider;
    now?: Date;
    env?: Record<string, string>;
    /** Replace parts of the Teams dependencies, e.g. a failing repository. */
    override?: (deps: TeamsDependencies) => TeamsDependencies;
    /** Reach the database another way, e.g. through a proxy that can be cut. */
    databaseUrl?: (url: string) => string;
    /** Another harness's database: a second bot instance on the same data (it is not dropped by this one). */
    sharedWith?: BotHarness;
  } = {},
): Promise<BotHarness> {
  const db = options.sharedWith
    ? { ...options.sharedWith.db, drop: async () => {} }
    : await createTestDatabase(options.provider ?? "sqlite");
  const clock = fixedClock(options.now ?? new Date("2025-03-03T08:00:00Z"));
  const config = loadConfig({
    DATABASE_URL: options.databaseUrl ? options.databaseUrl(db.url) : db.url,
    ...options.env,
  });
  const services = await composeServices(config, { logger: silentLogger, clock });
  const cards = new CardRenderer();
  const deps = teamsDependencies(services, cards);
  const app = createTeamsApplication(options.override ? options.override(deps) : deps);
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  return {
    app,
    services,
    cards,
    db,
    clock,
    async send(activity) {
      await adapter.processActivity(activity);
      // Replies name the activity they answer; concurrent sends each get their own.
      const mine = adapter.activeQueue.filter((reply) => reply.replyToId === activity.id);
      for (const reply of mine) adapter.activeQueue.splice(adapter.activeQueue.indexOf(reply), 1);
      // teams-ai 1.7.4 starts its typing timer in every message turn whatever `startTypingTimer` says, so a
      // turn over a second (a first question builds the search index) also sends "typing": not a reply.
      return mine.filter((reply) => reply.type !== "typing");
    },
    lateReplies(activityId) {
      return adapter.activeQueue.filter((reply) => reply.replyToId === activityId && reply.type !== "typing");
    },
    async close() {
      await services.close();
      await db.drop();
    },
  };
}

/** The Adaptive Card of a reply, or undefined. */
export function cardOf(reply: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  const attachment = reply?.attachments?.find((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
  return attachment?.content as Record<string, unknown> | undefined;
}

/** Every text shown by a card, flattened, for assertions that do not depend on layout. */
export function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    for (const key of ["text", "title", "value", "label", "placeholder"])
      if (typeof n[key] === "string") texts.push(n[key] as string);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return texts;
}

/** The card an Action.Execute returned (the invoke response's body), or undefined. */
export function invokeCard(replies: Partial<Activity>[]): Record<string, unknown> | undefined {
  const response = replies.find((r) => r.type === "invokeResponse");
  const value = response?.value as { status?: number; body?: { type?: string; value?: unknown } } | undefined;
  if (value?.status !== 200 || value.body?.type !== "application/vnd.microsoft.card.adaptive") return undefined;
  return value.body.value as Record<string, unknown>;
}

/** Values of the inputs a card shows, by id, as a person would submit them unchanged. */
export function cardInputs(card: unknown): Record<string, string> {
  const inputs: Record<string, string> = {};
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (typeof n.type === "string" && n.type.startsWith("Input.") && typeof n.id === "string")
      inputs[n.id] = n.value === undefined ? "" : String(n.value);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return inputs;
}

/** The data of the card's Action.Execute with this verb (the first one). */
export function actionData(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown) => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n.type === "Action.Execute" && n.verb === verb) {
      found = (n.data ?? {}) as Record<string, unknown>;
      return;
    }
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}
