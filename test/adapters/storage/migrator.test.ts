import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/adapters/storage/database.ts";
import {
  applyMigrations,
  migrationStatus,
  migrationsFolder,
  readMigrationFiles,
} from "../../../src/adapters/storage/migrator.ts";
import { projectRoot } from "../../../src/adapters/project-paths.ts";
import { createEmptyDatabaseUrl, testProviders } from "../../support/test-database.ts";

function migrateInChildProcess(url: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(projectRoot, "test", "support", "apply-migrations-process.ts"), url],
      { cwd: projectRoot, encoding: "utf8" },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as string[]),
    );
  });
}

describe.each(testProviders)("migrations on %s", (provider) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  const emptyDatabase = async () => {
    const db = await createEmptyDatabaseUrl(provider);
    cleanups.push(db.drop);
    return db.url;
  };

  it("bring an empty database to the current schema, and a second run changes nothing", async () => {
    const url = await emptyDatabase();
    const all = readMigrationFiles(migrationsFolder(provider)).map((m) => m.name);
    expect((await migrationStatus(url)).pending).toEqual(all);

    expect(await applyMigrations(url)).toEqual(all);
    expect(await applyMigrations(url)).toEqual([]);
    const status = await migrationStatus(url);
    expect(status.pending).toEqual([]);
    expect(status.applied.map((m) => m.name)).toEqual(all);

    const database = await openDatabase(url);
    try {
      expect(await database.prisma.person.count()).toBe(0);
    } finally {
      await database.close();
    }
  });

  it("apply each migration once when two processes start at the same moment", async () => {
    const url = await emptyDatabase();
    const [first, second] = await Promise.all([migrateInChildProcess(url), migrateInChildProcess(url)]);
    const all = readMigrationFiles(migrationsFolder(provider)).map((m) => m.name);
    expect([...first, ...second].sort()).toEqual(all);
    expect((await migrationStatus(url)).applied).toHaveLength(all.length);
  });

  it("roll back a failing migration and leave the database as it was", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    const folder = mkdtempSync(join(tmpdir(), "migrations-"));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    cpSync(migrationsFolder(provider), folder, { recursive: true });
    mkdirSync(join(folder, "99990101000000_broken"));
    writeFileSync(
      join(folder, "99990101000000_broken", "migration.sql"),
      'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nTHIS IS NOT SQL;\n',
    );

    await expect(applyMigrations(url, folder)).rejects.toThrow(/99990101000000_broken failed and was rolled back/);
    const status = await migrationStatus(url, folder);
    expect(status.pending).toEqual(["99990101000000_broken"]);
    const database = await openDatabase(url);
    try {
      await expect(database.prisma.$queryRawUnsafe('SELECT * FROM "Half"')).rejects.toThrow();
    } finally {
      await database.close();
    }
  });

  it("report a database that is newer than the code, and a migration file changed after it was applied", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    const folder = mkdtempSync(join(tmpdir(), "migrations-"));
    cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
    const [first] = readMigrationFiles(migrationsFolder(provider));
    mkdirSync(join(folder, first!.name));
    writeFileSync(join(folder, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    const status = await migrationStatus(url, folder);
    expect(status.modified).toEqual([first!.name]);
    const all = readMigrationFiles(migrationsFolder(provider)).map((m) => m.name);
    expect(status.unknown).toEqual(all.filter((n) => n !== first!.name));
  });

  it("are recorded the way Prisma records them, so `prisma migrate status` agrees", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    const output = execFileSync(
      process.execPath,
      [join(projectRoot, "node_modules", "prisma", "build", "index.js"), "migrate", "status"],
      {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    expect(output).toContain("Database schema is up to date!");
  });
});
