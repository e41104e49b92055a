// Builds the application from its configuration: the database, repositories and use-case
// dependencies. The server (main.ts) and the CLI (cli.ts) both start here, so they run the same code
// against the same database. The Teams layer is composed on top of this in teams-composition.ts: a CLI
// command that never talks to Teams must not pay for loading teams-ai, botbuilder and restify.
import { createHash, randomBytes } from "node:crypto";
import type { Config } from "./config/config.ts";
import { redactDatabaseUrl } from "./config/config.ts";
import { checkHealth, type HealthReport } from "./health/check-health.ts";
import type { ConversationRepository } from "./people/conversation-sighting.ts";
import { clockStartingAt, systemClock, type Clock } from "./shared/clock.ts";
import type { Logger } from "./shared/logger.ts";
import { openDatabase, type Database } from "./adapters/storage/database.ts";
import {
  applyMigrations,
  migrationsFolder,
  migrationStatus,
  MigrationError,
  readMigrationFiles,
} from "./adapters/storage/migrator.ts";
import { PrismaConversationRepository } from "./adapters/storage/prisma-conversation-repository.ts";
import { PrismaActivityClaims } from "./adapters/storage/prisma-activity-claims.ts";
import type { ActivityClaims } from "./conversation/activity-claims.ts";
import { PrismaAgreementStore } from "./adapters/storage/prisma-agreement-store.ts";
import { BoundedTextExtractor } from "./adapters/extraction/bounded-text-extractor.ts";
import { defaultOcrSettings } from "./adapters/extraction/tesseract-page-reader.ts";
import { OpenAiAnswerComposer } from "./adapters/llm/openai-answer-composer.ts";
import { PrismaQuestionCorpus } from "./adapters/storage/prisma-question-corpus.ts";
import { QuestionEngine } from "./questions/question-engine.ts";
import { loadEnglishToSwedish } from "./adapters/dictionaries/freedict-dictionary.ts";
import type { AgreementStore } from "./agreements/agreement-store.ts";
import type { TextExtractor } from "./agreements/source-document.ts";
import type { CorrectionStore } from "./agreements/corrections/correct-reporting-items.ts";
import type { ImportDependencies } from "./agreements/import-document.ts";
import { swedishDictionary } from "./adapters/spelling/shared-dictionary.ts";
import { passageTerms } from "./questions/passage-terms.ts";
import { appVersion } from "./adapters/version.ts";
import type { AuditLog } from "./audit/audit-log.ts";
import type { BootstrapAdmins, RoleStore } from "./people/roles.ts";
import type { StatusStore } from "./status/status-store.ts";
import { sendDueReminders, type ReminderChannel, type ReminderDeliveryStore } from "./status/reminders.ts";
import { PrismaDigestDeliveryStore, PrismaDigestPreferenceStore } from "./adapters/storage/prisma-digest-store.ts";
import {
  sendWeeklyDigests,
  type DigestChannel,
  type DigestDeliveryStore,
  type DigestPreferenceStore,
} from "./digest/send-digests.ts";
import type { IsoWeek } from "./digest/iso-week.ts";
import { tokenBucketPacer, type SendPacer } from "./shared/send-pacer.ts";
import type { SummaryNarrator } from "./summaries/summarise.ts";
import { OpenAiSummaryNarrator } from "./adapters/llm/openai-summary-narrator.ts";
import { PrismaRoleStore } from "./adapters/storage/prisma-role-store.ts";
import { PrismaStatusStore } from "./adapters/storage/prisma-status-store.ts";
import { PrismaAuditLog } from "./adapters/storage/prisma-audit-log.ts";
import { PrismaReminderDeliveryStore } from "./adapters/storage/prisma-reminder-delivery-store.ts";
import { EmbeddingsError, OpenAiCompatibleEmbeddings } from "./adapters/embeddings/openai-compatible-embeddings.ts";
import { PrismaPassageVectors } from "./adapters/storage/prisma-passage-vectors.ts";
import {
  backfillVectors,
  embedDocument,
  type BackfillResult,
  type VectorDependencies,
} from "./questions/passage-vectors.ts";

export interface Services {
  config: Config;
  clock: Clock;
  logger: Logger;
  version: string;
  database: Database;
  conversations: ConversationRepository;
  activityClaims: ActivityClaims;
  agreements: AgreementStore;
  /** Corrections by administrators to what the reader found (the same store as agreements). */
  corrections: CorrectionStore;
  extractor: TextExtractor;
  importDependencies: ImportDependencies;
  questions: QuestionEngine;
  roles: RoleStore;
  admins: BootstrapAdmins;
  status: StatusStore;
  audit: AuditLog;
  reminderDeliveries: ReminderDeliveryStore;
  digestDeliveries: DigestDeliveryStore;
  digestPreferences: DigestPreferenceStore;
  /** Present only when a language model is configured (LLM_ENDPOINT). */
  summaryNarrator?: SummaryNarrator;
  /** Present only when an embeddings server is configured (EMBEDDINGS_ENDPOINT). */
  vectors?: PassageVectors;
  /** Signs summary download links; see linkSecret(). */
  linkSecret: string;
  health(): Promise<HealthReport>;
  close(): Promise<void>;
}

/** Semantic vectors: what computes and stores them, and the backfill of those an import could not compute. */
export interface PassageVectors {
  dependencies: VectorDependencies;
  /** Fills in every missing or stale vector now (`embeddings backfill`). */
  backfill(): Promise<BackfillResult>;
  /** Starts a backfill in the background unless one runs or one failed a short while ago. */
  backfillSoon(): void;
}

/** After a failed backfill (the server is down), how long before a question or a start tries again. */
const backfillRetryMs = 5 * 60_000;

/**
 * How a failing embeddings server is logged: its own errors say what to check ("could not be reached … is the
 * model server running?") and are logged as that sentence, not as a stack; anything else keeps its stack.
 */
function embeddingsFailure(error: unknown): Record<string, unknown> {
  return error instanceof EmbeddingsError ? { reason: error.message } : { err: error };
}

function passageVectors(dependencies: VectorDependencies, logger: Logger, onFilled: () => void): PassageVectors {
  let running: Promise<BackfillResult> | null = null;
  let failedAt: number | null = null;
  const backfill = (): Promise<BackfillResult> => {
    if (running) return running;
    running = backfillVectors(dependencies)
      .then((result) => {
        failedAt = result.error ? dependencies.clock.now().getTime() : null;
        if (result.error)
          logger.warn(
            { ...embeddingsFailure(result.error), embedded: result.documents, pending: result.pending },
            "embeddings server failed; documents without vectors are answered from their words until it is back",
          );
        else if (result.documents > 0)
          logger.info({ documents: result.documents, passages: result.passages }, "passage vectors filled in");
        if (result.documents > 0) onFilled();
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    dependencies,
    backfill,
    backfillSoon: () => {
      if (running) return;
      if (failedAt !== null && dependencies.clock.now().getTime() - failedAt < backfillRetryMs) return;
      backfill().catch((error) => logger.warn({ err: error }, "filling in passage vectors failed"));
    },
  };
}

/**
 * Brings the database schema up to date when configured to (the embedded SQLite default), and
 * otherwise refuses to run on an outdated schema with the command that fixes it.
 */
export async function prepareDatabase(config: Config, logger: Logger): Promise<void> {
  const { url, migrateOnStart } = config.database;
  if (migrateOnStart) {
    const applied = await applyMigrations(url);
    if (applied.length > 0) logger.info({ applied, database: redactDatabaseUrl(url) }, "database migrated");
    return;
  }
  const status = await migrationStatus(url);
  if (status.pending.length > 0) {
    throw new MigrationError(
      `The database is missing ${status.pending.length} migration(s) (${status.pending.join(", ")}). ` +
        "Apply them with: npm run cli -- db migrate",
    );
  }
}

/**
 * The key that signs download links: DOWNLOAD_LINK_SECRET, else derived from the app's client secret
 * (so every instance of one bot agrees), else random for this process (local development: links
 * stop working when the bot restarts).
 */
function linkSecret(config: Config): string {
  if (config.links.secret) return config.links.secret;
  if (config.bot.appPassword)
    return createHash("sha256").update(`uppfoljning-download-links|${config.bot.appPassword}`).digest("base64url");
  return randomBytes(32).toString("base64url");
}

export async function composeServices(
  config: Config,
  options: {
    logger: Logger;
    clock?: Clock /** How long a question waits for a search index being built (ms). */;
    questionIndexWaitMs?: number;
  },
): Promise<Services> {
  const clock = options.clock ?? (config.clockStart ? clockStartingAt(config.clockStart) : systemClock);
  const database = await openDatabase(config.database.url, config.database.timeouts);
  const migrationNames = readMigrationFiles(migrationsFolder(database.provider)).map((file) => file.name);
  const agreements = new PrismaAgreementStore(database.prisma);
  // Imported files are untrusted: each is read in a thread of its own with memory and time limits.
  const { maxUnpackedBytes, maxPages, timeLimitMs, memoryLimitMb } = config.importLimits;
  // Scanned pages are read by Tesseract in child processes of that thread, each under the same memory ceiling.
  const ocr = config.ocr ? { ...defaultOcrSettings, ...config.ocr, memoryLimitMb } : null;
  const extractor = new BoundedTextExtractor({
    reader: { maxBytes: config.importMaxBytes, maxPages, archive: { maxUnpackedBytes }, ocr },
    memoryLimitMb,
    timeLimitMs,
  });
  // Semantic retrieval only when the municipality runs an embeddings server; otherwise nothing of it is built.
  const embeddings = config.embeddings;
  const vectorDependencies: VectorDependencies | null = embeddings
    ? {
        store: new PrismaPassageVectors(database.prisma),
        embedder: new OpenAiCompatibleEmbeddings(embeddings),
        clock,
      }
    : null;
  const vectorLogger = options.logger.child({ component: "embeddings" });
  let questions: QuestionEngine | undefined;
  const vectors = vectorDependencies
    ? passageVectors(vectorDependencies, vectorLogger, () => questions?.warmUp())
    : undefined;
  questions = new QuestionEngine(new PrismaQuestionCorpus(database.prisma, agreements, embeddings?.model ?? null), {
    translator: loadEnglishToSwedish(options.logger),
    indexWaitMs: options.questionIndexWaitMs,
    composer: config.llm ? new OpenAiAnswerComposer(config.llm) : undefined,
    onComposerError: (error) => options.logger.warn({ err: error }, "language model failed; answered without it"),
    onIndexError: (error) =>
      options.logger.warn({ err: error }, "building the search index failed; the next question tries again"),
    semantic:
      vectorDependencies && embeddings && vectors
        ? {
            embedder: vectorDependencies.embedder,
            timeoutMs: embeddings.questionTimeoutMs,
            onError: (error) =>
              vectorLogger.warn(
                embeddingsFailure(error),
                "embeddings server failed; questions are answered from their words",
              ),
            onMissingVectors: () => vectors.backfillSoon(),
          }
        : undefined,
  });
  const services: Services = {
    config,
    clock,
    logger: options.logger,
    version: appVersion,
    database,
    conversations: new PrismaConversationRepository(database.prisma),
    activityClaims: new PrismaActivityClaims(database.prisma),
    agreements,
    corrections: agreements,
    extractor,
    importDependencies: {
      extractor,
      store: agreements,
      clock,
      dictionary: swedishDictionary,
      analyzePassage: passageTerms,
      ...(vectorDependencies
        ? {
            embedPassages: (documentId: string) => embedDocument(vectorDependencies, documentId),
            onVectorError: (error: unknown, documentId: string) =>
              vectorLogger.warn(
                { ...embeddingsFailure(error), documentId },
                "embeddings server failed at import; the document is answered from its words until its vectors are filled in",
              ),
          }
        : {}),
    },
    vectors,
    questions,
    roles: new PrismaRoleStore(database.prisma),
    admins: { aadObjectIds: config.adminAadObjectIds, tenantId: config.bot.tenantId },
    status: new PrismaStatusStore(database.prisma),
    audit: new PrismaAuditLog(database.prisma),
    reminderDeliveries: new PrismaReminderDeliveryStore(database.prisma),
    digestDeliveries: new PrismaDigestDeliveryStore(database.prisma),
    digestPreferences: new PrismaDigestPreferenceStore(database.prisma),
    summaryNarrator: config.llm ? new OpenAiSummaryNarrator(config.llm) : undefined,
    linkSecret: linkSecret(config),
    health: () =>
      checkHealth({
        clock,
        version: appVersion,
        timeoutMs: config.budgets.healthMs,
        database: {
          provider: database.provider,
          ping: () => database.ping(),
          // Through the bot's own pool: a new connection per check costs several round trips.
          pendingMigrations: async () => {
            const applied = new Set(await database.appliedMigrations());
            return migrationNames.filter((name) => !applied.has(name)).length;
          },
        },
      }),
    close: () => database.close(),
  };
  return services;
}

/** One weekly digest run: what the Monday schedule does and `digest --send` does on demand. */
export function runDigests(
  services: Services,
  channel: DigestChannel,
  options: { week?: IsoWeek; committee?: string; pacer?: SendPacer } = {},
) {
  return sendWeeklyDigests(
    {
      ...digestDataDependencies(services),
      roles: services.roles,
      conversations: services.conversations,
      preferences: services.digestPreferences,
      channel,
      pacer: options.pacer ?? tokenBucketPacer({ perSecond: services.config.digest.sendsPerSecond }),
      logger: services.logger.child({ component: "digest" }),
    },
    { horizonDays: services.config.digest.horizonDays, week: options.week, committee: options.committee },
  );
}

/** What building a digest reads (also the preview in Teams and `digest --dry-run`). */
export function digestDataDependencies(services: Services) {
  return {
    agreements: services.agreements,
    status: services.status,
    deliveries: services.digestDeliveries,
    clock: services.clock,
  };
}

/** One reminder run: what the scheduler does each morning and `reminders send` does on demand. */
export function runReminders(services: Services, channel: ReminderChannel, options: { dryRun?: boolean } = {}) {
  return sendDueReminders(
    {
      status: services.status,
      roles: services.roles,
      deliveries: services.reminderDeliveries,
      channel,
      clock: services.clock,
      logger: services.logger.child({ component: "reminders" }),
    },
    { days: services.config.reminders.daysBefore, dryRun: options.dryRun },
  );
}
