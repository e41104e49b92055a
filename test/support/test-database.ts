import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseProvider } from "../../src/config/config.ts";
import { openDatabase, type Database } from "../../src/adapters/storage/database.ts";

export const testProviders: DatabaseProvider[] = ["sqlite", "postgresql"];

export interface TestDatabase {
  url: string;
  provider: DatabaseProvider;
  database: Database;
  /** Closes the connection and deletes the database. */
  drop(): Promise<void>;
}

/** An empty URL for a database of `provider` that does not exist yet (for migration tests). */
export async function createEmptyDatabaseUrl(
  provider: DatabaseProvider,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === "sqlite") {
    const folder = mkdtempSync(join(tmpdir(), "uppfoljning-db-"));
    return {
      url: `file:${join(folder, "test.db")}`,
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  return createPostgresDatabase(undefined);
}

async function createPostgresDatabase(template: string | undefined): Promise<{ url: string; drop(): Promise<void> }> {
  const { postgres } = inject("testDatabases");
  const name = `test_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({
    host: postgres.host,
    port: postgres.port,
    user: postgres.user,
    password: postgres.password,
    database: postgres.adminDatabase,
  });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
  const url = `postgresql://${postgres.user}:${postgres.password}@${postgres.host}:${postgres.port}/${name}`;
  return {
    url,
    async drop() {
      const client = new pg.Client({
        host: postgres.host,
        port: postgres.port,
        user: postgres.user,
        password: postgres.password,
        database: postgres.adminDatabase,
      });
      await client.connect();
      try {
        // FORCE may not end a backend of another role (an autovacuum worker on the database):
        // that one finishes soon, so the drop is tried again.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
            break;
          } catch (error) {
            const notOurs =
              /member of the role whose process is being terminated|is being accessed by other users/.test(
                String((error as Error).message),
              );
            if (!notOurs || attempt >= 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

/** A migrated, empty database of its own for one test file (or one test). */
export async function createTestDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  let created: { url: string; drop(): Promise<void> };
  if (provider === "sqlite") {
    const folder = mkdtempSync(join(tmpdir(), "uppfoljning-db-"));
    const file = join(folder, "test.db");
    copyFileSync(inject("testDatabases").sqliteTemplatePath, file);
    created = { url: `file:${file}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  } else {
    created = await createPostgresDatabase(inject("testDatabases").postgres.template);
  }
  const database = await openDatabase(created.url);
  return {
    url: created.url,
    provider,
    database,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}
