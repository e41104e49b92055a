// The one place that reads the environment. Everything else receives a typed Config.
// Invalid settings stop the process at start with a message naming the variable and the fix.
import { isAbsolute, resolve } from "node:path";
import { Cron } from "croner";
import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/uppfoljning.db";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes");

export type DatabaseProvider = "sqlite" | "postgresql";

/** Every wait on the database is bounded; running out of any of them counts as "database unavailable". */
export interface DatabaseTimeouts {
  /** PostgreSQL: to get a pooled connection, or open a new one. */
  connectMs: number;
  /** PostgreSQL: how long the client waits for the answer to one query. */
  queryMs: number;
  /** PostgreSQL: after this the server cancels the statement itself (statement_timeout). */
  statementMs: number;
  /** SQLite: how long a write waits for another writer's lock. */
  sqliteBusyMs: number;
}

export const defaultDatabaseTimeouts: DatabaseTimeouts = {
  connectMs: 2000,
  queryMs: 3000,
  statementMs: 2500,
  sqliteBusyMs: 2000,
};

/** A time limit in milliseconds: a whole number from 100 ms to a minute. */
const milliseconds = (fallback: number) => z.coerce.number().int().min(100).max(60_000).default(fallback);

const environmentSchema = z.object({
  HOST: z.string().trim().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATABASE_URL: z
    .string()
    .trim()
    .default(DEFAULT_DATABASE_URL)
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message: 'must start with "file:" (SQLite) or "postgresql://" (PostgreSQL)',
    }),
  DATABASE_AUTO_MIGRATE: z.enum(["auto", "always", "never"]).default("auto"),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(defaultDatabaseTimeouts.connectMs),
  DATABASE_QUERY_TIMEOUT_MS: milliseconds(defaultDatabaseTimeouts.queryMs),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(defaultDatabaseTimeouts.statementMs),
  SQLITE_BUSY_TIMEOUT_MS: milliseconds(defaultDatabaseTimeouts.sqliteBusyMs),
  TURN_BUDGET_MS: milliseconds(8000),
  HEALTH_TIMEOUT_MS: milliseconds(800),
  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant"),
  ALLOW_UNAUTHENTICATED_PUBLIC: booleanFlag,
  BOT_DOMAIN: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // A moment the bot's clock starts from (then runs on in real time): for demonstrations and end-to-end tests of a given day.
  UPPFOLJNING_CLOCK_START: optionalText.refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), {
    message: "an ISO date and time, e.g. 2026-03-02T09:00:00Z",
  }),
  IMPORT_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(20),
  IMPORT_MAX_UNPACKED_MB: z.coerce.number().positive().max(4096).default(100),
  IMPORT_MAX_PAGES: z.coerce.number().int().positive().max(100_000).default(1000),
  IMPORT_TIME_LIMIT_SECONDS: z.coerce.number().positive().max(3600).default(120),
  IMPORT_MEMORY_LIMIT_MB: z.coerce.number().int().min(32).max(16_384).default(512),
  IMPORT_DOWNLOAD_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
  IMPORT_DOWNLOAD_ALLOW_LOOPBACK_HTTP: booleanFlag,
  OCR: z.enum(["on", "off"]).default("on"),
  OCR_LANGUAGE: z
    .string()
    .trim()
    .default("swe")
    .refine((v) => /^[a-z][a-z_]*(\+[a-z][a-z_]*)*$/i.test(v), {
      message: 'must be Tesseract language codes, e.g. "swe" or "swe+eng"',
    }),
  OCR_MAX_PAGES: z.coerce.number().int().positive().max(10_000).default(100),
  OCR_SECONDS_PER_PAGE: z.coerce.number().positive().max(600).default(20),
  OCR_PARALLEL_PAGES: z.coerce.number().int().min(1).max(64).default(2),
  LLM_ENDPOINT: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: "must be an http(s) URL",
  }),
  LLM_API_KEY: optionalText,
  LLM_MODEL: optionalText,
  LLM_API_VERSION: optionalText,
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(6000),
  EMBEDDINGS_ENDPOINT: optionalText.refine((v) => v === undefined || /^https?:\/\/[^/\s]+/.test(v), {
    message: "must be the http(s) base URL of an OpenAI-compatible server, e.g. http://localhost:8080/v1",
  }),
  EMBEDDINGS_MODEL: optionalText,
  EMBEDDINGS_API_KEY: optionalText,
  EMBEDDINGS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  EMBEDDINGS_QUESTION_TIMEOUT_MS: milliseconds(2000),
  EMBEDDINGS_BATCH_SIZE: z.coerce.number().int().min(1).max(2048).default(64),
  ALLOWED_TENANT_IDS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(/[\s,;]+/)
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ADMIN_AAD_OBJECT_IDS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(/[\s,;]+/)
        .map((id) => id.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((ids) => ids.every((id) => /^[0-9a-f-]{8,64}$/.test(id)), {
      message: "must be Entra object ids (GUIDs), separated by commas",
    }),
  REMINDER_DAYS: z
    .string()
    .default("7,2")
    .transform((v) =>
      v
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(Number),
    )
    .refine((days) => days.length > 0 && days.every((d) => Number.isInteger(d) && d >= 0 && d <= 60), {
      message: "must be whole numbers of days between 0 and 60, e.g. 7,2",
    }),
  REMINDER_SCHEDULE: z.string().trim().default("0 8 * * 1-5"),
  DIGEST_SCHEDULE: z.string().trim().default("30 7 * * 1"),
  DIGEST_HORIZON_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  DIGEST_SENDS_PER_SECOND: z.coerce.number().positive().max(45).default(20),
  PUBLIC_BASE_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^/\s]+/.test(v), {
    message: "must be an http(s) URL such as https://uppfoljning.kommun.se",
  }),
  SUMMARY_NARRATIVE: booleanFlag,
  DOWNLOAD_LINK_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: "must be at least 32 characters",
  }),
});

export interface Config {
  http: { host: string; port: number };
  database: {
    url: string;
    provider: DatabaseProvider;
    /** Apply pending migrations when the bot starts (default: only for the embedded SQLite file). */
    migrateOnStart: boolean;
    timeouts: DatabaseTimeouts;
  };
  /**
   * How long one Teams turn may take before the bot answers "the database is unavailable" (Teams waits
   * about 10 s for an answer), and how long /healthz waits for the database.
   */
  budgets: { turnMs: number; healthMs: number };
  bot: {
    appId?: string;
    appPassword?: string;
    tenantId?: string;
    appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
    /** True when no app credentials are set: only acceptable for local development on loopback. */
    unauthenticated: boolean;
  };
  /** Public host name of the bot (for the Teams app package's validDomains). */
  botDomain?: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** The moment the bot's clock starts from, when not the system's time (UPPFOLJNING_CLOCK_START). */
  clockStart: Date | null;
  /** Largest file the import accepts, in bytes. */
  importMaxBytes: number;
  /** What reading one imported file may cost; a file over any of them is refused and nothing changes. */
  importLimits: {
    /** Total unpacked size of a Word file's parts. */
    maxUnpackedBytes: number;
    maxPages: number;
    timeLimitMs: number;
    /** Heap ceiling of the thread that reads the file. */
    memoryLimitMb: number;
  };
  /** Files an administrator sends the bot in Teams: how long the download may take, and (tests only) plain http to loopback. */
  importDownload: { timeoutMs: number; allowLoopbackHttp: boolean };
  /** Text recognition of scanned PDF pages (Tesseract); null when switched off (OCR=off). */
  ocr: { language: string; maxPages: number; secondsPerPage: number; parallelPages: number } | null;
  digest: {
    /** Cron pattern in Europe/Stockholm time, or null when switched off ("off"). */
    schedule: string | null;
    /** How far ahead "upcoming" looks. */
    horizonDays: number;
    /** Proactive sends per second in a run: under Teams' 50 per app and tenant, leaving room for replies. */
    sendsPerSecond: number;
  };
  /** Download links in cards (summaries): where the bot is reached from a browser, and the signing key. */
  links: { baseUrl: string; secret?: string };
  /** Add a generated narrative per goal area to summaries in Teams (needs `llm`). */
  summaryNarrative: boolean;
  /** Entra object ids of the first administrators; they grant every other role. */
  adminAadObjectIds: string[];
  /** Tenants the bot serves (ALLOWED_TENANT_IDS, else MICROSOFT_APP_TENANT_ID); empty only without credentials. */
  allowedTenants: string[];
  reminders: {
    /** Days before a submission date when chiefs without a status get a reminder. */
    daysBefore: number[];
    /** Cron pattern in Europe/Stockholm time for the reminder run, or null when switched off ("off"). */
    schedule: string | null;
  };
  /** Optional OpenAI-compatible model that words content answers; undefined = extractive answers only. */
  llm?: { endpoint: string; apiKey?: string; model?: string; apiVersion?: string; timeoutMs: number };
  /**
   * Optional OpenAI-compatible embeddings server for semantic retrieval (EMBEDDINGS_ENDPOINT);
   * undefined = questions are answered from their words alone, and no vectors are computed or read.
   */
  embeddings?: EmbeddingsConfig;
}

export interface EmbeddingsConfig {
  endpoint: string;
  model: string;
  apiKey?: string;
  /** Longest wait for one batch of passages at import and in a backfill. */
  timeoutMs: number;
  /** Longest wait for a question's vector; then the question is answered from its words. */
  questionTimeoutMs: number;
  batchSize: number;
}

/** The model asked for when EMBEDDINGS_MODEL is not set: multilingual (Swedish and English), served by Ollama, TEI, llama.cpp. */
export const DEFAULT_EMBEDDINGS_MODEL = "bge-m3";

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee the configuration table in README.md.`,
    );
    this.name = "ConfigError";
  }
}

export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** SQLite URLs are resolved against `cwd` so the bot and the CLI agree on the file wherever they start. */
export function normaliseDatabaseUrl(url: string, cwd: string): string {
  if (!url.startsWith("file:")) return url;
  const path = url.slice("file:".length);
  if (path === ":memory:" || isAbsolute(path)) return url;
  return `file:${resolve(cwd, path)}`;
}

function isCronPattern(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true, timezone: "Europe/Stockholm" }).stop();
    return true;
  } catch {
    return false;
  }
}

export function databaseProvider(url: string): DatabaseProvider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const unauthenticated = !e.MICROSOFT_APP_ID;
  if (e.MICROSOFT_APP_ID && !e.MICROSOFT_APP_PASSWORD && e.MICROSOFT_APP_TYPE !== "UserAssignedMSI") {
    problems.push("MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set (the bot's client secret)");
  }
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE === "SingleTenant" && !e.MICROSOFT_APP_TENANT_ID) {
    problems.push("MICROSOFT_APP_TENANT_ID: required for a single-tenant bot (your Entra tenant id)");
  }
  if (unauthenticated && !isLoopbackHost(e.HOST) && !e.ALLOW_UNAUTHENTICATED_PUBLIC) {
    problems.push(
      `HOST=${e.HOST}: without MICROSOFT_APP_ID the bot accepts unauthenticated requests, which is only allowed on ` +
        "loopback (127.0.0.1). Set the app credentials, or HOST=127.0.0.1, or ALLOW_UNAUTHENTICATED_PUBLIC=true if you really mean it.",
    );
  }
  if (e.LLM_ENDPOINT && !e.LLM_API_VERSION && !e.LLM_MODEL) {
    problems.push(
      "LLM_MODEL: required with LLM_ENDPOINT for OpenAI (for Azure OpenAI set LLM_API_VERSION; the endpoint names the deployment)",
    );
  }
  const schedule = ["off", "false", "none", ""].includes(e.REMINDER_SCHEDULE.toLowerCase())
    ? null
    : e.REMINDER_SCHEDULE;
  if (schedule !== null && !isCronPattern(schedule)) {
    problems.push(
      `REMINDER_SCHEDULE=${e.REMINDER_SCHEDULE}: must be a cron pattern such as "0 8 * * 1-5" (08:00 on weekdays), or "off"`,
    );
  }
  const digestSchedule = ["off", "false", "none", ""].includes(e.DIGEST_SCHEDULE.toLowerCase())
    ? null
    : e.DIGEST_SCHEDULE;
  if (digestSchedule !== null && !isCronPattern(digestSchedule)) {
    problems.push(
      `DIGEST_SCHEDULE=${e.DIGEST_SCHEDULE}: must be a cron pattern such as "30 7 * * 1" (Mondays 07:30), or "off"`,
    );
  }
  if (e.MICROSOFT_APP_ID && e.MICROSOFT_APP_TYPE === "MultiTenant" && e.ALLOWED_TENANT_IDS.length === 0) {
    problems.push(
      "ALLOWED_TENANT_IDS: a multi-tenant app must name the municipality's tenant(s), or any organisation could reach the bot",
    );
  }
  // The database's limits must leave the turn time to answer; the server cancels a statement before the client gives up on it.
  for (const [name, value] of [
    ["DATABASE_CONNECT_TIMEOUT_MS", e.DATABASE_CONNECT_TIMEOUT_MS],
    ["DATABASE_QUERY_TIMEOUT_MS", e.DATABASE_QUERY_TIMEOUT_MS],
    ["SQLITE_BUSY_TIMEOUT_MS", e.SQLITE_BUSY_TIMEOUT_MS],
  ] as const) {
    if (value >= e.TURN_BUDGET_MS)
      problems.push(
        `${name}=${value}: must be less than TURN_BUDGET_MS (${e.TURN_BUDGET_MS}), or a slow database uses up the whole turn`,
      );
  }
  if (e.DATABASE_STATEMENT_TIMEOUT_MS > e.DATABASE_QUERY_TIMEOUT_MS) {
    problems.push(
      `DATABASE_STATEMENT_TIMEOUT_MS=${e.DATABASE_STATEMENT_TIMEOUT_MS}: must not exceed DATABASE_QUERY_TIMEOUT_MS (${e.DATABASE_QUERY_TIMEOUT_MS}), so the server cancels a slow statement before the bot stops waiting for it`,
    );
  }
  if (e.LLM_ENDPOINT && e.LLM_TIMEOUT_MS >= e.TURN_BUDGET_MS) {
    problems.push(
      `LLM_TIMEOUT_MS=${e.LLM_TIMEOUT_MS}: must be less than TURN_BUDGET_MS (${e.TURN_BUDGET_MS}); a question in Teams is answered without the model when it is slower`,
    );
  }
  if (e.EMBEDDINGS_ENDPOINT && e.EMBEDDINGS_QUESTION_TIMEOUT_MS >= e.TURN_BUDGET_MS) {
    problems.push(
      `EMBEDDINGS_QUESTION_TIMEOUT_MS=${e.EMBEDDINGS_QUESTION_TIMEOUT_MS}: must be less than TURN_BUDGET_MS (${e.TURN_BUDGET_MS}); a question is answered from its words when the embeddings server is slower`,
    );
  }
  if (e.TURN_BUDGET_MS > 14_000)
    problems.push(
      `TURN_BUDGET_MS=${e.TURN_BUDGET_MS}: Teams gives up after about 15 s; keep it at 14000 or less (default 8000)`,
    );
  if (e.SUMMARY_NARRATIVE && !e.LLM_ENDPOINT)
    problems.push("SUMMARY_NARRATIVE: needs a language model; set LLM_ENDPOINT (and LLM_MODEL or LLM_API_VERSION)");
  if (problems.length > 0) throw new ConfigError(problems);

  const url = normaliseDatabaseUrl(e.DATABASE_URL, cwd);
  const provider = databaseProvider(url);
  return {
    http: { host: e.HOST, port: e.PORT },
    database: {
      url,
      provider,
      migrateOnStart:
        e.DATABASE_AUTO_MIGRATE === "always" || (e.DATABASE_AUTO_MIGRATE === "auto" && provider === "sqlite"),
      timeouts: {
        connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
        queryMs: e.DATABASE_QUERY_TIMEOUT_MS,
        statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
        sqliteBusyMs: e.SQLITE_BUSY_TIMEOUT_MS,
      },
    },
    budgets: { turnMs: e.TURN_BUDGET_MS, healthMs: e.HEALTH_TIMEOUT_MS },
    bot: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      tenantId: e.MICROSOFT_APP_TENANT_ID,
      appType: e.MICROSOFT_APP_TYPE,
      unauthenticated,
    },
    botDomain: e.BOT_DOMAIN,
    logLevel: e.LOG_LEVEL,
    clockStart: e.UPPFOLJNING_CLOCK_START ? new Date(e.UPPFOLJNING_CLOCK_START) : null,
    importMaxBytes: Math.round(e.IMPORT_MAX_FILE_MB * 1024 * 1024),
    importLimits: {
      maxUnpackedBytes: Math.round(e.IMPORT_MAX_UNPACKED_MB * 1024 * 1024),
      maxPages: e.IMPORT_MAX_PAGES,
      timeLimitMs: Math.round(e.IMPORT_TIME_LIMIT_SECONDS * 1000),
      memoryLimitMb: e.IMPORT_MEMORY_LIMIT_MB,
    },
    importDownload: {
      timeoutMs: Math.round(e.IMPORT_DOWNLOAD_TIMEOUT_SECONDS * 1000),
      allowLoopbackHttp: e.IMPORT_DOWNLOAD_ALLOW_LOOPBACK_HTTP,
    },
    ocr:
      e.OCR === "off"
        ? null
        : {
            language: e.OCR_LANGUAGE,
            maxPages: e.OCR_MAX_PAGES,
            secondsPerPage: e.OCR_SECONDS_PER_PAGE,
            parallelPages: e.OCR_PARALLEL_PAGES,
          },
    links: {
      baseUrl: (
        e.PUBLIC_BASE_URL ??
        (e.BOT_DOMAIN ? `https://${e.BOT_DOMAIN}` : `http://${e.HOST === "0.0.0.0" ? "127.0.0.1" : e.HOST}:${e.PORT}`)
      ).replace(/\/+$/, ""),
      secret: e.DOWNLOAD_LINK_SECRET,
    },
    summaryNarrative: e.SUMMARY_NARRATIVE,
    digest: { schedule: digestSchedule, horizonDays: e.DIGEST_HORIZON_DAYS, sendsPerSecond: e.DIGEST_SENDS_PER_SECOND },
    adminAadObjectIds: e.ADMIN_AAD_OBJECT_IDS,
    allowedTenants:
      e.ALLOWED_TENANT_IDS.length > 0
        ? e.ALLOWED_TENANT_IDS
        : e.MICROSOFT_APP_TENANT_ID
          ? [e.MICROSOFT_APP_TENANT_ID]
          : [],
    reminders: { daysBefore: [...new Set(e.REMINDER_DAYS)].sort((a, b) => b - a), schedule },
    llm: e.LLM_ENDPOINT
      ? {
          endpoint: e.LLM_ENDPOINT,
          apiKey: e.LLM_API_KEY,
          model: e.LLM_MODEL,
          apiVersion: e.LLM_API_VERSION,
          timeoutMs: e.LLM_TIMEOUT_MS,
        }
      : undefined,
    embeddings: e.EMBEDDINGS_ENDPOINT
      ? {
          endpoint: e.EMBEDDINGS_ENDPOINT,
          model: e.EMBEDDINGS_MODEL ?? DEFAULT_EMBEDDINGS_MODEL,
          apiKey: e.EMBEDDINGS_API_KEY,
          timeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
          questionTimeoutMs: e.EMBEDDINGS_QUESTION_TIMEOUT_MS,
          batchSize: e.EMBEDDINGS_BATCH_SIZE,
        }
      : undefined,
  };
}

/** The database URL with its password hidden, for logs and status output. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
