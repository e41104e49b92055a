// Opens the application's database through Prisma with the driver adapter for the configured
// provider. Both generated clients come from one source schema, so repositories are written once
// against the SQLite client's type; the PostgreSQL client has the same model API.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqlitePrismaClient } from "../../generated/sqlite/client.ts";
import { PrismaClient as PostgresPrismaClient } from "../../generated/postgresql/client.ts";
import type { DatabaseProvider, DatabaseTimeouts } from "../../config/config.ts";
import { databaseProvider, defaultDatabaseTimeouts } from "../../config/config.ts";
import { DatabaseUnavailableError } from "./storage-errors.ts";

export type PrismaDb = SqlitePrismaClient;

export interface Database {
  prisma: PrismaDb;
  provider: DatabaseProvider;
  url: string;
  ping(): Promise<void>;
  /** Names of the migrations applied to this database (none before the first), read through the pool. */
  appliedMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

export function sqliteFilePath(url: string): string {
  return url.slice("file:".length);
}

/** The folder of the SQLite file must exist before SQLite can create the file (data/ on a fresh clone). */
export function ensureSqliteFolder(url: string): string {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  return file;
}

/** What pg and pg-pool say when a wait ran out or the connection went away (they give such errors no code). */
const driverGaveUp = /timeout|Connection terminated|not queryable|after calling end/i;

/**
 * pg reports its own time limits (pool checkout, connect, query read) as plain Errors, which Prisma
 * passes on untouched; marked here, they are "database unavailable" like a refused connection.
 * Errors the server sent (with a SQLSTATE) and socket errors keep their codes for Prisma to map.
 */
function markDriverError(error: unknown): unknown {
  if (!(error instanceof Error) || "severity" in error || "syscall" in error) return error;
  return driverGaveUp.test(error.message)
    ? new DatabaseUnavailableError(`PostgreSQL: ${error.message}`, { cause: error })
    : error;
}

const markedClient = Symbol("errors marked");

type Queryable = { query: (...args: unknown[]) => unknown };

function markErrorsOf<T extends Queryable>(target: T): T {
  const query = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const result = query(...args);
    return result instanceof Promise
      ? result.catch((error: unknown) => Promise.reject(markDriverError(error)))
      : result;
  };
  return target;
}

/**
 * The pool behind Prisma, with every wait bounded: checking out or opening a connection, waiting for
 * an answer, and the statement on the server. Prisma's driver adapter calls `query` on the pool and,
 * inside transactions, on a client it checked out with `connect`.
 */
function boundedPool(url: string, timeouts: DatabaseTimeouts): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    statement_timeout: timeouts.statementMs,
    keepAlive: true,
  });
  markErrorsOf(pool as unknown as Queryable);
  const connect = pool.connect.bind(pool) as (callback?: unknown) => unknown;
  (pool as unknown as { connect: typeof connect }).connect = (callback?: unknown) => {
    // pool.query checks out through the callback form; its errors come out of query() above.
    if (callback) return connect(callback);
    return (connect() as Promise<pg.PoolClient>).then(
      (client) => {
        // Pooled clients come back again and again; wrap each one once.
        const marked = client as unknown as Queryable & { [markedClient]?: true };
        if (!marked[markedClient]) {
          markErrorsOf(marked);
          marked[markedClient] = true;
        }
        return client;
      },
      (error: unknown) => Promise.reject(markDriverError(error)),
    );
  };
  return pool;
}

export async function openDatabase(
  url: string,
  timeouts: DatabaseTimeouts = defaultDatabaseTimeouts,
): Promise<Database> {
  const provider = databaseProvider(url);
  let prisma: PrismaDb;
  // An interactive transaction waits no longer for its connection than any other query.
  const transactionOptions = { maxWait: timeouts.connectMs };
  if (provider === "sqlite") {
    ensureSqliteFolder(url);
    // better-sqlite3 waits up to `timeout` ms for another writer's lock (the CLI may write while the bot runs).
    prisma = new SqlitePrismaClient({
      adapter: new PrismaBetterSQLite3({ url, timeout: timeouts.sqliteBusyMs }),
      transactionOptions,
    });
  } else {
    const client = new PostgresPrismaClient({
      adapter: new PrismaPg(boundedPool(url, timeouts), { disposeExternalPool: true }),
      transactionOptions,
    });
    prisma = client as unknown as PrismaDb;
  }
  return {
    prisma,
    provider,
    url,
    async ping() {
      await prisma.$queryRawUnsafe("SELECT 1");
    },
    async appliedMigrations() {
      try {
        const rows = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(
          'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
        );
        return rows.map((row) => row.migration_name);
      } catch (error) {
        // A database no migration has touched yet has no such table.
        if (/_prisma_migrations|no such table|does not exist|42P01/i.test(String((error as Error).message))) return [];
        throw error;
      }
    },
    async close() {
      await prisma.$disconnect();
    },
  };
}
