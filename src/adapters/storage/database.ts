// Opens the application's database through Prisma with the driver adapter for the configured
// provider. Both generated clients come from one source schema, so repositories are written once
// against the SQLite client's type; the PostgreSQL client has the same model API.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqlitePrismaClient } from "../../generated/sqlite/client.ts";
import { PrismaClient as PostgresPrismaClient } from "../../generated/postgresql/client.ts";
import type { DatabaseProvider } from "../../config/config.ts";
import { databaseProvider } from "../../config/config.ts";

export type PrismaDb = SqlitePrismaClient;

export interface Database {
  prisma: PrismaDb;
  provider: DatabaseProvider;
  url: string;
  ping(): Promise<void>;
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

export async function openDatabase(url: string): Promise<Database> {
  const provider = databaseProvider(url);
  let prisma: PrismaDb;
  if (provider === "sqlite") {
    ensureSqliteFolder(url);
    // better-sqlite3 waits up to `timeout` ms for a lock, so the CLI can write while the bot runs.
    prisma = new SqlitePrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
  } else {
    const client = new PostgresPrismaClient({
      adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5000, max: 10 }),
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
    async close() {
      await prisma.$disconnect();
    },
  };
}
