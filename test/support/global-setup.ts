// Once per test run: a real PostgreSQL server (Debian's postgresql package) on a free loopback port,
// plus a migrated template database for each provider. Each test file copies a template, so files
// never share data and never pay for migrations again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/adapters/storage/migrator.ts";
import { startLocalPostgres } from "../../scripts/local-postgres.ts";

export const POSTGRES_TEMPLATE = "uppfoljning_template";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabases: {
      sqliteTemplatePath: string;
      postgres: { host: string; port: number; user: string; password: string; adminDatabase: string; template: string };
    };
  }
}

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), "uppfoljning-test-"));
  const sqliteTemplatePath = join(folder, "template.db");
  await applyMigrations(`file:${sqliteTemplatePath}`);

  const postgres = await startLocalPostgres({ fast: true });
  const admin = postgres.admin();
  await admin.connect();
  await admin.query(`CREATE DATABASE "${POSTGRES_TEMPLATE}" OWNER "${postgres.user}"`);
  await admin.end();
  await applyMigrations(
    `postgresql://${postgres.user}:${postgres.password}@127.0.0.1:${postgres.port}/${POSTGRES_TEMPLATE}`,
  );

  project.provide("testDatabases", {
    sqliteTemplatePath,
    postgres: {
      host: postgres.host,
      port: postgres.port,
      user: postgres.user,
      password: postgres.password,
      adminDatabase: postgres.database,
      template: POSTGRES_TEMPLATE,
    },
  });

  return () => {
    postgres.stop();
    rmSync(folder, { recursive: true, force: true });
  };
}
