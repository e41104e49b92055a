// Creates a migration for BOTH databases from the source schema, with one name and timestamp:
//   prisma/migrations/<ts>_<name>/migration.sql             (SQLite, the embedded default)
//   prisma/postgresql/migrations/<ts>_<name>/migration.sql  (PostgreSQL)
// Uses `prisma migrate diff` (which works with the WASM engine) instead of `migrate dev
// --create-only` (which crashes in Prisma 6.19.3 with engine "js"). PostgreSQL needs a real server
// for its shadow database: a throw-away one is started from Debian's postgresql package.
// Usage: npm run db:new-migration -- <name>
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { postgresqlSchemaPath, postgresqlVariant, sourceSchemaPath } from "./prisma-schemas.ts";
import { startLocalPostgres } from "./local-postgres.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function diff(databaseUrl: string, migrations: string, schema: string): string | null {
  const hasMigrations =
    existsSync(migrations) && readdirSync(migrations).some((d) => existsSync(join(migrations, d, "migration.sql")));
  const from = hasMigrations ? ["--from-migrations", migrations] : ["--from-empty"];
  const out = join(mkdtempSync(join(tmpdir(), "migration-")), "migration.sql");
  try {
    execFileSync(
      "npx",
      ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script", "--exit-code", "-o", out],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    return null; // exit 0: no difference
  } catch (error) {
    if ((error as { status?: number }).status === 2) return readFileSync(out, "utf8");
    throw error;
  } finally {
    rmSync(dirname(out), { recursive: true, force: true });
  }
}

function write(migrations: string, folder: string, sql: string, provider: string): void {
  mkdirSync(join(migrations, folder), { recursive: true });
  writeFileSync(join(migrations, folder, "migration.sql"), sql);
  const lock = join(migrations, "migration_lock.toml");
  if (!existsSync(lock)) {
    writeFileSync(
      lock,
      `# Written by scripts/new-migration.ts; keep it in version control.\nprovider = "${provider}"\n`,
    );
  }
  console.log(`created ${join(migrations, folder)}/migration.sql`);
}

async function main(name: string | undefined): Promise<void> {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:new-migration -- <name_in_snake_case>");
  writeFileSync(postgresqlSchemaPath, postgresqlVariant(readFileSync(sourceSchemaPath, "utf8")));

  const sqliteDir = mkdtempSync(join(tmpdir(), "migration-sqlite-"));
  const sqliteSql = diff(`file:${join(sqliteDir, "diff.db")}`, join(root, "prisma", "migrations"), sourceSchemaPath);
  rmSync(sqliteDir, { recursive: true, force: true });

  const postgres = await startLocalPostgres({ fast: true });
  let postgresSql: string | null;
  try {
    postgresSql = diff(postgres.url, join(root, "prisma", "postgresql", "migrations"), postgresqlSchemaPath);
  } finally {
    postgres.stop();
  }

  if (!sqliteSql && !postgresSql) {
    console.log("The schema matches the migrations; nothing to create.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${stamp}_${name}`;
  if (sqliteSql) write(join(root, "prisma", "migrations"), folder, sqliteSql, "sqlite");
  if (postgresSql) write(join(root, "prisma", "postgresql", "migrations"), folder, postgresSql, "postgresql");
}

main(process.argv[2]).catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
