// Applies the SQL migrations under prisma/ (created by `npm run db:new-migration`) with the plain
// database drivers, recording them in Prisma's own `_prisma_migrations` table exactly as
// `prisma migrate deploy` does (same columns, sha256 checksum, advisory lock id on PostgreSQL).
// Why not run the Prisma CLI: it is a WASM engine that takes seconds to boot, it is a build tool,
// and the bot and the CLI should share one code path. `prisma migrate status` still agrees with us.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { DatabaseProvider } from "../../config/config.ts";
import { databaseProvider } from "../../config/config.ts";
import { paths } from "../project-paths.ts";
import { ensureSqliteFolder } from "./database.ts";
import { MigrationError } from "./storage-errors.ts";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  provider: DatabaseProvider;
  applied: { name: string; finishedAt: string }[];
  pending: string[];
  /** Applied in the database but not in this code: the database is newer than the code. */
  unknown: string[];
  /** Applied, but the file has changed since. */
  modified: string[];
  /** Started but never finished (only possible when applied by another tool). */
  failed: string[];
}

export { MigrationError };

// Prisma's advisory lock key for migrations, so our runs and `prisma migrate deploy` exclude each other.
const PRISMA_ADVISORY_LOCK = 72707369;

export function migrationsFolder(provider: DatabaseProvider): string {
  return provider === "sqlite" ? paths.sqliteMigrations : paths.postgresqlMigrations;
}

export function readMigrationFiles(folder: string): MigrationFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(folder, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: string | Date | null;
  rolled_back_at: string | Date | null;
}

/** The few operations a migration run needs, per driver. */
interface MigrationConnection {
  ensureTable(): Promise<void>;
  /** Rows of _prisma_migrations; none when the table does not exist yet (a new database). */
  appliedRows(): Promise<AppliedRow[]>;
  /** Runs `work` holding the migration lock (exclusive against other processes). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  applyInTransaction(file: MigrationFile): Promise<void>;
  close(): Promise<void>;
}

function prismaTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function sqliteConnection(url: string): MigrationConnection {
  const db = new BetterSqlite3(ensureSqliteFolder(url), { timeout: 15000 });
  // WAL lets the bot read while the CLI writes (imports, roles); the setting persists in the file.
  db.pragma("journal_mode = WAL");
  // Prisma rebuilds tables to alter them (create new, copy, drop old). With foreign keys enforced,
  // dropping the old table would cascade-delete child rows, so enforcement is off for the run and
  // the result is checked with foreign_key_check before committing (SQLite's documented procedure).
  db.pragma("foreign_keys = OFF");
  return {
    async ensureTable() {
      db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
    },
    async appliedRows() {
      const table = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
        .get();
      if (!table) return [];
      return db
        .prepare(
          'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
        )
        .all() as AppliedRow[];
    },
    async exclusive(work) {
      // BEGIN IMMEDIATE takes SQLite's write lock up front. On SQLite one run is atomic: either
      // every pending migration is applied or none is.
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work();
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) {
          throw new MigrationError(
            `The migrations would break ${violations.length} foreign key reference(s); nothing was applied.`,
          );
        }
        db.exec("COMMIT");
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      }
    },
    async applyInTransaction(file) {
      const started = prismaTimestamp(new Date());
      db.exec(file.sql);
      db.prepare(
        'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
      ).run(randomUUID(), file.checksum, prismaTimestamp(new Date()), file.name, started);
    },
    async close() {
      db.close();
    },
  };
}

async function postgresConnection(url: string): Promise<MigrationConnection> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10000 });
  await client.connect();
  return {
    async ensureTable() {
      await client.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`);
    },
    async appliedRows() {
      const table = await client.query("SELECT to_regclass('_prisma_migrations') AS name");
      if (!table.rows[0]?.name) return [];
      const result = await client.query<AppliedRow>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
      );
      return result.rows;
    },
    async exclusive(work) {
      await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
      try {
        return await work();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
      }
    },
    async applyInTransaction(file) {
      await client.query("BEGIN");
      try {
        const started = new Date();
        // One simple-protocol query: the whole file, including any $$-quoted bodies.
        await client.query(file.sql);
        await client.query(
          "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)",
          [randomUUID(), file.checksum, file.name, started],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}

async function connect(url: string): Promise<MigrationConnection> {
  return databaseProvider(url) === "sqlite" ? sqliteConnection(url) : postgresConnection(url);
}

function compare(provider: DatabaseProvider, files: MigrationFile[], rows: AppliedRow[]): MigrationStatus {
  const finished = rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null);
  const finishedNames = new Set(finished.map((r) => r.migration_name));
  const fileByName = new Map(files.map((f) => [f.name, f]));
  return {
    provider,
    applied: finished.map((r) => ({
      name: r.migration_name,
      finishedAt: r.finished_at instanceof Date ? r.finished_at.toISOString() : String(r.finished_at),
    })),
    pending: files.filter((f) => !finishedNames.has(f.name)).map((f) => f.name),
    unknown: [...finishedNames].filter((name) => !fileByName.has(name)),
    modified: finished
      .filter((r) => fileByName.has(r.migration_name) && fileByName.get(r.migration_name)!.checksum !== r.checksum)
      .map((r) => r.migration_name),
    failed: rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name),
  };
}

export async function migrationStatus(
  url: string,
  folder = migrationsFolder(databaseProvider(url)),
): Promise<MigrationStatus> {
  const connection = await connect(url);
  try {
    return compare(databaseProvider(url), readMigrationFiles(folder), await connection.appliedRows());
  } finally {
    await connection.close();
  }
}

/**
 * Applies every pending migration, each in its own transaction, under an exclusive lock so two
 * processes starting at once cannot both apply one. Returns the names it applied.
 */
export async function applyMigrations(
  url: string,
  folder = migrationsFolder(databaseProvider(url)),
): Promise<string[]> {
  const files = readMigrationFiles(folder);
  if (files.length === 0) throw new MigrationError(`No migrations found in ${folder}`);
  const connection = await connect(url);
  try {
    return await connection.exclusive(async () => {
      // Inside the lock: concurrent CREATE TABLE IF NOT EXISTS races on PostgreSQL.
      await connection.ensureTable();
      const status = compare(databaseProvider(url), files, await connection.appliedRows());
      if (status.failed.length > 0) {
        throw new MigrationError(
          `Migration ${status.failed.join(", ")} was started but never finished. Inspect the database, then mark it rolled back in _prisma_migrations.`,
        );
      }
      const applied: string[] = [];
      for (const file of files.filter((f) => status.pending.includes(f.name))) {
        try {
          await connection.applyInTransaction(file);
        } catch (error) {
          throw new MigrationError(`Migration ${file.name} failed and was rolled back: ${(error as Error).message}`, {
            cause: error,
          });
        }
        applied.push(file.name);
      }
      return applied;
    });
  } finally {
    await connection.close();
  }
}
