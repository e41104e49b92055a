import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { migrationsFolder, readMigrationFiles } from "../../src/adapters/storage/migrator.ts";
import { postgresqlSchemaPath, postgresqlVariant, sourceSchemaPath } from "../../scripts/prisma-schemas.ts";

describe("one source schema for two databases", () => {
  it("the PostgreSQL schema is exactly what the source schema generates (run `npm run db:schemas` if not)", () => {
    expect(readFileSync(postgresqlSchemaPath, "utf8")).toBe(postgresqlVariant(readFileSync(sourceSchemaPath, "utf8")));
  });

  it("every migration exists for both databases, under the same name", () => {
    const sqlite = readMigrationFiles(migrationsFolder("sqlite")).map((m) => m.name);
    const postgresql = readMigrationFiles(migrationsFolder("postgresql")).map((m) => m.name);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgresql).toEqual(sqlite);
  });

  it("the source schema stays portable: no enums, Json, lists or native types", () => {
    const source = readFileSync(sourceSchemaPath, "utf8")
      .split("\n")
      .filter((line) => !line.trim().startsWith("//"))
      .join("\n");
    expect(source).not.toMatch(/^\s*enum\s/m);
    expect(source).not.toMatch(/\bJson\b|\b(String|Int|Float|Boolean|DateTime|BigInt|Decimal|Bytes)\[\]|@db\./m);
  });
});
